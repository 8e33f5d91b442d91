package org.sectortrends.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * Scores the pipeline's tables against a generated corpus's truth ({@code DIR/truth/}). Records are
 * matched through {@code source_id}, the id the generator gave each record; a table that does not
 * exist (a stage not yet built) scores null. Only counts reach the driver.
 *
 * <ul>
 *   <li>duplicates: precision and recall of the {@code duplicates} table against the planted
 *       copies, recall per kind, and how often {@code duplicate_of} names the planted original;
 *   <li>quarantine: records per reason, found and planted;
 *   <li>figures: a truth figure is found when a row of {@code figures} of the same article overlaps
 *       its span; recall over the truth figures of kept articles, precision over the rows, and the
 *       share of found figures with the exact value and unit;
 *   <li>sectors: the share of {@code article_topics} rows whose {@code sector} is the article's
 *       generated sector.
 * </ul>
 */
public final class TruthScorer {

  private TruthScorer() {}

  public static Map<String, Object> score(SparkSession spark, String tablesRoot, String truthDir) {
    return score(spark, tablesRoot, truthDir, true);
  }

  /**
   * Scores; with {@code recordIds} false (a text corpus, whose lines carry no id) only the
   * quarantine counts can be matched and the rest is null.
   */
  public static Map<String, Object> score(
      SparkSession spark, String tablesRoot, String truthDir, boolean recordIds) {
    TableStore store = new TableStore(spark, tablesRoot);
    Dataset<Row> truth = spark.read().parquet(truthDir + "/articles");
    Map<String, Object> out = new LinkedHashMap<>();
    if (!store.exists(Tables.ARTICLES)) {
      out.put("duplicates", null);
      out.put("quarantine", null);
      out.put("figures", null);
      out.put("sectors", null);
      return out;
    }
    if (!recordIds) {
      out.put("duplicates", null);
      out.put("quarantine", store.exists(Tables.QUARANTINE) ? quarantine(store, truth) : null);
      out.put("figures", null);
      out.put("sectors", null);
      return out;
    }
    Dataset<Row> ids = store.read(Tables.ARTICLES).select(col(Col.ARTICLE_ID), col(Col.SOURCE_ID));
    out.put(
        "duplicates", store.exists(Tables.DUPLICATES_TABLE) ? duplicates(store, ids, truth) : null);
    out.put("quarantine", store.exists(Tables.QUARANTINE) ? quarantine(store, truth) : null);
    out.put("figures", store.exists(Tables.FIGURES) ? figures(spark, store, ids, truthDir) : null);
    out.put("sectors", hasSectorColumn(spark, store) ? sectors(store, ids, truth) : null);
    return out;
  }

  private static Map<String, Object> duplicates(
      TableStore store, Dataset<Row> ids, Dataset<Row> truth) {
    Dataset<Row> predicted =
        store
            .read(Tables.DUPLICATES_TABLE)
            .select(
                col(Col.SOURCE_ID).as("p_id"),
                col(Col.DUPLICATE_OF).as("p_of_article"),
                col(Col.DUPLICATE_KIND).as("p_kind"))
            .join(
                ids.select(col(Col.ARTICLE_ID).as("a_id"), col(Col.SOURCE_ID).as("p_of")),
                col("p_of_article").equalTo(col("a_id")),
                "left");
    Dataset<Row> copies =
        truth
            .filter(col("duplicate_of").isNotNull())
            .select(
                col("id").as("t_id"),
                col("duplicate_of").as("t_of"),
                col("duplicate_kind").as("t_kind"));
    Row r =
        predicted
            .join(copies, col("p_id").equalTo(col("t_id")), "full_outer")
            .agg(
                sum(when(col("p_id").isNotNull(), 1).otherwise(0)).as("predicted"),
                sum(when(col("t_id").isNotNull(), 1).otherwise(0)).as("planted"),
                sum(when(col("p_id").isNotNull().and(col("t_id").isNotNull()), 1).otherwise(0))
                    .as("found"),
                sum(when(col("p_of").equalTo(col("t_of")), 1).otherwise(0)).as("same_original"),
                sum(when(col("t_kind").equalTo("exact"), 1).otherwise(0)).as("planted_exact"),
                sum(when(col("t_kind").equalTo("exact").and(col("p_id").isNotNull()), 1)
                        .otherwise(0))
                    .as("found_exact"),
                sum(when(col("t_kind").equalTo("near"), 1).otherwise(0)).as("planted_near"),
                sum(when(col("t_kind").equalTo("near").and(col("p_id").isNotNull()), 1)
                        .otherwise(0))
                    .as("found_near"))
            .first();
    long predictedCount = r.isNullAt(0) ? 0 : r.getLong(0);
    long planted = r.isNullAt(1) ? 0 : r.getLong(1);
    long found = r.isNullAt(2) ? 0 : r.getLong(2);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("predicted", predictedCount);
    m.put("planted", planted);
    m.put("found", found);
    m.put("precision", ratio(found, predictedCount));
    m.put("recall", ratio(found, planted));
    m.put(
        "recall_exact", ratio(r.isNullAt(5) ? 0 : r.getLong(5), r.isNullAt(4) ? 0 : r.getLong(4)));
    m.put("recall_near", ratio(r.isNullAt(7) ? 0 : r.getLong(7), r.isNullAt(6) ? 0 : r.getLong(6)));
    m.put("original_accuracy", ratio(r.isNullAt(3) ? 0 : r.getLong(3), found));
    return m;
  }

