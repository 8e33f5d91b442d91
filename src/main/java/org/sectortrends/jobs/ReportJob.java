package org.sectortrends.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.report.NoReportDataException;
import org.sectortrends.report.ReportFiles;
import org.sectortrends.report.ReportModel;
import org.sectortrends.report.ReportModelBuilder;
import org.sectortrends.report.ReportPeriod;
import org.sectortrends.tables.TableStore;

/**
 * {@code report}: the periodic trend report of one week, month or quarter, written to {@code
 * DIR/reports/<period_type>/<period>/} as {@code report.html} (one self-contained page with
 * charts), {@code report.md} and CSV files of its tables. Prints the HTML file's path.
 *
 * <p>Example: {@code report --period 2025-11 --period-type month --out out}. Without {@code
 * --period} it reports the latest complete period. A label that is not a period of the type, or a
 * period without any data, is a usage error (exit 2) naming the value.
 */
public final class ReportJob implements SparkJob {

  static final JobOption<ReportPeriod.Type> PERIOD_TYPE =
      JobOption.parsed(
          "period-type",
          "week|month|quarter",
          ReportSettings.DEFAULT_PERIOD_TYPE,
          ReportPeriod.Type::parse,
          "Kind of period the report covers");
  static final JobOption<String> PERIOD =
      JobOption.parsed(
          "period",
          "LABEL",
          null,
          s -> {
            if (!s.strip().matches("\\d{4}-W\\d{2}|\\d{4}-\\d{2}|\\d{4}Q[1-4]")) {
              throw new IllegalArgumentException("write a period like 2025-W47, 2025-11 or 2025Q4");
            }
            return s.strip();
          },
          "Period to report, e.g. 2025-11 (month), 2025Q4 (quarter), 2025-W47 (ISO week); default: the latest complete one");

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "Writes the periodic trend report (HTML, Markdown, CSV) of a week, month or quarter to DIR/reports/.";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(PERIOD, PERIOD_TYPE, CommonOptions.OUT, CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) throws Exception {
    JobContext context = JobContext.current(name());
    ReportSettings settings = ReportSettings.from(options);
    ReportPeriod.Type type = settings.periodType();
    ReportPeriod requested = settings.period().orElse(null);
    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    ReportModelBuilder builder = new ReportModelBuilder(spark, store);
    ReportModel model;
    try {
      ReportModelBuilder.DataRange range = builder.dataRange();
      ReportPeriod period = requested != null ? requested : builder.defaultPeriod(type, range);
      model = builder.build(period, range, Instant.now());
    } catch (NoReportDataException e) {
      if (requested != null || !store.exists(org.sectortrends.tables.Tables.ARTICLES)) {
        throw new UsageException(e.getMessage(), e);
      }
      // No period was asked for and the corpus has none to report (e.g. undated articles): the
      // other tables are complete, so the run succeeds and says why there is no report.
      System.out.println("report: WARNING: no report written: " + e.getMessage());
      return new RunSummary(
          context.runId(),
          name(),
          context.started(),
          null,
          RunSummary.SUCCEEDED,
          0,
          0,
          0,
          Map.of(),
          "no report: " + e.getMessage());
    }
    String dir =
        ReportFiles.write(
            model, CommonOptions.reportsRoot(options), spark.sparkContext().hadoopConfiguration());
    String html = dir + "/" + ReportFiles.HTML;
    System.out.println("report: " + html);
    String message =
        "report of "
            + type.id()
            + " "
            + model.period().label()
            + ": "
            + html
            + (model.notices().isEmpty()
                ? ""
                : " (" + model.notices().size() + " notes in the report)");
    return new RunSummary(
        context.runId(),
        name(),
        context.started(),
        null,
        RunSummary.SUCCEEDED,
        model.headline().current().articles(),
        ReportFiles.fileNames(model).size(),
        0,
        Map.of(),
        message);
  }
}
