package org.sectortrends.observe;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sectortrends.testing.SparkTestSession;

/** Stage names as the progress lines show them, on a real session. */
class ProgressListenerTest {

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("ProgressListenerTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void sparksOwnThreadsAreNamedAfterTheActionTheyServe() {
    String internal = "$anonfun$withThreadLocalCaptured$2 at CompletableFuture.java:1768";
    assertEquals(
        "parquet at TableStore.java:276",
        ProgressListener.stageName(internal, "parquet at TableStore.java:276"));
    assertEquals(
        "count at Terms.java:9",
        ProgressListener.stageName(internal, "count at Terms.java:9\nfull call site"));
    // A stage that Spark named after project code keeps its name; without an action nothing
    // changes.
    assertEquals(
        "collectAsList at IngestJob.java:114",
        ProgressListener.stageName("collectAsList at IngestJob.java:114", "count at X.java:1"));
    assertEquals(internal, ProgressListener.stageName(internal, null));
  }

  @Test
  void theActionIsTheSparkMethodCalledFromTheFirstFrameOutsideSpark() {
    String longForm =
        "org.apache.spark.sql.Dataset.count(Dataset.scala:1499)\n"
            + "org.sectortrends.jobs.TermsJob.run(TermsJob.java:57)\n"
            + "org.sectortrends.jobs.JobLauncher.execute(JobLauncher.java:80)";
    assertEquals("count at TermsJob.java:57", ProgressListener.actionOf(longForm));
    assertEquals(
        null, ProgressListener.actionOf("org.apache.spark.sql.Dataset.count(Dataset.scala:1499)"));
    assertEquals(null, ProgressListener.actionOf(null));
  }

  @Test
  void noStageOfABroadcastJoinIsNamedAfterSparksPlumbing() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (AutoCloseable progress =
        ProgressListener.attach(spark.sparkContext(), ProgressMode.JSON, err)) {
      ProgressListener.groupStarted(spark.sparkContext(), "test");
      spark.sparkContext().setJobGroup("test", "test", false);
      Dataset<Row> big = spark.range(0, 20_000).withColumn("k", col("id").mod(10));
      Dataset<Row> small = spark.range(0, 10).withColumnRenamed("id", "k");
      long joined = big.join(broadcast(small), "k").count();
      assertEquals(20_000, joined);
      ProgressListener.groupFinished(spark.sparkContext(), "test", true);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("\"stage\":\"count at ProgressListenerTest.java"), out);
    assertFalse(out.contains("withThreadLocalCaptured"), out);
  }
}