  private static Map<String, Object> quarantine(TableStore store, Dataset<Row> truth) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Long> found = new TreeMap<>();
    for (Row row : store.read(Tables.QUARANTINE).groupBy(col(Col.REASON)).count().collectAsList()) {
      found.put(row.getString(0), row.getLong(1));
    }
    Map<String, Long> planted = new TreeMap<>();
    for (Row row :
        truth
            .filter(col("malformed_reason").isNotNull())
            .groupBy(col("malformed_reason"))
            .count()
            .collectAsList()) {
      planted.put(row.getString(0), row.getLong(1));
    }
    m.put("found", found);
    m.put("planted", planted);
    return m;
  }

  private static Map<String, Object> figures(
      SparkSession spark, TableStore store, Dataset<Row> ids, String truthDir) {
    Dataset<Row> predicted =
        store
            .read(Tables.FIGURES)
            .join(ids, Col.ARTICLE_ID)
            .select(
                col(Col.SOURCE_ID).as("p_id"),
                col(Col.FIGURE_INDEX).as("p_index"),
                col(Col.SPAN_START).as("p_start"),
                col(Col.SPAN_END).as("p_end"),
                col(Col.VALUE).as("p_value"),
                col(Col.UNIT).as("p_unit"));
    Dataset<Row> kept = ids.select(col(Col.SOURCE_ID).as("t_id"));
    Dataset<Row> planted =
        spark
            .read()
            .parquet(truthDir + "/figures")
            .select(
                col("article_id").as("t_id"),
                col("figure_index").as("t_index"),
                col("start").as("t_start"),
                col("end").as("t_end"),
                col("value").cast(Tables.FIGURE_DECIMAL).as("t_value"),
                col("unit").as("t_unit"))
            .join(kept, "t_id");
    Column overlap =
        col("p_id")
            .equalTo(col("t_id"))
            .and(col("p_start").lt(col("t_end")))
            .and(col("t_start").lt(col("p_end")));
    Dataset<Row> matches = planted.join(predicted, overlap, "inner").cache();
    try {
      long plantedCount = planted.count();
      long predictedCount = predicted.count();
      Row perTruth =
          matches
              .groupBy("t_id", "t_index")
              .agg(
                  sum(when(
                              col("p_value")
                                  .equalTo(col("t_value"))
                                  .and(col("p_unit").equalTo(col("t_unit"))),
                              1)
                          .otherwise(0))
                      .as("exact"))
              .agg(count(lit(1)), sum(when(col("exact").gt(0), 1).otherwise(0)))
              .first();
      long found = perTruth.getLong(0);
      long exact = perTruth.isNullAt(1) ? 0 : perTruth.getLong(1);
      long predictedMatched = matches.select("p_id", "p_index").distinct().count();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("planted", plantedCount);
      m.put("predicted", predictedCount);
      m.put("found", found);
      m.put("recall", ratio(found, plantedCount));
      m.put("precision", ratio(predictedMatched, predictedCount));
      m.put("value_accuracy", ratio(exact, found));
      return m;
    } finally {
      matches.unpersist();
    }
  }

  private static boolean hasSectorColumn(SparkSession spark, TableStore store) {
    if (!store.exists(Tables.ARTICLE_TOPICS)) {
      return false;
    }
    String[] columns = spark.read().parquet(store.location(Tables.ARTICLE_TOPICS)).columns();
    return Arrays.asList(columns).contains(Col.SECTOR);
  }

  private static Map<String, Object> sectors(
      TableStore store, Dataset<Row> ids, Dataset<Row> truth) {
    Row r =
        store
            .read(Tables.ARTICLE_TOPICS)
            .select(col(Col.ARTICLE_ID), col(Col.SECTOR).as("p_sector"))
            .join(ids, Col.ARTICLE_ID)
            .join(
                truth.select(col("id").as(Col.SOURCE_ID), col("sector").as("t_sector")),
                Col.SOURCE_ID)
            .agg(count(lit(1)), sum(when(col("p_sector").equalTo(col("t_sector")), 1).otherwise(0)))
            .first();
    long total = r.getLong(0);
    long right = r.isNullAt(1) ? 0 : r.getLong(1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scored", total);
    m.put("accuracy", ratio(right, total));
    return m;
  }

  private static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
