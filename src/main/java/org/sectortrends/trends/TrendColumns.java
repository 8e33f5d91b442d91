package org.sectortrends.trends;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

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

    /** Label of the period that starts on {@code start}: {@code 2025-W01}, {@code 2025-11}, {@code 2025Q4}. */
    public static Column label(PeriodType type, Column start) {
        return switch (type) {
            case WEEK -> concat(year(date_add(start, 3)).cast("string"), lit("-W"), lpad(weekofyear(start).cast("string"), 2, "0"));
            case MONTH -> date_format(start, "yyyy-MM");
            case QUARTER -> concat(year(start).cast("string"), lit("Q"), quarter(start).cast("string"));
        };
    }

    /** Label of the period right before the one of type {@code typeColumn} starting on {@code start}. */
    public static Column previousLabel(Column typeColumn, Column start) {
        Column day = date_sub(start, 1);
        Column result = null;
        for (PeriodType type : PeriodType.values()) {
            Column label = label(type, periodStart(type, day));
            result = result == null ? when(typeColumn.equalTo(type.id()), label) : result.when(typeColumn.equalTo(type.id()), label);
        }
        return result;
    }

    /**
     * The rows once per period type, each with {@code period_type, period, period_start,
     * period_end} of its date: all period types are then computed by the same queries, keyed by
     * {@code (period_type, period)}.
     */
    public static Dataset<Row> withPeriods(Dataset<Row> rows, java.util.Collection<PeriodType> types, String dateColumn) {
        Dataset<Row> all = null;
        for (PeriodType type : types) {
            Dataset<Row> one = withPeriod(rows, type, dateColumn);
            all = all == null ? one : all.unionByName(one);
        }
        return all;
    }

    /** Adds {@code period_type, period, period_start, period_end} for the date column. */
    public static Dataset<Row> withPeriod(Dataset<Row> rows, PeriodType type, String dateColumn) {
        Column start = periodStart(type, rows.col(dateColumn));
        return rows
                .withColumn(Col.PERIOD_START, start)
                .withColumn(Col.PERIOD_END, periodEnd(type, start))
                .withColumn(Col.PERIOD, label(type, start))
                .withColumn(Col.PERIOD_TYPE, lit(type.id()));
    }
}
