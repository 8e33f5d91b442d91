package org.sectortrends.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.jobs.JobLauncher;
import org.sectortrends.pipeline.PipelineJob;
import org.sectortrends.testing.SparkTestSession;

/**
 * sql/duckdb.sql over a pipeline output, read with DuckDB's JDBC driver: every view reads its
 * table, and analyst queries give the answers known from the corpus written here (3 sectors x 12
 * articles over three months, one exact duplicate, one malformed record; each body reports revenue
 * of (100 + i) 억원).
 */
class DuckDbViewsTest {

  private static SparkSession spark;
  private static Connection duckdb;

  @TempDir static Path work;

  private static final Map<String, String[]> WORDS =
      new TreeMap<>(
          Map.of(
              "semiconductor", new String[] {"반도체", "메모리", "파운드리", "웨이퍼", "HBM", "삼성전자", "SK하이닉스"},
              "telecom", new String[] {"통신", "가입자", "요금제", "5G", "SK텔레콤", "KT", "알뜰폰"},
              "bio_pharma", new String[] {"바이오", "신약", "임상", "셀트리온", "의약품", "항체", "치료제"}));

  private static final String[] PLACES = {
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "수원", "창원", "청주", "전주"
  };

  @BeforeAll
  static void start() throws Exception {
    spark = SparkTestSession.start("DuckDbViewsTest");
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String[]> sector : WORDS.entrySet()) {
      String[] w = sector.getValue();
      for (int i = 0; i < 12; i++) {
        // Two place names per article keep the bodies apart (no near duplicates among them).
        String body =
            w[i % w.length]
                + " 부문 매출이 "
                + (100 + i)
                + "억원으로 "
                + (i + 3)
                + "% 늘었다. "
                + PLACES[i]
                + " 본사와 "
                + PLACES[(i + 5) % 12]
                + " 사무소에서 "
                + w[(i + 1) % w.length]
                + "와 "
                + w[(i + 2) % w.length]
                + " 관련 투자가 이어졌다. "
                + PLACES[(i + 7) % 12]
                + " 지역 "
                + w[(i + 3) % w.length]
                + " 시장 전망도 밝다.";
        lines.add(
            "{\"id\":\""
                + sector.getKey()
                + "-"
                + i
                + "\",\"published_at\":\"2025-0"
                + (1 + i % 3)
                + "-10\",\"section\":\""
                + sector.getKey()
                + "\",\"title\":\""
                + w[i % w.length]
                + " 소식 "
                + i
                + "\",\"body\":\""
                + body
                + "\"}");
      }
    }
    String original =
        lines.stream()
            .filter(l -> l.contains("\"id\":\"semiconductor-0\""))
            .findFirst()
            .orElseThrow();
    lines.add(original.replace("\"semiconductor-0\"", "\"copy-of-semiconductor-0\""));
    lines.add("{\"id\":\"broken\",\"body\":");
    Files.createDirectories(work.resolve("in"));
    Files.write(work.resolve("in/articles.jsonl"), lines, StandardCharsets.UTF_8);
    JobLauncher.execute(
        new PipelineJob(),
        spark,
        "--input",
        work.resolve("in").toString(),
        "--out",
        work.resolve("out").toString(),
        "--stages",
        "ingest,figures,terms,topics,trends",
        "--k",
        "3",
        "--min-df",
        "2",
        "--progress",
        "none");

