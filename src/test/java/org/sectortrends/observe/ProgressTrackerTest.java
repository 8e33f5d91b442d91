package org.sectortrends.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {

  private static final long S = 1_000_000_000L;

  private long now;
  private final List<String> lines = new ArrayList<>();

  private ProgressTracker tracker(ProgressMode mode) {
    return new ProgressTracker(mode, 10 * S, () -> now, lines::add);
  }

  @Test
  void printsAtMostOneLinePerStageEveryTenSeconds() {
    ProgressTracker t = tracker(ProgressMode.LINES);
    t.stageSubmitted(3, "parquet at TableStore.java:151", 4, "terms");
    for (int second = 1; second <= 35; second++) {
      now = second * S;
      t.tick();
    }
    assertEquals(3, lines.size(), "at 10, 20 and 30 s: " + lines);
  }

  @Test
  void aShortStagePrintsNothing() {
    ProgressTracker t = tracker(ProgressMode.LINES);
    t.stageSubmitted(1, "count at X.java:1", 2, "ingest");
    now = 3 * S;
    t.tick();
    t.taskEnded(1, 1, true, 10, 100);
    t.taskEnded(1, 2, true, 10, 100);
    t.stageCompleted(1, null);
    assertEquals(List.of(), lines);
  }

  @Test
  void progressLineCountsFinishedAndRunningTasksAndEstimatesTheRest() {
    ProgressTracker t = tracker(ProgressMode.LINES);
    t.stageSubmitted(12, "parquet at TableStore.java:151", 200, "terms");
    for (int task = 0; task < 45; task++) {
      t.taskEnded(12, task, true, 20_000, 2L << 20);
    }
    t.taskEnded(12, 99, false, 5, 5);
    t.taskRunning(12, 100, 300_000, 0);
    now = 40 * S;
    t.tick();
    assertEquals(
        List.of(
            "[terms] stage 12 (parquet at TableStore.java:151): 45/200 tasks, 1,200,000 records, 90.0 MiB read, "
                + "30,000 records/s, 40 s, ETA 2 min 18 s"),
        lines);
  }

  @Test
  void aLongStageEndsWithASummaryAndTheGroupWithItsTotals() {
    ProgressTracker t = tracker(ProgressMode.LINES);
    now = 0;
    t.groupStarted("figures");
    t.stageSubmitted(5, "count at Y.java:2", 1, "figures");
    t.taskEnded(5, 1, true, 336, 2048);
    t.stageCompleted(5, null);
    t.stageSubmitted(6, "parquet at TableStore.java:151", 2, "figures");
    now = 12 * S;
    t.tick();
    t.taskEnded(6, 2, true, 300, 1000);
    t.taskEnded(6, 3, true, 36, 24);
    now = 20 * S;
    t.stageCompleted(6, null);
    t.groupFinished("figures", true);
    assertEquals(3, lines.size(), lines.toString());
    assertEquals(
        "[figures] stage 6 (parquet at TableStore.java:151) done in 20 s: 2/2 tasks, 336 records, 1.0 KiB read, "
            + "17 records/s",
        lines.get(1));
    assertEquals(
        "[figures] finished in 20 s: 2 Spark stages, 3 tasks, 672 records, 3.0 KiB read, 34 records/s",
        lines.get(2));
  }

  @Test
  void aFailedStageIsAlwaysReported() {
    ProgressTracker t = tracker(ProgressMode.LINES);
    t.stageSubmitted(7, "collect at Z.java:3", 2, "topics");
    now = 2 * S;
    t.stageCompleted(7, "Job aborted due to stage failure\nat ...");
    assertEquals(
        List.of(
            "[topics] stage 7 (collect at Z.java:3) FAILED in 2.0 s: 0/2 tasks, 0 records, 0 B read, 0 records/s; "
                + "Job aborted due to stage failure"),
        lines);
  }

  @Test
  void jsonLinesAreOneObjectEachWithEscapedNames() {
    ProgressTracker t = tracker(ProgressMode.JSON);
    t.stageSubmitted(2, "map at \"A\".java:1", 4, null);
    t.taskEnded(2, 1, true, 100, 1000);
    now = 10 * S;
    t.tick();
    assertEquals(
        "{\"event\":\"progress\",\"group\":\"spark\",\"stage_id\":2,\"stage\":\"map at \\\"A\\\".java:1\","
            + "\"tasks_done\":1,\"tasks_total\":4,\"records_read\":100,\"bytes_read\":1000,\"records_per_s\":10,\"bytes_per_s\":100,"
            + "\"elapsed_s\":10.0,\"eta_s\":30.0}",
        lines.get(0));
    t.stageCompleted(2, null);
    assertTrue(lines.get(1).startsWith("{\"event\":\"stage_done\""), lines.get(1));
  }

  @Test
  void noneModePrintsNothing() {
    ProgressTracker t = tracker(ProgressMode.NONE);
    t.groupStarted("ingest");
    t.stageSubmitted(1, "x", 1, "ingest");
    now = 60 * S;
    t.tick();
    t.stageCompleted(1, "boom");
    t.groupFinished("ingest", false);
    assertEquals(List.of(), lines);
  }

  @Test
  void durationsAndSizesReadNaturally() {
    assertEquals("9.4 s", ProgressTracker.duration(9_400_000_000L));
    assertEquals("3 min 10 s", ProgressTracker.duration(190 * S));
    assertEquals("2 h 05 min", ProgressTracker.duration((2 * 3600 + 5 * 60) * S));
    assertEquals("512 B", ProgressTracker.bytes(512));
    assertEquals("1.5 GiB", ProgressTracker.bytes(3L << 29));
  }

  @Test
  void theRateIsInBytesWhereARecordIsAWholeSplit() {
    // Rows: records per second.
    assertEquals(
        "30,000 records, 2.9 MiB read, 3,000 records/s",
        ProgressTracker.counts(30_000, 3_000_000, 10 * S));
    // Eighty splits of a 287 MiB corpus: the byte rate says how fast the read goes.
    assertEquals(
        "80 records, 287.0 MiB read, 28.7 MiB/s", ProgressTracker.counts(80, 287L << 20, 10 * S));
    // Bytes but no records yet (a split still being read).
    assertEquals(
        "0 records, 1.0 MiB read, 102.4 KiB/s", ProgressTracker.counts(0, 1L << 20, 10 * S));
    assertEquals("0 records, 0 B read, 0 records/s", ProgressTracker.counts(0, 0, 10 * S));
  }
}
