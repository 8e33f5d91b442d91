package org.sectortrends.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Options every Spark job takes. */
public final class CommonOptions {

  public static final JobOption<String> OUT = JobOption.string("out", "DIR", "out",
      "Output root: tables go to DIR/tables/<table>/, models to DIR/models/, reports to DIR/reports/; any Hadoop URI");
  public static final JobOption<String> RUN_ID = JobOption.string("run-id", "ID", null,
      "Identifier of this run in the runs table (default: JOB-<UTC time>-<random>)");

  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private CommonOptions() {}

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
    return job + "-" + RUN_TIME.format(started) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }

  private static String stripSlash(String dir) {
    return dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
  }
}
