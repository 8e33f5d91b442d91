package org.sectortrends.jobs;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * A batch job: a name, its options and a {@link #run} that tests call directly with their own
 * session. {@link JobLauncher} supplies the command-line handling and the exit codes.
 */
public interface SparkJob {

  /** The name used on the command line, e.g. {@code ingest}. */
  String name();

  /** One sentence for {@code --help}. */
  String summary();

  List<JobOption<?>> options();

  /**
   * Runs the job.
   *
   * @throws UsageException for a bad option value found only at run time (e.g. an input that does
   *     not exist)
   * @throws Exception for any failure of the run; the previous tables stay readable
   */
  RunSummary run(SparkSession spark, JobOptions options) throws Exception;
}
