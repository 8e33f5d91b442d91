package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * The articles a per-article job works on ({@code --months}, all by default) and the months it
 * therefore covers, so that the job's monthly output replaces exactly those months.
 */
record ArticleSelection(Dataset<Row> articles, Set<String> coveredMonths, long count) {

  static final JobOption<List<String>> MONTHS = JobOption.list("months", "YYYY-MM", List.of(),
      "Only articles of these publication months (or 'undated'); all months when absent");

  /**
   * Reads the selected articles.
   *
   * @throws UsageException when there is no articles table or a month is malformed
   */
  static ArticleSelection read(TableStore store, JobOptions options) {
    if (!store.exists(Tables.ARTICLES)) {
      throw new UsageException("No articles table under " + store.root() + ": run ingest with the same --out first");
    }
    Dataset<Row> articles = store.read(Tables.ARTICLES);
    List<String> months = options.get(MONTHS);
    for (String month : months) {
      if (!month.equals(Tables.UNDATED_MONTH) && !month.matches("\\d{4}-\\d{2}")) {
        throw new UsageException("Bad value '" + month + "' for --months: expected YYYY-MM or " + Tables.UNDATED_MONTH);
      }
    }
    if (!months.isEmpty()) {
      articles = articles.filter(col(Col.PUBLISHED_MONTH).isin(months.toArray()));
    }
    Set<String> covered = new HashSet<>(articles.select(Col.PUBLISHED_MONTH).distinct().as(Encoders.STRING()).collectAsList());
    return new ArticleSelection(articles, covered, articles.count());
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
