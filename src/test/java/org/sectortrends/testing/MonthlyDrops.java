package org.sectortrends.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sectortrends.corpus.PublishedDate;
import org.sectortrends.corpus.PublishedDates;

/**
 * Three monthly deliveries cut from the JSONL files of {@code data/sample}, as a periodic run
 * receives them: {@link #drop1} holds everything up to September 2025, {@link #drop2} October,
 * {@link #drop3} November, and the later drops carry what real feeds carry:
 *
 * <ul>
 *   <li>a late article: one September article is withheld from drop 1 and delivered in drop 3
 *       ({@link #LATE_ID});
 *   <li>two reposts of earlier articles under new ids and URLs: {@link #REPOST_EXACT_ID} in drop 2
 *       (the body of {@link #repostExactOf} unchanged) and {@link #REPOST_NEAR_ID} in drop 3 (the
 *       body of {@link #repostNearOf} with one sentence added);
 *   <li>an earlier source of a stored article: {@link #EARLIER_SOURCE_ID} in drop 3 carries the
 *       body of the October article {@link #earlierSourceOf}, dated 30 September, so the stored
 *       article must move to {@code duplicates}; drop 2 also holds {@link #SAME_RUN_COPY_ID}, an
 *       exact copy of that article published an hour after it, whose {@code duplicate_of} must
 *       follow.
 * </ul>
 *
 * <p>Rows are identified by {@code source_id} (the JSONL {@code id}). Records whose date cannot be
 * read go to drop 1, where ingest quarantines them. Reusable by any scenario that needs the drops:
 * {@code MonthlyDrops drops = MonthlyDrops.write(dir);}.
 */
public record MonthlyDrops(
    Path drop1,
    Path drop2,
    Path drop3,
    String lateId,
    String repostExactOf,
    String repostNearOf,
    String earlierSourceOf,
    List<String> unionSourceIds) {

  public static final String LATE_ID = "late-0001";
  public static final String REPOST_EXACT_ID = "repost-0001";
  public static final String REPOST_NEAR_ID = "repost-0002";
  public static final String EARLIER_SOURCE_ID = "earlier-0001";
  public static final String SAME_RUN_COPY_ID = "copy-0001";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The three drop files, in delivery order. */
  public List<Path> inOrder() {
    return List.of(drop1, drop2, drop3);
  }

  /** Writes {@code drop1.jsonl}, {@code drop2.jsonl} and {@code drop3.jsonl} into {@code dir}. */
  public static MonthlyDrops write(Path dir) throws IOException {
    Path sample = Path.of("data/sample/jsonl").toAbsolutePath();
    List<ObjectNode> records = new ArrayList<>();
    for (String file : List.of("news-tech.jsonl", "news-industry.jsonl")) {
      for (String line : Files.readAllLines(sample.resolve(file), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          records.add((ObjectNode) JSON.readTree(line));
        }
      }
    }
    List<String> drop1 = new ArrayList<>();
    List<String> drop2 = new ArrayList<>();
    List<String> drop3 = new ArrayList<>();
    ObjectNode late = null;
    ObjectNode longestEarly = null;
    ObjectNode secondEarly = null;
    ObjectNode firstOctober = null;
    List<String> union = new ArrayList<>();
    for (ObjectNode record : records) {
      LocalDate date = dateOf(record).orElse(null);
      union.add(record.path("id").asText());
      if (date == null || date.isBefore(LocalDate.of(2025, 10, 1))) {
        if (late == null && date != null && date.getMonthValue() == 9 && date.getYear() == 2025) {
          late = record; // withheld from drop 1, delivered in drop 3
          continue;
        }
        drop1.add(record.toString());
        if (date != null && date.getYear() == 2025 && date.getMonthValue() <= 6) {
          if (longestEarly == null
              || record.path("body").asText().length()
                  > longestEarly.path("body").asText().length()) {
            secondEarly = longestEarly;
            longestEarly = record;
          } else if (secondEarly == null
              || record.path("body").asText().length()
                  > secondEarly.path("body").asText().length()) {
            secondEarly = record;
          }
        }
      } else if (date.getMonthValue() == 10) {
        drop2.add(record.toString());
        if (firstOctober == null && date.getDayOfMonth() > 1) {
          firstOctober = record;
        }
      } else {
        drop3.add(record.toString());
      }
    }
    if (late == null || longestEarly == null || secondEarly == null || firstOctober == null) {
      throw new IllegalStateException("data/sample no longer has the articles this scenario needs");
    }
    ObjectNode lateRecord = late.deepCopy();
    lateRecord.put("id", LATE_ID);
    lateRecord.put("url", "https://news.example.com/late/" + LATE_ID);
    drop3.add(lateRecord.toString());
    union.remove(late.path("id").asText());
    union.add(LATE_ID);

    drop2.add(repost(longestEarly, REPOST_EXACT_ID, "2025-10-20 09:00", "").toString());
    drop3.add(
        repost(
                secondEarly,
                REPOST_NEAR_ID,
                "2025-11-18 14:30",
                " 업계에서는 이번 결정이 하반기 실적에도 영향을 줄 것으로 보고 있다.")
            .toString());
    drop2.add(repost(firstOctober, SAME_RUN_COPY_ID, shiftHour(firstOctober), "").toString());
    drop3.add(repost(firstOctober, EARLIER_SOURCE_ID, "2025-09-30 07:00", "").toString());
    union.addAll(List.of(REPOST_EXACT_ID, REPOST_NEAR_ID, SAME_RUN_COPY_ID, EARLIER_SOURCE_ID));

    Files.createDirectories(dir);
    MonthlyDrops drops =
        new MonthlyDrops(
            dir.resolve("drop1.jsonl"),
            dir.resolve("drop2.jsonl"),
            dir.resolve("drop3.jsonl"),
            LATE_ID,
            longestEarly.path("id").asText(),
            secondEarly.path("id").asText(),
            firstOctober.path("id").asText(),
            List.copyOf(union));
    Files.write(drops.drop1(), drop1, StandardCharsets.UTF_8);
    Files.write(drops.drop2(), drop2, StandardCharsets.UTF_8);
    Files.write(drops.drop3(), drop3, StandardCharsets.UTF_8);
    return drops;
  }

  private static ObjectNode repost(
      ObjectNode original, String id, String publishedAt, String addedSentence) {
    ObjectNode copy = original.deepCopy();
    copy.put("id", id);
    copy.put("url", "https://news.example.com/repost/" + id);
    copy.put("published_at", publishedAt);
    // The sentence goes before a closing byline line ("기자 name@outlet"), which ingest strips.
    String body = original.path("body").asText();
    int lastLine = body.lastIndexOf('\n');
    copy.put(
        "body",
        addedSentence.isEmpty()
            ? body
            : lastLine < 0
                ? body + addedSentence
                : body.substring(0, lastLine) + addedSentence + body.substring(lastLine));
    return copy;
  }

  /** An hour after the record's publication time, as a {@code yyyy-MM-dd HH:mm} value. */
  private static String shiftHour(ObjectNode record) {
    PublishedDate date =
        PublishedDates.parseRecordValue(record.path("published_at").asText()).orElseThrow();
    return date.instant()
        .plusSeconds(3600)
        .atZone(java.time.ZoneId.of("Asia/Seoul"))
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  private static Optional<LocalDate> dateOf(ObjectNode record) {
    try {
      return PublishedDates.parseRecordValue(record.path("published_at").asText(null))
          .map(PublishedDate::date);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