    duckdb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duckdb.createStatement()) {
      s.execute("SET VARIABLE sector_trends_out = '" + work.resolve("out") + "'");
    }
    for (String statement :
        statements(Files.readString(Path.of("sql/duckdb.sql"), StandardCharsets.UTF_8))) {
      // One JDBC statement each: DuckDB closes a statement whose execution failed.
      try (Statement s = duckdb.createStatement()) {
        s.execute(statement);
      } catch (java.sql.SQLException e) {
        // DuckDB binds a view when it is created: a table that this run never wrote (here
        // `errors`, as no article failed) has no files yet. Any other failure is a real one.
        String view = statement.replaceFirst("(?s)^CREATE OR REPLACE VIEW (\\w+) AS.*", "$1");
        boolean absent =
            e.getMessage().contains("No files found")
                && parquetFiles(work.resolve("out/tables").resolve(view)) == 0;
        if (!absent) {
          throw e;
        }
        missingViews.add(view);
      }
    }
  }

  private static long parquetFiles(Path table) throws java.io.IOException {
    if (!Files.exists(table)) {
      return 0;
    }
    try (var files = Files.walk(table)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).count();
    }
  }

  /** Views not created because their table has no files in this run. */
  private static final List<String> missingViews = new ArrayList<>();

  @AfterAll
  static void stop() throws Exception {
    if (duckdb != null) {
      duckdb.close();
    }
    spark.stop();
  }

  /** The statements of a SQL file: comment lines dropped, split at semicolons ending a line. */
  static List<String> statements(String sql) {
    StringBuilder text = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.strip().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String statement : text.toString().split(";\\s*\n")) {
      if (!statement.isBlank()) {
        out.add(statement.strip());
      }
    }
    return out;
  }

  private static List<List<Object>> query(String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = duckdb.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(r.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void everyViewReadsAllRowsOfItsTable() throws Exception {
    TableStore store = new TableStore(spark, work.resolve("out/tables").toString());
    for (TableSpec table : Tables.ALL) {
      if (missingViews.contains(table.name())) {
        assertEquals(0, store.read(table).count(), table.name() + " has rows but no view");
      } else if (store.exists(table)) {
        assertEquals(
            store.read(table).count(),
            ((Number) query("SELECT count(*) FROM " + table.name()).get(0).get(0)).longValue(),
            table.name());
      }
    }
  }

  @Test
  void articlesPerSectorAndMonth() throws Exception {
    List<List<Object>> rows =
        query(
            """
        SELECT t.sector, a.published_month, count(*) AS articles
        FROM articles a JOIN article_topics t USING (article_id)
        GROUP BY ALL ORDER BY ALL""");
    List<List<Object>> expected = new ArrayList<>();
    for (String sector : WORDS.keySet()) {
      for (String month : List.of("2025-01", "2025-02", "2025-03")) {
        expected.add(List.of(sector, month, 4L));
      }
    }
    assertEquals(expected, rows);
  }

  @Test
  void revenueReportedPerMonth() throws Exception {
    // Month m holds the articles i with i % 3 == m - 1 of each sector: (100 + i) 억원 each.
    List<List<Object>> rows =
        query(
            """
        SELECT published_month, count(*) AS figures, sum(value_krw) AS krw
        FROM figures WHERE value_krw IS NOT NULL
        GROUP BY 1 ORDER BY 1""");
    assertEquals(3, rows.size(), rows.toString());
    long[] sums = {418, 422, 426};
    for (int m = 0; m < 3; m++) {
      assertEquals("2025-0" + (m + 1), rows.get(m).get(0));
      assertEquals(12L, rows.get(m).get(1));
      assertEquals(
          0,
          new BigDecimal(sums[m] * 3)
              .multiply(new BigDecimal("100000000"))
              .compareTo((BigDecimal) rows.get(m).get(2)),
          "revenue of " + rows.get(m).get(0) + ": " + rows.get(m).get(2));
    }
  }

  @Test
  void topTermsOfAMonthAsSparkCountsThem() throws Exception {
    List<List<Object>> rows =
        query(
            """
        SELECT term, count(DISTINCT article_id) AS articles
        FROM article_terms WHERE published_month = '2025-01'
        GROUP BY term ORDER BY articles DESC, term LIMIT 5""");
    List<Row> spark =
        DuckDbViewsTest.spark
            .sql(
                "SELECT term, count(DISTINCT article_id) AS articles FROM parquet.`"
                    + work.resolve("out/tables/article_terms")
                    + "` WHERE published_month = '2025-01' GROUP BY term ORDER BY articles DESC, term LIMIT 5")
            .collectAsList();
    assertEquals(5, rows.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(List.of(spark.get(i).getString(0), spark.get(i).getLong(1)), rows.get(i));
    }
    assertTrue((Long) rows.get(0).get(1) <= 12, "January has 12 articles");
  }

  @Test
  void droppedRecordsAreAccountedFor() throws Exception {
    assertEquals(
        List.of(List.of("exact", "copy-of-semiconductor-0", "semiconductor-0")),
        query(
            "SELECT d.duplicate_kind, least(d.source_id, a.source_id), greatest(d.source_id, a.source_id)"
                + " FROM duplicates d JOIN articles a ON d.duplicate_of = a.article_id"));
    assertEquals(
        List.of(List.of("malformed_json", 1L)),
        query("SELECT reason, count(*) FROM quarantine GROUP BY reason"));
  }

  @Test
  void onlyTablesWithoutRowsInThisRunLackAView() throws Exception {
    // No article failed, so there are no errors; the other views are there.
    assertTrue(missingViews.contains("errors"), missingViews.toString());
    for (String view : missingViews) {
      assertEquals(0, parquetFiles(work.resolve("out/tables").resolve(view)), view);
    }
    for (String table :
        List.of(
            "articles",
            "figures",
            "article_terms",
            "article_topics",
            "sector_trends",
            "term_trends")) {
      assertTrue(!missingViews.contains(table), table + " has a view");
    }
  }

  @Test
  void sectorSharesPerMonthFromTheTrendTable() throws Exception {
    // Each month holds 4 articles of each of the three sectors: a third each, no change after the
    // first.
    List<List<Object>> rows =
        query(
            """
        SELECT period, sector, article_count, round(share_of_articles, 4)
        FROM sector_trends WHERE period_type = 'month' AND article_count > 0
        ORDER BY period, sector""");
    List<List<Object>> expected = new ArrayList<>();
    for (String month : List.of("2025-01", "2025-02", "2025-03")) {
      for (String sector : WORDS.keySet()) {
        expected.add(List.of(month, sector, 4L, 0.3333));
      }
    }
    assertEquals(
        expected,
        rows.stream()
            .map(r -> List.of(r.get(0), r.get(1), r.get(2), ((Number) r.get(3)).doubleValue()))
            .toList());
  }
}
