package org.sectortrends.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.sectortrends.observe.ProgressMode;

/**
 * Options every Spark job takes. {@link #OUT} and {@link #RUN_ID} are declared by each job; the
 * {@link #LAUNCHER} options ({@code --progress}, {@code --verbose}) are added to every job's
 * options by {@link #withLauncherOptions}, so that no job has to list them.
 */
public final class CommonOptions {

  public static final JobOption<String> OUT =
      JobOption.string(
          "out",
          "DIR",
          "out",
          "Output root: tables go to DIR/tables/<table>/, models to DIR/models/, reports to DIR/reports/; any Hadoop URI");
  public static final JobOption<String> RUN_ID =
      JobOption.string(
          "run-id",
          "ID",
          null,
          "Identifier of this run in the runs table (default: JOB-<UTC time>-<random>)");

  public static final JobOption<ProgressMode> PROGRESS =
      JobOption.parsed(
          "progress",
          "none|lines|json",
          ProgressMode.LINES,
          ProgressMode::parse,
          "Progress on stderr while Spark stages run: a line per running stage every 10 s and stage summaries");
  public static final JobOption<Boolean> VERBOSE =
      JobOption.flag(
          "verbose",
          "Show Spark's own INFO and WARN log lines on the console (by default they go to DIR/logs/ only; set by jobs/submit)");

  /** Options handled by the launcher for every job. */
  public static final List<JobOption<?>> LAUNCHER = List.of(PROGRESS, VERBOSE);

  private static final DateTimeFormatter RUN_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private CommonOptions() {}

  /** A job's own options followed by the {@link #LAUNCHER} options it does not declare itself. */
  public static List<JobOption<?>> withLauncherOptions(List<JobOption<?>> options) {
    List<JobOption<?>> all = new ArrayList<>(options);
    for (JobOption<?> launcher : LAUNCHER) {
      if (all.stream().noneMatch(o -> o.name().equals(launcher.name()))) {
        all.add(launcher);
      }
    }
    return all;
  }

  public static String tablesRoot(JobOptions options) {
    return stripSlash(options.get(OUT)) + "/tables";
  }

  public static String modelsRoot(JobOptions options) {
    return stripSlash(options.get(OUT)) + "/models";
  }

  public static String reportsRoot(JobOptions options) {
    return stripSlash(options.get(OUT)) + "/reports";
  }

  static String runId(JobOptions options, String job, Instant started) {
    String given = options.get(RUN_ID);
    if (given != null && !given.isBlank()) {
      return given;
    }
    return job
        + "-"
        + RUN_TIME.format(started)
        + "-"
        + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }

  private static String stripSlash(String dir) {
    return dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
  }
}
