package org.sectortrends.jobs;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.observe.ProgressListener;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * Runs a {@link SparkJob} from a command line: parses the options before Spark starts, records the
 * run in the {@code runs} table whether it succeeds or fails, prints the counts, and maps the
 * outcome to an exit code: 0 success, {@value UsageException#EXIT_CODE} bad usage, 1 failure.
 */
public final class JobLauncher {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;

  private JobLauncher() {}

  /** Parses, runs in a new or existing session, records; returns the exit code. */
  public static int launch(SparkJob job, String[] args, PrintStream out, PrintStream err) {
    JobOptions options;
    try {
      options =
          JobOptions.parse(
              job.name(),
              CommonOptions.withLauncherOptions(job.options()),
              args,
              SparkSessions.userConf());
    } catch (UsageException e) {
      err.println("sector-trends " + job.name() + ": " + e.getMessage());
      err.println("Run with --help to see every option.");
      return UsageException.EXIT_CODE;
    }
    if (options.helpRequested()) {
      out.print(
          JobOptions.usage(
              job.name(), job.summary(), CommonOptions.withLauncherOptions(job.options())));
      return EXIT_OK;
    }
    SparkSession spark = SparkSessions.create(job.name());
    try (AutoCloseable progress =
        ProgressListener.attach(spark.sparkContext(), options.get(CommonOptions.PROGRESS), err)) {
      RunSummary summary = execute(job, spark, options);
      out.print(summary.report());
      return EXIT_OK;
    } catch (UsageException e) {
      err.println("sector-trends " + job.name() + ": " + e.getMessage());
      return UsageException.EXIT_CODE;
    } catch (RejectedRunException e) {
      // The input, not the program, is at fault: the message says what to change, no stack trace.
      err.println("sector-trends " + job.name() + " failed: " + e.getMessage());
      return EXIT_FAILED;
    } catch (Exception e) {
      err.println("sector-trends " + job.name() + " failed: " + e);
      e.printStackTrace(err);
      return EXIT_FAILED;
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs an already-parsed job in the given session and records it; rethrows failures after
   * recording. The job's Spark jobs run in the job group named after the job, which the progress
   * lines and Spark's UI show; the caller's group is restored afterwards.
   */
  public static RunSummary execute(SparkJob job, SparkSession spark, JobOptions options)
      throws Exception {
    Instant started = Instant.now();
    String runId = CommonOptions.runId(options, job.name(), started);
    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    JobContext.set(new JobContext(runId, started));
    SparkContext sc = spark.sparkContext();
    Map<String, String> callerGroup = new java.util.HashMap<>();
    for (String key : GROUP_PROPERTIES) {
      callerGroup.put(key, sc.getLocalProperty(key));
    }
    sc.setJobGroup(job.name(), job.summary(), false);
    ProgressListener.groupStarted(sc, job.name());
    boolean succeeded = false;
    try {
      RunSummary summary = job.run(spark, options);
      succeeded = true;
      RunSummary finished =
          new RunSummary(
              runId,
              job.name(),
              started,
              Instant.now(),
              RunSummary.SUCCEEDED,
              summary.inputRecords(),
              summary.outputRecords(),
              summary.duplicates(),
              summary.quarantinedByReason(),
              summary.message(),
              summary.newArticles(),
              summary.monthsTouched(),
              summary.errors());
      record(spark, store, finished, options);
      return finished;
    } catch (Exception e) {
      long errors =
          e instanceof ArticleFailsafe.TooManyErrorsException tooMany ? tooMany.errors() : 0;
      RunSummary failed =
          e instanceof RejectedRunException rejected
              ? rejected.summary().failed(Instant.now(), e.getMessage())
              : new RunSummary(
                  runId,
                  job.name(),
                  started,
                  Instant.now(),
                  RunSummary.FAILED,
                  0,
                  0,
                  0,
                  Map.of(),
                  String.valueOf(e),
                  errors);
      try {
        record(spark, store, failed, options);
      } catch (RuntimeException recordFailure) {
        e.addSuppressed(recordFailure);
      }
      throw e;
    } finally {
      ProgressListener.groupFinished(sc, job.name(), succeeded);
      callerGroup.forEach(sc::setLocalProperty);
      JobContext.clear();
    }
  }

  /** The local properties behind {@code SparkContext.setJobGroup}. */
  private static final List<String> GROUP_PROPERTIES =
      List.of("spark.jobGroup.id", "spark.job.description", "spark.job.interruptOnCancel");

  /** Parses {@code args} and runs; for tests and callers that hold a session. */
  public static RunSummary execute(SparkJob job, SparkSession spark, String... args)
      throws Exception {
    return execute(
        job,
        spark,
        JobOptions.parse(
            job.name(), CommonOptions.withLauncherOptions(job.options()), args, Map.of()));
  }

  private static void record(
      SparkSession spark, TableStore store, RunSummary s, JobOptions options) {
    Row row =
        Tables.RUNS
            .row()
            .set(Col.RUN_ID, s.runId())
            .set(Col.JOB, s.job())
            .set(Col.STARTED_AT, Timestamp.from(s.started()))
            .set(Col.ENDED_AT, Timestamp.from(s.ended()))
            .set(Col.STATUS, s.status())
            .set(Col.INPUT_RECORDS, s.inputRecords())
            .set(Col.OUTPUT_RECORDS, s.outputRecords())
            .set(Col.DUPLICATES, s.duplicates())
            .set(Col.QUARANTINED, s.quarantined())
            .set(Col.QUARANTINE_REASONS, s.reasonsText())
            .set(Col.MESSAGE, s.message())
            .set(Col.OPTIONS, options.describe())
            .set(Col.MONTHS_TOUCHED, s.monthsTouched())
            .set(Col.NEW_ARTICLES, s.newArticles())
            .set(Col.ERRORS, s.errors())
            .build();
    store.write(Tables.RUNS, spark.createDataFrame(List.of(row), Tables.RUNS.schema()));
  }
}
