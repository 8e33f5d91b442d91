package org.sectortrends.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
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

  /** How the rows handed to {@link #writeMonths} lie across Spark partitions. */
  public enum MonthLayout {
    /**
     * A month's rows are spread over many partitions (for example after a join or a shuffle):
     * they are shuffled to one writer task per month, so each month gets few large files.
     */
    SCATTERED,
    /**
     * Rows derived row by row from a month-partitioned table, such as {@code articles}: each task
     * reads whole files of few months, so it writes those months as they come and the shuffle is
     * skipped. A month gets one file per input split that holds it.
     */
    CLUSTERED
  }

  /** What {@link #writeMonths} wrote: the months that received rows and the rows in them. */
  public record MonthsWritten(Set<String> months, long rows) {}

  /**
   * Writes a monthly table for a run that covers {@code coveredMonths}: like {@link #write}, and
   * a covered month for which the run has no rows is emptied too, since dynamic partition
   * overwrite alone would leave the previous run's rows of that month in place.
   *
   * <p>{@code rows} is computed once, by the write itself: the months that received rows are
   * found by listing the covered month directories before and after the write (a rewritten month
   * holds only new files), and the row count is read from the Parquet footers of those months.
   * Every row must belong to a covered month.
   */
  public MonthsWritten writeMonths(TableSpec table, Dataset<Row> rows, Set<String> coveredMonths, MonthLayout layout) {
    if (!table.partitionColumns().equals(List.of(Tables.Col.PUBLISHED_MONTH))) {
      throw new IllegalArgumentException("Table " + table.name() + " is not partitioned by month: " + table.partitionColumns());
    }
    if (table.writeMode() != TableSpec.WriteMode.OVERWRITE_PARTITIONS) {
      throw new IllegalArgumentException("Table " + table.name() + " is written by " + table.writeMode() + ", not by month overwrite");
    }
    Dataset<Row> shaped = conform(table, rows);
    Set<String> written = new HashSet<>();
    try {
      Path location = new Path(location(table));
      FileSystem fs = location.getFileSystem(hadoopConf());
      Map<String, Set<String>> before = new HashMap<>();
      for (String month : coveredMonths) {
        before.put(month, dataFiles(fs, monthPath(location, month)));
      }
      writeParquet(table, layout == MonthLayout.SCATTERED ? compact(table, shaped) : shaped, SaveMode.Overwrite, location(table));
      for (String month : coveredMonths) {
        Set<String> after = dataFiles(fs, monthPath(location, month));
        if (before.get(month).containsAll(after)) {
          fs.delete(monthPath(location, month), true);
        } else {
          written.add(month);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write or clear months of table " + location(table), e);
    }
    long count = written.isEmpty() ? 0
        : read(table).filter(functions.col(Tables.Col.PUBLISHED_MONTH).isin(written.toArray())).count();
    return new MonthsWritten(Set.copyOf(written), count);
  }

  private static Path monthPath(Path location, String month) {
    return new Path(location, Tables.Col.PUBLISHED_MONTH + "=" + month);
  }

  /** Names of the data files in a directory; none when it does not exist. */
  private static Set<String> dataFiles(FileSystem fs, Path directory) throws IOException {
    Set<String> names = new HashSet<>();
    if (!fs.exists(directory)) {
      return names;
    }
    for (FileStatus status : fs.listStatus(directory)) {
      String name = status.getPath().getName();
      if (status.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
        names.add(name);
      }
    }
    return names;
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
