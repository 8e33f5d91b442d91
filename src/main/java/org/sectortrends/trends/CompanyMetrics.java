package org.sectortrends.trends;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.RowBuilder;
import org.sectortrends.tables.Tables.Col;

/**
 * The {@code company_metrics} table: one row per company, metric, reported period, forecast flag,
 * band flag and unit, holding the consensus of the distinct reports. Ten articles that report the
 * same revenue of the same quarter make one row with {@code n_articles = 10}.
 *
 * <ul>
 *   <li>Reports: figures with a {@code company_id}, a metric, a value and a reported period that
 *       {@link ReportedPeriod} resolves (year, half, quarter, month; ranges only when they are
 *       exactly one of these; year-to-date sums and durations are left out). Restatements in
 *       another currency ({@code conversion_of} not null) are never reports. A report is a distinct
 *       (article, value) pair, so an article repeating a figure counts once.
 *   <li>Forecasts and bands are keys, not filters: {@code is_forecast} and {@code is_band} rows
 *       never mix with actual exact values.
 *   <li>{@code value} is the median report (the lower middle one for an even count, so it is always
 *       a value some article reported), with {@code value_min} and {@code value_max}; {@code
 *       value_krw} and {@code value_usd} are the medians of the converted values.
 *   <li>A growth rate ({@code <metric>_growth}) reported as a fall ({@code direction = down}) with
 *       a positive number is stored negative, so that {@code 8% 감소} and {@code -8%} agree.
 * </ul>
 *
 * <p>Known weaknesses: the same fact reported in two currencies (dollars by one outlet, won by
 * another) gives two rows, one per unit; a company's figure mis-attributed by the extractor's
 * subject finder lands on the wrong company.
 */
public final class CompanyMetrics {

  static final int MAX_EVIDENCE = 20;

  private static final StructType PERIOD =
      new StructType()
          .add("type", DataTypes.StringType)
          .add("label", DataTypes.StringType)
          .add("start", DataTypes.DateType)
          .add("end", DataTypes.DateType);

  private CompanyMetrics() {}

  /**
   * {@code period} text to a struct {@code type, label, start, end}, null when not a calendar
   * period.
   */
  public static UserDefinedFunction reportedPeriodUdf() {
    return udf((UDF1<String, Row>) CompanyMetrics::reportedPeriodRow, PERIOD);
  }

