package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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

/** End to end: ingest then figures on the real seed articles, checked against the gold figures. */
class FiguresJobTest {

  private static SparkSession spark;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("FiguresJobTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void seedFiguresReachTheTableWithValuesConversionsAndFx() throws Exception {
    Path seeds = SharedData.require("seeds/000_473b655a58f8f2ba.txt");
    Path gold = SharedData.require("eval/seed/figures-gold.jsonl");
    Path out = work.resolve("seeds");
    JobLauncher.execute(
        new IngestJob(),
        spark,
        "--input",
        seeds.toString(),
        "--out",
        out.toString(),
        "--default-date",
        "2025-11-26");
    RunSummary summary = JobLauncher.execute(new FiguresJob(), spark, "--out", out.toString());
    assertEquals(4, summary.inputRecords());

    TableStore store = new TableStore(spark, out.resolve("tables").toString());
    Dataset<Row> figures = store.read(Tables.FIGURES);
    assertEquals(summary.outputRecords(), figures.count());

    // Gold figures, matched by surface and value (table offsets are into the body without the
    // byline).
    Map<String, Row> bySurface = new HashMap<>();
    for (Row row : figures.collectAsList()) {
      bySurface.put(
          row.getAs(Col.SURFACE)
              + "="
              + ((BigDecimal) row.getAs(Col.VALUE)).stripTrailingZeros().toPlainString(),
          row);
    }
    ObjectMapper json = new ObjectMapper();
    int matched = 0;
    int conversions = 0;
    for (String line : Files.readAllLines(gold)) {
      JsonNode g = json.readTree(line);
      String key =
          g.get("surface").asText()
              + "="
              + new BigDecimal(g.get("value").asText()).stripTrailingZeros().toPlainString();
      Row row = bySurface.get(key);
      assertNotNull(row, "gold figure in the table: " + key);
      assertEquals(g.get("unit").asText(), row.getAs(Col.UNIT), key);
      assertEquals(
          g.get("value").asText(),
          new BigDecimal((String) row.getAs(Col.VALUE_TEXT)).toPlainString(),
          key);
      assertNotNull(row.getAs(Col.SENTENCE));
      assertEquals("2025-11", row.getAs(Col.PUBLISHED_MONTH));
      if (!g.get("conversion_of").isNull()) {
        conversions++;
        Integer target = row.getAs(Col.CONVERSION_OF);
        assertNotNull(target, "conversion linked: " + key);
        Row original =
            figures
                .filter(
                    col(Col.ARTICLE_ID)
                        .equalTo((String) row.getAs(Col.ARTICLE_ID))
                        .and(col(Col.FIGURE_INDEX).equalTo(target)))
                .first();
        assertEquals(g.get("conversion_of").asText(), original.getAs(Col.SURFACE));
      }
      matched++;
    }
    assertEquals(21, matched);
    assertTrue(conversions > 0);

    // Money gets won and dollar values from the FX table; a won figure is its own KRW value.
    List<Row> krw = figures.filter(col(Col.UNIT).equalTo("KRW")).collectAsList();
    assertTrue(!krw.isEmpty());
    for (Row row : krw) {
      assertEquals(0, ((BigDecimal) row.getAs(Col.VALUE)).compareTo(row.getAs(Col.VALUE_KRW)));
      assertNotNull(row.getAs(Col.VALUE_USD));
    }
    Row yuan = figures.filter(col(Col.UNIT).equalTo("CNY")).first();
    BigDecimal perYuan =
        ((BigDecimal) yuan.getAs(Col.VALUE_KRW))
            .divide(yuan.getAs(Col.VALUE), java.math.MathContext.DECIMAL64);
    assertTrue(
        perYuan.compareTo(new BigDecimal("150")) > 0
            && perYuan.compareTo(new BigDecimal("250")) < 0,
        "a yuan is worth some 150 to 250 won: " + perYuan);

    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT typeof(value), count(*) FROM read_parquet('"
                    + out.resolve("tables/figures")
                    + "/**/*.parquet', hive_partitioning = true) GROUP BY 1")) {
      assertTrue(rs.next());
      assertEquals("DECIMAL(38,6)", rs.getString(1));
      assertEquals(summary.outputRecords(), rs.getLong(2));
    }

    // A re-run of one month replaces that month's figures and leaves the count unchanged.
    JobLauncher.execute(new FiguresJob(), spark, "--out", out.toString(), "--months", "2025-11");
    assertEquals(summary.outputRecords(), store.read(Tables.FIGURES).count());
  }

  @Test
  void missingArticlesTableIsAUsageErrorNamingIngest() {
    UsageException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UsageException.class,
            () ->
                new FiguresJob()
                    .run(
                        spark,
                        JobOptions.parse(
                            "figures",
                            new FiguresJob().options(),
                            new String[] {"--out", work.resolve("none").toString()},
                            Map.of())));
    assertTrue(e.getMessage().contains("ingest"));
  }
}
