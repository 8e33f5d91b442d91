package org.sectortrends.trends;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.trends.PeriodCalendar.PeriodType;

/**
 * The rules of {@link PeriodCalendar} as Spark column expressions, so that periods are computed
 * inside the query plan without a UDF: ISO weeks start on Monday and take the year of their
 * Thursday ({@code weekofyear} is ISO 8601 in Spark), months and quarters are calendar ones.
 */
public final class TrendColumns {

  private TrendColumns() {}

  /** First day of the period that contains {@code date}. */
  public static Column periodStart(PeriodType type, Column date) {
    return switch (type) {
      // dayofweek: 1 = Sunday ... 7 = Saturday; days since Monday = (dayofweek + 5) % 7.
      case WEEK -> date_sub(date, dayofweek(date).plus(5).mod(7));
      case MONTH -> trunc(date, "MM");
      case QUARTER -> trunc(date, "quarter");
    };
  }

  /** Last day (inclusive) of the period that starts on {@code start}. */
  public static Column periodEnd(PeriodType type, Column start) {
    return switch (type) {
      case WEEK -> date_add(start, 6);
      case MONTH -> last_day(start);
      case QUARTER -> date_sub(add_months(start, 3), 1);
    };
  }

  /**
   * Label of the period that starts on {@code start}: {@code 2025-W01}, {@code 2025-11}, {@code
   * 2025Q4}.
   */
  public static Column label(PeriodType type, Column start) {
    return switch (type) {
      case WEEK ->
          concat(
              year(date_add(start, 3)).cast("string"),
              lit("-W"),
              lpad(weekofyear(start).cast("string"), 2, "0"));
      case MONTH -> date_format(start, "yyyy-MM");
      case QUARTER -> concat(year(start).cast("string"), lit("Q"), quarter(start).cast("string"));
    };
  }

  /**
   * Label of the period right before the one of type {@code typeColumn} starting on {@code start}.
   */
  public static Column previousLabel(Column typeColumn, Column start) {
    Column day = date_sub(start, 1);
    Column result = null;
    for (PeriodType type : PeriodType.values()) {
      Column label = label(type, periodStart(type, day));
      result =
          result == null
              ? when(typeColumn.equalTo(type.id()), label)
              : result.when(typeColumn.equalTo(type.id()), label);
    }
    return result;
  }

  /**
   * The rows once per period type, each with {@code period_type, period, period_start, period_end}
   * of its date: all period types are then computed by the same queries, keyed by {@code
   * (period_type, period)}. One pass over the rows (an explode), not one per type.
   */
  public static Dataset<Row> withPeriods(
      Dataset<Row> rows, java.util.Collection<PeriodType> types, String dateColumn) {
    Column date = rows.col(dateColumn);
    Column[] periods =
        types.stream()
            .map(
                type -> {
                  Column start = periodStart(type, date);
                  return struct(
                      lit(type.id()).as(Col.PERIOD_TYPE),
                      label(type, start).as(Col.PERIOD),
                      start.as(Col.PERIOD_START),
                      periodEnd(type, start).as(Col.PERIOD_END));
                })
            .toArray(Column[]::new);
    String exploded = "period_of_type";
    List<Column> columns = new ArrayList<>();
    for (String name : rows.columns()) {
      if (!PERIOD_COLUMNS.contains(name)) {
        columns.add(col(name));
      }
    }
    PERIOD_COLUMNS.forEach(name -> columns.add(col(exploded + "." + name).as(name)));
    return rows.withColumn(exploded, explode(array(periods)))
        .select(columns.toArray(Column[]::new));
  }

  private static final List<String> PERIOD_COLUMNS =
      List.of(Col.PERIOD_START, Col.PERIOD_END, Col.PERIOD, Col.PERIOD_TYPE);

  /**
   * A number per period that grows by one from a period to the next of the same type (weeks since
   * the Monday 1970-01-05, months and quarters since year 0), so that a window can range over the
   * trailing periods by calendar, not by rows.
   */
  public static Column periodIndex(Column typeColumn, Column start) {
    return when(
            typeColumn.equalTo(PeriodType.WEEK.id()),
            floor(datediff(start, lit(java.sql.Date.valueOf("1970-01-05"))).divide(7)))
        .when(
            typeColumn.equalTo(PeriodType.MONTH.id()),
            year(start).multiply(12).plus(month(start)).cast("long"))
        .otherwise(year(start).multiply(4).plus(quarter(start)).cast("long"));
  }

  /** Adds {@code period_type, period, period_start, period_end} for the date column. */
  public static Dataset<Row> withPeriod(Dataset<Row> rows, PeriodType type, String dateColumn) {
    Column start = periodStart(type, rows.col(dateColumn));
    return rows.withColumn(Col.PERIOD_START, start)
        .withColumn(Col.PERIOD_END, periodEnd(type, start))
        .withColumn(Col.PERIOD, label(type, start))
        .withColumn(Col.PERIOD_TYPE, lit(type.id()));
  }
}
