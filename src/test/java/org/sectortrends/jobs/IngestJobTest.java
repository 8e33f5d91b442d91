package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SharedData;
import org.sectortrends.testing.SparkTestSession;

/** End to end: the ingest job on real articles, read back as a BI tool would. */
class IngestJobTest {

  private static SparkSession spark;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("IngestJobTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static TableStore store(Path out) {
    return new TableStore(spark, out.resolve("tables").toString());
  }

  @Test
  void seedArticlesKeepBylinesAndAreUndatedWithoutADate() throws Exception {
    Path seeds = SharedData.require("seeds/000_473b655a58f8f2ba.txt");
    Path gold = SharedData.require("eval/seed/articles.jsonl");
    Path out = work.resolve("seeds");
    RunSummary summary =
        JobLauncher.execute(
            new IngestJob(), spark, "--input", seeds.toString(), "--out", out.toString());

    assertEquals(4, summary.inputRecords());
    assertEquals(4, summary.outputRecords());
    assertEquals(0, summary.duplicates());
    assertEquals(0, summary.quarantined());

    Map<Long, Row> byLine = new HashMap<>();
    for (Row row : store(out).read(Tables.ARTICLES).collectAsList()) {
      byLine.put(row.getLong(row.fieldIndex(Col.INPUT_LINE)), row);
    }
    ObjectMapper json = new ObjectMapper();
    int withByline = 0;
    for (String line : Files.readAllLines(gold)) {
      JsonNode expected = json.readTree(line);
      Row row = byLine.get(expected.get("line").asLong());
      assertNotNull(row, "article of seed line " + expected.get("line"));
      assertEquals(textOrNull(expected.get("outlet")), row.getAs(Col.OUTLET));
      assertEquals(textOrNull(expected.get("reporter")), row.getAs(Col.REPORTER));
      assertEquals(Tables.UNDATED_MONTH, row.getAs(Col.PUBLISHED_MONTH));
      assertNull(row.getAs(Col.PUBLISHED_AT));
      String body = row.getAs(Col.BODY);
      assertFalse(body.contains(" 기자 |"), "the byline is removed from the body");
      if (!expected.get("outlet").isNull()) {
        withByline++;
      }
    }
    assertEquals(3, withByline);

    // The same input gives the same ids on a second run.
    Path again = work.resolve("seeds-again");
    JobLauncher.execute(
        new IngestJob(),
        spark,
        "--input",
        seeds.toString(),
        "--out",
        again.toString(),
        "--default-date",
        "2025-11-26");
    List<String> first =
        store(out)
            .read(Tables.ARTICLES)
            .select(Col.ARTICLE_ID)
            .orderBy(Col.ARTICLE_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    List<String> second =
        store(again)
            .read(Tables.ARTICLES)
            .select(Col.ARTICLE_ID)
            .orderBy(Col.ARTICLE_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertEquals(first, second);
    assertEquals(
        4,
        store(again)
            .read(Tables.ARTICLES)
            .filter(col(Col.PUBLISHED_MONTH).equalTo("2025-11"))
            .count(),
        "--default-date dates the undated articles");
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  @Test
  void wikinewsCsvIsDatedAndAccountedForAndReadableByDuckDb() throws Exception {
    Path csv = SharedData.require("corpora/wikinews-ko/wikinews.csv");
    Path out = work.resolve("wikinews");
    RunSummary summary =
        JobLauncher.execute(
            new IngestJob(),
            spark,
            "--input",
            csv.toString(),
            "--out",
            out.toString(),
            "--column-map",
            "published_at=작성일,url=출처,title=제목,body=내용");

    assertEquals(644, summary.inputRecords(), "one record per CSV row");
    assertEquals(
        summary.inputRecords(),
        summary.outputRecords() + summary.duplicates() + summary.quarantined());
    assertTrue(
        summary.outputRecords() >= 600,
        "nearly every Wikinews article is kept: " + summary.outputRecords());

    Dataset<Row> articles = store(out).read(Tables.ARTICLES);
    assertEquals(summary.outputRecords(), articles.count());
    assertEquals(
        0,
        articles.filter(col(Col.PUBLISHED_DATE).isNull()).count(),
        "every Wikinews row has a date");
    Row range =
        articles
            .agg(
                org.apache.spark.sql.functions.min(Col.PUBLISHED_DATE),
                org.apache.spark.sql.functions.max(Col.PUBLISHED_DATE))
            .first();
    assertTrue(range.getDate(0).toLocalDate().getYear() >= 2009);
    assertTrue(range.getDate(1).toLocalDate().isBefore(LocalDate.of(2024, 1, 1)));
    assertEquals(0, articles.filter(col(Col.URL).isNull().or(col(Col.TITLE).isNull())).count());

    Row run = store(out).read(Tables.RUNS).first();
    assertEquals("succeeded", run.getAs(Col.STATUS));
    assertEquals(644L, (long) run.getAs(Col.INPUT_RECORDS));

    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement()) {
      String files = out.resolve("tables/articles").toString() + "/**/*.parquet";
      try (ResultSet rs =
          sql.executeQuery(
              "SELECT count(*), count(DISTINCT published_month), min(published_at), "
                  + "typeof(min(published_at)), typeof(min(published_date)) FROM read_parquet('"
                  + files
                  + "', hive_partitioning = true)")) {
        assertTrue(rs.next());
        assertEquals(summary.outputRecords(), rs.getLong(1));
        assertTrue(rs.getLong(2) > 12, "partitioned by month");
        assertTrue(rs.getString(4).startsWith("TIMESTAMP"), rs.getString(4));
        assertEquals("DATE", rs.getString(5));
      }
      List<String> physical = new ArrayList<>();
      try (ResultSet rs =
          sql.executeQuery(
              "SELECT DISTINCT name, type, logical_type::VARCHAR FROM parquet_schema('"
                  + files
                  + "') "
                  + "WHERE name IN ('published_at', 'ingested_at')")) {
        while (rs.next()) {
          physical.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
      }
      assertFalse(physical.isEmpty());
      for (String column : physical) {
        assertTrue(
            column.contains("INT64") && column.contains("MILLIS"),
            "INT64 milliseconds, never INT96: " + column);
      }
      try (ResultSet rs =
          sql.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + files + "')")) {
        assertTrue(rs.next());
        assertEquals("ZSTD", rs.getString(1));
      }
    }
  }

  @Test
  void aSecondRunIsMergedIntoItsMonthsAndARebuildReplacesEverything() throws Exception {
    Path out = work.resolve("rerun");
    Path first = work.resolve("rerun-in-1.jsonl");
    Files.writeString(
        first,
        String.join(
                "\n",
                record("m1", "2025-01-10", "1월 반도체 수출이 전년 대비 12% 늘어난 120억 달러로 집계됐다."),
                record("m2", "2025-02-11", "2월 배터리 수출은 35억 달러로 전월 대비 4% 줄었다고 산업부가 밝혔다."))
            + "\n",
        StandardCharsets.UTF_8);
    JobLauncher.execute(
        new IngestJob(), spark, "--input", first.toString(), "--out", out.toString());

    Path second = work.resolve("rerun-in-2.jsonl");
    Files.writeString(
        second,
        record("m1b", "2025-01-20", "1월 통신 3사 5G 가입자가 3천500만 명을 넘었다고 과기정통부가 밝혔다.") + "\n",
        StandardCharsets.UTF_8);
    JobLauncher.execute(
        new IngestJob(), spark, "--input", second.toString(), "--out", out.toString());

    List<Row> rows =
        store(out)
            .read(Tables.ARTICLES)
            .select(Col.SOURCE_ID, Col.PUBLISHED_MONTH)
            .orderBy(Col.SOURCE_ID)
            .collectAsList();
    assertEquals(
        List.of("m1 2025-01", "m1b 2025-01", "m2 2025-02"),
        rows.stream().map(r -> r.getString(0) + " " + r.getString(1)).toList(),
        "January holds its stored article and the new one");
    assertEquals(2, store(out).read(Tables.RUNS).count(), "each run appends one row to runs");

    JobLauncher.execute(
        new IngestJob(), spark, "--input", second.toString(), "--out", out.toString(), "--rebuild");
    rows =
        store(out).read(Tables.ARTICLES).select(Col.SOURCE_ID, Col.PUBLISHED_MONTH).collectAsList();
    assertEquals(
        List.of("m1b 2025-01"),
        rows.stream().map(r -> r.getString(0) + " " + r.getString(1)).toList(),
        "--rebuild keeps only its own input");
  }

  private static String record(String id, String date, String body) {
    return "{\"id\":\""
        + id
        + "\",\"published_at\":\""
        + date
        + "\",\"title\":\"제목 "
        + id
        + "\",\"body\":\""
        + body
        + "\"}";
  }
}
