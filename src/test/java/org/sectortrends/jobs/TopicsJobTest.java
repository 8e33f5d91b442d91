package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;

/** End to end: ingest, terms and topics on three clearly separated sectors, then a retraining. */
class TopicsJobTest {

  private static SparkSession spark;

  @TempDir static Path work;

  private static final Map<String, String[]> VOCABULARY =
      Map.of(
          "semiconductor",
              new String[] {"반도체", "메모리", "파운드리", "웨이퍼", "HBM", "D램", "낸드", "삼성전자", "SK하이닉스", "공정"},
          "telecom",
              new String[] {"통신", "가입자", "요금제", "5G", "SK텔레콤", "KT", "LG유플러스", "주파수", "알뜰폰", "기지국"},
          "bio_pharma",
              new String[] {
                "바이오", "신약", "임상", "셀트리온", "삼성바이오로직스", "의약품", "항체", "위탁생산", "허가", "치료제"
              });
  private static final String[] FILLER = {"업계", "시장", "올해", "전망", "계획", "발표", "확대", "투자"};

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("TopicsJobTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void writeArticles(Path file, int perSector, int offset, long seed)
      throws Exception {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String[]> sector : new java.util.TreeMap<>(VOCABULARY).entrySet()) {
      for (int i = 0; i < perSector; i++) {
        StringBuilder body = new StringBuilder();
        for (int s = 0; s < 6; s++) {
          String[] words = sector.getValue();
          body.append(words[random.nextInt(words.length)])
              .append(" 부문에서 ")
              .append(words[random.nextInt(words.length)])
              .append("와 ")
              .append(words[random.nextInt(words.length)])
              .append(" 관련 ")
              .append(FILLER[random.nextInt(FILLER.length)])
              .append("이 이어졌다. ");
        }
        String id = sector.getKey() + "-" + (offset + i);
        lines.add(
            "{\"id\":\""
                + id
                + "\",\"published_at\":\"2025-0"
                + (1 + i % 6)
                + "-15\",\"section\":\""
                + sector.getKey()
                + "\",\"title\":\""
                + sector.getValue()[i % 10]
                + " 소식 "
                + id
                + "\",\"body\":\""
                + body
                + "\"}");
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static Map<String, Integer> topicsById(TableStore store) {
    Map<String, Integer> out = new HashMap<>();
    for (Row row :
        store.read(Tables.ARTICLE_TOPICS).select(Col.ARTICLE_ID, Col.TOPIC_ID).collectAsList()) {
      out.put(row.getString(0), row.getInt(1));
    }
    return out;
  }

  @Test
  void topicsAreLabelledMappedToSectorsAndKeepTheirIdsWhenRetrained() throws Exception {
    Path in = work.resolve("in");
    Files.createDirectories(in);
    writeArticles(in.resolve("first.jsonl"), 30, 0, 1);
    Path out = work.resolve("out");
    String outDir = out.toString();
    JobLauncher.execute(new IngestJob(), spark, "--input", in.toString(), "--out", outDir);
    RunSummary terms = JobLauncher.execute(new TermsJob(), spark, "--out", outDir);
    assertEquals(90, terms.inputRecords());
    JobLauncher.execute(new TopicsJob(), spark, "--out", outDir, "--k", "3", "--min-df", "2");

    TableStore store = new TableStore(spark, out.resolve("tables").toString());
    List<Row> topics = store.read(Tables.TOPICS).filter(col(Col.TOPIC_ID).geq(0)).collectAsList();
    assertEquals(3, topics.size());
    for (Row topic : topics) {
      assertEquals("active", topic.getAs(Col.STATE));
      assertTrue(
          ((String) topic.getAs(Col.LABEL)).contains(" · "),
          "label from the top terms: " + topic.getAs(Col.LABEL));
      assertEquals(30L, (long) topic.getAs(Col.SIZE));
    }
    // Every article's own sector matches the sector it was written for.
    long right =
        store
            .read(Tables.ARTICLE_TOPICS)
            .join(store.read(Tables.ARTICLES), Col.ARTICLE_ID)
            .filter(col(Col.SECTOR).equalTo(col(Col.SECTION)))
            .count();
    assertEquals(90, right);
    Map<String, Integer> before = topicsById(store);
    assertTrue(Files.exists(out.resolve("models/topics")), "the fitted model is saved");

    // 10% more articles, retrained: the original articles keep their topic ids.
    writeArticles(in.resolve("second.jsonl"), 3, 100, 2);
    JobLauncher.execute(new IngestJob(), spark, "--input", in.toString(), "--out", outDir);
    JobLauncher.execute(new TermsJob(), spark, "--out", outDir);
    RunSummary retrained =
        JobLauncher.execute(
            new TopicsJob(), spark, "--out", outDir, "--k", "3", "--min-df", "2", "--seed", "7");
    Map<String, Integer> after = topicsById(store);
    long kept =
        before.entrySet().stream().filter(e -> e.getValue().equals(after.get(e.getKey()))).count();
    assertTrue(kept >= 0.95 * before.size(), "kept " + kept + " of " + before.size());
    assertTrue(retrained.message().contains("topic id kept for"), retrained.message());
    assertEquals(99, after.size());

    // The saved model assigns every article as it is.
    RunSummary assigned =
        JobLauncher.execute(new TopicsJob(), spark, "--out", outDir, "--mode", "assign");
    assertEquals(after, topicsById(store));
    assertTrue(assigned.message().contains("100.0%"), assigned.message());
  }

  @Test
  void cachedTablesGetTwoPartitionsPerCoreAndMoreForLargeCorpora() {
    int cores = spark.sparkContext().defaultParallelism();
    assertEquals(2 * cores, TopicsJob.cachedPartitions(spark, 0));
    assertEquals(2 * cores, TopicsJob.cachedPartitions(spark, 10_000));
    assertEquals(Math.max(2 * cores, 20), TopicsJob.cachedPartitions(spark, 1_000_000));
    assertEquals(Math.max(2 * cores, 21), TopicsJob.cachedPartitions(spark, 1_000_001));
  }
}
