package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;
import org.sectortrends.topics.TopicModeling;

/**
 * The downstream stages of a periodic run, month by month: the sample's articles arrive in three
 * monthly drops (one article of the first month arrives late, with the second drop; the second drop
 * is delivered twice), each followed by figures and terms {@code --incremental} and topics {@code
 * --mode auto --incremental}, as {@code jobs/run-all} runs them. The articles table and the ingest
 * runs' {@code months_touched} are written here as an incremental ingest leaves them.
 *
 * <p>After the sequence, {@code figures} and {@code article_terms} equal those of one full run over
 * the union, every article has a topic from the model fitted on the first drop, and the months no
 * drop touched were never rewritten.
 */
class MonthlyStagesScenarioTest {

  private static SparkSession spark;
  private static Dataset<Row> union;
  private static List<String> months;

  @TempDir static Path work;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkTestSession.start("MonthlyStagesScenarioTest");
    String source = work.resolve("source").toString();
    JobLauncher.execute(
        new IngestJob(),
        spark,
        "--input",
        Path.of("data/sample").toAbsolutePath().toString(),
        "--out",
        source);
    union = new TableStore(spark, source + "/tables").read(Tables.ARTICLES).cache();
    months =
        union.select(Col.PUBLISHED_MONTH).distinct().as(Encoders.STRING()).collectAsList().stream()
            .filter(m -> !m.equals(Tables.UNDATED_MONTH))
            .sorted()
            .toList();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static int ingests;

  /**
   * What an incremental ingest of {@code newIds} leaves: each touched month rewritten as its
   * earlier articles plus the new ones, and a succeeded ingest row with {@code months_touched}.
   */
  private static void deliver(TableStore store, Set<String> delivered, Set<String> newIds) {
    delivered.addAll(newIds);
    Set<String> touched =
        new TreeSet<>(
            union
                .filter(col(Col.ARTICLE_ID).isin(newIds.toArray()))
                .select(Col.PUBLISHED_MONTH)
                .distinct()
                .as(Encoders.STRING())
                .collectAsList());
    if (!touched.isEmpty()) {
      store.write(
          Tables.ARTICLES,
          union.filter(
              col(Col.ARTICLE_ID)
                  .isin(delivered.toArray())
                  .and(col(Col.PUBLISHED_MONTH).isin(touched.toArray()))));
    }
    recordIngest(store, String.join(",", touched));
  }

  /**
   * Appends an ingest row with {@code months_touched} to runs, whether or not the declared schema
   * has the column yet.
   */
  private static void recordIngest(TableStore store, String monthsTouched) {
    StructType schema = Tables.RUNS.schema();
    if (!Arrays.asList(schema.fieldNames()).contains(IngestedMonths.MONTHS_TOUCHED)) {
      schema = schema.add(IngestedMonths.MONTHS_TOUCHED, DataTypes.StringType, true);
    }
    Map<String, Object> values = new HashMap<>();
    Timestamp now = Timestamp.from(Instant.now());
    values.put(Col.RUN_ID, "ingest-drop-" + (++ingests));
    values.put(Col.JOB, IngestedMonths.INGEST_JOB);
    values.put(Col.STARTED_AT, now);
    values.put(Col.ENDED_AT, now);
    values.put(Col.STATUS, RunSummary.SUCCEEDED);
    values.put(IngestedMonths.MONTHS_TOUCHED, monthsTouched);
    Object[] row = Arrays.stream(schema.fields()).map(StructField::name).map(values::get).toArray();
    spark
        .createDataFrame(List.of(RowFactory.create(row)), schema)
        .write()
        .mode(SaveMode.Append)
        .parquet(store.location(Tables.RUNS));
  }

  private static Map<String, RunSummary> stages(String out) throws Exception {
    Map<String, RunSummary> runs = new HashMap<>();
    runs.put(
        "figures", JobLauncher.execute(new FiguresJob(), spark, "--out", out, "--incremental"));
    runs.put("terms", JobLauncher.execute(new TermsJob(), spark, "--out", out, "--incremental"));
    runs.put(
        "topics",
        JobLauncher.execute(
            new TopicsJob(),
            spark,
            "--out",
            out,
            "--mode",
            "auto",
            "--incremental",
            "--k",
            "6",
            "--restarts",
            "2"));
    return runs;
  }

  private static Set<String> ids(Dataset<Row> articles) {
    return new HashSet<>(articles.select(Col.ARTICLE_ID).as(Encoders.STRING()).collectAsList());
  }

  private static long articlesIn(Set<String> monthSet) {
    return union.filter(col(Col.PUBLISHED_MONTH).isin(monthSet.toArray())).count();
  }

