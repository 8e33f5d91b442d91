package org.sectortrends.jobs;

import java.util.Optional;
import org.sectortrends.report.ReportPeriod;

/**
 * The settings of one {@code report} run, read once from its {@link JobOptions}: the period type
 * and, when {@code --period} is given, the period itself, checked against the type here so that a
 * label of another type (e.g. {@code 2025Q4} with {@code --period-type month}) is a usage error
 * before any table is read.
 *
 * @param periodType the kind of period reported ({@code --period-type})
 * @param period the period asked for; empty for the latest complete one ({@code --period})
 */
public record ReportSettings(ReportPeriod.Type periodType, Optional<ReportPeriod> period) {

  public static final ReportPeriod.Type DEFAULT_PERIOD_TYPE = ReportPeriod.Type.MONTH;

  /** Reads every report option of {@code options}. */
  public static ReportSettings from(JobOptions options) {
    ReportPeriod.Type type = options.get(ReportJob.PERIOD_TYPE);
    String label = options.get(ReportJob.PERIOD);
    if (label == null) {
      return new ReportSettings(type, Optional.empty());
    }
    try {
      return new ReportSettings(type, Optional.of(ReportPeriod.parse(type, label)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "Bad value '"
              + label
              + "' for --period with --period-type "
              + type.id()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
