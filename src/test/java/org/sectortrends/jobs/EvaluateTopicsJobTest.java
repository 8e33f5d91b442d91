package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;

/**
 * The {@code evaluate-topics} job on its own: six ingested articles labelled with a section that is
 * a sector id, scored against a perfect assignment, a poor one, and sector predictions that are
 * right for four of six articles.
 */
class EvaluateTopicsJobTest {

  private static SparkSession spark;
  private static String out;
  private static TableStore store;
  private static List<String[]> articles;

  @TempDir static Path work;

  @BeforeAll
  static void ingest() throws Exception {
    spark = SparkTestSession.start("EvaluateTopicsJobTest");
    Path input = work.resolve("articles.jsonl");
    String[][] fixture = {
      {"c1", "semiconductor", "메모리 반도체 가격이 올랐다."},
      {"c2", "semiconductor", "파운드리 공장 증설이 시작됐다."},
      {"c3", "semiconductor", "웨이퍼 출하량이 늘었다."},
      {"t1", "telecom", "이동통신 가입자가 늘었다."},
      {"t2", "telecom", "새 요금제가 출시됐다."},
      {"t3", "telecom", "기지국 투자가 확대됐다."},
    };
    List<String> lines = new ArrayList<>();
    for (String[] a : fixture) {
      lines.add(
          "{\"id\":\""
              + a[0]
              + "\",\"published_at\":\"2025-09-01\",\"section\":\""
              + a[1]
              + "\",\"title\":\""
              + a[0]
              + " 소식\",\"body\":\""
              + a[2]
              + " 업계의 설명이다.\"}");
    }
    Files.write(input, lines, StandardCharsets.UTF_8);
    out = work.resolve("out").toString();
    JobLauncher.execute(new IngestJob(), spark, "--input", input.toString(), "--out", out);
    store = new TableStore(spark, out + "/tables");
    articles = new ArrayList<>();
    for (Row row :
        store
            .read(Tables.ARTICLES)
            .select(Col.ARTICLE_ID, Col.SOURCE_ID, Col.SECTION)
            .collectAsList()) {
      articles.add(new String[] {row.getString(0), row.getString(1), row.getString(2)});
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Writes article_topics with the topic and predicted sector given per source id. */
  private static void assign(Function<String, Integer> topicOf, Function<String, String> sectorOf) {
    StructType schema = Tables.ARTICLE_TOPICS.schema();
    List<Row> rows = new ArrayList<>();
    for (String[] a : articles) {
      Map<String, Object> byName =
          Map.of(
              Col.ARTICLE_ID,
              a[0],
              Col.TOPIC_ID,
              topicOf.apply(a[1]),
              Col.MODEL_VERSION,
              "topics-test",
              Col.SECTOR,
              sectorOf.apply(a[1]),
              Col.PUBLISHED_MONTH,
              "2025-09");
      Object[] values = new Object[schema.size()];
      byName.forEach((name, value) -> values[schema.fieldIndex(name)] = value);
      rows.add(RowFactory.create(values));
    }
    store.write(Tables.ARTICLE_TOPICS, spark.createDataFrame(rows, schema));
  }

  private static String evaluate(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--out", out));
    args.addAll(List.of(extra));
    RunSummary summary =
        JobLauncher.execute(new EvaluateTopicsJob(), spark, args.toArray(new String[0]));
    assertEquals(RunSummary.SUCCEEDED, summary.status());
    return summary.message();
  }

  @Test
  void aPerfectAssignmentScoresOneAndSectorAccuracyCountsTheRightSectors() throws Exception {
    assertEquals(6, articles.size());
    assign(
        source -> source.startsWith("c") ? 0 : 1,
        source ->
            source.equals("c3") || source.equals("t3")
                ? "finance"
                : source.startsWith("c") ? "semiconductor" : "telecom");
    String report = evaluate();
    assertTrue(
        report.startsWith("6 labelled articles, 2 gold classes: NMI 1.0000, purity 1.0000"),
        report);
    assertTrue(report.contains("sector accuracy 0.6667 on 6 articles"), report);
  }

  @Test
  void topicsThatCutAcrossTheLabelsScoreLow() throws Exception {
    // Each topic holds one or two articles of each label: the topics say nothing of the labels.
    assign(source -> source.endsWith("1") ? 0 : source.endsWith("2") ? 1 : 2, source -> "telecom");
    String report = evaluate();
    assertTrue(
        report.startsWith("6 labelled articles, 2 gold classes: NMI 0.0000, purity 0.5000"),
        report);
    assertTrue(report.contains("sector accuracy 0.5000"), report);
  }

  @Test
  void aGoldColumnThatIsNotAnArticleColumnIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> evaluate("--gold", "topic"));
    assertTrue(e.getMessage().contains("topic"), e.getMessage());
  }
}
