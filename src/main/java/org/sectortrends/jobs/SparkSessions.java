package org.sectortrends.jobs;

import java.util.Map;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session every job runs in, with the settings that make the tables right for BI
 * readers. A setting the user passed to spark-submit ({@code --conf}, {@code --properties-file}) is
 * never overridden; these are defaults.
 *
 * <ul>
 *   <li>UTC session time zone: timestamps are instants, written and read the same everywhere;
 *   <li>Parquet timestamps as INT64 milliseconds, never the legacy INT96 that some readers
 *       mis-handle; zstd compression;
 *   <li>dynamic partition overwrite, so re-running a month replaces only that month;
 *   <li>Parquet statistics truncated to 64 bytes: article bodies would otherwise copy whole texts
 *       into every footer as min/max values.
 * </ul>
 */
public final class SparkSessions {

  /** Settings applied unless the user configured them. */
  public static final Map<String, String> DEFAULTS =
      Map.of(
          "spark.sql.session.timeZone", "UTC",
          "spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS",
          "spark.sql.parquet.compression.codec", "zstd",
          "spark.sql.sources.partitionOverwriteMode", "dynamic",
          "spark.sql.adaptive.enabled", "true",
          "spark.ui.showConsoleProgress", "false",
          "spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED",
          "spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED");

  private SparkSessions() {}

  /**
   * The session for a job; {@code local[*]} when no master is configured (a plain {@code java}
   * launch).
   */
  public static SparkSession create(String appName) {
    SparkConf given = new SparkConf(true);
    SparkSession.Builder builder = SparkSession.builder().appName("sector-trends " + appName);
    String master = given.get("spark.master", "local[*]");
    builder.master(master);
    if (master.startsWith("local") && !given.contains("spark.sql.shuffle.partitions")) {
      // One machine: a few shuffle partitions per core instead of the cluster-sized 200.
      builder.config(
          "spark.sql.shuffle.partitions",
          String.valueOf(4 * Runtime.getRuntime().availableProcessors()));
    }
    for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
      if (!given.contains(e.getKey())) {
        builder.config(e.getKey(), e.getValue());
      }
    }
    SparkSession spark = builder.getOrCreate();
    applyParquetWriterDefaults(spark);
    return spark;
  }

  /** Parquet writer properties that Spark has no setting for, set on the Hadoop configuration. */
  public static void applyParquetWriterDefaults(SparkSession spark) {
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    if (hadoop.get(ParquetOutputFormat.STATISTICS_TRUNCATE_LENGTH) == null) {
      hadoop.setInt(ParquetOutputFormat.STATISTICS_TRUNCATE_LENGTH, 64);
    }
    if (hadoop.get(ParquetOutputFormat.COLUMN_INDEX_TRUNCATE_LENGTH) == null) {
      hadoop.setInt(ParquetOutputFormat.COLUMN_INDEX_TRUNCATE_LENGTH, 64);
    }
    if (hadoop.get(ParquetOutputFormat.BLOCK_SIZE) == null) {
      // 64 MiB row groups: several per file, so BI engines can read one file with many threads.
      hadoop.setLong(ParquetOutputFormat.BLOCK_SIZE, 64L << 20);
    }
  }

  /** The entries of the user's Spark configuration, for {@link JobOptions} fallbacks. */
  public static Map<String, String> userConf() {
    Map<String, String> out = new java.util.HashMap<>();
    for (scala.Tuple2<String, String> entry : new SparkConf(true).getAll()) {
      out.put(entry._1(), entry._2());
    }
    return out;
  }
}
