package org.sectortrends.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a job run did, as recorded in the {@code runs} table and printed at the end.
 *
 * @param quarantinedByReason counts per quarantine reason code (sorted for stable output)
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
    long errors) {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public RunSummary {
    quarantinedByReason = new TreeMap<>(quarantinedByReason);
  }

  /** A run without per-article errors. */
  public RunSummary(String runId, String job, Instant started, Instant ended, String status, long inputRecords,
      long outputRecords, long duplicates, Map<String, Long> quarantinedByReason, String message) {
    this(runId, job, started, ended, status, inputRecords, outputRecords, duplicates, quarantinedByReason, message, 0);
  }

  public long quarantined() {
    return quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@code reason=count} pairs joined by commas, e.g. {@code bad_date=2,empty_record=1}. */
  public String reasonsText() {
    return quarantinedByReason.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  public RunSummary failed(Instant ended, String message) {
    return new RunSummary(runId, job, started, ended, FAILED, inputRecords, outputRecords, duplicates, quarantinedByReason, message, errors);
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
    if (errors > 0) {
      out.append("  errors:         ").append(errors).append(" (see the errors table)\n");
    }
    if (ended != null && started != null) {
      out.append("  wall time:      ").append(String.format("%.1f s", (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0)).append('\n');
    }
    if (message != null && !message.isBlank()) {
      out.append("  ").append(message).append('\n');
    }
    return out.toString();
  }
}
