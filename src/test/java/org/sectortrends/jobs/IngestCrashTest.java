package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.CrashPoints;
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.MonthlyDrops;
import org.sectortrends.testing.SparkTestSession;

/**
 * An ingest killed with {@code kill -9} (a child JVM stopped at a known point of its write, then
 * killed by SIGKILL) leaves complete, readable tables, and its rerun gives the tables of an
 * undisturbed run.
 */
class IngestCrashTest {

  private static SparkSession spark;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("IngestCrashTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final List<TableSpec> INGEST_TABLES =
      List.of(Tables.ARTICLES, Tables.DUPLICATES_TABLE, Tables.DEDUP_KEYS);

  private static List<List<String>> snapshot(TableStore store) {
    List<List<String>> tables = new ArrayList<>();
    for (TableSpec table : INGEST_TABLES) {
      tables.add(MonthlyIngestScenarioTest.rows(store, table, Col.RUN_ID, Col.INGESTED_AT));
    }
    tables.add(
        MonthlyIngestScenarioTest.rows(store, Tables.QUARANTINE, Col.RUN_ID, Col.QUARANTINED_AT));
    return tables;
  }

  /**
   * Runs {@code ingest} in a child JVM that pauses at {@code point}; kills it there with SIGKILL.
   */
  private static void ingestKilledAt(String point, Path out, Path input) throws Exception {
    Path marker = work.resolve("paused-" + point);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-opens")
          || flag.startsWith("--add-modules")
          || flag.startsWith("-XX:+IgnoreUnrecognized")
          || flag.startsWith("-Djdk.reflect")
          || flag.startsWith("-Dio.netty")) {
        command.add(flag); // the pom's spark.java17.flags, as Surefire passed them to this JVM
      }
    }
    command.addAll(
        List.of(
            "-Duser.timezone=UTC",
            "-Dspark.master=local[1]",
            "-Dspark.ui.enabled=false",
            "-Dspark.driver.host=127.0.0.1",
            "-Dspark.driver.bindAddress=127.0.0.1",
            "-D" + CrashPoints.PAUSE_AT + "=" + point,
            "-D" + CrashPoints.PAUSE_MARKER + "=" + marker,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "ingest",
            "--input",
            input.toString(),
            "--out",
            out.toString()));
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("child-" + point + ".log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (!Files.exists(marker) && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertTrue(
          Files.exists(marker),
          "the child reached "
              + point
              + "; log: "
              + Files.readString(work.resolve("child-" + point + ".log"))
                  .lines()
                  .filter(l -> !l.contains("WARN"))
                  .limit(40)
                  .toList());
    } finally {
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no cleanup
      child.waitFor(1, TimeUnit.MINUTES);
    }
    assertFalse(child.isAlive());
  }

  private static long duckDbCount(Path table) throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "SELECT count(*) FROM read_parquet('"
                    + table
                    + "/**/*.parquet', hive_partitioning = true)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void killedIngestLeavesCompleteTablesAndItsRerunEqualsAnUndisturbedRun() throws Exception {
    MonthlyDrops drops = MonthlyDrops.write(work.resolve("drops"));

    Path undisturbed = work.resolve("undisturbed");
    MonthlyIngestScenarioTest.ingest(spark, undisturbed, "--input", drops.drop1().toString());
    MonthlyIngestScenarioTest.ingest(spark, undisturbed, "--input", drops.drop2().toString());
    List<List<String>> expected =
        snapshot(new TableStore(spark, undisturbed.resolve("tables").toString()));

    // Killed after staging every table, before the commit journal: nothing changed.
    Path out = work.resolve("killed");
    TableStore store = new TableStore(spark, out.resolve("tables").toString());
    MonthlyIngestScenarioTest.ingest(spark, out, "--input", drops.drop1().toString());
    List<List<String>> previous = snapshot(store);
    long previousArticles = store.read(Tables.ARTICLES).count();
    ingestKilledAt("commit-staged", out, drops.drop2());
    assertEquals(
        previousArticles,
        duckDbCount(out.resolve("tables/articles")),
        "a BI reader sees the previous articles, whole");
    assertEquals(previous, snapshot(store), "the previous tables are complete");

    // The rerun gives the undisturbed tables.
    MonthlyIngestScenarioTest.ingest(spark, out, "--input", drops.drop2().toString());
    assertEquals(expected, snapshot(store));

    // Killed after the journal, with one month switched: the next reader finishes the switch.
    Path out2 = work.resolve("killed-switching");
    TableStore store2 = new TableStore(spark, out2.resolve("tables").toString());
    MonthlyIngestScenarioTest.ingest(spark, out2, "--input", drops.drop1().toString());
    ingestKilledAt("commit-switching", out2, drops.drop2());
    assertTrue(
        Files.list(out2.resolve("tables/_staging")).anyMatch(p -> p.toString().endsWith(".commit")),
        "the interrupted commit left its journal");
    assertEquals(expected, snapshot(store2), "rolled forward to the complete new tables");
    assertFalse(
        Files.list(out2.resolve("tables/_staging"))
            .anyMatch(p -> p.toString().endsWith(".commit")));
    RunSummary rerun =
        MonthlyIngestScenarioTest.ingest(spark, out2, "--input", drops.drop2().toString());
    assertEquals(
        0L,
        rerun.newArticles(),
        "the killed run's rows were committed; the rerun finds them present");
    assertTrue(
        rerun.monthsTouched().contains("2025-10"),
        "the rerun still names the months for the later stages");
    assertEquals(expected, snapshot(store2));
    assertEquals(
        store2.read(Tables.ARTICLES).count(), duckDbCount(out2.resolve("tables/articles")));
  }
}
