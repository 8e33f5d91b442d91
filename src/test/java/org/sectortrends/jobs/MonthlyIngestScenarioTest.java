package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.MonthlyDrops;
import org.sectortrends.testing.SparkTestSession;

/**
 * A year of history and two monthly increments ({@link MonthlyDrops}), ingested one after the other
 * into one {@code --out} with the second drop delivered twice, against one {@code --rebuild} over
 * the union of the drops.
 */
class MonthlyIngestScenarioTest {

  private static SparkSession spark;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("MonthlyIngestScenarioTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static RunSummary ingest(Path out, String... more) throws Exception {
    return ingest(spark, out, more);
  }

  static RunSummary ingest(SparkSession spark, Path out, String... more) throws Exception {
    List<String> args = new ArrayList<>(List.of("--out", out.toString()));
    args.addAll(Arrays.asList(more));
    return JobLauncher.execute(new IngestJob(), spark, args.toArray(String[]::new));
  }

  /** Sorted rows as text, without the columns that name the run. */
  static List<String> rows(TableStore store, TableSpec table, String... ignored) {
    Dataset<Row> rows = store.read(table).drop(ignored);
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Map<String, Row> bySourceId(Dataset<Row> rows) {
    Map<String, Row> map = new HashMap<>();
    for (Row row : rows.collectAsList()) {
      Row previous = map.put(row.getAs(Col.SOURCE_ID), row);
      assertTrue(previous == null, "source id twice: " + row.getAs(Col.SOURCE_ID));
    }
    return map;
  }

  @Test
  void monthlyDropsEndAsOneRebuildOverTheirUnion() throws Exception {
    MonthlyDrops drops = MonthlyDrops.write(work.resolve("drops"));
    Path out = work.resolve("monthly");
    TableStore store = new TableStore(spark, out.resolve("tables").toString());

    RunSummary first = ingest(out, "--input", drops.drop1().toString());
    long september =
        store.read(Tables.ARTICLES).filter(col(Col.PUBLISHED_MONTH).equalTo("2025-09")).count();
    RunSummary second = ingest(out, "--input", drops.drop2().toString());
    assertTrue(second.newArticles() > 0);
    assertTrue(second.monthsTouched().contains("2025-10"), second.monthsTouched());
    assertEquals(
        september,
        store.read(Tables.ARTICLES).filter(col(Col.PUBLISHED_MONTH).equalTo("2025-09")).count(),
        "a month the drop does not touch keeps its rows");

    // The second drop delivered again changes nothing.
    List<String> articlesBefore = rows(store, Tables.ARTICLES);
    List<String> duplicatesBefore = rows(store, Tables.DUPLICATES_TABLE);
    List<String> quarantineBefore = rows(store, Tables.QUARANTINE);
    List<String> keysBefore = rows(store, Tables.DEDUP_KEYS);
    RunSummary again = ingest(out, "--input", drops.drop2().toString());
    assertEquals(0L, again.newArticles());
    assertEquals(0, again.outputRecords());
    assertEquals(0, again.duplicates());
    assertEquals(again.inputRecords(), second.inputRecords());
    assertEquals(articlesBefore, rows(store, Tables.ARTICLES));
    assertEquals(duplicatesBefore, rows(store, Tables.DUPLICATES_TABLE));
    assertEquals(quarantineBefore, rows(store, Tables.QUARANTINE));
    assertEquals(keysBefore, rows(store, Tables.DEDUP_KEYS));
    Row againRun = store.read(Tables.RUNS).filter(col(Col.RUN_ID).equalTo(again.runId())).first();
    assertEquals(0L, (long) againRun.getAs(Col.NEW_ARTICLES));
    assertEquals("succeeded", againRun.getAs(Col.STATUS));

    RunSummary third = ingest(out, "--input", drops.drop3().toString());
    assertEquals(
        september + 2,
        store.read(Tables.ARTICLES).filter(col(Col.PUBLISHED_MONTH).equalTo("2025-09")).count(),
        "the late article and the earlier source are merged into September, whose rows stay");
    for (String month : List.of("2025-09", "2025-10", "2025-11")) {
      assertTrue(third.monthsTouched().contains(month), month + " in " + third.monthsTouched());
    }
    Row thirdRun = store.read(Tables.RUNS).filter(col(Col.RUN_ID).equalTo(third.runId())).first();
    assertEquals(third.monthsTouched(), thirdRun.getAs(Col.MONTHS_TOUCHED));
    assertEquals(third.newArticles(), thirdRun.getAs(Col.NEW_ARTICLES));

    // Every record of the union is in exactly one table.
    Map<String, Row> articles = bySourceId(store.read(Tables.ARTICLES));
    Map<String, Row> duplicates = bySourceId(store.read(Tables.DUPLICATES_TABLE));
    List<String> quarantined =
        store
            .read(Tables.QUARANTINE)
            .select(Col.SOURCE_ID)
            .filter(col(Col.SOURCE_ID).isNotNull())
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    for (String id : drops.unionSourceIds()) {
      int places =
          (articles.containsKey(id) ? 1 : 0)
              + (duplicates.containsKey(id) ? 1 : 0)
              + (int) quarantined.stream().filter(id::equals).count();
      assertEquals(1, places, id + " is in exactly one of articles, duplicates, quarantine");
    }
    assertEquals(
        drops.unionSourceIds().size(), articles.size() + duplicates.size() + quarantined.size());

    // The reposts point at the kept article with their body.
    Row late = articles.get(MonthlyDrops.LATE_ID);
    assertEquals("2025-09", late.getAs(Col.PUBLISHED_MONTH));
    Row exactRepost = duplicates.get(MonthlyDrops.REPOST_EXACT_ID);
    assertEquals("exact", exactRepost.getAs(Col.DUPLICATE_KIND));
    assertEquals(
        keptIdWithBodyOf(articles, duplicates, drops.repostExactOf()),
        exactRepost.getAs(Col.DUPLICATE_OF));
    Row nearRepost = duplicates.get(MonthlyDrops.REPOST_NEAR_ID);
    assertEquals("near", nearRepost.getAs(Col.DUPLICATE_KIND));
    assertEquals(
        keptIdWithBodyOf(articles, duplicates, drops.repostNearOf()),
        nearRepost.getAs(Col.DUPLICATE_OF));
    // The stored October article has an earlier source now: it moved, and its copy followed.
    String earlier = articles.get(MonthlyDrops.EARLIER_SOURCE_ID).getAs(Col.ARTICLE_ID);
    assertEquals(earlier, duplicates.get(drops.earlierSourceOf()).getAs(Col.DUPLICATE_OF));
    assertEquals(earlier, duplicates.get(MonthlyDrops.SAME_RUN_COPY_ID).getAs(Col.DUPLICATE_OF));
    assertEquals(
        third.inputRecords(),
        third.outputRecords() + third.duplicates() + third.quarantined(),
        "nothing of drop 3 was delivered before");

    // One rebuild over the union gives the same articles and duplicates.
    Path rebuilt = work.resolve("rebuilt");
    ingest(
        rebuilt,
        "--rebuild",
        "--input",
        drops.drop1().toString(),
        drops.drop2().toString(),
        drops.drop3().toString());
    TableStore rebuiltStore = new TableStore(spark, rebuilt.resolve("tables").toString());
    assertEquals(
        rows(rebuiltStore, Tables.ARTICLES, Col.RUN_ID, Col.INGESTED_AT),
        rows(store, Tables.ARTICLES, Col.RUN_ID, Col.INGESTED_AT));
    assertEquals(
        rows(rebuiltStore, Tables.DUPLICATES_TABLE, Col.RUN_ID, Col.INGESTED_AT),
        rows(store, Tables.DUPLICATES_TABLE, Col.RUN_ID, Col.INGESTED_AT));
    assertEquals(rows(rebuiltStore, Tables.DEDUP_KEYS), rows(store, Tables.DEDUP_KEYS));

    System.out.printf(
        "monthly scenario: articles %d, duplicates %d, quarantine %d, dedup_keys %d, runs %d; new per run %d/%d/%d/%d%n",
        store.read(Tables.ARTICLES).count(),
        store.read(Tables.DUPLICATES_TABLE).count(),
        store.read(Tables.QUARANTINE).count(),
        store.read(Tables.DEDUP_KEYS).count(),
        store.read(Tables.RUNS).count(),
        first.newArticles(),
        second.newArticles(),
        again.newArticles(),
        third.newArticles());

    // A rebuild into the incremental output replaces it with the rebuilt input alone.
    ingest(out, "--rebuild", "--input", drops.drop1().toString());
    assertEquals(first.outputRecords(), store.read(Tables.ARTICLES).count());
    assertEquals(
        0,
        store
            .read(Tables.ARTICLES)
            .filter(col(Col.PUBLISHED_MONTH).isin("2025-10", "2025-11"))
            .count());
  }

  /** The kept article that holds the body of the record with {@code sourceId}. */
  private static String keptIdWithBodyOf(
      Map<String, Row> articles, Map<String, Row> duplicates, String sourceId) {
    Row row = articles.get(sourceId);
    return row != null
        ? row.getAs(Col.ARTICLE_ID)
        : duplicates.get(sourceId).getAs(Col.DUPLICATE_OF);
  }
}
