package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest as launched from the command line (its own session, its exit code): an input that is
 * mostly quarantined fails loudly and writes nothing, and ids do not depend on where the input
 * lies. Tables are read back with DuckDB, as a BI tool would.
 */
class IngestInputSafetyTest {

  private static final List<String> SESSION_PROPERTIES =
      List.of(
          "spark.master",
          "spark.ui.enabled",
          "spark.driver.host",
          "spark.driver.bindAddress",
          "spark.sql.shuffle.partitions");

  @TempDir static Path work;

  @BeforeAll
  static void configure() {
    System.setProperty("spark.master", "local[2]");
    System.setProperty("spark.ui.enabled", "false");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    System.setProperty("spark.sql.shuffle.partitions", "4");
  }

  @AfterAll
  static void clear() {
    SESSION_PROPERTIES.forEach(System::clearProperty);
  }

  private record Launch(int exitCode, String out, String err) {}

  private static Launch launch(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        JobLauncher.launch(
            new IngestJob(),
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Launch(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<List<String>> query(String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void anInputOfOnlyMalformedRecordsFailsAndWritesNothing() throws Exception {
    Path out = work.resolve("malformed");
    Launch run =
        launch(
            "--input",
            Path.of("data/sample/malformed/bad-records.jsonl").toAbsolutePath().toString(),
            "--out",
            out.toString());
    assertEquals(JobLauncher.EXIT_FAILED, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("quarantined") && run.err().contains("no table was written"), run.err());
    assertFalse(Files.exists(out.resolve("tables/articles")), "no data table is written");
    assertFalse(Files.exists(out.resolve("tables/quarantine")));
    List<List<String>> runs =
        query(
            "SELECT status, quarantine_reasons, input_records, message FROM read_parquet('"
                + out.resolve("tables/runs")
                + "/**/*.parquet')");
    assertEquals(1, runs.size());
    assertEquals("failed", runs.get(0).get(0));
    assertFalse(runs.get(0).get(1).isBlank(), "the failed run names its quarantine reasons");
    assertTrue(runs.get(0).get(3).contains("Likely fix"), runs.get(0).get(3));
  }

  @Test
  void aCsvFileReadAsJsonlFailsWithTheFormatToGive() {
    Path out = work.resolve("csv-as-jsonl");
    Launch run =
        launch(
            "--input",
            Path.of("data/sample/csv/news-finance-desk.csv").toAbsolutePath().toString(),
            "--format",
            "jsonl",
            "--out",
            out.toString());
    assertEquals(JobLauncher.EXIT_FAILED, run.exitCode(), run.err());
    assertTrue(run.err().contains("--format csv"), run.err());
    assertTrue(run.err().contains("malformed_json"), run.err());
    assertFalse(Files.exists(out.resolve("tables/articles")));
  }

  @Test
  void theSampleGetsTheSameIdsFromTwoPaths() throws Exception {
    Path here = copySample(work.resolve("a/sample"));
    Path there = copySample(work.resolve("b/elsewhere/deeper/copy"));
    List<List<String>> ids = new ArrayList<>();
    for (Path input : List.of(here, there)) {
      Path out = input.resolveSibling(input.getFileName() + "-out");
      Launch run = launch("--input", input.toString(), "--out", out.toString());
      assertEquals(JobLauncher.EXIT_OK, run.exitCode(), run.err());
      ids.add(
          query(
                  "SELECT article_id FROM read_parquet('"
                      + out.resolve("tables/articles")
                      + "/**/*.parquet') UNION ALL SELECT article_id FROM read_parquet('"
                      + out.resolve("tables/duplicates")
                      + "/**/*.parquet') ORDER BY 1")
              .stream()
              .map(r -> r.get(0))
              .toList());
    }
    assertTrue(ids.get(0).size() > 300, "the whole sample: " + ids.get(0).size());
    assertEquals(ids.get(0), ids.get(1));
  }

  private static Path copySample(Path target) throws IOException {
    Path sample = Path.of("data/sample").toAbsolutePath();
    try (Stream<Path> files = Files.walk(sample)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = target.resolve(sample.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    return target;
  }
}
