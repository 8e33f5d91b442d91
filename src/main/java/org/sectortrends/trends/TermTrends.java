package org.sectortrends.trends;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.trends.PeriodCalendar.Period;
import org.sectortrends.trends.PeriodCalendar.PeriodType;

/**
 * Document frequency of every term per period against its trailing baseline, and the emerging
 * terms: the {@code term_trends} table.
 *
 * <p>For a term t and period p with N articles, df of them containing t:
 * <ul>
 *   <li>{@code article_share} = df / N;
 *   <li>{@code baseline_share} = (Σ df + 0.5) / (Σ N + 1) over the {@code baseline_periods}
 *       calendar periods before p that have articles (at most {@code --baseline-periods}); the
 *       0.5 smoothing keeps a term never seen before finite;
 *   <li>{@code lift} = article_share / baseline_share;
 *   <li>{@code z_score} = (article_share − baseline_share) / √(baseline_share (1 − baseline_share) / N),
 *       the binomial test of the period's share against the baseline;
 *   <li>{@code is_emerging} when df ≥ the minimum support, lift ≥ {@value #MIN_LIFT}, z ≥
 *       {@value #MIN_Z}, at least one baseline period exists, and the term is not generic: its
 *       baseline share is below {@value #MAX_BASELINE_SHARE}. A word in every tenth article of the
 *       baseline (기업, 시장, 정부) therefore never emerges, however its count moves.
 * </ul>
 * Rows are written for terms with df ≥ the minimum support in the period. {@code first_seen} is the
 * first publication date of any article with the term, over the whole history.
 *
 * <p>Known weaknesses: a term that grows slowly over many periods keeps a rising baseline and is
 * never flagged; periods with few articles give noisy shares (the z-score accounts for N, the lift
 * does not).
 */
public final class TermTrends {

    static final double MIN_LIFT = 2.0;
    static final double MIN_Z = 3.0;
    static final double MAX_BASELINE_SHARE = 0.1;

    private TermTrends() {}

