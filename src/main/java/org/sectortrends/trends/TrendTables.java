package org.sectortrends.trends;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.trends.PeriodCalendar.PeriodType;

/**
 * The rows of {@code sector_trends} and {@code topic_trends} for all period types, assembled from
 * the parts of {@link GroupTrends}, the investment events and the growth figures.
 *
 * <ul>
 *   <li>Every sector of the {@code sectors} table gets a row in every period with articles, with
 *       zero counts when it had none, so a sector that vanished shows as a fall.
 *   <li>{@code investment_krw} sums {@code investment_events.amount_krw} of the events dated in
 *       the period (one amount per event, however many articles report it);
 *       {@code investment_events} counts them.
 *   <li>{@code median_growth_pct}: the median of the growth rates reported in the period's
 *       articles of the sector (percent figures with a {@code *_growth} metric, not forecasts, not
 *       restatements; a fall is negative).
 *   <li>{@code topic_trends} has rows only for topics with articles in the period; its shares are
 *       of all the period's articles; its {@code sector} is the topic's sector.
 * </ul>
 */
public final class TrendTables {

  private TrendTables() {}

  public static Dataset<Row> sectorTrends(Dataset<Row> articlePeriods, Dataset<Row> stats, Dataset<Row> sectors, Dataset<Row> terms,
      Dataset<Row> figures, Dataset<Row> events, Dataset<Row> growthFigures, java.util.Collection<PeriodType> types, String runId) {
    List<String> keys = List.of(Col.SECTOR);
    Dataset<Row> groups = sectors.select(col(Col.SECTOR_ID).as(Col.SECTOR))
        .union(articlePeriods.select(Col.SECTOR)).distinct();
    Dataset<Row> investment = TrendColumns.withPeriods(events.drop(Col.PERIOD_TYPE, Col.PERIOD), types, Col.EVENT_DATE)
        .groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.SECTOR)
        .agg(sum(Col.AMOUNT_KRW).as(Col.INVESTMENT_KRW), count(lit(1)).as(Col.INVESTMENT_EVENTS));
    Dataset<Row> growth = articlePeriods.select(Col.ARTICLE_ID, Col.PERIOD_TYPE, Col.PERIOD, Col.SECTOR)
        .join(growthFigures, Col.ARTICLE_ID)
        .groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.SECTOR)
        .agg(expr("percentile(growth_pct, 0.5)").as(Col.MEDIAN_GROWTH_PCT));
    List<String> on = List.of(Col.PERIOD_TYPE, Col.PERIOD, Col.SECTOR);
    return GroupTrends.counts(articlePeriods, stats, keys, groups)
        .join(GroupTrends.topTerms(articlePeriods, terms, keys), GroupTrends.scala(on), "left")
        .join(GroupTrends.figureCounts(articlePeriods, figures, keys), GroupTrends.scala(on), "left")
        .join(investment, GroupTrends.scala(on), "left")
        .join(growth, GroupTrends.scala(on), "left")
        .join(sectors.select(col(Col.SECTOR_ID).as(Col.SECTOR), col(Col.NAME_KO).as(Col.SECTOR_NAME)),
            GroupTrends.scala(List.of(Col.SECTOR)), "left")
        .withColumn(Col.FIGURE_COUNT, coalesce(col(Col.FIGURE_COUNT), lit(0L)))
        .withColumn(Col.INVESTMENT_KRW, coalesce(col(Col.INVESTMENT_KRW), lit(BigDecimal.ZERO).cast(Tables.FIGURE_DECIMAL)))
        .withColumn(Col.INVESTMENT_EVENTS, coalesce(col(Col.INVESTMENT_EVENTS), lit(0L)))
        .withColumn(Col.RUN_ID, lit(runId));
  }

  public static Dataset<Row> topicTrends(Dataset<Row> articlePeriods, Dataset<Row> stats, Dataset<Row> topics, Dataset<Row> terms,
      Dataset<Row> figures, String runId) {
    Dataset<Row> withTopic = articlePeriods.filter(col(Col.TOPIC_ID).isNotNull());
    List<String> keys = List.of(Col.MODEL_VERSION, Col.TOPIC_ID);
    List<String> on = List.of(Col.PERIOD_TYPE, Col.PERIOD, Col.MODEL_VERSION, Col.TOPIC_ID);
    return GroupTrends.counts(withTopic.drop(Col.SECTOR), stats, keys, null)
        .join(GroupTrends.topTerms(withTopic, terms, keys), GroupTrends.scala(on), "left")
        .join(GroupTrends.figureCounts(withTopic, figures, keys), GroupTrends.scala(on), "left")
        .join(topics, GroupTrends.scala(keys), "left")
        .withColumn(Col.SECTOR, col("topic_sector"))
        .withColumn(Col.FIGURE_COUNT, coalesce(col(Col.FIGURE_COUNT), lit(0L)))
        .withColumn(Col.RUN_ID, lit(runId));
  }

}
