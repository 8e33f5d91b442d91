package org.sectortrends.trends;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.sectortrends.tables.Tables.Col;

/**
 * Article counts per period and group (a sector, or a topic of a model version) with their share of
 * the period's articles, the change against the previous period, outlets, coverage, the distinctive
 * terms and the figures: the common part of {@code sector_trends} and {@code topic_trends}. The
 * counts, shares and changes are computed on the collected per-period aggregates by {@link
 * PeriodGroups}; the distinctive terms here, in Spark.
 *
 * <p>Input rows ("article periods") are one per dated article: {@code article_id, outlet,
 * published_date, period_type, period, period_start, period_end} and the group columns.
 *
 * <ul>
 *   <li><b>share_of_articles</b> = articles of the group / articles of the period: the shares of a
 *       period sum to 1 because every article is in exactly one group (articles without a topic row
 *       are in the sector {@value #UNASSIGNED}).
 *   <li><b>share_change_points</b> = (share − previous share) × 100, against the calendar period
 *       right before; a group absent from the previous period had share 0 there; null when the
 *       previous period has no articles at all (a gap or the start of the data).
 *   <li><b>count_change_pct</b> = (count − previous count) / previous count × 100; null when the
 *       previous count is 0.
 *   <li><b>coverage</b> = days of the period with at least one article / days of the period;
 *       <b>is_partial</b> when the period begins before the first or ends after the last
 *       publication date of the data, i.e. the data does not span the period (the current,
 *       unfinished period is partial).
 *   <li><b>top_terms</b>: the ten terms with the highest document frequency in the group and period
 *       times their inverse document frequency over all articles read (terms in at least two of the
 *       group's articles), so words frequent everywhere do not come first; the generic terms of
 *       {@link TermTrends#notListed} (data/lexicons/generic-terms.txt, outlet names, numbers) are
 *       left out.
 * </ul>
 */
public final class GroupTrends {

  /** Sector of articles that have no row in {@code article_topics}. */
  public static final String UNASSIGNED = "unassigned";

  static final int TOP_TERMS = 10;
  static final int TOP_TERM_MIN_DF = 2;

  private GroupTrends() {}

  /**
   * First and last publication date and the number of the articles (one row: DATE, DATE, BIGINT),
   * one pass.
   */
  public static Row dataSpanAndCount(Dataset<Row> articles) {
    return articles.agg(min(Col.PUBLISHED_DATE), max(Col.PUBLISHED_DATE), count(lit(1))).first();
  }

  /**
   * The distinctive terms of every sector and topic in every period, in one query: {@code
   * period_type, period, group_kind, group_key, term, term_rank} for the best {@value #TOP_TERMS}
   * terms of each group (rank 1 first). {@code termCounts} is {@code period_type, period, sector,
   * model_version, topic_id, term, document_frequency} (articles of the cell with the term); {@code
   * groupSizes} and {@code kindSizes} are {@link PeriodGroups#groupSizes}. Keyness as in the class
   * comment: the overall frequency of a term is over all articles of the period type for sectors,
   * over the articles with a topic for topics.
   */
  public static Dataset<Row> topTerms(
      Dataset<Row> termCounts, Dataset<Row> groupSizes, Dataset<Row> kindSizes) {
    String kind = PeriodGroups.GROUP_KIND;
    String key = PeriodGroups.GROUP_KEY;
    Dataset<Row> bySector =
        termCounts.select(
            col(Col.PERIOD_TYPE),
            col(Col.PERIOD),
            lit(PeriodGroups.SECTOR_GROUP).as(kind),
            col(Col.SECTOR).as(key),
            col(Col.TERM),
            col(Col.DOCUMENT_FREQUENCY));
    Dataset<Row> byTopic =
        termCounts
            .filter(col(Col.TOPIC_ID).isNotNull())
            .select(
                col(Col.PERIOD_TYPE),
                col(Col.PERIOD),
                lit(PeriodGroups.TOPIC_GROUP).as(kind),
                concat_ws("\t", col(Col.MODEL_VERSION), col(Col.TOPIC_ID).cast("string")).as(key),
                col(Col.TERM),
                col(Col.DOCUMENT_FREQUENCY));
    Column[] group = {col(Col.PERIOD_TYPE), col(Col.PERIOD), col(kind), col(key)};
    // Keyness: how much more often the group's articles carry the term than all articles of
    // the period type do; words frequent everywhere score about 0 and never lead.
    return bySector
        .unionByName(byTopic)
        .groupBy(col(Col.PERIOD_TYPE), col(Col.PERIOD), col(kind), col(key), col(Col.TERM))
        .agg(sum(Col.DOCUMENT_FREQUENCY).as("df_group"))
        .withColumn(
            "df_all",
            sum("df_group")
                .over(Window.partitionBy(col(Col.PERIOD_TYPE), col(kind), col(Col.TERM))))
        .filter(col("df_group").geq(TOP_TERM_MIN_DF))
        .join(broadcast(groupSizes), scala(List.of(Col.PERIOD_TYPE, Col.PERIOD, kind, key)))
        .join(broadcast(kindSizes), scala(List.of(Col.PERIOD_TYPE, kind)))
        .withColumn(
            "term_score",
            col("df_group")
                .multiply(
                    log(
                        col("df_group")
                            .divide(col("n_group"))
                            .divide(col("df_all").divide(col("n_all"))))))
        .filter(col("term_score").gt(0))
        .withColumn(
            "term_rank",
            row_number()
                .over(Window.partitionBy(group).orderBy(col("term_score").desc(), col(Col.TERM))))
        .filter(col("term_rank").leq(TOP_TERMS))
        .select(
            col(Col.PERIOD_TYPE),
            col(Col.PERIOD),
            col(kind),
            col(key),
            col(Col.TERM),
            col("term_rank"));
  }

  /**
   * The collected rows of {@link #topTerms} as {@link PeriodGroups#topTermsKey} to the comma-joined
   * terms, best first.
   */
  public static java.util.Map<String, String> joinTopTerms(List<Row> ranked) {
    java.util.Map<String, java.util.TreeMap<Integer, String>> byGroup = new java.util.HashMap<>();
    for (Row r : ranked) {
      byGroup
          .computeIfAbsent(
              PeriodGroups.topTermsKey(
                  r.getString(0), r.getString(1), r.getString(2), r.getString(3)),
              k -> new java.util.TreeMap<>())
          .put(r.getInt(5), r.getString(4));
    }
    java.util.Map<String, String> joined = new java.util.HashMap<>();
    byGroup.forEach((k, terms) -> joined.put(k, String.join(",", terms.values())));
    return joined;
  }

  /** Column names as the Scala sequence of a using-columns join. */
  public static scala.collection.immutable.Seq<String> scala(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
  }
}
