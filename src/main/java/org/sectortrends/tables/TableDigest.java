package org.sectortrends.tables;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.sectortrends.tables.Tables.Col;

/**
 * A fingerprint of every table under an output root, for checking that two runs of the pipeline
 * (e.g. on a cluster and in {@code local[2]}) produced the same rows: per table the row count and
 * an order-independent digest (the sum of the rows' SHA-256 prefixes, so that row order and
 * partitioning do not matter but every row, duplicates included, does).
 *
 * <p>Left out because they differ between any two runs: the {@code runs} table, run ids, model
 * versions (named after the run's time) and the columns stamping a run's time ({@link
 * #RUN_COLUMNS}); in {@code message} columns, instants (the run's start quoted by a quarantine
 * reason) read as {@code <run time>}. Doubles are rounded to 9 decimals first: sums computed in
 * another order may differ in their last bits.
 *
 * <p>{@code java ... TableDigest ROOT} prints one line per existing table: name, rows, digest.
 */
public final class TableDigest {

  /** Columns whose values name or time the run rather than the data. */
  public static final Set<String> RUN_COLUMNS =
      Set.of(
          Col.RUN_ID,
          Col.MODEL_VERSION,
          Col.INGESTED_AT,
          Col.QUARANTINED_AT,
          Col.CREATED_AT,
          Col.STARTED_AT,
          Col.ENDED_AT,
          "failed_at",
          "stack_trace");

  /**
   * An ISO instant, as quarantine messages quote the run's start ("... after the run start
   * 2025-...Z").
   */
  private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z";

  private TableDigest() {}

  /**
   * {@code table -> "rows digest"} for every table of {@link Tables#ALL} under the root but {@code
   * runs}.
   */
  public static Map<String, String> digests(SparkSession spark, String tablesRoot) {
    TableStore store = new TableStore(spark, tablesRoot);
    Map<String, String> out = new LinkedHashMap<>();
    for (TableSpec table : Tables.ALL) {
      if (table.equals(Tables.RUNS) || !store.exists(table)) {
        continue;
      }
      List<Column> values = new ArrayList<>();
      for (StructField field : table.schema().fields()) {
        if (RUN_COLUMNS.contains(field.name())) {
          continue;
        }
        Column c = col(field.name());
        if (field.dataType().equals(DataTypes.DoubleType)
            || field.dataType().equals(DataTypes.FloatType)) {
          c = round(c, 9);
        } else if (field.name().equals(Col.MESSAGE)) {
          c = regexp_replace(c, INSTANT, "<run time>");
        }
        values.add(coalesce(c.cast(DataTypes.StringType), lit("\u0000null")));
      }
      Row r =
          store
              .read(table)
              .select(
                  conv(
                          substring(
                              sha2(concat_ws("\u0001", values.toArray(new Column[0])), 256), 1, 14),
                          16,
                          10)
                      .cast(DataTypes.createDecimalType(38, 0))
                      .as("h"))
              .agg(count(lit(1)), sum(col("h")))
              .first();
      out.put(
          table.name(),
          r.getLong(0) + " " + (r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString()));
    }
    return out;
  }

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println(
          "Usage: TableDigest OUTPUT_ROOT   (prints table, rows and digest of OUTPUT_ROOT/tables/*)");
      System.exit(2);
    }
    SparkSession spark =
        SparkSession.builder()
            .appName("sector-trends table digest")
            .master("local[1]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      String root = args[0].endsWith("/") ? args[0].substring(0, args[0].length() - 1) : args[0];
      digests(spark, root + "/tables")
          .forEach((table, digest) -> System.out.println(table + " " + digest));
    } finally {
      spark.stop();
    }
  }
}
