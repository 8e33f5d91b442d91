package org.sectortrends.jobs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.TableStore.MonthLayout;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.text.TermExtractor;

/**
 * {@code terms}: tokenizes every article (title and body) once with the project's Nori analyzer and
 * writes the {@code article_terms} table, which topics and trends read instead of tokenizing again.
 * The analyzer is built once per executor JVM ({@link TermExtractor#shared}) and reused by every
 * task there.
 */
public final class TermsJob implements SparkJob {

  static final JobOption<String> NORI_DIR =
      JobOption.string(
          "nori-dir",
          "DIR",
          null,
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
    return List.of(
        ArticleSelection.MONTHS,
        ArticleSelection.INCREMENTAL,
        NORI_DIR,
        ArticleFailsafe.MAX_ERROR_RATIO,
        CommonOptions.OUT,
        CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) {
    JobContext context = JobContext.current(name());
    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    ArticleSelection selection = ArticleSelection.read(spark, store, options, name());
    TermsSettings settings = TermsSettings.from(options);
    String noriDir = settings.noriDir().orElse(null);
    if (selection.coveredMonths().isEmpty()) {
      return new RunSummary(
          context.runId(),
          name(),
          context.started(),
          null,
          RunSummary.SUCCEEDED,
          0,
          0,
          0,
          Map.of(),
          "no article to process (" + selection.note() + "); tables: " + store.root());
    }
    Dataset<Row> tagged =
        selection
            .articles()
            .select(Col.ARTICLE_ID, Col.TITLE, Col.BODY, Col.PUBLISHED_MONTH)
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>) rows -> termRows(rows, noriDir),
                Encoders.row(ArticleFailsafe.taggedSchema(Tables.ARTICLE_TERMS)));
    ArticleFailsafe.Split split = ArticleFailsafe.split(tagged, Tables.ARTICLE_TERMS);
    try {
      ArticleFailsafe.recordErrors(
          store,
          split,
          Tables.ARTICLE_TERMS,
          name(),
          context.runId(),
          selection.count(),
          settings.maxErrorRatio());
      // Term rows derive from one article row each, so the articles' month clustering carries over.
      TableStore.MonthsWritten written =
          store.writeMonths(
              Tables.ARTICLE_TERMS,
              split.output(),
              selection.coveredMonths(),
              MonthLayout.CLUSTERED);
      return new RunSummary(
          context.runId(),
          name(),
          context.started(),
          null,
          RunSummary.SUCCEEDED,
          selection.count(),
          written.rows(),
          0,
          Map.of(),
          FiguresJob.noted(selection, "tables: " + store.root()),
          split.errors());
    } finally {
      split.release();
    }
  }

  private static Iterator<Row> termRows(Iterator<Row> articles, String noriDir) {
    TermExtractor extractor =
        noriDir == null ? TermExtractor.shared() : TermExtractor.shared(noriDir);
    return ArticleFailsafe.tagged(
        articles,
        Tables.ARTICLE_TERMS,
        article -> article.getString(0),
        article -> article.getString(3),
        article -> article.getString(2),
        article -> {
          String title = article.getString(1);
          String body = article.getString(2);
          // A headline-only corpus maps the title to the body too: count its words once.
          String text = title == null || body.startsWith(title) ? body : title + "\n" + body;
          List<Row> rows = new ArrayList<>();
          for (Map.Entry<String, Integer> e : extractor.termCounts(text).entrySet()) {
            rows.add(
                Tables.ARTICLE_TERMS
                    .row()
                    .set(Col.ARTICLE_ID, article.getString(0))
                    .set(Col.TERM, e.getKey())
                    .set(Col.COUNT, e.getValue())
                    .set(Col.PUBLISHED_MONTH, article.getString(3))
                    .build());
          }
          return rows;
        });
  }
}