  /**
   * Parsed period texts of this JVM: a corpus has a few thousand distinct ones ({@code 2025Q3},
   * {@code 2024-01..2024-06}) over millions of figures. Cleared when it grows past {@value
   * #MAX_CACHED_PERIODS}.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<Row>>
      PARSED_PERIODS = new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_CACHED_PERIODS = 100_000;

  private static Row reportedPeriodRow(String text) {
    if (text == null) {
      return null;
    }
    java.util.Optional<Row> parsed = PARSED_PERIODS.get(text);
    if (parsed == null) {
      parsed =
          ReportedPeriod.parse(text)
              .map(
                  p ->
                      RowBuilder.of("reported period", PERIOD)
                          .set("type", p.type())
                          .set("label", p.label())
                          .set("start", Date.valueOf(p.start()))
                          .set("end", Date.valueOf(p.end()))
                          .build());
      if (PARSED_PERIODS.size() >= MAX_CACHED_PERIODS) {
        PARSED_PERIODS.clear();
      }
      PARSED_PERIODS.put(text, parsed);
    }
    return parsed.orElse(null);
  }

  /**
   * The company metrics of the given figures. {@code articles} is {@code article_id, outlet,
   * published_at}; {@code companies} is the {@code companies} lookup table.
   */
  public static Dataset<Row> compute(
      Dataset<Row> figures, Dataset<Row> articles, Dataset<Row> companies) {
    Column signed =
        when(
                col(Col.METRIC)
                    .endsWith("_growth")
                    .and(col(Col.DIRECTION).equalTo("down"))
                    .and(col(Col.VALUE).gt(0)),
                col(Col.VALUE).multiply(-1))
            .otherwise(col(Col.VALUE))
            .cast(org.sectortrends.tables.Tables.FIGURE_DECIMAL);
    Dataset<Row> reports =
        figures
            .filter(
                col(Col.COMPANY_ID)
                    .isNotNull()
                    .and(col(Col.METRIC).isNotNull())
                    .and(col(Col.VALUE).isNotNull())
                    .and(col(Col.CONVERSION_OF).isNull()))
            .withColumn("reported", reportedPeriodUdf().apply(col(Col.PERIOD)))
            .filter(col("reported").isNotNull())
            .select(
                col(Col.ARTICLE_ID),
                col(Col.COMPANY_ID),
                col(Col.METRIC),
                col(Col.UNIT),
                col("reported.type").as(Col.PERIOD_TYPE),
                col("reported.label").as(Col.PERIOD),
                col("reported.start").as(Col.PERIOD_START),
                col("reported.end").as(Col.PERIOD_END),
                coalesce(col(Col.IS_FORECAST), lit(false)).as(Col.IS_FORECAST),
                coalesce(col(Col.IS_BAND), lit(false)).as(Col.IS_BAND),
                signed.as(Col.VALUE),
                col(Col.VALUE_KRW),
                col(Col.VALUE_USD))
            .dropDuplicates(
                Col.ARTICLE_ID,
                Col.COMPANY_ID,
                Col.METRIC,
                Col.UNIT,
                Col.PERIOD_TYPE,
                Col.PERIOD,
                Col.IS_FORECAST,
                Col.IS_BAND,
                Col.VALUE)
            .join(
                articles.select(Col.ARTICLE_ID, Col.OUTLET, Col.PUBLISHED_AT),
                GroupTrends.scala(List.of(Col.ARTICLE_ID)),
                "left");
    return reports
        .groupBy(
            Col.COMPANY_ID,
            Col.METRIC,
            Col.PERIOD_TYPE,
            Col.PERIOD,
            Col.IS_FORECAST,
            Col.IS_BAND,
            Col.UNIT)
        .agg(
            first(Col.PERIOD_START).as(Col.PERIOD_START),
            first(Col.PERIOD_END).as(Col.PERIOD_END),
            expr("array_sort(collect_list(" + Col.VALUE + "))").as("values"),
            min(Col.VALUE).as(Col.VALUE_MIN),
            max(Col.VALUE).as(Col.VALUE_MAX),
            expr("array_sort(collect_list(" + Col.VALUE_KRW + "))").as("values_krw"),
            expr("array_sort(collect_list(" + Col.VALUE_USD + "))").as("values_usd"),
            count(lit(1)).as(Col.N_REPORTS),
            // Distinct counts as sizes of collected sets: two countDistinct aggregates would make
            // Spark expand every report into three rows.
            expr("size(array_distinct(collect_list(" + Col.ARTICLE_ID + ")))")
                .cast("long")
                .as(Col.N_ARTICLES),
            expr("size(array_distinct(collect_list(" + Col.OUTLET + ")))")
                .cast("long")
                .as(Col.N_OUTLETS),
            min(Col.PUBLISHED_AT).as(Col.FIRST_REPORTED_AT),
            collect_list(struct(col(Col.PUBLISHED_AT), col(Col.ARTICLE_ID))).as("evidence"))
        .withColumn(
            Col.EVIDENCE_ARTICLE_IDS,
            expr(
                "array_join(slice(array_distinct(transform(sort_array(evidence), x -> x."
                    + Col.ARTICLE_ID
                    + ")), 1, "
                    + MAX_EVIDENCE
                    + "), ',')"))
        .withColumn(Col.VALUE, lowerMedian("values"))
        .withColumn(Col.VALUE_KRW, lowerMedian("values_krw"))
        .withColumn(Col.VALUE_USD, lowerMedian("values_usd"))
        .drop("evidence", "values", "values_krw", "values_usd")
        .join(
            companies.select(
                col(Col.COMPANY_ID),
                col(Col.NAME_KO).as(Col.COMPANY_NAME),
                col(Col.SECTOR_ID).as(Col.SECTOR)),
            GroupTrends.scala(List.of(Col.COMPANY_ID)),
            "left");
  }

  /**
   * The lower median of a sorted array (collect_list skips nulls): an element, never an average.
   */
  private static Column lowerMedian(String sortedArray) {
    return expr(
        "CASE WHEN size("
            + sortedArray
            + ") = 0 THEN NULL ELSE element_at("
            + sortedArray
            + ", CAST(("
            + "size("
            + sortedArray
            + ") + 1) div 2 AS INT)) END");
  }
}
