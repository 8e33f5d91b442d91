package org.sectortrends.testing;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.jobs.SparkSessions;

/**
 * The Spark session of one test class: {@code local[2]}, no UI, few shuffle partitions, and the
 * same table settings as the jobs. Create it in {@code @BeforeAll} and stop it in
 * {@code @AfterAll}.
 */
public final class SparkTestSession {

  private SparkTestSession() {}

  public static SparkSession start(String name) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("test " + name)
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.default.parallelism", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config(
                "spark.sql.warehouse.dir",
                System.getProperty("java.io.tmpdir") + "/sector-trends-test-warehouse");
    for (Map.Entry<String, String> e : SparkSessions.DEFAULTS.entrySet()) {
      builder.config(e.getKey(), e.getValue());
    }
    SparkSession spark = builder.getOrCreate();
    SparkSessions.applyParquetWriterDefaults(spark);
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
