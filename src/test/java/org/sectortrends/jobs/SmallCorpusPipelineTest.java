package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SharedData;
import org.sectortrends.testing.SparkTestSession;
import org.sectortrends.topics.TopicModeling;

/**
 * The whole pipeline on corpora too small or unlabelled for the defaults, as {@code jobs/run-all}
 * runs it (figures and terms {@code --incremental}, topics {@code --mode auto}): every stage
 * succeeds and writes its tables.
 */
class SmallCorpusPipelineTest {

  private static SparkSession spark;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("SmallCorpusPipelineTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** The stages after ingest, with run-all's options. */
  private static List<RunSummary> downstream(String out, String... topicOptions) throws Exception {
    List<RunSummary> runs = new ArrayList<>();
    runs.add(JobLauncher.execute(new FiguresJob(), spark, "--out", out, "--incremental"));
    runs.add(JobLauncher.execute(new TermsJob(), spark, "--out", out, "--incremental"));
    List<String> topics = new ArrayList<>(List.of("--out", out, "--mode", "auto", "--incremental"));
    topics.addAll(List.of(topicOptions));
    runs.add(JobLauncher.execute(new TopicsJob(), spark, topics.toArray(String[]::new)));
    runs.add(JobLauncher.execute(new EvaluateTopicsJob(), spark, "--out", out));
    return runs;
  }

  @Test
  void fourUnlabelledSeedArticlesGetEveryTableWithUnassignedTopics() throws Exception {
    Path seeds = SharedData.require("seeds/000_473b655a58f8f2ba.txt");
    String out = work.resolve("seeds").toString();
    JobLauncher.execute(
        new IngestJob(),
        spark,
        "--input",
        seeds.toString(),
        "--format",
        "text",
        "--out",
        out,
        "--default-date",
        "2025-11-26");
    List<RunSummary> runs = downstream(out);
    for (RunSummary run : runs) {
      assertEquals(RunSummary.SUCCEEDED, run.status(), run.job());
    }
    TableStore store = new TableStore(spark, out + "/tables");
    for (var table :
        List.of(Tables.FIGURES, Tables.ARTICLE_TERMS, Tables.TOPICS, Tables.ARTICLE_TOPICS)) {
      assertTrue(store.exists(table), table + " written");
    }
    assertTrue(runs.get(2).message().contains("clustering skipped"), runs.get(2).message());
    List<Row> assigned = store.read(Tables.ARTICLE_TOPICS).collectAsList();
    assertEquals(4, assigned.size());
    for (Row row : assigned) {
      assertEquals(TopicModeling.UNASSIGNED, (int) row.getAs(Col.TOPIC_ID));
      assertEquals(TopicsJob.NO_MODEL, row.getAs(Col.MODEL_VERSION));
      assertNotNull(row.getAs(Col.SECTOR), "the article's own sector is still given");
    }
    Row topic = store.read(Tables.TOPICS).first();
    assertEquals(TopicModeling.UNASSIGNED, (int) topic.getAs(Col.TOPIC_ID));
    assertEquals(4L, (long) topic.getAs(Col.SIZE));
    assertTrue(runs.get(3).message().startsWith("nothing to score"), runs.get(3).message());
    assertTrue(
        Files.notExists(Path.of(out, "models", "topics"))
            || Files.list(Path.of(out, "models", "topics")).findAny().isEmpty(),
        "no model saved for a skipped clustering");
  }

  private static final String[][] WORDS = {
    {"반도체", "메모리", "파운드리", "웨이퍼", "공정", "낸드"},
    {"통신", "가입자", "요금제", "주파수", "기지국", "알뜰폰"},
    {"바이오", "신약", "임상", "항체", "치료제", "의약품"}
  };

  private static final String[] PLACES = {
    "서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "수원", "창원", "전주", "청주"
  };
  private static final String[] TEMPLATES = {
    "%s 지역에서 %s와 %s 관련 %s 소식이 이어졌다. ",
    "%s의 %s 업체들은 %s에 이어 %s까지 살피고 있다. ",
    "%s 당국은 %s 현황과 %s 계획, %s 일정을 함께 내놓았다. ",
    "%s 현장에서는 %s보다 %s를 먼저 꼽았고 %s도 거론됐다. "
  };

  /** Twelve unlabelled articles, four on each of three subjects, each worded differently. */
  private static Path tinyCorpus(Path file) throws Exception {
    List<String> lines = new ArrayList<>();
    java.util.Random random = new java.util.Random(4);
    for (int i = 0; i < 12; i++) {
      String[] words = WORDS[i % 3];
      StringBuilder body = new StringBuilder();
      for (int s = 0; s < 5; s++) {
        body.append(
            String.format(
                TEMPLATES[random.nextInt(TEMPLATES.length)],
                PLACES[random.nextInt(PLACES.length)],
                words[random.nextInt(6)],
                words[random.nextInt(6)],
                words[random.nextInt(6)]));
      }
      lines.add(
          "{\"id\":\"tiny-"
              + i
              + "\",\"published_at\":\"2025-0"
              + (1 + i % 3)
              + "-1"
              + (i % 10)
              + "\",\"title\":\""
              + PLACES[i]
              + " "
              + words[i % 6]
              + " 동향\",\"body\":\""
              + body
              + "\"}");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void vocabularyLimitsThatExcludeEveryTermAreAdaptedAndSaid() throws Exception {
    Path in = tinyCorpus(work.resolve("tiny.jsonl"));
    String out = work.resolve("tiny").toString();
    JobLauncher.execute(new IngestJob(), spark, "--input", in.toString(), "--out", out);
    // minDf 5 documents, maxDf 40% of about 12 = 4.8 documents: no term can satisfy both.
    List<RunSummary> runs =
        downstream(out, "--k", "3", "--min-df", "5", "--max-df", "0.4", "--restarts", "2");
    RunSummary topics = runs.get(2);
    TableStore store = new TableStore(spark, out + "/tables");
    long kept = store.read(Tables.ARTICLES).count();
    assertTrue(kept >= 10, "the fixture's articles are not near duplicates of each other: " + kept);
    assertTrue(
        topics.message().contains("vocabulary limits adapted to " + kept + " articles"),
        topics.message());
    List<Row> assigned = store.read(Tables.ARTICLE_TOPICS).collectAsList();
    assertEquals(kept, assigned.size());
    assertTrue(
        assigned.stream().allMatch(r -> (int) r.getAs(Col.TOPIC_ID) >= 0),
        "clustered with the adapted limits");
    assertEquals(3, store.read(Tables.TOPICS).filter(col(Col.TOPIC_ID).geq(0)).count());
    assertTrue(runs.get(3).message().startsWith("nothing to score"), runs.get(3).message());
  }

  /**
   * The same articles and terms in a different row and partition order give the same topics: the
   * fit samples and orders by article id, never by position.
   */
  @Test
  void topicsDoNotDependOnTheOrderOfTheRows() throws Exception {
    String first = work.resolve("order-a").toString();
    JobLauncher.execute(
        new IngestJob(),
        spark,
        "--input",
        Path.of("data/sample/jsonl").toAbsolutePath().toString(),
        "--out",
        first);
    JobLauncher.execute(new TermsJob(), spark, "--out", first);
    TableStore a = new TableStore(spark, first + "/tables");

    String second = work.resolve("order-b").toString();
    TableStore b = new TableStore(spark, second + "/tables");
    // Rows dealt to partitions at random (seeded) and reversed within them.
    b.write(
        Tables.ARTICLES,
        a.read(Tables.ARTICLES)
            .repartition(5, org.apache.spark.sql.functions.rand(11))
            .sortWithinPartitions(col(Col.ARTICLE_ID).desc()));
    b.write(
        Tables.ARTICLE_TERMS,
        a.read(Tables.ARTICLE_TERMS)
            .repartition(7, org.apache.spark.sql.functions.rand(3))
            .sortWithinPartitions(col(Col.TERM).desc()));

    String[] options = {"--k-min", "4", "--k-max", "7", "--restarts", "2", "--seed", "5"};
    RunSummary fitA =
        JobLauncher.execute(new TopicsJob(), spark, concat(new String[] {"--out", first}, options));
    RunSummary fitB =
        JobLauncher.execute(
            new TopicsJob(), spark, concat(new String[] {"--out", second}, options));
    assertEquals(topicsByArticle(a), topicsByArticle(b));
    assertEquals(labels(a), labels(b));
    assertEquals(
        fitA.message().replaceAll("v\\d{8}T\\d{6}Z", "V"),
        fitB.message().replaceAll("v\\d{8}T\\d{6}Z", "V"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static Map<String, Integer> topicsByArticle(TableStore store) {
    Map<String, Integer> out = new TreeMap<>();
    for (Row row :
        store.read(Tables.ARTICLE_TOPICS).select(Col.ARTICLE_ID, Col.TOPIC_ID).collectAsList()) {
      out.put(row.getString(0), row.getInt(1));
    }
    return out;
  }

  private static Map<Integer, String> labels(TableStore store) {
    Map<Integer, String> out = new TreeMap<>();
    for (Row row : store.read(Tables.TOPICS).select(Col.TOPIC_ID, Col.TOP_TERMS).collectAsList()) {
      out.put(row.getInt(0), row.getString(1));
    }
    return out;
  }
}
