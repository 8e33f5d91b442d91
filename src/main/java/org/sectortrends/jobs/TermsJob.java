package org.sectortrends.jobs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.TableStore.MonthLayout;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.text.TermExtractor;

/**
 * {@code terms}: tokenizes every article (title and body) once with the project's Nori analyzer
 * and writes the {@code article_terms} table, which topics and trends read instead of tokenizing
 * again. The analyzer is built once per executor JVM ({@link TermExtractor#shared}) and reused by
 * every task there.
 */
public final class TermsJob implements SparkJob {

  static final JobOption<String> NORI_DIR = JobOption.string("nori-dir", "DIR", null,
      "Directory with an edited userdict.txt and stopwords.txt readable on every executor; the bundled ones when absent");

  @Override
  public String name() {
    return "terms";
  }

  @Override
  public String summary() {
    return "Tokenizes every article once with Nori (user dictionary, POS filter, stopwords) into the article_terms table.";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(ArticleSelection.MONTHS, NORI_DIR, CommonOptions.OUT, CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) {
    JobContext context = JobContext.current(name());
    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    ArticleSelection selection = ArticleSelection.read(store, options);
    String noriDir = options.get(NORI_DIR);
    Dataset<Row> terms = selection.articles().select(Col.ARTICLE_ID, Col.TITLE, Col.BODY, Col.PUBLISHED_MONTH)
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> termRows(rows, noriDir), Encoders.row(Tables.ARTICLE_TERMS.schema()));
    // Term rows derive from one article row each, so the articles' month clustering carries over.
    TableStore.MonthsWritten written = store.writeMonths(Tables.ARTICLE_TERMS, terms, selection.coveredMonths(), MonthLayout.CLUSTERED);
    return new RunSummary(context.runId(), name(), context.started(), null, RunSummary.SUCCEEDED,
        selection.count(), written.rows(), 0, Map.of(), "tables: " + store.root());
  }

  private static Iterator<Row> termRows(Iterator<Row> articles, String noriDir) {
    TermExtractor extractor = noriDir == null ? TermExtractor.shared() : TermExtractor.shared(noriDir);
    return ArticleSelection.flatMap(articles, article -> {
      String title = article.getString(1);
      String body = article.getString(2);
      // A headline-only corpus maps the title to the body too: count its words once.
      String text = title == null || body.startsWith(title) ? body : title + "\n" + body;
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, Integer> e : extractor.termCounts(text).entrySet()) {
        rows.add(RowFactory.create(article.getString(0), e.getKey(), e.getValue(), article.getString(3)));
      }
      return rows;
    });
  }
}