  /** Data file names of one month of a table: unchanged names mean the month was not rewritten. */
  private static Set<String> files(String out, TableSpec table, String month) throws IOException {
    try (Stream<Path> listing =
        Files.list(Path.of(out, "tables", table.name(), Col.PUBLISHED_MONTH + "=" + month))) {
      return listing
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".parquet"))
          .collect(Collectors.toSet());
    }
  }

  /** Sorted rows without the run id: what two runs must agree on. */
  private static List<String> content(TableStore store, TableSpec table) {
    Dataset<Row> rows = store.read(table);
    if (Arrays.asList(rows.columns()).contains(Col.RUN_ID)) {
      rows = rows.drop(Col.RUN_ID);
    }
    List<String> out = new ArrayList<>(rows.collectAsList().stream().map(Row::toString).toList());
    out.sort(null);
    return out;
  }

  @Test
  void monthlyIncrementsEqualOneFullRunAndEveryArticleGetsATopic() throws Exception {
    int n = months.size();
    assertTrue(n >= 4, "the sample spans several months: " + months);
    Set<String> firstMonths = new TreeSet<>(months.subList(0, n - 2));
    firstMonths.add(Tables.UNDATED_MONTH);
    Dataset<Row> dropOne = union.filter(col(Col.PUBLISHED_MONTH).isin(firstMonths.toArray()));
    String late =
        dropOne
            .filter(col(Col.PUBLISHED_MONTH).equalTo(months.get(0)))
            .select(Col.ARTICLE_ID)
            .orderBy(Col.ARTICLE_ID)
            .first()
            .getString(0);
    Set<String> first = ids(dropOne);
    first.remove(late);
    Set<String> second = ids(union.filter(col(Col.PUBLISHED_MONTH).equalTo(months.get(n - 2))));
    second.add(late);
    Set<String> third = ids(union.filter(col(Col.PUBLISHED_MONTH).equalTo(months.get(n - 1))));

    String out = work.resolve("monthly").toString();
    TableStore store = new TableStore(spark, out + "/tables");
    Set<String> delivered = new HashSet<>();

    deliver(store, delivered, first);
    Map<String, RunSummary> runs = stages(out);
    assertEquals(first.size(), runs.get("figures").inputRecords(), "first drop: every article");
    String fitted =
        store.read(Tables.ARTICLE_TOPICS).select(Col.MODEL_VERSION).distinct().first().getString(0);
    assertTrue(fitted.startsWith("v"), "the first run fits a model: " + fitted);
    String untouched = months.get(1);
    Map<TableSpec, Set<String>> filesBefore = new HashMap<>();
    for (TableSpec table : List.of(Tables.FIGURES, Tables.ARTICLE_TERMS, Tables.ARTICLE_TOPICS)) {
      filesBefore.put(table, files(out, table, untouched));
    }

    // Second drop: its month and the late article's month, nothing else.
    deliver(store, delivered, second);
    runs = stages(out);
    long secondScope = articlesIn(Set.of(months.get(0), months.get(n - 2)));
    for (String stage : List.of("figures", "terms", "topics")) {
      assertEquals(
          secondScope,
          runs.get(stage).inputRecords(),
          stage + " processes only the touched months");
    }
    assertTrue(
        runs.get("topics")
            .message()
            .contains("assigned " + secondScope + " articles with saved model " + fitted),
        runs.get("topics").message());
    List<String> figuresAfterSecond = content(store, Tables.FIGURES);

    // The second drop delivered again: ingest finds nothing new, the stages have nothing to do.
    deliver(store, delivered, Set.of());
    runs = stages(out);
    for (String stage : List.of("figures", "terms", "topics")) {
      assertEquals(0, runs.get(stage).inputRecords(), stage + " after an ingest with nothing new");
    }
    assertEquals(figuresAfterSecond, content(store, Tables.FIGURES));

    deliver(store, delivered, third);
    runs = stages(out);
    assertEquals(articlesIn(Set.of(months.get(n - 1))), runs.get("figures").inputRecords());
    for (TableSpec table : filesBefore.keySet()) {
      assertEquals(
          filesBefore.get(table),
          files(out, table, untouched),
          table + " of a month no drop touched is not rewritten");
    }

    // One full run over the union gives the same figures and terms.
    String full = work.resolve("full").toString();
    TableStore fullStore = new TableStore(spark, full + "/tables");
    fullStore.write(Tables.ARTICLES, union);
    JobLauncher.execute(new FiguresJob(), spark, "--out", full);
    JobLauncher.execute(new TermsJob(), spark, "--out", full);
    assertEquals(content(fullStore, Tables.FIGURES), content(store, Tables.FIGURES));
    assertEquals(content(fullStore, Tables.ARTICLE_TERMS), content(store, Tables.ARTICLE_TERMS));
    assertEquals(content(fullStore, Tables.ARTICLES), content(store, Tables.ARTICLES));

    // Every article has exactly one topic row, all from the model fitted on the first drop.
    Dataset<Row> topics = store.read(Tables.ARTICLE_TOPICS);
    assertEquals(union.count(), topics.count());
    assertEquals(ids(union), ids(topics));
    assertEquals(
        List.of(fitted),
        topics.select(Col.MODEL_VERSION).distinct().as(Encoders.STRING()).collectAsList());
    assertTrue(
        topics.filter(col(Col.ARTICLE_ID).equalTo(late)).first().<Integer>getAs(Col.TOPIC_ID)
            >= TopicModeling.UNASSIGNED);
    long sized =
        store
            .read(Tables.TOPICS)
            .filter(col(Col.STATE).equalTo("active"))
            .agg(org.apache.spark.sql.functions.sum(Col.SIZE))
            .first()
            .getLong(0);
    assertEquals(union.count(), sized, "topic sizes count the articles of every month");
  }
}
