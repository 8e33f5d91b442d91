package org.sectortrends.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a job run did, as recorded in the {@code runs} table and printed at the end.
 *
 * @param quarantinedByReason counts per quarantine reason code (sorted for stable output)
 * @param newArticles articles this run added to {@code articles} (ingest only, else null)
 * @param monthsTouched months ({@code YYYY-MM}, comma-joined, sorted) whose rows this run's input
 *     concerns, which later stages recompute (ingest only, else null)
 * @param errors articles whose processing threw and went to the {@code errors} table
 */
public record RunSummary(
    String runId,
    String job,
    Instant started,
    Instant ended,
    String status,
    long inputRecords,
    long outputRecords,
    long duplicates,
    Map<String, Long> quarantinedByReason,
    String message,
    Long newArticles,
    String monthsTouched,
    long errors) {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public RunSummary {
    quarantinedByReason = new TreeMap<>(quarantinedByReason);
  }

  /** A summary of a job that adds no articles. */
  public RunSummary(
      String runId,
      String job,
      Instant started,
      Instant ended,
      String status,
      long inputRecords,
      long outputRecords,
      long duplicates,
      Map<String, Long> quarantinedByReason,
      String message) {
    this(
        runId,
        job,
        started,
        ended,
        status,
        inputRecords,
        outputRecords,
        duplicates,
        quarantinedByReason,
        message,
        null,
        null,
        0);
  }

  /** A summary of an ingest run, which adds articles and touches months. */
  public RunSummary(
      String runId,
      String job,
      Instant started,
      Instant ended,
      String status,
      long inputRecords,
      long outputRecords,
      long duplicates,
      Map<String, Long> quarantinedByReason,
      String message,
      Long newArticles,
      String monthsTouched) {
    this(
        runId,
        job,
        started,
        ended,
        status,
        inputRecords,
        outputRecords,
        duplicates,
        quarantinedByReason,
        message,
        newArticles,
        monthsTouched,
        0);
  }

  /** A summary of a per-article stage, which counts the articles whose processing threw. */
  public RunSummary(
      String runId,
      String job,
      Instant started,
      Instant ended,
      String status,
      long inputRecords,
      long outputRecords,
      long duplicates,
      Map<String, Long> quarantinedByReason,
      String message,
      long errors) {
    this(
        runId,
        job,
        started,
        ended,
        status,
        inputRecords,
        outputRecords,
        duplicates,
        quarantinedByReason,
        message,
        null,
        null,
        errors);
  }

  public long quarantined() {
    return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@code reason=count} pairs joined by commas, e.g. {@code bad_date=2,empty_record=1}. */
  public String reasonsText() {
    return quarantinedByReason.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  public RunSummary failed(Instant ended, String message) {
    return new RunSummary(
        runId,
        job,
        started,
        ended,
        FAILED,
        inputRecords,
        outputRecords,
        duplicates,
        quarantinedByReason,
        message,
        newArticles,
        monthsTouched,
        errors);
  }

  /** Human-readable counts, one per line. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append(job).append(" run ").append(runId).append(": ").append(status).append('\n');
    out.append("  input records:  ").append(inputRecords).append('\n');
    out.append("  output records: ").append(outputRecords).append('\n');
    if (duplicates > 0 || job.equals("ingest")) {
      out.append("  duplicates:     ").append(duplicates).append('\n');
    }
    if (!quarantinedByReason.isEmpty() || job.equals("ingest")) {
      out.append("  quarantined:    ").append(quarantined());
      if (!quarantinedByReason.isEmpty()) {
        out.append(" (").append(reasonsText().replace(",", ", ")).append(')');
      }
      out.append('\n');
    }
    if (newArticles != null) {
      out.append("  new articles:   ").append(newArticles).append('\n');
    }
    if (monthsTouched != null) {
      out.append("  months touched: ")
          .append(monthsTouched.isEmpty() ? "none" : monthsTouched)
          .append('\n');
    }
    if (errors > 0) {
      out.append("  errors:         ").append(errors).append(" (see the errors table)\n");
    }
    if (ended != null && started != null) {
      out.append("  wall time:      ")
          .append(String.format("%.1f s", (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0))
          .append('\n');
    }
    if (message != null && !message.isBlank()) {
      out.append("  ").append(message).append('\n');
    }
    return out.toString();
  }
}
