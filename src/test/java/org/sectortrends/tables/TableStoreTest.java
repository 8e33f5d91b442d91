package org.sectortrends.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;

class TableStoreTest {

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("TableStoreTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private Dataset<Row> topics(int... ids) {
    List<Row> rows =
        java.util.Arrays.stream(ids)
            .mapToObj(
                id ->
                    RowFactory.create(
                        id,
                        "v1",
                        "label " + id,
                        "a|b|c",
                        10L,
                        "ai",
                        0.5,
                        "active",
                        new Timestamp(0)))
            .toList();
    return spark.createDataFrame(rows, Tables.TOPICS.schema());
  }

  /** A column whose evaluation fails on the executor, as a crash mid-write would. */
  private static Dataset<Row> failing(Dataset<Row> rows, String column) {
    UserDefinedFunction boom =
        udf(
            (UDF1<String, String>)
                s -> {
                  throw new IllegalStateException("simulated failure while writing");
                },
            DataTypes.StringType);
    return rows.withColumn(column, boom.apply(col(column)));
  }

  @Test
  void failedReplaceLeavesThePreviousTableReadable() {
    TableStore store = new TableStore(spark, dir.toString());
    store.write(Tables.TOPICS, topics(1, 2, 3));
    assertThrows(
        Exception.class, () -> store.write(Tables.TOPICS, failing(topics(7, 8), Col.LABEL)));
    assertEquals(3, store.read(Tables.TOPICS).count());
    store.write(Tables.TOPICS, topics(4));
    assertEquals(
        List.of(4),
        store
            .read(Tables.TOPICS)
            .select(Col.TOPIC_ID)
            .as(org.apache.spark.sql.Encoders.INT())
            .collectAsList());
  }

