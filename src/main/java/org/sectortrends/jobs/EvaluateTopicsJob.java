package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.topics.SectorTaxonomy;
import org.sectortrends.topics.eval.ClusterAgreement;

/**
 * {@code evaluate-topics}: scores the current {@code article_topics} against gold labels carried by
 * the articles (by default their {@code section}, e.g. YNAT's topic column mapped with {@code
 * --column-map section=topic}): NMI and purity of the topic ids, and the accuracy of the article
 * sectors where the gold labels are sector ids. Articles without a gold label are left out;
 * unassigned articles count as one cluster of their own. A corpus without any gold label (most real
 * corpora) has nothing to score: the job says so and succeeds.
 */
public final class EvaluateTopicsJob implements SparkJob {

  static final JobOption<String> GOLD =
      JobOption.parsed(
          "gold",
          "COLUMN",
          Col.SECTION,
          s -> {
            if (Tables.ARTICLES.schema().getFieldIndex(s).isEmpty()) {
              throw new IllegalArgumentException("not a column of the articles table");
            }
            return s;
          },
          "Column of the articles table holding the gold label");

  @Override
  public String name() {
    return "evaluate-topics";
  }

  @Override
  public String summary() {
    return "Scores topics (NMI, purity) and article sectors (accuracy) against gold labels of the articles.";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(GOLD, CommonOptions.OUT, CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) {
    JobContext context = JobContext.current(name());
    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    if (!store.exists(Tables.ARTICLE_TOPICS)) {
      throw new UsageException(
          "No article_topics table under "
              + store.root()
              + ": run topics with the same --out first");
    }
    String gold = options.get(GOLD);
    Dataset<Row> scored =
        store
            .read(Tables.ARTICLE_TOPICS)
            .select(Col.ARTICLE_ID, Col.TOPIC_ID, Col.SECTOR)
            .join(
                store.read(Tables.ARTICLES).select(col(Col.ARTICLE_ID), col(gold).as("gold")),
                Col.ARTICLE_ID)
            .filter(col("gold").isNotNull())
            .cache();
    try {
      if (scored.isEmpty()) {
        String report =
            "nothing to score: no article has a gold label in column '"
                + gold
                + "'"
                + (gold.equals(Col.SECTION)
                    ? " (map the corpus's label column with ingest --column-map section=COLUMN, or give --gold COLUMN)"
                    : "");
        System.out.println("evaluate-topics: " + report);
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
            report);
      }
      ClusterAgreement agreement = ClusterAgreement.fromDataset(scored, Col.TOPIC_ID, "gold");
      long labelled = agreement.total();
      // Sector accuracy is defined only where the gold label is itself a sector id of the taxonomy.
      List<String> sectorIds = SectorTaxonomy.fromClasspath().sectorIds();
      Row sectors =
          scored
              .filter(col("gold").isin(sectorIds.toArray()))
              .agg(
                  org.apache.spark.sql.functions.count(lit(1)),
                  org.apache.spark.sql.functions.sum(
                      when(col(Col.SECTOR).equalTo(col("gold")), 1).otherwise(0)))
              .first();
      long sectorLabelled = sectors.getLong(0);
      long sectorHits = sectors.isNullAt(1) ? 0 : sectors.getLong(1);
      long classes = scored.select("gold").distinct().count();
      String report =
          String.format(
                  Locale.ROOT,
                  "%d labelled articles, %d gold classes: NMI %.4f, purity %.4f",
                  labelled,
                  classes,
                  agreement.nmi(),
                  agreement.purity())
              + (sectorLabelled == 0
                  ? ", sector accuracy n/a (gold labels are not sector ids)"
                  : String.format(
                      Locale.ROOT,
                      ", sector accuracy %.4f on %d articles labelled with a sector id",
                      (double) sectorHits / sectorLabelled,
                      sectorLabelled));
      System.out.println("evaluate-topics: " + report);
      return new RunSummary(
          context.runId(),
          name(),
          context.started(),
          null,
          RunSummary.SUCCEEDED,
          labelled,
          labelled,
          0,
          Map.of(),
          report);
    } finally {
      scored.unpersist();
    }
  }
}