    /**
     * The term trends of the periods in {@code articlePeriods} ({@code article_id, period_type,
     * period, period_start, period_end}); {@code terms} is {@code article_id, term}; {@code firstSeen}
     * is {@code term, first_seen}.
     */
    public static Dataset<Row> compute(SparkSession spark, Dataset<Row> articlePeriods, Dataset<Row> terms,
            Dataset<Row> firstSeen, int baselinePeriods, int minSupport) {
        List<String> periodKey = List.of(Col.PERIOD_TYPE, Col.PERIOD);
        Dataset<Row> periodSizes = articlePeriods.groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.PERIOD_START, Col.PERIOD_END)
                .agg(count(lit(1)).as("n_period"));
        List<Row> sizes = periodSizes.select(Col.PERIOD_TYPE, Col.PERIOD).collectAsList();
        // Baseline pairs (period, baseline period): the calendar periods right before, with data.
        List<Row> pairs = new ArrayList<>();
        java.util.Set<String> withData = new java.util.HashSet<>();
        sizes.forEach(r -> withData.add(r.getString(0) + "/" + r.getString(1)));
        for (Row r : sizes) {
            PeriodType type = PeriodType.of(r.getString(0));
            Period b = PeriodCalendar.parse(type, r.getString(1));
            for (int k = 0; k < baselinePeriods; k++) {
                b = PeriodCalendar.previous(b);
                if (withData.contains(type.id() + "/" + b.label())) {
                    pairs.add(org.apache.spark.sql.RowFactory.create(type.id(), r.getString(1), b.label()));
                }
            }
        }
        Dataset<Row> baselineOf = spark.createDataFrame(pairs, DataTypes.createStructType(List.of(
                DataTypes.createStructField(Col.PERIOD_TYPE, DataTypes.StringType, false),
                DataTypes.createStructField(Col.PERIOD, DataTypes.StringType, false),
                DataTypes.createStructField("baseline_period", DataTypes.StringType, false))));
        Dataset<Row> df = articlePeriods.select(Col.ARTICLE_ID, Col.PERIOD_TYPE, Col.PERIOD)
                .join(terms.select(Col.ARTICLE_ID, Col.TERM).distinct(), Col.ARTICLE_ID)
                .groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.TERM).agg(count(lit(1)).as(Col.DOCUMENT_FREQUENCY));
        Dataset<Row> current = df.filter(col(Col.DOCUMENT_FREQUENCY).geq(minSupport))
                .join(periodSizes, GroupTrends.scala(periodKey));
        Dataset<Row> baselineSizes = baselineOf
                .join(periodSizes.select(col(Col.PERIOD_TYPE), col(Col.PERIOD).as("baseline_period"), col("n_period").as("n_baseline_one")),
                        GroupTrends.scala(List.of(Col.PERIOD_TYPE, "baseline_period")))
                .groupBy(Col.PERIOD_TYPE, Col.PERIOD)
                .agg(sum("n_baseline_one").as("n_baseline"), count(lit(1)).cast("int").as(Col.BASELINE_PERIODS));
        Dataset<Row> baselineDf = current.select(Col.PERIOD_TYPE, Col.PERIOD, Col.TERM)
                .join(baselineOf, GroupTrends.scala(periodKey))
                .join(df.select(col(Col.PERIOD_TYPE), col(Col.PERIOD).as("baseline_period"), col(Col.TERM),
                                col(Col.DOCUMENT_FREQUENCY).as("df_baseline_one")),
                        GroupTrends.scala(List.of(Col.PERIOD_TYPE, "baseline_period", Col.TERM)))
                .groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.TERM).agg(sum("df_baseline_one").as("df_baseline"));
        return current
                .join(baselineSizes, GroupTrends.scala(periodKey), "left")
                .join(baselineDf, GroupTrends.scala(List.of(Col.PERIOD_TYPE, Col.PERIOD, Col.TERM)), "left")
                .join(firstSeen, GroupTrends.scala(List.of(Col.TERM)), "left")
                .withColumn(Col.BASELINE_PERIODS, coalesce(col(Col.BASELINE_PERIODS), lit(0)))
                .withColumn(Col.ARTICLE_SHARE, col(Col.DOCUMENT_FREQUENCY).divide(col("n_period")))
                .withColumn(Col.BASELINE_SHARE, when(col(Col.BASELINE_PERIODS).gt(0),
                        coalesce(col("df_baseline"), lit(0L)).plus(0.5).divide(col("n_baseline").plus(1.0))))
                .withColumn(Col.LIFT, col(Col.ARTICLE_SHARE).divide(col(Col.BASELINE_SHARE)))
                .withColumn(Col.Z_SCORE, col(Col.ARTICLE_SHARE).minus(col(Col.BASELINE_SHARE))
                        .divide(sqrt(col(Col.BASELINE_SHARE).multiply(lit(1.0).minus(col(Col.BASELINE_SHARE))).divide(col("n_period")))))
                .withColumn(Col.IS_EMERGING, coalesce(col(Col.BASELINE_PERIODS).gt(0)
                        .and(col(Col.LIFT).geq(MIN_LIFT))
                        .and(col(Col.Z_SCORE).geq(MIN_Z))
                        .and(col(Col.BASELINE_SHARE).lt(MAX_BASELINE_SHARE)), lit(false)));
    }

    /**
     * {@code term, first_seen}: the first publication date of an article with the term. Reads the
     * month of the first occurrence from the partition column first, so only that month's rows are
     * joined with the article dates.
     */
    public static Dataset<Row> firstSeen(Dataset<Row> articleTerms, Dataset<Row> articleDates) {
        Dataset<Row> dated = articleTerms.filter(col(Col.PUBLISHED_MONTH).notEqual(lit(org.sectortrends.tables.Tables.UNDATED_MONTH)));
        Dataset<Row> firstMonth = dated.groupBy(Col.TERM).agg(min(Col.PUBLISHED_MONTH).as(Col.PUBLISHED_MONTH));
        return dated.select(Col.ARTICLE_ID, Col.TERM, Col.PUBLISHED_MONTH)
                .join(firstMonth, GroupTrends.scala(List.of(Col.TERM, Col.PUBLISHED_MONTH)))
                .join(articleDates.select(Col.ARTICLE_ID, Col.PUBLISHED_DATE), Col.ARTICLE_ID)
                .groupBy(Col.TERM).agg(min(Col.PUBLISHED_DATE).as(Col.FIRST_SEEN));
    }
}
