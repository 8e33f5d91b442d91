package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * The publication months whose articles changed since a stage last succeeded, read from the {@code
 * runs} table: the union of {@code months_touched} (comma-joined {@code YYYY-MM} or {@code
 * undated}) of every successful ingest run that ended after the stage's last successful run
 * started. This is what {@code --incremental} processes.
 *
 * <p>Why "since the stage last succeeded" and not "the latest ingest": when a periodic run fails
 * after ingest (say figures fails), the next period's run still processes the months of both
 * ingests, with no bookkeeping by the operator.
 *
 * <p>Example: ingest runs touched {@code 2025-10,2025-11} and later {@code 2025-11,2025-12};
 * figures last succeeded between them: figures then processes {@code 2025-11} and {@code 2025-12}.
 *
 * <p>"Every month" (empty {@link Optional}) is the answer when it cannot be narrowed safely: the
 * stage never succeeded, or one of those ingest runs has no {@code months_touched} (a run recorded
 * before the column existed). Known weakness: a successful run restricted with {@code --months}
 * also counts as the stage's last success, so months ingested before it and not in its list are
 * left out of the next incremental run; run the stage once without options to catch up.
 */
final class IngestedMonths {

  /** Column of ingest's runs rows: the months its new articles fell in. */
  static final String MONTHS_TOUCHED = "months_touched";

  static final String INGEST_JOB = "ingest";

  private IngestedMonths() {}

  /** The months to process for {@code job}; empty when every month must be processed. */
  static Optional<Set<String>> since(SparkSession spark, TableStore store, String job) {
    if (!store.exists(Tables.RUNS)) {
      return Optional.empty();
    }
    Dataset<Row> runs = runsWithMonths(spark, store);
    Row last =
        runs.filter(col(Col.JOB).equalTo(job).and(col(Col.STATUS).equalTo(RunSummary.SUCCEEDED)))
            .agg(functions.max(Col.STARTED_AT))
            .first();
    if (last.isNullAt(0)) {
      return Optional.empty();
    }
    Timestamp lastStart = last.getTimestamp(0);
    List<Row> ingests =
        runs.filter(
                col(Col.JOB)
                    .equalTo(INGEST_JOB)
                    .and(col(Col.STATUS).equalTo(RunSummary.SUCCEEDED))
                    .and(col(Col.ENDED_AT).gt(functions.lit(lastStart))))
            .select(MONTHS_TOUCHED)
            .collectAsList();
    Set<String> months = new TreeSet<>();
    for (Row ingest : ingests) {
      if (ingest.isNullAt(0)) {
        return Optional.empty();
      }
      for (String month : ingest.getString(0).split(",")) {
        if (!month.isBlank()) {
          months.add(month.strip());
        }
      }
    }
    return Optional.of(months);
  }

  /**
   * The runs table with a {@code months_touched} column, null where a run did not record it. The
   * files are read with schema merging, since rows written before the column existed lack it.
   */
  private static Dataset<Row> runsWithMonths(SparkSession spark, TableStore store) {
    if (Arrays.asList(Tables.RUNS.columnNames()).contains(MONTHS_TOUCHED)) {
      return store.read(Tables.RUNS);
    }
    Dataset<Row> raw =
        spark.read().option("mergeSchema", "true").parquet(store.location(Tables.RUNS));
    if (!Arrays.asList(raw.columns()).contains(MONTHS_TOUCHED)) {
      raw = raw.withColumn(MONTHS_TOUCHED, functions.lit(null).cast("string"));
    }
    return raw;
  }
}
