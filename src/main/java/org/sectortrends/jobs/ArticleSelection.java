package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * The articles a per-article job works on ({@code --months}, or {@code --incremental}, all by
 * default) and the months it therefore covers, so that the job's monthly output replaces exactly
 * those months.
 *
 * @param note how the months were chosen, for the run's message (empty when all months)
 */
record ArticleSelection(Dataset<Row> articles, Set<String> coveredMonths, long count, String note) {

  static final JobOption<List<String>> MONTHS =
      JobOption.list(
          "months",
          "YYYY-MM",
          List.of(),
          "Only articles of these publication months (or 'undated'); all months when absent");
  static final JobOption<Boolean> INCREMENTAL =
      JobOption.flag(
          "incremental",
          "Only the months touched by the ingest runs since this job last succeeded (runs.months_touched); all months when the job never succeeded or an ingest did not record its months");

  /**
   * The months to process: {@code --months}, or with {@code --incremental} the months ingested
   * since {@code job} last succeeded ({@link IngestedMonths}); empty for every month.
   *
   * @throws UsageException when a month is malformed or both options are given
   */
  static Optional<Set<String>> monthsToProcess(
      SparkSession spark, TableStore store, JobOptions options, String job) {
    List<String> months = options.get(MONTHS);
    for (String month : months) {
      if (!month.equals(Tables.UNDATED_MONTH) && !month.matches("\\d{4}-\\d{2}")) {
        throw new UsageException(
            "Bad value '" + month + "' for --months: expected YYYY-MM or " + Tables.UNDATED_MONTH);
      }
    }
    boolean incremental = options.get(INCREMENTAL);
    if (incremental && !months.isEmpty()) {
      throw new UsageException(
          "--months "
              + String.join(",", months)
              + " and --incremental exclude each other: give one");
    }
    if (incremental) {
      return IngestedMonths.since(spark, store, job);
    }
    return months.isEmpty() ? Optional.empty() : Optional.of(new TreeSet<>(months));
  }

  /** A note for the run's message on the months chosen. */
  static String describe(Optional<Set<String>> months, JobOptions options) {
    if (months.isEmpty()) {
      return options.get(INCREMENTAL)
          ? "incremental: every month (no earlier success, or an ingest without months_touched)"
          : "";
    }
    String list = months.get().isEmpty() ? "none" : String.join(",", months.get());
    return (options.get(INCREMENTAL) ? "incremental: months " : "months ") + list;
  }

  /**
   * Reads the selected articles.
   *
   * @throws UsageException when there is no articles table or a month is malformed
   */
  static ArticleSelection read(
      SparkSession spark, TableStore store, JobOptions options, String job) {
    if (!store.exists(Tables.ARTICLES)) {
      throw new UsageException(
          "No articles table under " + store.root() + ": run ingest with the same --out first");
    }
    Dataset<Row> articles = store.read(Tables.ARTICLES);
    Optional<Set<String>> months = monthsToProcess(spark, store, options, job);
    if (months.isPresent()) {
      articles = articles.filter(col(Col.PUBLISHED_MONTH).isin(months.get().toArray()));
    }
    Set<String> covered =
        new HashSet<>(
            articles.select(Col.PUBLISHED_MONTH).distinct().as(Encoders.STRING()).collectAsList());
    String note = describe(months, options);
    if (!note.isEmpty()) {
      System.out.println(job + ": " + note);
    }
    return new ArticleSelection(articles, covered, articles.count(), note);
  }

  /** The rows of every input row, lazily: for {@code mapPartitions} over articles. */
  static <T> Iterator<Row> flatMap(Iterator<T> inputs, Function<T, List<Row>> rowsOf) {
    return new Iterator<>() {
      private Iterator<Row> pending = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!pending.hasNext() && inputs.hasNext()) {
          pending = new ArrayList<>(rowsOf.apply(inputs.next())).iterator();
        }
        return pending.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return pending.next();
      }
    };
  }
}
