package org.sectortrends.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * large files), and a failed or killed run must leave the previous contents complete and readable:
 *
 * <ul>
 *   <li>{@link TableSpec.WriteMode#REPLACE}: each write is a new version directory {@code
 *       <table>/v-<time>-<random>/}; a one-line pointer file {@code <table>/_current} names the
 *       version to read and is switched by one rename that overwrites it. Readers see the old
 *       version or the new one, never a gap. The previous version is kept until the next successful
 *       write (for readers still on it); older ones are deleted.
 *   <li>Month tables written by {@link #writeMonths} or a {@link StagedCommit}: the new contents of
 *       each month are first written completely under {@code DIR/tables/_staging/<commit>/}; then a
 *       journal {@code _staging/<commit>.commit} lists the months to switch, and each month
 *       directory is switched (old one moved aside, staged one moved in). A run killed while
 *       staging leaves the tables untouched; one killed while switching leaves the journal, and the
 *       next {@code TableStore} that reads or writes under the root finishes the switch (roll
 *       forward), so every month is whole, old or new.
 *   <li>Period tables written by {@link #writePeriods}: each period type that a run touched is
 *       rewritten (its new rows and the kept ones) by a {@link StagedCommit}, as above.
 *   <li>{@link TableSpec.WriteMode#OVERWRITE_PARTITIONS} via {@link #write}: Spark's dynamic
 *       partition overwrite stages files aside and replaces only the partitions the run produced.
 *   <li>{@link TableSpec.WriteMode#APPEND}: new files only; existing files are never touched.
 * </ul>
 *
 * <p>One writer at a time per root is assumed (the jobs of a pipeline run one after another). What
 * holds on HDFS and on object stores is described in {@code docs/operations.md}.
 */
public final class TableStore {

  /** Rows per Parquet file before a writer task starts another file. */
  static final long MAX_RECORDS_PER_FILE = 1_000_000L;

  /** Pointer file of a {@code REPLACE} table, holding the name of the current version directory. */
  public static final String CURRENT_POINTER = "_current";

  static final String VERSION_PREFIX = "v-";
  static final String STAGING = "_staging";
  static final String JOURNAL_SUFFIX = ".commit";

  /** Staging directories without a journal older than this are leftovers of killed runs. */
  private static final long STALE_STAGING_MILLIS = 6L * 3600 * 1000;

  private final SparkSession spark;
  private final String root;

  public TableStore(SparkSession spark, String root) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.root = Objects.requireNonNull(root, "root");
  }

  public String root() {
    return root;
  }

  SparkSession sparkSession() {
    return spark;
  }

  /**
   * The table's directory. For a {@code REPLACE} table the rows lie in the version directory named
   * by its {@value #CURRENT_POINTER} file inside it (see {@link #dataLocation}).
   */
  public String location(TableSpec table) {
    return root + "/" + table.name();
  }

  /**
   * The directory that holds the table's current rows, or empty when the table does not exist:
   * {@link #location} itself, or for a {@code REPLACE} table its current version directory (a table
   * written before versions existed is read from {@link #location} directly).
   */
  public Optional<String> dataLocation(TableSpec table) {
    recover();
    try {
      Path location = new Path(location(table));
      FileSystem fs = location.getFileSystem(hadoopConf());
      if (table.writeMode() == TableSpec.WriteMode.REPLACE) {
        Optional<String> version = readPointer(fs, location);
        if (version.isPresent()) {
          return Optional.of(location(table) + "/" + version.get());
        }
      }
      return fs.exists(location) ? Optional.of(location(table)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check table " + location(table), e);
    }
  }

  public boolean exists(TableSpec table) {
    return dataLocation(table).isPresent();
  }

  /** Reads a table with its declared schema; a missing table reads as empty. */
  public Dataset<Row> read(TableSpec table) {
    Optional<String> data = dataLocation(table);
    if (data.isEmpty()) {
      return spark.createDataFrame(new ArrayList<Row>(), table.schema());
    }
    Dataset<Row> frame = spark.read().schema(table.schema()).parquet(data.get());
    return frame.select(columnsOf(table));
  }

  /**
   * Writes {@code rows} by the table's write mode. Rows must carry every declared column; extra
   * columns are dropped and types are cast to the declared ones.
   */
  public void write(TableSpec table, Dataset<Row> rows) {
    recover();
    Dataset<Row> shaped = conform(table, rows);
    switch (table.writeMode()) {
      case OVERWRITE_PARTITIONS ->
          writeParquet(table, compact(table, shaped), SaveMode.Overwrite, location(table));
      case APPEND -> writeParquet(table, compact(table, shaped), SaveMode.Append, location(table));
      case REPLACE -> replace(table, compact(table, shaped));
    }
  }

  /**
   * The values of the table's (single) partition column that have a directory, e.g. the months of
   * {@code articles}; none when the table does not exist.
   */
  public Set<String> partitionValues(TableSpec table) {
    if (table.partitionColumns().size() != 1) {
      throw new IllegalArgumentException(
          "Table "
              + table.name()
              + " has not exactly one partition column: "
              + table.partitionColumns());
    }
    recover();
    Optional<String> data = dataLocation(table);
    Set<String> values = new TreeSet<>();
    if (data.isEmpty()) {
      return values;
    }
    String prefix = table.partitionColumns().get(0) + "=";
    try {
      Path location = new Path(data.get());
      FileSystem fs = location.getFileSystem(hadoopConf());
      for (FileStatus status : fs.listStatus(location)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith(prefix)) {
          values.add(unescapePathName(name.substring(prefix.length())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list partitions of table " + location(table), e);
    }
    return values;
  }

  /** How the rows handed to {@link #writeMonths} lie across Spark partitions. */
  public enum MonthLayout {
    /**
     * A month's rows are spread over many partitions (for example after a join or a shuffle): they
     * are shuffled to one writer task per month, so each month gets few large files.
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
   * Writes a monthly table for a run that covers {@code coveredMonths}: like {@link #write}, and a
   * covered month for which the run has no rows is emptied too, since dynamic partition overwrite
   * alone would leave the previous run's rows of that month in place.
   *
   * <p>{@code rows} is computed once, by the write itself: the months that received rows are found
   * by listing the covered month directories before and after the write (a rewritten month holds
   * only new files), and the row count is read from the Parquet footers of those months. Every row
   * must belong to a covered month.
   */
  public MonthsWritten writeMonths(
      TableSpec table, Dataset<Row> rows, Set<String> coveredMonths, MonthLayout layout) {
    if (!table.partitionColumns().equals(List.of(Tables.Col.PUBLISHED_MONTH))) {
      throw new IllegalArgumentException(
          "Table " + table.name() + " is not partitioned by month: " + table.partitionColumns());
    }
    if (table.writeMode() != TableSpec.WriteMode.OVERWRITE_PARTITIONS) {
      throw new IllegalArgumentException(
          "Table "
              + table.name()
              + " is written by "
              + table.writeMode()
              + ", not by month overwrite");
    }
    StagedCommit commit = begin();
    MonthsWritten written = commit.stage(table, rows, coveredMonths, layout);
    commit.commit();
    return written;
  }

  /**
   * Writes a period table (partitioned by {@code period_type}) for a run that recomputed {@code
   * recomputed}: afterwards the table holds {@code rows} and the earlier rows of every period the
   * run did not recompute. Each period type that has recomputed periods is rewritten whole (new
   * rows plus the kept ones) through a {@link StagedCommit}, so a killed run leaves the previous
   * rows. {@code rows} must lie in recomputed periods.
   *
   * <p>Why whole period types and not one partition per period: a trend table has a few rows per
   * period, and a directory with one small file per period and table made a few hundred Parquet
   * files per run (most of a small run's trends time, and one listing job per table for every
   * reader). A period type's rows are few enough to rewrite: about 115,000 {@code term_trends} rows
   * a year at a million articles.
   *
   * <p>A table of the earlier layout ({@code period_type=.../period=.../}) is rewritten whole in
   * the new one on its first write, so the two layouts never mix.
   */
  public void writePeriods(TableSpec table, Dataset<Row> rows, RecomputedPeriods recomputed) {
    if (!table.partitionColumns().equals(List.of(Tables.Col.PERIOD_TYPE))) {
      throw new IllegalArgumentException(
          "Table "
              + table.name()
              + " is not partitioned by period type: "
              + table.partitionColumns());
    }
    Set<String> rewritten = new TreeSet<>(recomputed.types());
    Dataset<Row> all = conform(table, rows);
    if (exists(table)) {
      Set<String> existing = partitionValues(table);
      if (hasPeriodDirectories(table, existing)) {
        rewritten.addAll(existing);
      }
      Dataset<Row> kept =
          read(table)
              .filter(functions.col(Tables.Col.PERIOD_TYPE).isin(rewritten.toArray()))
              .filter(functions.not(recomputed.coversColumn()));
      all = all.unionByName(kept);
    }
    StagedCommit commit = begin();
    commit.stage(table, all, rewritten, MonthLayout.SCATTERED);
    commit.commit();
    // A run without rows (no company figures in a small corpus) still leaves the table, empty,
    // so readers find it instead of reporting it missing.
    try {
      Path location = new Path(location(table));
      location.getFileSystem(hadoopConf()).mkdirs(location);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create table " + location(table), e);
    }
  }

  /** Whether a period table still has the earlier layout, a directory per period. */
  private boolean hasPeriodDirectories(TableSpec table, Set<String> periodTypes) {
    String prefix = Tables.Col.PERIOD + "=";
    try {
      for (String type : periodTypes) {
        Path dir = new Path(location(table), Tables.Col.PERIOD_TYPE + "=" + escapePathName(type));
        FileSystem fs = dir.getFileSystem(hadoopConf());
        for (FileStatus status : fs.listStatus(dir)) {
          if (status.isDirectory() && status.getPath().getName().startsWith(prefix)) {
            return true;
          }
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list table " + location(table), e);
    }
  }

  /**
   * Starts a commit that switches partitions of one or more tables together; see {@link
   * StagedCommit}.
   */
  public StagedCommit begin() {
    recover();
    return new StagedCommit(
        this,
        STAGING_ID_TIME.format(java.time.Instant.now())
            + "-"
            + String.format("%08x", java.util.concurrent.ThreadLocalRandom.current().nextInt()));
  }

  private static final java.time.format.DateTimeFormatter STAGING_ID_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
          .withZone(java.time.ZoneOffset.UTC);

  /**
   * Selects and casts the declared columns, failing with the missing names when some are absent.
   */
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
  static Dataset<Row> compact(TableSpec table, Dataset<Row> rows) {
    if (table.partitionColumns().isEmpty()) {
      return rows.coalesce(1);
    }
    Column[] keys = table.partitionColumns().stream().map(functions::col).toArray(Column[]::new);
    return rows.repartition(keys);
  }

  void writeParquet(TableSpec table, Dataset<Row> rows, SaveMode mode, String path) {
    rows.write()
        .mode(mode)
        .option("maxRecordsPerFile", MAX_RECORDS_PER_FILE)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(table.partitionColumns().toArray(new String[0]))
        .parquet(path);
  }

  /**
   * Writes a new version directory, then switches the pointer to it; deletes the versions before
   * the previous one, and the files of a table written before versions existed.
   */
  private void replace(TableSpec table, Dataset<Row> rows) {
    String target = location(table);
    try {
      Path targetPath = new Path(target);
      FileSystem fs = targetPath.getFileSystem(hadoopConf());
      Optional<String> previous = readPointer(fs, targetPath);
      String version =
          VERSION_PREFIX
              + STAGING_ID_TIME.format(java.time.Instant.now())
              + "-"
              + String.format("%08x", java.util.concurrent.ThreadLocalRandom.current().nextInt());
      writeParquet(table, rows, SaveMode.Overwrite, target + "/" + version);
      CrashPoints.reach("replace-before-switch");
      writePointer(fs, targetPath, version);
      for (FileStatus child : fs.listStatus(targetPath)) {
        String name = child.getPath().getName();
        boolean keep =
            name.equals(CURRENT_POINTER)
                || name.equals(version)
                || previous.map(name::equals).orElse(false)
                || name.equals(
                    "."
                        + CURRENT_POINTER
                        + ".crc") // the local file system's checksum of the pointer
                // a version another writer may be filling right now is newer than ours
                || (name.startsWith(VERSION_PREFIX) && name.compareTo(version) > 0);
        if (!keep) {
          fs.delete(child.getPath(), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace table " + target, e);
    }
  }

  private static Optional<String> readPointer(FileSystem fs, Path table) throws IOException {
    Path pointer = new Path(table, CURRENT_POINTER);
    if (!fs.exists(pointer)) {
      return Optional.empty();
    }
    try (java.io.InputStream in = fs.open(pointer)) {
      String version =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      if (!version.startsWith(VERSION_PREFIX) || version.contains("/")) {
        throw new IOException(
            "Pointer " + pointer + " names no version directory: '" + version + "'");
      }
      return Optional.of(version);
    }
  }

  /**
   * Writes the pointer beside the old one and renames it over the old one: one atomic rename on
   * local disks and HDFS; on s3a the rename copies one small object, which S3 makes visible whole.
   */
  private void writePointer(FileSystem fs, Path table, String version) throws IOException {
    Path pointer = new Path(table, CURRENT_POINTER);
    Path fresh = new Path(table, CURRENT_POINTER + ".tmp-" + version);
    org.apache.hadoop.fs.FileContext context =
        org.apache.hadoop.fs.FileContext.getFileContext(fs.getUri(), hadoopConf());
    try (java.io.OutputStream out =
        context.create(
            fresh,
            java.util.EnumSet.of(
                org.apache.hadoop.fs.CreateFlag.CREATE, org.apache.hadoop.fs.CreateFlag.OVERWRITE),
            org.apache.hadoop.fs.Options.CreateOpts.createParent())) {
      out.write(
          version.getBytes(
              java.nio.charset.StandardCharsets.UTF_8)); // no newline: BI tools read it as is
    }
    context.rename(fresh, pointer, org.apache.hadoop.fs.Options.Rename.OVERWRITE);
  }

  /**
   * Finishes the switch of every commit whose journal was written but whose run ended before the
   * switch was done, and removes staging directories that killed runs left without a journal.
   */
  void recover() {
    try {
      Path staging = new Path(root, STAGING);
      FileSystem fs = staging.getFileSystem(hadoopConf());
      if (!fs.exists(staging)) {
        return;
      }
      FileStatus[] children = fs.listStatus(staging);
      Set<String> journaled = new HashSet<>();
      for (FileStatus child : children) {
        String name = child.getPath().getName();
        if (child.isFile() && name.endsWith(JOURNAL_SUFFIX)) {
          String id = name.substring(0, name.length() - JOURNAL_SUFFIX.length());
          journaled.add(id);
          StagedCommit.rollForward(this, fs, id);
        }
      }
      long now = System.currentTimeMillis();
      for (FileStatus child : children) {
        String name = child.getPath().getName();
        if (child.isDirectory()
            && !journaled.contains(name)
            && now - child.getModificationTime() > STALE_STAGING_MILLIS) {
          fs.delete(child.getPath(), true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot finish interrupted commits under " + root + "/" + STAGING, e);
    }
  }

  Path stagingRoot() {
    return new Path(root, STAGING);
  }

  static String unescapePathName(String name) {
    return org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.unescapePathName(name);
  }

  static String escapePathName(String name) {
    return org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.escapePathName(name);
  }

  Configuration hadoopConf() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
