package org.sectortrends.trends;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.sectortrends.tables.Tables.Col;

/**
 * Article counts per period and group (a sector, or a topic of a model version) with their share
 * of the period's articles, the change against the previous period, outlets, coverage, the
 * distinctive terms and the figures: the common part of {@code sector_trends} and
 * {@code topic_trends}. Every function is Dataset to Dataset.
 *
 * <p>Input rows ("article periods") are one per dated article: {@code article_id, outlet,
 * published_date, period_type, period, period_start, period_end} and the group columns.
 *
 * <ul>
 *   <li><b>share_of_articles</b> = articles of the group / articles of the period: the shares of
 *       a period sum to 1 because every article is in exactly one group (articles without a
 *       topic row are in the sector {@value #UNASSIGNED}).
 *   <li><b>share_change_points</b> = (share − previous share) × 100, against the calendar period
 *       right before; a group absent from the previous period had share 0 there; null when the
 *       previous period has no articles at all (a gap or the start of the data).
 *   <li><b>count_change_pct</b> = (count − previous count) / previous count × 100; null when the
 *       previous count is 0.
 *   <li><b>coverage</b> = days of the period with at least one article / days of the period;
 *       <b>is_partial</b> when the period begins before the first or ends after the last
 *       publication date of the data, i.e. the data does not span the period (the current,
 *       unfinished period is partial).
 *   <li><b>top_terms</b>: the ten terms with the highest document frequency in the group and
 *       period times their inverse document frequency over all articles read (terms in at least
 *       two of the group's articles), so words frequent everywhere do not come first.
 * </ul>
 */
public final class GroupTrends {

    /** Sector of articles that have no row in {@code article_topics}. */
    public static final String UNASSIGNED = "unassigned";

    static final int TOP_TERMS = 10;
    static final int TOP_TERM_MIN_DF = 2;

    private GroupTrends() {}

