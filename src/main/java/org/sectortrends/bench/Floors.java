package org.sectortrends.bench;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.generator.CorpusFormat;

/**
 * The two floors a pipeline run is compared with, measured on the same corpus and session.
 *
 * <ul>
 *   <li>tokenize-only: read every body and run the analyzer over it, counting tokens, nothing else:
 *       the cost every Korean pipeline pays at least once;
 *   <li>I/O-only: read every record and write it back as Parquet: the cost of touching the data.
 * </ul>
 */
public final class Floors {

  /** What the tokenize-only floor saw. */
  public record Tokenized(double seconds, long records, long chars, long tokens) {}

  private Floors() {}

  public static Tokenized tokenizeOnly(SparkSession spark, String corpusDir, CorpusFormat format) {
    long started = System.nanoTime();
    MapPartitionsFunction<Row, long[]> count =
        rows -> {
          TokenCounter counter = TokenCounter.shared();
          long[] totals = new long[3];
          while (rows.hasNext()) {
            String body = rows.next().getString(0);
            totals[0]++;
            if (body != null) {
              totals[1] += body.codePointCount(0, body.length());
              totals[2] += counter.countTokens(body);
            }
          }
          return List.of(totals).iterator();
        };
    long[] sum = new long[3];
    // collect, not toLocalIterator: the latter runs one job per partition, one after the other,
    // which would measure the floor on a single core. One long[3] per partition comes back.
    for (long[] p :
        CorpusInput.bodies(spark, corpusDir, format)
            .mapPartitions(count, Encoders.javaSerialization(long[].class))
            .collectAsList()) {
      for (int i = 0; i < 3; i++) {
        sum[i] += p[i];
      }
    }
    return new Tokenized((System.nanoTime() - started) / 1e9, sum[0], sum[1], sum[2]);
  }

  /**
   * Reads the corpus and writes it to {@code scratchDir} as Parquet; returns seconds. The scratch
   * copy is deleted.
   */
  public static double ioOnly(
      SparkSession spark, String corpusDir, CorpusFormat format, String scratchDir)
      throws IOException {
    long started = System.nanoTime();
    CorpusInput.records(spark, corpusDir, format)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(scratchDir);
    double seconds = (System.nanoTime() - started) / 1e9;
    Path scratch = new Path(scratchDir);
    FileSystem fs = scratch.getFileSystem(spark.sparkContext().hadoopConfiguration());
    fs.delete(scratch, true);
    return seconds;
  }
}
