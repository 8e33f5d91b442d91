package org.sectortrends.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns Spark's stage and task events into progress lines: at most one line per running stage every
 * {@link #DEFAULT_INTERVAL_NANOS 10 s}, a summary when a long stage ends, and a summary of each
 * project stage (a job group such as {@code terms}) when it ends. Pure Java with an injected clock,
 * so that the formatting and the rate limit are tested without Spark; {@link ProgressListener}
 * feeds it from a live Spark application.
 *
 * <p>A line in {@link ProgressMode#LINES} mode, for the Spark stage 12 of the project's {@code
 * terms} stage:
 *
 * <pre>
 * [terms] stage 12 (parquet at TableStore.java:151): 45/200 tasks, 1,234,567 records, 512.3 MiB read, 30,864 records/s, 40 s, ETA 2 min 58 s
 * </pre>
 *
 * <p>Records and bytes are those read from input files plus those read from shuffles; running tasks
 * count with the partial values of the executors' last heartbeat (every 10 s by default), finished
 * tasks with their final values. The ETA assumes the remaining tasks take as long as the finished
 * ones did on average, so it is rough while few tasks have finished and meaningless for a stage
 * whose tasks differ much in size; it is left out until a task has finished.
 */
public final class ProgressTracker {

  public static final long DEFAULT_INTERVAL_NANOS = 10_000_000_000L;

  private final ProgressMode mode;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final Consumer<String> out;
  private final Map<Integer, Stage> active = new LinkedHashMap<>();
  private final Map<String, Group> groups = new HashMap<>();

  /**
   * @param clock nanoseconds of a monotonic clock ({@code System::nanoTime} outside tests)
   * @param out receives each finished line, without the line break
   */
  public ProgressTracker(
      ProgressMode mode, long intervalNanos, LongSupplier clock, Consumer<String> out) {
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("Progress interval must be positive: " + intervalNanos);
    }
    this.mode = mode;
    this.intervalNanos = intervalNanos;
    this.clock = clock;
    this.out = out;
  }

  /** A stage attempt starts; {@code group} is the project stage running it, or null. */
  public synchronized void stageSubmitted(int stageId, String name, int tasks, String group) {
    long now = clock.getAsLong();
    active.put(stageId, new Stage(stageId, name, tasks, group == null ? "spark" : group, now));
    groupOf(group == null ? "spark" : group, now).stages++;
  }

  /** The partial input of a running task, from an executor heartbeat. */
  public synchronized void taskRunning(int stageId, long taskId, long records, long bytes) {
    Stage stage = active.get(stageId);
    if (stage != null) {
      stage.running.put(taskId, new long[] {records, bytes});
    }
  }

  /** A task ends; the final input counts only when it succeeded (a retry reads the data again). */
  public synchronized void taskEnded(
      int stageId, long taskId, boolean succeeded, long records, long bytes) {
    Stage stage = active.get(stageId);
    if (stage == null) {
      return;
    }
    stage.running.remove(taskId);
    if (succeeded) {
      stage.done++;
      stage.records += records;
      stage.bytes += bytes;
    } else {
      stage.failedTasks++;
    }
  }

  /** A stage attempt ends; prints its summary when it ran long enough to have printed progress. */
  public synchronized void stageCompleted(int stageId, String failure) {
    Stage stage = active.remove(stageId);
    if (stage == null) {
      return;
    }
    long now = clock.getAsLong();
    Group group = groupOf(stage.group, now);
    group.tasks += stage.done;
    group.records += stage.records;
    group.bytes += stage.bytes;
    boolean long_ = now - stage.started >= intervalNanos || stage.lines > 0;
    if (mode == ProgressMode.JSON) {
      out.accept(json(stage, "stage_done", now, failure));
    } else if (mode == ProgressMode.LINES && (long_ || failure != null)) {
      out.accept(
          prefix(stage)
              + (failure == null ? " done" : " FAILED")
              + " in "
              + duration(now - stage.started)
              + ": "
              + stage.done
              + "/"
              + stage.tasks
              + " tasks, "
              + counts(stage.records, stage.bytes, now - stage.started)
              + (stage.failedTasks > 0 ? ", " + stage.failedTasks + " task attempts failed" : "")
              + (failure == null ? "" : "; " + firstLine(failure)));
    }
  }

  /** Prints a line for every running stage whose last line (or start) is an interval old. */
  public synchronized void tick() {
    if (mode == ProgressMode.NONE) {
      return;
    }
    long now = clock.getAsLong();
    for (Stage stage : active.values()) {
      long since = stage.lines == 0 ? stage.started : stage.lastLine;
      if (now - since >= intervalNanos) {
        stage.lines++;
        stage.lastLine = now;
        out.accept(
            mode == ProgressMode.JSON
                ? json(stage, "progress", now, null)
                : progressLine(stage, now));
      }
    }
  }

  /** A project stage starts: its summary counts from now. */
  public synchronized void groupStarted(String name) {
    groups.put(name, new Group(clock.getAsLong()));
  }

  /**
   * A project stage ({@code ingest}, {@code terms}, ...) ended: one summary of all its Spark
   * stages.
   */
  public synchronized void groupFinished(String name, boolean succeeded) {
    Group group = groups.remove(name);
    if (group == null || group.stages == 0 || mode == ProgressMode.NONE) {
      return;
    }
    long elapsed = clock.getAsLong() - group.started;
    if (mode == ProgressMode.JSON) {
      out.accept(
          "{\"event\":\"stage_group_done\",\"group\":"
              + quote(name)
              + ",\"succeeded\":"
              + succeeded
              + ",\"spark_stages\":"
              + group.stages
              + ",\"tasks\":"
              + group.tasks
              + ",\"records_read\":"
              + group.records
              + ",\"bytes_read\":"
              + group.bytes
              + ",\"elapsed_s\":"
              + seconds(elapsed)
              + "}");
    } else {
      out.accept(
          "["
              + name
              + "] "
              + (succeeded ? "finished" : "FAILED")
              + " in "
              + duration(elapsed)
              + ": "
              + group.stages
              + " Spark stages, "
              + group.tasks
              + " tasks, "
              + counts(group.records, group.bytes, elapsed));
    }
  }

  private Group groupOf(String name, long now) {
    return groups.computeIfAbsent(name, n -> new Group(now));
  }

  private String progressLine(Stage stage, long now) {
    long elapsed = now - stage.started;
    long[] partial = stage.partial();
    String eta =
        stage.done == 0
            ? ""
            : ", ETA " + duration(elapsed * (stage.tasks - stage.done) / stage.done);
    return prefix(stage)
        + ": "
        + stage.done
        + "/"
        + stage.tasks
        + " tasks, "
        + counts(stage.records + partial[0], stage.bytes + partial[1], elapsed)
        + ", "
        + duration(elapsed)
        + eta;
  }

  private String json(Stage stage, String event, long now, String failure) {
    long elapsed = now - stage.started;
    long[] partial = event.equals("progress") ? stage.partial() : new long[2];
    long records = stage.records + partial[0];
    StringBuilder s =
        new StringBuilder("{\"event\":\"")
            .append(event)
            .append("\",\"group\":")
            .append(quote(stage.group))
            .append(",\"stage_id\":")
            .append(stage.id)
            .append(",\"stage\":")
            .append(quote(stage.name))
            .append(",\"tasks_done\":")
            .append(stage.done)
            .append(",\"tasks_total\":")
            .append(stage.tasks)
            .append(",\"records_read\":")
            .append(records)
            .append(",\"bytes_read\":")
            .append(stage.bytes + partial[1])
            .append(",\"records_per_s\":")
            .append(rate(records, elapsed))
            .append(",\"bytes_per_s\":")
            .append(rate(stage.bytes + partial[1], elapsed))
            .append(",\"elapsed_s\":")
            .append(seconds(elapsed));
    if (event.equals("progress") && stage.done > 0) {
      s.append(",\"eta_s\":").append(seconds(elapsed * (stage.tasks - stage.done) / stage.done));
    }
    if (failure != null) {
      s.append(",\"failure\":").append(quote(firstLine(failure)));
    }
    return s.append('}').toString();
  }

  private static String prefix(Stage stage) {
    return "[" + stage.group + "] stage " + stage.id + " (" + stage.name + ")";
  }

  /**
   * Records and bytes read with one rate. The rate is in records per second, except where a
   * "record" is a whole input split or file (the corpus readers hand Spark one record per split, so
   * a 300 MiB read shows as 80 records): there records per second say nothing, and the rate is in
   * bytes per second.
   */
  static String counts(long records, long bytes, long elapsedNanos) {
    String rate =
        bytes >= BYTES_PER_RECORD_FOR_BYTE_RATE * Math.max(records, 1)
            ? bytes(rate(bytes, elapsedNanos)) + "/s"
            : String.format(Locale.ROOT, "%,d records/s", rate(records, elapsedNanos));
    return String.format(Locale.ROOT, "%,d records, %s read, %s", records, bytes(bytes), rate);
  }

  /** An average record this large (64 KiB) is a split or a file, not a row. */
  static final long BYTES_PER_RECORD_FOR_BYTE_RATE = 64 * 1024;

  static long rate(long records, long elapsedNanos) {
    return elapsedNanos <= 0 ? 0 : Math.round(records / (elapsedNanos / 1e9));
  }

  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** {@code 9.4 s} below a minute, {@code 3 min 10 s} below an hour, else {@code 2 h 05 min}. */
  static String duration(long nanos) {
    double s = nanos / 1e9;
    if (s < 60) {
      return String.format(Locale.ROOT, s < 10 ? "%.1f s" : "%.0f s", s);
    }
    long whole = Math.round(s);
    if (whole < 3600) {
      return (whole / 60) + " min " + (whole % 60) + " s";
    }
    return (whole / 3600)
        + " h "
        + String.format(Locale.ROOT, "%02d", (whole % 3600) / 60)
        + " min";
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  static String quote(String text) {
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  private static final class Stage {
    final int id;
    final String name;
    final int tasks;
    final String group;
    final long started;
    final Map<Long, long[]> running = new HashMap<>();
    int done;
    int failedTasks;
    long records;
    long bytes;
    int lines;
    long lastLine;

    Stage(int id, String name, int tasks, String group, long started) {
      this.id = id;
      this.name = name;
      this.tasks = tasks;
      this.group = group;
      this.started = started;
    }

    long[] partial() {
      long[] sum = new long[2];
      for (long[] v : running.values()) {
        sum[0] += v[0];
        sum[1] += v[1];
      }
      return sum;
    }
  }

  private static final class Group {
    final long started;
    int stages;
    long tasks;
    long records;
    long bytes;

    Group(long started) {
      this.started = started;
    }
  }

  /** For tests: the stages currently tracked. */
  synchronized List<Integer> activeStages() {
    return new ArrayList<>(active.keySet());
  }
}
