package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ArticlePreparerTest {

  private static final Instant RUN = Instant.parse("2025-12-01T00:00:00Z");
  private static final String BODY = "반도체 수출이 석 달 연속 늘어 12월에도 증가세가 이어질 전망이다.";
  private static final String FILE = "file:/data/news/feed.jsonl";

  private final ArticlePreparer preparer = new ArticlePreparer(IngestSettings.defaults(RUN));

  /** Columns: body | published_at | expected reason. '\n' in the body is written as \\n. */
  @ParameterizedTest(name = "[{index}] {2}: {0} / {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
      ''                                          | NULL                      | EMPTY_BODY
      '   \\n  '                                 | NULL                      | EMPTY_BODY
      '<p></p>'                                   | NULL                      | EMPTY_BODY
      '&nbsp;'                                    | NULL                      | EMPTY_BODY
      '\u200B\uFEFF'                              | NULL                      | EMPTY_BODY
      '김민준 기자 minjun@example.com'             | NULL                      | EMPTY_BODY
      '한빛경제 김민준 기자 | '                    | NULL                      | EMPTY_BODY
      '짧은 본문'                                 | NULL                      | BODY_TOO_SHORT
      '한빛경제 김민준 기자 | 짧은 본문'            | NULL                      | BODY_TOO_SHORT
      '<b>짧다</b>'                               | NULL                      | BODY_TOO_SHORT
      NULL                                        | 2025-11-26                | MISSING_FIELD
      '반도체 수출이 늘었다는 충분히 긴 본문'      | 어제                      | UNPARSEABLE_DATE
      '반도체 수출이 늘었다는 충분히 긴 본문'      | 2025-02-30                | UNPARSEABLE_DATE
      '반도체 수출이 늘었다는 충분히 긴 본문'      | 1989-12-31                | DATE_OUT_OF_RANGE
      '반도체 수출이 늘었다는 충분히 긴 본문'      | 1989-12-31T23:00:00+09:00 | DATE_OUT_OF_RANGE
      '반도체 수출이 늘었다는 충분히 긴 본문'      | 9999-12-31                | DATE_OUT_OF_RANGE
      '반도체 수출이 늘었다는 충분히 긴 본문'      | 2025-12-02T00:00:01Z      | DATE_OUT_OF_RANGE
      '반도체 수출이 늘었다는 충분히 긴 본문'      | 2025-12-03                | DATE_OUT_OF_RANGE
      """)
  void quarantinesBadRecords(String body, String publishedAt, QuarantineReason reason) {
    EnumMap<ArticleField, String> fields = new EnumMap<>(ArticleField.class);
    fields.put(ArticleField.ID, "src-1");
    if (body != null) {
      fields.put(ArticleField.BODY, body.replace("\\n", "\n"));
    }
    if (publishedAt != null) {
      fields.put(ArticleField.PUBLISHED_AT, publishedAt);
    }
    QuarantinedRecord q =
        assertInstanceOf(
            QuarantinedRecord.class,
            preparer.prepare(SourceRecord.parsed(FILE, 3L, 120L, fields, "{raw}")));
    assertEquals(reason, q.reason(), q.message());
    assertEquals("src-1", q.sourceId());
    assertEquals(FILE, q.inputFile());
    assertEquals(3L, q.line());
    assertEquals(120L, q.offset());
    assertEquals("{raw}", q.payload());
    if (reason == QuarantineReason.UNPARSEABLE_DATE) {
      assertTrue(q.message().contains(publishedAt), q.message());
    }
  }

  /** Columns: published_at | accepted date (Seoul). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      1990-01-01                 | 1990-01-01
      1989-12-31T15:00:00Z       | 1990-01-01
      2025-12-02T00:00:00Z       | 2025-12-02
      2025-12-02 08:59           | 2025-12-02
      """)
  void acceptsDatesAtTheEdgesOfTheRange(String publishedAt, String date) {
    PreparedArticle a =
        prepared(Map.of(ArticleField.BODY, BODY, ArticleField.PUBLISHED_AT, publishedAt), FILE);
    assertEquals(LocalDate.parse(date), a.publishedDate());
  }

  @Test
  void binaryContentIsQuarantined() {
    StringBuilder garbage = new StringBuilder("PK");
    for (int i = 0; i < 200; i++) {
      garbage.append((char) (i % 31 + 1)).append('\uFFFD').append((char) ('a' + i % 26));
    }
    QuarantinedRecord q =
        assertInstanceOf(
            QuarantinedRecord.class,
            preparer.prepare(
                SourceRecord.parsed(
                    FILE, 1L, 0L, fields(Map.of(ArticleField.BODY, garbage.toString())), "x")));
    assertEquals(QuarantineReason.BINARY_CONTENT, q.reason());
  }

  @Test
  void textWithAFewOddCharactersIsNotBinary() {
    String body = BODY + "\u0001\uFFFD";
    assertInstanceOf(
        PreparedArticle.class,
        preparer.prepare(
            SourceRecord.parsed(FILE, 1L, 0L, fields(Map.of(ArticleField.BODY, body)), body)));
  }

  @ParameterizedTest
  @EnumSource(QuarantineReason.class)
  void readerFailuresPassThroughWithTheirPayload(QuarantineReason reason) {
    byte[] raw = {(byte) 0xFF, 'a'};
    QuarantinedRecord q =
        assertInstanceOf(
            QuarantinedRecord.class,
            preparer.prepare(
                SourceRecord.failed(FILE, 9L, 400L, reason, "detail", "payload", raw)));
    assertEquals(reason, q.reason());
    assertEquals("detail", q.message());
    assertEquals("payload", q.payload());
    assertArrayEquals(raw, q.rawBytes());
    assertEquals(9L, q.line());
    assertEquals(400L, q.offset());
    assertNull(q.sourceId());
  }

  @Test
  void payloadIsTruncatedToTheConfiguredSize() {
    ArticlePreparer small =
        new ArticlePreparer(new IngestSettings(10, 1 << 20, 5, null, RUN, ColumnMap.identity()));
    QuarantinedRecord q =
        assertInstanceOf(
            QuarantinedRecord.class,
            small.prepare(
                SourceRecord.failed(
                    FILE,
                    1L,
                    0L,
                    QuarantineReason.INVALID_UTF8,
                    "m",
                    "가나다라마바사",
                    new byte[] {1, 2, 3, 4, 5, 6, 7})));
    assertEquals("가나다라마", q.payload());
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, q.rawBytes());
    // A surrogate pair is never cut in half.
    assertEquals("abcd", ArticlePreparer.truncate("abcd😀", 5));
  }

  @Test
  void missingBodyNamesTheMappedColumn() {
    ArticlePreparer mapped =
        new ArticlePreparer(
            new IngestSettings(10, 1 << 20, 100, null, RUN, ColumnMap.parse("body=text")));
    QuarantinedRecord q =
        assertInstanceOf(
            QuarantinedRecord.class,
            mapped.prepare(
                SourceRecord.parsed(FILE, 1L, 0L, fields(Map.of(ArticleField.TITLE, "제목")), "{}")));
    assertEquals(QuarantineReason.MISSING_FIELD, q.reason());
    assertTrue(q.message().contains("'text'"), q.message());
  }

  // ---------------------------------------------------------------- ids

  @Test
  void sameRecordGivesTheSameIdEveryTime() {
    Map<ArticleField, String> f = Map.of(ArticleField.ID, "A-1", ArticleField.BODY, BODY);
    PreparedArticle a = prepared(f, FILE);
    PreparedArticle b =
        assertInstanceOf(
            PreparedArticle.class,
            new ArticlePreparer(IngestSettings.defaults(RUN.plusSeconds(3600)))
                .prepare(record(f, FILE)));
    assertEquals(a.articleId(), b.articleId());
    assertEquals(20, a.articleId().length());
    assertTrue(a.articleId().matches("[0-9a-f]{20}"));
    assertEquals(ArticlePreparer.sha256Hex(BODY), a.contentHash());
  }

  @Test
  void differentContentUnderOneSourceIdGetsDifferentIds() {
    PreparedArticle a = prepared(Map.of(ArticleField.ID, "A-1", ArticleField.BODY, BODY), FILE);
    PreparedArticle b =
        prepared(Map.of(ArticleField.ID, "A-1", ArticleField.BODY, BODY + " 수정"), FILE);
    assertNotEquals(a.articleId(), b.articleId());
    assertNotEquals(a.contentHash(), b.contentHash());
  }

  @Test
  void sameContentUnderDifferentIdentitiesGetsDifferentIdsButOneHash() {
    PreparedArticle byId = prepared(Map.of(ArticleField.ID, "A-1", ArticleField.BODY, BODY), FILE);
    PreparedArticle otherId =
        prepared(Map.of(ArticleField.ID, "A-2", ArticleField.BODY, BODY), FILE);
    PreparedArticle byUrl =
        prepared(Map.of(ArticleField.URL, "https://news.example/1", ArticleField.BODY, BODY), FILE);
    PreparedArticle bySource =
        prepared(Map.of(ArticleField.OUTLET, "한빛일보", ArticleField.BODY, BODY), FILE);
    PreparedArticle otherDate =
        prepared(
            Map.of(
                ArticleField.OUTLET,
                "한빛일보",
                ArticleField.PUBLISHED_AT,
                "2025-03-04",
                ArticleField.BODY,
                BODY),
            FILE);
    assertEquals(
        5,
        java.util.Set.of(
                byId.articleId(),
                otherId.articleId(),
                byUrl.articleId(),
                bySource.articleId(),
                otherDate.articleId())
            .size());
    assertEquals(
        java.util.List.of(byId.contentHash(), byId.contentHash(), byId.contentHash()),
        java.util.List.of(otherId.contentHash(), byUrl.contentHash(), bySource.contentHash()));
  }

  @Test
  void idsDoNotDependOnWhereTheInputLies() {
    Map<ArticleField, String> f = Map.of(ArticleField.OUTLET, "한빛일보", ArticleField.BODY, BODY);
    PreparedArticle here = prepared(f, FILE);
    PreparedArticle elsewhere = prepared(f, "hdfs://cluster/archive/copy/feed.jsonl");
    PreparedArticle otherLine =
        assertInstanceOf(
            PreparedArticle.class,
            preparer.prepare(
                SourceRecord.parsed("file:/tmp/other/feed.jsonl", 4L, 300L, fields(f), BODY)));
    assertEquals(here.articleId(), elsewhere.articleId());
    assertEquals(here.articleId(), otherLine.articleId());
    // A date read from the path is part of the identity, and survives a copy of the tree.
    PreparedArticle dated =
        prepared(Map.of(ArticleField.BODY, BODY), "file:/data/news/2025/03/04/wire.txt");
    PreparedArticle datedCopy =
        prepared(Map.of(ArticleField.BODY, BODY), "s3a://bucket/x/2025/03/04/wire.txt");
    assertEquals(dated.articleId(), datedCopy.articleId());
    assertNotEquals(dated.articleId(), prepared(Map.of(ArticleField.BODY, BODY), FILE).articleId());
  }

  @Test
  void normalizationVariantsShareIdAndHash() {
    PreparedArticle plain = prepared(Map.of(ArticleField.ID, "A-1", ArticleField.BODY, BODY), FILE);
    PreparedArticle noisy =
        prepared(
            Map.of(
                ArticleField.ID,
                " A-1 ",
                ArticleField.BODY,
                "<p>"
                    + java.text.Normalizer.normalize(BODY, java.text.Normalizer.Form.NFD)
                        .replace(" ", "  ")
                    + "</p>"),
            FILE);
    assertEquals(plain.contentHash(), noisy.contentHash());
    assertEquals(plain.articleId(), noisy.articleId());
    assertEquals("A-1", noisy.sourceId());
  }

  // ---------------------------------------------------------------- dates

  /**
   * Columns: record date or NULL | input file | default date or NULL | expected date or NULL |
   * source.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      textBlock =
          """
      2025-11-26 | file:/data/2025/03/04/a.jsonl | 2025-01-01 | 2025-11-26 | record
      NULL       | file:/data/2025/03/04/a.jsonl | 2025-01-01 | 2025-03-04 | path
      ''         | file:/data/2025/03/04/a.jsonl | 2025-01-01 | 2025-03-04 | path
      NULL       | file:/data/wire-20240229.txt  | 2025-01-01 | 2024-02-29 | path
      NULL       | file:/data/feed.jsonl         | 2025-01-01 | 2025-01-01 | default
      NULL       | file:/data/feed.jsonl         | NULL       | NULL       | NULL
      """)
  void datePrecedenceIsRecordThenPathThenDefault(
      String recordDate, String file, String defaultDate, String expected, String source) {
    ArticlePreparer p =
        new ArticlePreparer(
            new IngestSettings(
                10,
                1 << 20,
                100,
                defaultDate == null ? null : LocalDate.parse(defaultDate),
                RUN,
                ColumnMap.identity()));
    EnumMap<ArticleField, String> f = fields(Map.of(ArticleField.BODY, BODY));
    if (recordDate != null) {
      f.put(ArticleField.PUBLISHED_AT, recordDate);
    }
    PreparedArticle a =
        assertInstanceOf(
            PreparedArticle.class, p.prepare(SourceRecord.parsed(file, 1L, 0L, f, BODY)));
    assertEquals(expected == null ? null : LocalDate.parse(expected), a.publishedDate());
    assertEquals(source, a.dateSource());
    if (expected == null) {
      assertNull(a.publishedAt());
    } else {
      assertEquals(
          a.publishedDate(), a.publishedAt().atZone(PublishedDates.NEWSROOM_ZONE).toLocalDate());
    }
  }

  @Test
  void unreadableRecordDateIsNotReplacedByThePathDate() {
    EnumMap<ArticleField, String> f =
        fields(Map.of(ArticleField.BODY, BODY, ArticleField.PUBLISHED_AT, "지난주"));
    QuarantinedRecord q =
        assertInstanceOf(
            QuarantinedRecord.class,
            preparer.prepare(
                SourceRecord.parsed("file:/data/2025/03/04/a.jsonl", 1L, 0L, f, BODY)));
    assertEquals(QuarantineReason.UNPARSEABLE_DATE, q.reason());
    assertTrue(q.message().contains("지난주"));
  }

  @Test
  void pathAndDefaultDatesAreCheckedForRangeToo() {
    QuarantinedRecord fromPath =
        assertInstanceOf(
            QuarantinedRecord.class,
            preparer.prepare(
                SourceRecord.parsed(
                    "file:/data/1988/01/02/a.jsonl",
                    1L,
                    0L,
                    fields(Map.of(ArticleField.BODY, BODY)),
                    BODY)));
    assertEquals(QuarantineReason.DATE_OUT_OF_RANGE, fromPath.reason());
    ArticlePreparer future =
        new ArticlePreparer(
            new IngestSettings(
                10, 1 << 20, 100, LocalDate.of(2030, 1, 1), RUN, ColumnMap.identity()));
    QuarantinedRecord fromDefault =
        assertInstanceOf(
            QuarantinedRecord.class,
            future.prepare(
                SourceRecord.parsed(FILE, 1L, 0L, fields(Map.of(ArticleField.BODY, BODY)), BODY)));
    assertEquals(QuarantineReason.DATE_OUT_OF_RANGE, fromDefault.reason());
  }

  // ---------------------------------------------------------------- fields and bylines

  @Test
  void bylineFillsOutletAndReporterAndLeavesTheBody() {
    PreparedArticle a = prepared(Map.of(ArticleField.BODY, "한빛경제 김민준 기자 | " + BODY), FILE);
    assertEquals("한빛경제", a.outlet());
    assertEquals("김민준", a.reporter());
    assertEquals(BODY, a.body());
    assertEquals(BODY.codePointCount(0, BODY.length()), a.charCount());
  }

  @Test
  void recordFieldsWinOverTheByline() {
    PreparedArticle a =
        prepared(
            Map.of(
                ArticleField.BODY,
                "한빛경제 김민준 기자 | " + BODY,
                ArticleField.OUTLET,
                " 누리일보 ",
                ArticleField.REPORTER,
                "박서윤"),
            FILE);
    assertEquals("누리일보", a.outlet());
    assertEquals("박서윤", a.reporter());
    assertEquals(
        BODY,
        a.body(),
        "the byline is removed from the body even when the record names the reporter");
  }

  @Test
  void blankRecordFieldsFallBackToTheByline() {
    PreparedArticle a =
        prepared(
            Map.of(
                ArticleField.BODY,
                "[한빛경제 김민준 기자] " + BODY,
                ArticleField.OUTLET,
                "  ",
                ArticleField.REPORTER,
                "\u200B"),
            FILE);
    assertEquals("한빛경제", a.outlet());
    assertEquals("김민준", a.reporter());
  }

  @Test
  void everyFieldIsNormalized() {
    PreparedArticle a =
        prepared(
            Map.of(
                ArticleField.ID, "\uFEFFＡ-１",
                ArticleField.URL, "  https://news.example/a?b=1&amp;c=2 ",
                ArticleField.TITLE, "<b>반도체</b>\n수출 １０％ 증가",
                ArticleField.SECTION, " 반도체 ",
                ArticleField.BODY, "첫 문단\r\n\r\n" + BODY),
            FILE);
    assertEquals("A-1", a.sourceId());
    assertEquals("https://news.example/a?b=1&c=2", a.url());
    assertEquals("반도체 수출 10% 증가", a.title());
    assertEquals("반도체", a.section());
    assertEquals("첫 문단\n" + BODY, a.body());
    assertEquals(FILE, a.inputFile());
    assertEquals(1L, a.inputLine());
    assertNull(a.outlet());
    assertNull(a.reporter());
    assertNull(a.publishedAt());
  }

  @Test
  void blankOptionalFieldsBecomeNull() {
    PreparedArticle a =
        prepared(
            Map.of(
                ArticleField.BODY,
                BODY,
                ArticleField.ID,
                " ",
                ArticleField.TITLE,
                "",
                ArticleField.URL,
                "\t"),
            FILE);
    assertNull(a.sourceId());
    assertNull(a.title());
    assertNull(a.url());
  }

  private PreparedArticle prepared(Map<ArticleField, String> f, String file) {
    return assertInstanceOf(PreparedArticle.class, preparer.prepare(record(f, file)));
  }

  private static SourceRecord record(Map<ArticleField, String> f, String file) {
    return SourceRecord.parsed(file, 1L, 0L, fields(f), "payload");
  }

  private static EnumMap<ArticleField, String> fields(Map<ArticleField, String> f) {
    EnumMap<ArticleField, String> out = new EnumMap<>(ArticleField.class);
    out.putAll(f);
    return out;
  }
}
