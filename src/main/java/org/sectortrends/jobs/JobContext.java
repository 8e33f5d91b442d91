package org.sectortrends.jobs;

import java.time.Instant;

/** The identity of the current run, available to a job while it runs. */
public record JobContext(String runId, Instant started) {

  private static final ThreadLocal<JobContext> CURRENT = new ThreadLocal<>();

  static void set(JobContext context) {
    CURRENT.set(context);
  }

  static void clear() {
    CURRENT.remove();
  }

  /** The running job's context; a fresh one when a job's {@code run} is called directly. */
  public static JobContext current(String job) {
    JobContext context = CURRENT.get();
    if (context == null) {
      Instant now = Instant.now();
      context = new JobContext(job + "-" + now.toEpochMilli(), now);
    }
    return context;
  }
}
