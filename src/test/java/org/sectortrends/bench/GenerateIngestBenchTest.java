package org.sectortrends.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.generator.CorpusFormat;
import org.sectortrends.jobs.GenerateCorpusJob;
import org.sectortrends.jobs.IngestJob;
import org.sectortrends.jobs.JobLauncher;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;

/**
 * End to end on a small generated corpus: generate-corpus, ingest, the floors, the truth scores,
 * and one bench run. Planted rates are raised so that 300 records carry enough of each problem.
 */
class GenerateIngestBenchTest {

  @TempDir static Path dir;
  private static SparkSession spark;
  private static String corpusRoot;
  private static Map<String, Object> scores;

  @BeforeAll
  static void generateAndIngest() throws Exception {
    spark = SparkTestSession.start("generate-ingest");
    corpusRoot = dir.resolve("corpus300").toString();
    JobLauncher.execute(
        new GenerateCorpusJob(),
        spark,
        "--articles",
        "300",
        "--seed",
        "7",
        "--months",
        "6",
        "--duplicate-rate",
        "0.06",
        "--near-duplicate-rate",
        "0.06",
        "--malformed-rate",
        "0.04",
        "--out",
        corpusRoot);
    JobLauncher.execute(
        new IngestJob(),
        spark,
        "--input",
        corpusRoot + "/corpus",
        "--out",
        dir.resolve("run").toString());
    scores = TruthScorer.score(spark, dir.resolve("run/tables").toString(), corpusRoot + "/truth");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void writesJsonlPartsAndTruthTables() {
    String[] parts = new File(corpusRoot, "corpus").list((d, name) -> name.startsWith("part-"));
    assertNotNull(parts);
    assertTrue(
        parts.length >= 2 && Arrays.stream(parts).allMatch(p -> p.endsWith(".jsonl")),
        Arrays.toString(parts));
    assertEquals(300, spark.read().parquet(corpusRoot + "/truth/articles").count());
    assertTrue(spark.read().parquet(corpusRoot + "/truth/figures").count() > 300 * 5);
    assertTrue(new File(corpusRoot, "truth/schedule.json").isFile());
  }

  @Test
  @SuppressWarnings("unchecked")
  void ingestQuarantinesExactlyThePlantedRecords() {
    Map<String, Object> quarantine = (Map<String, Object>) scores.get("quarantine");
    assertTrue(!((Map<String, Long>) quarantine.get("planted")).isEmpty());
    assertEquals(quarantine.get("planted"), quarantine.get("found"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void ingestFindsThePlantedDuplicates() {
    Map<String, Object> duplicates = (Map<String, Object>) scores.get("duplicates");
    assertTrue((Long) duplicates.get("planted") >= 15, duplicates.toString());
    assertTrue((Double) duplicates.get("recall") >= 0.9, duplicates.toString());
    assertTrue((Double) duplicates.get("precision") >= 0.9, duplicates.toString());
    assertTrue((Double) duplicates.get("original_accuracy") >= 0.9, duplicates.toString());
  }

  @Test
  void stagesNotYetRunScoreNull() {
    assertNull(scores.get("figures"));
    assertNull(scores.get("sectors"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void perfectFiguresAndSectorsScoreOne() {
    // Tables that say exactly what the truth says, built from it, must score 1.0.
    TableStore run = new TableStore(spark, dir.resolve("run/tables").toString());
    TableStore perfect = new TableStore(spark, dir.resolve("perfect/tables").toString());
    Dataset<Row> articles = run.read(Tables.ARTICLES);
    perfect.write(Tables.ARTICLES, articles);
    Dataset<Row> ids =
        articles.select(col(Col.ARTICLE_ID), col(Col.SOURCE_ID), col(Col.PUBLISHED_MONTH));
    Dataset<Row> truthFigures =
        spark
            .read()
            .parquet(corpusRoot + "/truth/figures")
            .withColumnRenamed("article_id", "truth_id")
            .join(ids, col("truth_id").equalTo(col(Col.SOURCE_ID)))
            .drop("truth_id");
    Dataset<Row> figures =
        truthFigures
            .withColumnRenamed("figure_index", Col.FIGURE_INDEX)
            .withColumn(Col.SPAN_START, col("start"))
            .withColumn(Col.SPAN_END, col("end"))
            .withColumn(Col.VALUE_TEXT, col("value"))
            .withColumn(Col.VALUE, col("value").cast(Tables.FIGURE_DECIMAL))
            .withColumn(Col.RANGE_HIGH, col("range_high").cast(Tables.FIGURE_DECIMAL));
    for (String missing :
        new String[] {
          Col.PERIOD_TEXT,
          Col.DIRECTION,
          Col.CHANGE_BASIS,
          Col.VALUE_KRW,
          Col.VALUE_USD,
          Col.SENTENCE,
          Col.PUBLISHED_DATE,
          Col.RUN_ID,
          Col.COMPANY_ID,
          Col.IS_FORECAST,
          Col.IS_BAND
        }) {
      figures = figures.withColumn(missing, lit(null));
    }
    perfect.write(Tables.FIGURES, figures);
    Dataset<Row> topics =
        ids.join(
                spark.read().parquet(corpusRoot + "/truth/articles"),
                col(Col.SOURCE_ID).equalTo(col("id")))
            .select(
                col(Col.ARTICLE_ID),
                lit(0).as(Col.TOPIC_ID),
                lit("test").as(Col.MODEL_VERSION),
                lit(1.0).as(Col.SCORE),
                col("sector").as(Col.SECTOR),
                lit(1.0).as(Col.SECTOR_SCORE),
                col("sector").as(Col.TOPIC_SECTOR),
                col("published_date").as(Col.PUBLISHED_DATE),
                col(Col.PUBLISHED_MONTH));
    perfect.write(Tables.ARTICLE_TOPICS, topics);

    Map<String, Object> perfectScores =
        TruthScorer.score(spark, dir.resolve("perfect/tables").toString(), corpusRoot + "/truth");
    Map<String, Object> figureScores = (Map<String, Object>) perfectScores.get("figures");
    assertTrue((Long) figureScores.get("planted") > 1000, figureScores.toString());
    assertEquals(1.0, figureScores.get("recall"));
    assertEquals(1.0, figureScores.get("precision"));
    assertEquals(1.0, figureScores.get("value_accuracy"));
    assertEquals(1.0, ((Map<String, Object>) perfectScores.get("sectors")).get("accuracy"));
  }

  @Test
  void floorsSeeEveryRecord() throws Exception {
    Floors.Tokenized tokenized =
        Floors.tokenizeOnly(spark, corpusRoot + "/corpus", CorpusFormat.JSONL);
    // Blank lines are no rows for spark.read; every other record is one.
    long blank =
        spark
            .read()
            .parquet(corpusRoot + "/truth/articles")
            .filter("malformed_reason = 'empty_record'")
            .count();
    assertEquals(300 - blank, tokenized.records());
    assertTrue(tokenized.tokens() > tokenized.chars() / 10, tokenized.toString());
    assertTrue(
        Floors.ioOnly(
                spark, corpusRoot + "/corpus", CorpusFormat.JSONL, dir.resolve("io").toString())
            > 0);
    assertTrue(!new File(dir.resolve("io").toString()).exists());
  }

  @Test
  void benchWritesTheResultFile() throws Exception {
    String root = dir.resolve("bench").toString();
    JobLauncher.execute(
        new BenchJob(),
        spark,
        "--articles",
        "200",
        "--name",
        "tiny",
        "--root",
        root,
        "--out",
        root + "/runs");
    JsonNode result =
        new ObjectMapper().readTree(Files.readString(Path.of(root, "results", "tiny.json")));
    for (String key :
        new String[] {
          "articles",
          "chars",
          "pipeline_s",
          "tokenize_only_s",
          "io_only_s",
          "ratio_pipeline_over_tokenize",
          "driver_heap_peak_mb",
          "stages",
          "stage_details",
          "scores"
        }) {
      assertTrue(result.has(key), key + " in " + result);
    }
    assertEquals(200, result.get("articles").asInt());
    assertTrue(result.get("stages").has("ingest"));
    assertTrue(result.get("stage_details").get("ingest").get("chars_per_s").asLong() > 0);
    assertTrue(result.get("driver_heap_peak_mb").asLong() > 0);
    assertTrue(
        result.get("scores").get("duplicates").get("recall").asDouble() > 0.5,
        result.get("scores").toString());
  }
}
