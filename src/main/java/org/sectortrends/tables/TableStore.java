package org.sectortrends.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * Reads and writes the tables under one root ({@code DIR/tables}), always in the declared schema.
 *
 * <p>Why writes are done here and nowhere else: every table must come out the same way for BI
 * readers (declared column order and types, INT64 millisecond timestamps, compressed Parquet, few
 * large files), and a failed run must leave the previous contents readable:
 *
 * <ul>
 *   <li>{@link TableSpec.WriteMode#OVERWRITE_PARTITIONS}: Spark's dynamic partition overwrite
 *       stages files aside and replaces only the partitions the run produced, at commit.
 *   <li>{@link TableSpec.WriteMode#APPEND}: new files only; existing files are never touched.
 *   <li>{@link TableSpec.WriteMode#REPLACE}: the new table is written to a sibling directory and
 *       swapped in by two renames, so readers see the old table or the new one.
 * </ul>
 */
public final class TableStore {

  /** Rows per Parquet file before a writer task starts another file. */
  static final long MAX_RECORDS_PER_FILE = 1_000_000L;

  private final SparkSession spark;
  private final String root;

  public TableStore(SparkSession spark, String root) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.root = Objects.requireNonNull(root, "root");
  }

  public String root() {
    return root;
  }

  public String location(TableSpec table) {
    return root + "/" + table.name();
  }

  public boolean exists(TableSpec table) {
    try {
      Path path = new Path(location(table));
      FileSystem fs = path.getFileSystem(hadoopConf());
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check table " + location(table), e);
    }
  }

  /** Reads a table with its declared schema; a missing table reads as empty. */
  public Dataset<Row> read(TableSpec table) {
    if (!exists(table)) {
      return spark.createDataFrame(new ArrayList<Row>(), table.schema());
    }
    Dataset<Row> frame = spark.read().schema(table.schema()).parquet(location(table));
    return frame.select(columnsOf(table));
  }

  /**
   * Writes {@code rows} by the table's write mode. Rows must carry every declared column; extra
   * columns are dropped and types are cast to the declared ones.
   */
  public void write(TableSpec table, Dataset<Row> rows) {
    Dataset<Row> shaped = conform(table, rows);
    switch (table.writeMode()) {
      case OVERWRITE_PARTITIONS -> writeParquet(table, compact(table, shaped), SaveMode.Overwrite, location(table));
      case APPEND -> writeParquet(table, compact(table, shaped), SaveMode.Append, location(table));
      case REPLACE -> replace(table, compact(table, shaped));
    }
  }

  /**
   * Writes a monthly table for a run that covers {@code coveredMonths}: like {@link #write}, and
   * a covered month for which the run has no rows is emptied too, since dynamic partition
   * overwrite alone would leave the previous run's rows of that month in place. Callers persist
   * {@code rows}: it is read twice.
   *
   * @return the months that received rows
   */
  public Set<String> writeMonths(TableSpec table, Dataset<Row> rows, Set<String> coveredMonths) {
    if (!table.partitionColumns().equals(List.of(Tables.Col.PUBLISHED_MONTH))) {
      throw new IllegalArgumentException("Table " + table.name() + " is not partitioned by month: " + table.partitionColumns());
    }
    Set<String> written = new HashSet<>(rows.select(Tables.Col.PUBLISHED_MONTH).distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    write(table, rows);
    try {
      Path location = new Path(location(table));
      FileSystem fs = location.getFileSystem(hadoopConf());
      for (String month : coveredMonths) {
        if (!written.contains(month)) {
          fs.delete(new Path(location, Tables.Col.PUBLISHED_MONTH + "=" + month), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear months of table " + location(table), e);
    }
    return written;
  }

  /** Selects and casts the declared columns, failing with the missing names when some are absent. */
  public static Dataset<Row> conform(TableSpec table, Dataset<Row> rows) {
    List<String> present = List.of(rows.columns());
    List<String> missing = new ArrayList<>();
    for (String column : table.columnNames()) {
      if (!present.contains(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Rows for table " + table.name() + " lack columns " + missing + "; they have " + present);
    }
    return rows.select(columnsOf(table, rows));
  }

  private static Column[] columnsOf(TableSpec table) {
    StructField[] fields = table.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = functions.col(fields[i].name());
    }
    return columns;
  }

  private static Column[] columnsOf(TableSpec table, Dataset<Row> rows) {
    StructField[] fields = table.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      StructField field = fields[i];
      Column column = rows.col(field.name());
      columns[i] = column.cast(field.dataType()).as(field.name());
    }
    return columns;
  }

  /**
   * Brings rows of one partition together so that each partition directory gets one file per
   * million rows instead of one file per upstream task.
   */
  private static Dataset<Row> compact(TableSpec table, Dataset<Row> rows) {
    if (table.partitionColumns().isEmpty()) {
      return rows.coalesce(1);
    }
    Column[] keys = table.partitionColumns().stream().map(functions::col).toArray(Column[]::new);
    return rows.repartition(keys);
  }

  private void writeParquet(TableSpec table, Dataset<Row> rows, SaveMode mode, String path) {
    rows.write()
        .mode(mode)
        .option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(table.partitionColumns().toArray(new String[0]))
        .parquet(path);
  }

  private void replace(TableSpec table, Dataset<Row> rows) {
    String target = location(table);
    String staging = target + ".__staging";
    String previous = target + ".__previous";
    try {
      Path targetPath = new Path(target);
      FileSystem fs = targetPath.getFileSystem(hadoopConf());
      fs.delete(new Path(staging), true);
      writeParquet(table, rows, SaveMode.Overwrite, staging);
      fs.delete(new Path(previous), true);
      if (fs.exists(targetPath) && !fs.rename(targetPath, new Path(previous))) {
        throw new IOException("Cannot move " + target + " aside to " + previous);
      }
      if (!fs.rename(new Path(staging), targetPath)) {
        // Put the old table back so readers keep a complete table.
        fs.rename(new Path(previous), targetPath);
        throw new IOException("Cannot move " + staging + " to " + target);
      }
      fs.delete(new Path(previous), true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace table " + target, e);
    }
  }

  private Configuration hadoopConf() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
