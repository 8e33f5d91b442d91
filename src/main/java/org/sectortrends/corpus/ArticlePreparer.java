package org.sectortrends.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns one {@link SourceRecord} into an article or a quarantine row: normalizes every field, reads
 * the byline and the date, applies the size and date limits, and derives the stable ids.
 *
 * <p>Ids: {@code content_hash} is the SHA-256 of the normalized body; {@code article_id} is the
 * first 20 hex digits of the SHA-256 of the record's own identity (its source id, else its URL,
 * else its outlet and publication instant) and the content hash, so the same input yields the same
 * id on every run and wherever it lies, and two different texts under one source id still get two
 * ids. Known weakness: two records without id or URL, of one outlet, instant and body, are one
 * article to ingest (the second counts as delivered twice).
 *
 * <p>Date precedence: the record's value, else a date in the input path, else the configured
 * default date, else none (the article is kept, undated). A record value that cannot be read is
 * quarantined rather than replaced by a guess.
 */
public final class ArticlePreparer {

  private final IngestSettings settings;
  private final Instant latestAccepted;

  public ArticlePreparer(IngestSettings settings) {
    this.settings = settings;
    this.latestAccepted = settings.runStarted().plus(Duration.ofDays(1));
  }

  public IngestOutcome prepare(SourceRecord record) {
    if (record.isFailed()) {
      return quarantine(record, null, record.failure(), record.message());
    }
    EnumMap<ArticleField, String> fields = record.fields();
    String sourceId = blankToNull(TextNormalizer.normalizeLine(fields.get(ArticleField.ID)));
    String rawBody = fields.get(ArticleField.BODY);
    if (rawBody == null) {
      return quarantine(
          record,
          sourceId,
          QuarantineReason.MISSING_FIELD,
          "No body: column '"
              + settings.columnMap().columnFor(ArticleField.BODY)
              + "' is absent or null");
    }
    if (looksBinary(rawBody)) {
      return quarantine(
          record,
          sourceId,
          QuarantineReason.BINARY_CONTENT,
          "Body is mostly control, replacement or unassigned characters: binary data");
    }
    String normalizedBody = TextNormalizer.normalizeBody(rawBody);
    Byline byline = BylineParser.parse(normalizedBody);
    String body = byline.body();
    int charCount = body.codePointCount(0, body.length());
    if (charCount == 0) {
      return quarantine(
          record, sourceId, QuarantineReason.EMPTY_BODY, "Body is empty after normalization");
    }
    if (charCount < settings.minBodyChars()) {
      return quarantine(
          record,
          sourceId,
          QuarantineReason.BODY_TOO_SHORT,
          "Body has "
              + charCount
              + " characters, fewer than the minimum "
              + settings.minBodyChars());
    }

    Optional<PublishedDate> date;
    try {
      date = PublishedDates.parseRecordValue(fields.get(ArticleField.PUBLISHED_AT));
    } catch (IllegalArgumentException e) {
      return quarantine(record, sourceId, QuarantineReason.UNPARSEABLE_DATE, e.getMessage());
    }
    if (date.isEmpty()) {
      date = PublishedDates.fromPath(record.inputFile());
    }
    if (date.isEmpty() && settings.defaultDate() != null) {
      date =
          Optional.of(
              PublishedDates.startOfDay(settings.defaultDate(), PublishedDate.FROM_DEFAULT));
    }
    if (date.isPresent()) {
      PublishedDate d = date.get();
      if (d.date().isBefore(IngestSettings.EARLIEST_DATE) || d.instant().isAfter(latestAccepted)) {
        return quarantine(
            record,
            sourceId,
            QuarantineReason.DATE_OUT_OF_RANGE,
            "Date "
                + d.instant()
                + " (from "
                + d.source()
                + ") is before "
                + IngestSettings.EARLIEST_DATE
                + " or more than a day after the run start "
                + settings.runStarted());
      }
    }

    String outlet =
        firstNonBlank(
            TextNormalizer.normalizeLine(fields.get(ArticleField.OUTLET)), byline.outlet());
    String reporter =
        firstNonBlank(
            TextNormalizer.normalizeLine(fields.get(ArticleField.REPORTER)), byline.reporter());
    String url = blankToNull(TextNormalizer.normalizeLine(fields.get(ArticleField.URL)));
    String contentHash = sha256Hex(body);
    String articleId =
        articleId(
            sourceId,
            url,
            outlet,
            date.filter(d -> !PublishedDate.FROM_DEFAULT.equals(d.source()))
                .map(d -> d.instant().toString())
                .orElse(null),
            contentHash);
    return new PreparedArticle(
        articleId,
        sourceId,
        url,
        outlet,
        reporter,
        blankToNull(TextNormalizer.normalizeLine(fields.get(ArticleField.TITLE))),
        body,
        blankToNull(TextNormalizer.normalizeLine(fields.get(ArticleField.SECTION))),
        date.map(PublishedDate::instant).orElse(null),
        date.map(PublishedDate::date).orElse(null),
        date.map(PublishedDate::source).orElse(null),
        charCount,
        contentHash,
        record.inputFile(),
        record.line());
  }

  /**
   * The id of an article from its source fields and content, never from where the input lies: the
   * source id, else the URL, else the outlet and the publication instant (of the record or its
   * path; a {@code --default-date} is an option of the run, not a fact of the article), each with
   * the content hash. Two records with equal ids are the same article delivered twice.
   */
  static String articleId(
      String sourceId, String url, String outlet, String publishedInstant, String contentHash) {
    String identity =
        sourceId != null
            ? "id:" + sourceId
            : url != null
                ? "url:" + url
                : "src:"
                    + (outlet == null ? "" : outlet)
                    + "|"
                    + (publishedInstant == null ? "undated" : publishedInstant);
    return sha256Hex(identity + "|" + contentHash).substring(0, 20);
  }

  private QuarantinedRecord quarantine(
      SourceRecord record, String sourceId, QuarantineReason reason, String message) {
    return new QuarantinedRecord(
        record.inputFile(),
        record.line(),
        record.offset(),
        sourceId,
        reason,
        message,
        truncate(record.payload(), settings.maxPayloadChars()),
        truncate(record.rawBytes(), settings.maxPayloadChars()));
  }

  /** More than a tenth of the characters are controls, replacement, private-use or unassigned. */
  static boolean looksBinary(String body) {
    int suspicious = 0;
    int total = 0;
    for (int i = 0; i < body.length(); ) {
      int cp = body.codePointAt(i);
      i += Character.charCount(cp);
      total++;
      int type = Character.getType(cp);
      boolean control = cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r';
      if (control
          || cp == 0xFFFD
          || type == Character.PRIVATE_USE
          || type == Character.UNASSIGNED
          || type == Character.SURROGATE) {
        suspicious++;
      }
    }
    return suspicious * 10 > total;
  }

  static String truncate(String s, int maxChars) {
    if (s == null || s.length() <= maxChars) {
      return s;
    }
    int end = maxChars;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  static byte[] truncate(byte[] bytes, int maxBytes) {
    if (bytes == null || bytes.length <= maxBytes) {
      return bytes;
    }
    return java.util.Arrays.copyOf(bytes, maxBytes);
  }

  public static String sha256Hex(String text) {
    // digest() resets the instance, so one per thread serves every call; looking the algorithm up
    // through the providers twice per article cost more than hashing short texts.
    return HEX.formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
            }
          });

  private static String firstNonBlank(String a, String b) {
    String first = blankToNull(a);
    return first != null ? first : blankToNull(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
