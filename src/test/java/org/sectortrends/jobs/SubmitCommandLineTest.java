package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmitCommandLineTest {

  private static final List<JobOption<?>> INGEST = new IngestJob().options();

  private static SubmitCommandLine.Split split(String... args) {
    return SubmitCommandLine.split("ingest", INGEST, args);
  }

  @Test
  void separatesSparkSubmitOptionsFromJobOptionsInAnyOrder() {
    SubmitCommandLine.Split s =
        split(
            "--input",
            "a.jsonl",
            "b/",
            "--driver-memory",
            "4g",
            "--out",
            "/tmp/o",
            "--conf",
            "spark.sql.shuffle.partitions=8",
            "--master=local[2]",
            "-c",
            "spark.ui.enabled=false",
            "--format=jsonl");
    assertEquals(
        List.of(
            "--driver-memory",
            "4g",
            "--conf",
            "spark.sql.shuffle.partitions=8",
            "--master=local[2]",
            "-c",
            "spark.ui.enabled=false"),
        s.sparkArgs());
    assertEquals(
        List.of("--input", "a.jsonl", "b/", "--out", "/tmp/o", "--format=jsonl"), s.jobArgs());
    assertEquals("/tmp/o", s.out());
    assertFalse(s.help());
    assertFalse(s.verbose());
  }

  @Test
  void everythingAfterDoubleDashGoesToTheJobAsBefore() {
    SubmitCommandLine.Split s = split("--driver-memory", "4g", "--", "--input", "x", "--out", "y");
    assertEquals(List.of("--driver-memory", "4g"), s.sparkArgs());
    assertEquals(List.of("--input", "x", "--out", "y"), s.jobArgs());
  }

  @Test
  void launcherOptionsBelongToEveryJob() {
    SubmitCommandLine.Split s = split("--verbose", "--progress", "json");
    assertTrue(s.verbose());
    assertEquals(List.of("--verbose", "--progress", "json"), s.jobArgs());
    assertEquals("out", s.out(), "the default output root");
  }

  @Test
  void helpIsTheJobsHelp() {
    assertTrue(split("--master", "local[2]", "--help").help());
    assertTrue(split("-h").help());
  }

  @Test
  void unknownOptionsGetTheClosestName() {
    UsageException e = assertThrows(UsageException.class, () -> split("--ouput", "x"));
    assertEquals("Unknown option '--ouput' for job ingest; did you mean --out?", e.getMessage());
    e = assertThrows(UsageException.class, () -> split("--executor-memry", "2g"));
    assertTrue(e.getMessage().endsWith("did you mean --executor-memory?"), e.getMessage());
    e = assertThrows(UsageException.class, () -> split("--qwertyuiop"));
    assertTrue(e.getMessage().contains("--help"), e.getMessage());
  }

  @Test
  void aWordWithoutDashesIsRejectedWithAHint() {
    UsageException e = assertThrows(UsageException.class, () -> split("input", "x"));
    assertEquals(
        "Unexpected argument 'input': options start with --; did you mean --input?",
        e.getMessage());
  }

  @Test
  void badValuesAreFoundBeforeSparkStarts() {
    UsageException e = assertThrows(UsageException.class, () -> split("--min-body-chars", "many"));
    assertTrue(
        e.getMessage().contains("'many'") && e.getMessage().contains("--min-body-chars"),
        e.getMessage());
    assertThrows(UsageException.class, () -> split("--driver-memory"));
    assertThrows(UsageException.class, () -> split("--class", "x.Y"));
  }

  @Test
  void aJobsOwnOptionWinsOverTheSparkSubmitOptionOfTheSameName() {
    SubmitCommandLine.Split s =
        SubmitCommandLine.split(
            "bench",
            new org.sectortrends.bench.BenchJob().options(),
            new String[] {"--name", "run1", "--master", "local[2]"});
    assertEquals(List.of("--name", "run1"), s.jobArgs());
    assertEquals(List.of("--master", "local[2]"), s.sparkArgs());
  }

  @Test
  void logsGoUnderALocalOutputRootElseToTheTemporaryDirectory() {
    Path tmp = Path.of("/tmp");
    assertEquals(Path.of("/data/run/logs"), SubmitCommandLine.logDirectory("/data/run", tmp));
    assertEquals(
        Path.of("/data/run/logs"), SubmitCommandLine.logDirectory("file:///data/run", tmp));
    assertEquals(
        Path.of("out").toAbsolutePath().resolve("logs"),
        SubmitCommandLine.logDirectory("out", tmp));
    assertEquals(
        Path.of("/tmp/sector-trends-logs"),
        SubmitCommandLine.logDirectory("s3a://bucket/run", tmp));
    assertEquals(Path.of("/tmp/sector-trends-logs"), SubmitCommandLine.logDirectory(null, tmp));
  }

  @Test
  void everyJobIsListedWithOneLine() {
    String list = Main.jobList();
    for (String job : Main.jobNames()) {
      assertEquals(1, list.lines().filter(l -> l.startsWith("  " + job + " ")).count(), job);
    }
    assertTrue(list.lines().anyMatch(l -> l.startsWith("  pipeline ")));
  }
}