  @Test
  void replaceSwitchesAPointerAndKeepsOnlyThePreviousVersion() throws Exception {
    TableStore store = new TableStore(spark, dir.toString());
    store.write(Tables.TOPICS, topics(1));
    store.write(Tables.TOPICS, topics(2, 3));
    store.write(Tables.TOPICS, topics(4, 5, 6));
    Path table = dir.resolve("topics");
    String current = Files.readString(table.resolve(TableStore.CURRENT_POINTER)).trim();
    try (Stream<Path> children = Files.list(table)) {
      List<String> versions =
          children
              .map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("v-"))
              .sorted()
              .toList();
      assertEquals(2, versions.size(), "the current and the previous version: " + versions);
      assertEquals(current, versions.get(1));
    }
    assertEquals(
        table.resolve(current).toString(), store.dataLocation(Tables.TOPICS).orElseThrow());
    assertEquals(
        List.of(4, 5, 6),
        store
            .read(Tables.TOPICS)
            .select(Col.TOPIC_ID)
            .orderBy(Col.TOPIC_ID)
            .as(org.apache.spark.sql.Encoders.INT())
            .collectAsList());
  }

  @Test
  void aReplaceTableWrittenBeforeVersionsIsReadAndThenReplaced() throws Exception {
    TableStore store = new TableStore(spark, dir.toString());
    topics(1, 2).write().parquet(dir.resolve("topics").toString());
    assertEquals(2, store.read(Tables.TOPICS).count());
    store.write(Tables.TOPICS, topics(3));
    assertEquals(1, store.read(Tables.TOPICS).count());
    try (Stream<Path> children = Files.list(dir.resolve("topics"))) {
      List<String> names = children.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(
          names.stream()
              .allMatch(
                  n ->
                      n.startsWith("v-")
                          || n.equals(TableStore.CURRENT_POINTER)
                          || n.equals("._current.crc")),
          "the files of the old layout are gone: " + names);
    }
  }

  @Test
  void aStagedCommitSwitchesSeveralTablesAndAnAbandonedOneChangesNothing() {
    TableStore store = new TableStore(spark, dir.toString());
    store.write(
        Tables.ARTICLE_TERMS,
        termRows(
            new Object[] {"a1", "반도체", 3, "2025-01"}, new Object[] {"a2", "배터리", 2, "2025-02"}));
    StagedCommit abandoned = store.begin();
    abandoned.stage(
        Tables.ARTICLE_TERMS,
        termRows(new Object[] {"a9", "통신", 1, "2025-01"}),
        java.util.Set.of("2025-01", "2025-02"),
        TableStore.MonthLayout.SCATTERED);
    abandoned.abandon();
    assertEquals(2, store.read(Tables.ARTICLE_TERMS).count());

    StagedCommit commit = store.begin();
    commit.stage(
        Tables.ARTICLE_TERMS,
        termRows(new Object[] {"a3", "통신", 1, "2025-01"}),
        java.util.Set.of("2025-01"),
        TableStore.MonthLayout.SCATTERED);
    commit.stage(
        Tables.FIGURES,
        spark.createDataFrame(List.of(), Tables.FIGURES.schema()),
        java.util.Set.of("2025-01"),
        TableStore.MonthLayout.SCATTERED);
    assertEquals(
        List.of("a1", "a2"),
        store
            .read(Tables.ARTICLE_TERMS)
            .select(Col.ARTICLE_ID)
            .orderBy(Col.ARTICLE_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList(),
        "nothing is visible before the commit");
    commit.commit();
    assertEquals(
        List.of("a2", "a3"),
        store
            .read(Tables.ARTICLE_TERMS)
            .select(Col.ARTICLE_ID)
            .orderBy(Col.ARTICLE_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());
    assertEquals(
        java.util.Set.of("2025-01", "2025-02"), store.partitionValues(Tables.ARTICLE_TERMS));
  }

  @Test
  void failedPartitionOverwriteKeepsEveryPartition() throws Exception {
    TableStore store = new TableStore(spark, dir.toString());
    Dataset<Row> terms =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a1", "반도체", 3, "2025-01"),
                RowFactory.create("a2", "배터리", 2, "2025-02")),
            Tables.ARTICLE_TERMS.schema());
    store.write(Tables.ARTICLE_TERMS, terms);
    Dataset<Row> replacement =
        spark.createDataFrame(
            List.of(RowFactory.create("a3", "통신", 1, "2025-01")), Tables.ARTICLE_TERMS.schema());
    assertThrows(
        Exception.class, () -> store.write(Tables.ARTICLE_TERMS, failing(replacement, Col.TERM)));
    assertEquals(2, store.read(Tables.ARTICLE_TERMS).count());

    store.write(Tables.ARTICLE_TERMS, replacement);
    assertEquals(
        List.of("a2", "a3"),
        store
            .read(Tables.ARTICLE_TERMS)
            .select(Col.ARTICLE_ID)
            .orderBy(Col.ARTICLE_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());
  }

  @Test
  void rowsAreConformedToTheDeclaredSchemaAndCompacted() throws Exception {
    TableStore store = new TableStore(spark, dir.toString());
    Dataset<Row> rows =
        spark
            .range(0, 1000)
            .repartition(8)
            .withColumn(Col.ARTICLE_ID, col("id").cast("string"))
            .withColumn(Col.TERM, lit("용어"))
            .withColumn(Col.COUNT, col("id").cast("long"))
            .withColumn(Col.PUBLISHED_MONTH, lit("2025-03"))
            .withColumn("extra", lit(1));
    store.write(Tables.ARTICLE_TERMS, rows);
    Dataset<Row> back = store.read(Tables.ARTICLE_TERMS);
    assertEquals(Tables.ARTICLE_TERMS.schema().fieldNames().length, back.columns().length);
    assertEquals(DataTypes.IntegerType, back.schema().apply(Col.COUNT).dataType());
    try (Stream<Path> files = Files.list(dir.resolve("article_terms/published_month=2025-03"))) {
      assertEquals(
          1,
          files.filter(p -> p.toString().endsWith(".parquet")).count(),
          "one file per partition, not one per task");
    }
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> store.write(Tables.ARTICLE_TERMS, rows.drop(Col.TERM)));
    assertTrue(missing.getMessage().contains(Col.TERM));
  }

  private Dataset<Row> termRows(Object[]... rows) {
    return spark.createDataFrame(
        java.util.Arrays.stream(rows).map(RowFactory::create).toList(),
        Tables.ARTICLE_TERMS.schema());
  }

  private static long parquetFiles(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }

  @Test
  void writeMonthsReplacesCoveredMonthsAndEmptiesThoseWithoutRows() throws Exception {
    TableStore store = new TableStore(spark, dir.toString());
    store.write(
        Tables.ARTICLE_TERMS,
        termRows(
            new Object[] {"a1", "반도체", 3, "2025-01"},
            new Object[] {"a2", "배터리", 2, "2025-02"},
            new Object[] {"a3", "통신", 1, "2025-03"}));

    TableStore.MonthsWritten written =
        store.writeMonths(
            Tables.ARTICLE_TERMS,
            termRows(
                new Object[] {"a4", "조선", 1, "2025-01"}, new Object[] {"a5", "철강", 4, "2025-01"}),
            java.util.Set.of("2025-01", "2025-02"),
            TableStore.MonthLayout.CLUSTERED);

    assertEquals(java.util.Set.of("2025-01"), written.months());
    assertEquals(2, written.rows());
    assertEquals(
        List.of("a3", "a4", "a5"),
        store
            .read(Tables.ARTICLE_TERMS)
            .select(Col.ARTICLE_ID)
            .orderBy(Col.ARTICLE_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList(),
        "2025-02 emptied, 2025-03 not covered and kept");
    assertTrue(Files.notExists(dir.resolve("article_terms/published_month=2025-02")));
  }

  @Test
  void writeMonthsWithNoRowsEmptiesEveryCoveredMonth() {
    TableStore store = new TableStore(spark, dir.toString());
    store.write(
        Tables.ARTICLE_TERMS,
        termRows(
            new Object[] {"a1", "반도체", 3, "2025-01"}, new Object[] {"a2", "배터리", 2, "2025-02"}));
    TableStore.MonthsWritten written =
        store.writeMonths(
            Tables.ARTICLE_TERMS,
            termRows(),
            java.util.Set.of("2025-01"),
            TableStore.MonthLayout.SCATTERED);
    assertEquals(new TableStore.MonthsWritten(java.util.Set.of(), 0), written);
    assertEquals(
        List.of("a2"),
        store
            .read(Tables.ARTICLE_TERMS)
            .select(Col.ARTICLE_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());
  }

  @Test
  void failedWriteMonthsKeepsEveryMonth() {
    TableStore store = new TableStore(spark, dir.toString());
    store.write(
        Tables.ARTICLE_TERMS,
        termRows(
            new Object[] {"a1", "반도체", 3, "2025-01"}, new Object[] {"a2", "배터리", 2, "2025-02"}));
    Dataset<Row> replacement = termRows(new Object[] {"a3", "통신", 1, "2025-01"});
    assertThrows(
        Exception.class,
        () ->
            store.writeMonths(
                Tables.ARTICLE_TERMS,
                failing(replacement, Col.TERM),
                java.util.Set.of("2025-01", "2025-02"),
                TableStore.MonthLayout.CLUSTERED));
    assertEquals(2, store.read(Tables.ARTICLE_TERMS).count());
  }

  @Test
  void clusteredMonthsAreWrittenAsTheyLieAndScatteredOnesAreGathered() throws Exception {
    TableStore store = new TableStore(spark, dir.toString());
    Dataset<Row> byMonth =
        spark
            .range(0, 400)
            .withColumn(
                Col.PUBLISHED_MONTH,
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(col("id").lt(200), lit("2025-01"))
                    .otherwise(lit("2025-02")))
            .repartitionByRange(2, col("id"))
            .withColumn(Col.ARTICLE_ID, col("id").cast("string"))
            .withColumn(Col.TERM, lit("용어"))
            .withColumn(Col.COUNT, lit(1));
    store.writeMonths(
        Tables.ARTICLE_TERMS,
        byMonth,
        java.util.Set.of("2025-01", "2025-02"),
        TableStore.MonthLayout.CLUSTERED);
    assertEquals(1, parquetFiles(dir.resolve("article_terms/published_month=2025-01")));
    assertEquals(1, parquetFiles(dir.resolve("article_terms/published_month=2025-02")));

    Dataset<Row> spread = byMonth.repartition(6);
    TableStore.MonthsWritten written =
        store.writeMonths(
            Tables.ARTICLE_TERMS,
            spread,
            java.util.Set.of("2025-01", "2025-02"),
            TableStore.MonthLayout.SCATTERED);
    assertEquals(400, written.rows());
    assertEquals(
        1,
        parquetFiles(dir.resolve("article_terms/published_month=2025-01")),
        "one file per month, not one per task");
    assertEquals(1, parquetFiles(dir.resolve("article_terms/published_month=2025-02")));
  }

  @Test
  void writeMonthsRefusesATableNotPartitionedByMonth() {
    TableStore store = new TableStore(spark, dir.toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                store.writeMonths(
                    Tables.TOPICS,
                    topics(1),
                    java.util.Set.of("2025-01"),
                    TableStore.MonthLayout.CLUSTERED));
    assertTrue(e.getMessage().contains("topics"), e.getMessage());
  }

  /** A term_trends row: only the term, its frequency, the period and the run id matter here. */
  private static Row termRow(String type, String period, String term, long frequency, String run) {
    return RowBuilder.of(Tables.TERM_TRENDS)
        .set(Col.PERIOD_START, java.sql.Date.valueOf("2025-01-01"))
        .set(Col.PERIOD_END, java.sql.Date.valueOf("2025-01-31"))
        .set(Col.TERM, term)
        .set(Col.DOCUMENT_FREQUENCY, frequency)
        .setNull(
            Col.ARTICLE_SHARE,
            Col.BASELINE_SHARE,
            Col.BASELINE_PERIODS,
            Col.LIFT,
            Col.Z_SCORE,
            Col.IS_EMERGING,
            Col.FIRST_SEEN)
        .set(Col.RUN_ID, run)
        .set(Col.PERIOD, period)
        .set(Col.PERIOD_TYPE, type)
        .build();
  }

  /** The rows of term_trends as "type period term run", sorted. */
  private static List<String> termRows(TableStore store) {
    return store.read(Tables.TERM_TRENDS).collectAsList().stream()
        .map(
            r ->
                r.getAs(Col.PERIOD_TYPE)
                    + " "
                    + r.getAs(Col.PERIOD)
                    + " "
                    + r.getAs(Col.TERM)
                    + " "
                    + r.getAs(Col.RUN_ID))
        .sorted()
        .toList();
  }

  private static List<String> fileDirectories(Path table) throws Exception {
    try (Stream<Path> files = Files.walk(table)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".parquet"))
          .map(f -> table.relativize(f).getParent().toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void writePeriodsReplacesTheRecomputedPeriodsAndKeepsTheOthers() throws Exception {
    TableStore store = new TableStore(spark, dir.toString());
    store.writePeriods(
        Tables.TERM_TRENDS,
        spark.createDataFrame(
            List.of(
                termRow("month", "2025-01", "반도체", 3, "r1"),
                termRow("month", "2025-02", "반도체", 4, "r1"),
                termRow("month", "2025-03", "배터리", 5, "r1"),
                termRow("quarter", "2025Q1", "반도체", 7, "r1")),
            Tables.TERM_TRENDS.schema()),
        RecomputedPeriods.wholeTypes(List.of("month", "quarter")));
    // One file per period type, not one directory per period.
    assertEquals(
        List.of("period_type=month", "period_type=quarter"),
        fileDirectories(dir.resolve("term_trends")));

    // A periodic run recomputes 2025-02 (now without 반도체) and 2025-03; 2025-01 and the quarter
    // stay as the first run wrote them.
    store.writePeriods(
        Tables.TERM_TRENDS,
        spark.createDataFrame(
            List.of(termRow("month", "2025-03", "배터리", 6, "r2")), Tables.TERM_TRENDS.schema()),
        RecomputedPeriods.only(java.util.Map.of("month", java.util.Set.of("2025-02", "2025-03"))));
    assertEquals(
        List.of("month 2025-01 반도체 r1", "month 2025-03 배터리 r2", "quarter 2025Q1 반도체 r1"),
        termRows(store));

    // A full run of months only replaces every month and leaves the quarters.
    store.writePeriods(
        Tables.TERM_TRENDS,
        spark.createDataFrame(
            List.of(termRow("month", "2025-04", "로봇", 2, "r3")), Tables.TERM_TRENDS.schema()),
        RecomputedPeriods.wholeTypes(List.of("month")));
    assertEquals(List.of("month 2025-04 로봇 r3", "quarter 2025Q1 반도체 r1"), termRows(store));
  }

  @Test
  void writePeriodsWithoutRowsLeavesAnEmptyTable() {
    TableStore store = new TableStore(spark, dir.toString());
    store.writePeriods(
        Tables.COMPANY_METRICS,
        spark.createDataFrame(List.of(), Tables.COMPANY_METRICS.schema()),
        RecomputedPeriods.wholeTypes(List.of("quarter")));
    assertTrue(store.exists(Tables.COMPANY_METRICS));
    assertEquals(0, store.read(Tables.COMPANY_METRICS).count());
  }

  @Test
  void writePeriodsMovesATableOfTheEarlierLayoutToTheNewOneWhole() throws Exception {
    TableStore store = new TableStore(spark, dir.toString());
    // The earlier layout: a directory per period type and period.
    spark
        .createDataFrame(
            List.of(
                termRow("week", "2025-W01", "반도체", 3, "old"),
                termRow("month", "2025-01", "반도체", 5, "old"),
                termRow("month", "2025-02", "배터리", 4, "old")),
            Tables.TERM_TRENDS.schema())
        .write()
        .partitionBy(Col.PERIOD_TYPE, Col.PERIOD)
        .parquet(dir.resolve("term_trends").toString());
    assertEquals(
        List.of("month 2025-01 반도체 old", "month 2025-02 배터리 old", "week 2025-W01 반도체 old"),
        termRows(store),
        "the earlier layout reads with the new declaration");

    store.writePeriods(
        Tables.TERM_TRENDS,
        spark.createDataFrame(
            List.of(termRow("month", "2025-02", "배터리", 9, "new")), Tables.TERM_TRENDS.schema()),
        RecomputedPeriods.only(java.util.Map.of("month", java.util.Set.of("2025-02"))));
    assertEquals(
        List.of("month 2025-01 반도체 old", "month 2025-02 배터리 new", "week 2025-W01 반도체 old"),
        termRows(store));
    // The week, which the run did not recompute, moved to the new layout too: no period= level.
    assertEquals(
        List.of("period_type=month", "period_type=week"),
        fileDirectories(dir.resolve("term_trends")));
  }
}