    /**
     * Per period: {@code period_type, period, period_start, period_end, total_articles, days_with_data,
     * coverage, is_partial}. The data span is the first to last publication date of {@code dataSpan}.
     */
    public static Dataset<Row> periodStats(Dataset<Row> articlePeriods, Row dataSpan) {
        Column first = lit(dataSpan.getDate(0));
        Column last = lit(dataSpan.getDate(1));
        return articlePeriods
                .groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.PERIOD_START, Col.PERIOD_END)
                .agg(count(lit(1)).as("total_articles"),
                        countDistinct(col(Col.PUBLISHED_DATE)).cast("int").as(Col.DAYS_WITH_DATA))
                .withColumn(Col.COVERAGE, col(Col.DAYS_WITH_DATA).divide(datediff(col(Col.PERIOD_END), col(Col.PERIOD_START)).plus(1)))
                .withColumn(Col.IS_PARTIAL, col(Col.PERIOD_START).lt(first).or(col(Col.PERIOD_END).gt(last)));
    }

    /** First and last publication date and the number of the articles (one row: DATE, DATE, BIGINT), one pass. */
    public static Row dataSpanAndCount(Dataset<Row> articles) {
        return articles.agg(min(Col.PUBLISHED_DATE), max(Col.PUBLISHED_DATE), count(lit(1))).first();
    }

    /** First and last publication date of the articles (one row, two DATE columns). */
    public static Row dataSpan(Dataset<Row> articles) {
        return articles.agg(min(Col.PUBLISHED_DATE), max(Col.PUBLISHED_DATE)).first();
    }

    /**
     * Counts, shares and changes per period and group. {@code groups} lists every group that
     * should get a row in each period even without articles (zero rows, e.g. every sector), or
     * null for groups with articles only.
     */
    public static Dataset<Row> counts(Dataset<Row> articlePeriods, Dataset<Row> stats, List<String> keys,
            Dataset<Row> groups) {
        List<Column> groupBy = new ArrayList<>(List.of(col(Col.PERIOD_TYPE), col(Col.PERIOD)));
        keys.forEach(k -> groupBy.add(col(k)));
        Dataset<Row> counted = articlePeriods.groupBy(groupBy.toArray(Column[]::new))
                .agg(count(lit(1)).as(Col.ARTICLE_COUNT), countDistinct(col(Col.OUTLET)).as(Col.OUTLET_COUNT));
        Dataset<Row> grid;
        if (groups != null) {
            List<String> joinKeys = new ArrayList<>(List.of(Col.PERIOD_TYPE, Col.PERIOD));
            joinKeys.addAll(keys);
            grid = stats.crossJoin(groups)
                    .join(counted, scala(joinKeys), "left")
                    .withColumn(Col.ARTICLE_COUNT, coalesce(col(Col.ARTICLE_COUNT), lit(0L)))
                    .withColumn(Col.OUTLET_COUNT, coalesce(col(Col.OUTLET_COUNT), lit(0L)));
        } else {
            grid = counted.join(stats, scala(List.of(Col.PERIOD_TYPE, Col.PERIOD)));
        }
        Dataset<Row> current = grid
                .withColumn(Col.SHARE_OF_ARTICLES, col(Col.ARTICLE_COUNT).divide(col("total_articles")))
                .withColumn("previous_period", TrendColumns.previousLabel(col(Col.PERIOD_TYPE), col(Col.PERIOD_START)));
        List<Column> previousColumns = new ArrayList<>();
        previousColumns.add(col(Col.PERIOD_TYPE));
        previousColumns.add(col(Col.PERIOD).as("previous_period"));
        keys.forEach(k -> previousColumns.add(col(k)));
        previousColumns.add(col(Col.ARTICLE_COUNT).as("previous_count"));
        previousColumns.add(col(Col.SHARE_OF_ARTICLES).as("previous_share"));
        Dataset<Row> previous = current.select(previousColumns.toArray(Column[]::new));
        Dataset<Row> previousPeriods = stats.select(col(Col.PERIOD_TYPE), col(Col.PERIOD).as("previous_period"),
                lit(true).as("previous_has_data"));
        List<String> previousKeys = new ArrayList<>(List.of(Col.PERIOD_TYPE, "previous_period"));
        previousKeys.addAll(keys);
        return current
                .join(previous, scala(previousKeys), "left")
                .join(previousPeriods, scala(List.of(Col.PERIOD_TYPE, "previous_period")), "left")
                .withColumn(Col.SHARE_CHANGE_POINTS, when(col("previous_has_data"),
                        col(Col.SHARE_OF_ARTICLES).minus(coalesce(col("previous_share"), lit(0.0))).multiply(100.0)))
                .withColumn(Col.COUNT_CHANGE_PCT, when(col("previous_count").gt(0),
                        col(Col.ARTICLE_COUNT).minus(col("previous_count")).multiply(100.0).divide(col("previous_count"))))
                .drop("previous_count", "previous_share", "previous_has_data", "previous_period");
    }

    /**
     * The distinctive terms of each period and group: {@code period, keys..., top_terms}
     * (comma-joined, best first). {@code terms} is {@code article_id, term}.
     */
    public static Dataset<Row> topTerms(Dataset<Row> articlePeriods, Dataset<Row> terms, List<String> keys) {
        List<String> groupKeys = new ArrayList<>(List.of(Col.PERIOD_TYPE, Col.PERIOD));
        groupKeys.addAll(keys);
        List<Column> selected = new ArrayList<>(List.of(col(Col.ARTICLE_ID)));
        groupKeys.forEach(k -> selected.add(col(k)));
        Dataset<Row> termed = articlePeriods.select(selected.toArray(Column[]::new))
                .join(terms.select(Col.ARTICLE_ID, Col.TERM).distinct(), Col.ARTICLE_ID);
        // Keyness: how much more often the group's articles carry the term than all articles of
        // the period type do; words frequent everywhere score about 0 and never lead.
        Dataset<Row> overall = termed.groupBy(Col.PERIOD_TYPE, Col.TERM).agg(count(lit(1)).as("df_all"))
                .join(articlePeriods.groupBy(Col.PERIOD_TYPE).agg(count(lit(1)).as("n_all")), Col.PERIOD_TYPE);
        Dataset<Row> groupSizes = articlePeriods.groupBy(partitionColumns(groupKeys)).agg(count(lit(1)).as("n_group"));
        List<Column> byGroupTerm = new ArrayList<>();
        groupKeys.forEach(k -> byGroupTerm.add(col(k)));
        byGroupTerm.add(col(Col.TERM));
        Column[] partition = partitionColumns(groupKeys);
        return termed.groupBy(byGroupTerm.toArray(Column[]::new)).agg(count(lit(1)).as("df_group"))
                .filter(col("df_group").geq(TOP_TERM_MIN_DF))
                .join(groupSizes, scala(groupKeys))
                .join(overall, scala(List.of(Col.PERIOD_TYPE, Col.TERM)))
                .withColumn("term_score", col("df_group").multiply(log(col("df_group").divide(col("n_group"))
                        .divide(col("df_all").divide(col("n_all"))))))
                .filter(col("term_score").gt(0))
                .withColumn("term_rank", row_number().over(Window.partitionBy(partition)
                        .orderBy(col("term_score").desc(), col(Col.TERM))))
                .filter(col("term_rank").leq(TOP_TERMS))
                .groupBy(partition)
                .agg(expr("array_join(transform(sort_array(collect_list(struct(term_rank, term))), x -> x.term), ',')")
                        .as(Col.TOP_TERMS));
    }

    private static Column[] partitionColumns(List<String> keys) {
        return keys.stream().map(k -> col(k)).toArray(Column[]::new);
    }

    /** Figures per period and group, restatements ({@code conversion_of}) excluded. */
    public static Dataset<Row> figureCounts(Dataset<Row> articlePeriods, Dataset<Row> figures, List<String> keys) {
        List<Column> selected = new ArrayList<>(List.of(col(Col.ARTICLE_ID), col(Col.PERIOD_TYPE), col(Col.PERIOD)));
        keys.forEach(k -> selected.add(col(k)));
        List<Column> groupBy = new ArrayList<>(List.of(col(Col.PERIOD_TYPE), col(Col.PERIOD)));
        keys.forEach(k -> groupBy.add(col(k)));
        return articlePeriods.select(selected.toArray(Column[]::new))
                .join(figures.filter(col(Col.CONVERSION_OF).isNull()).select(Col.ARTICLE_ID), Col.ARTICLE_ID)
                .groupBy(groupBy.toArray(Column[]::new))
                .agg(count(lit(1)).as(Col.FIGURE_COUNT));
    }

    /** Column names as the Scala sequence of a using-columns join. */
    public static scala.collection.immutable.Seq<String> scala(List<String> columns) {
        return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
    }
}
