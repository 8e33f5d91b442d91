package org.sectortrends.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Replaces partitions of one or more tables together, so that a run that writes several tables
 * (ingest writes {@code articles}, {@code duplicates}, {@code dedup_keys} and {@code quarantine})
 * either changes all of them or none, even when its JVM is killed.
 *
 * <p>{@link #stage} writes a table's new partitions completely under {@code
 * DIR/tables/_staging/<id>/<table>/}; the live tables are not touched. {@link #commit} then writes
 * the journal {@code _staging/<id>.commit} (one line per partition to replace or to clear) and
 * switches each partition directory: the live one is moved to {@code _staging/<id>/_old/}, the
 * staged one moved in. Every step can be repeated, so a commit interrupted after its journal was
 * written is finished by the next {@link TableStore} that reads or writes under the root; one
 * interrupted before leaves the tables as they were.
 *
 * <p>Example: {@code StagedCommit c = store.begin(); c.stage(Tables.ARTICLES, merged, months,
 * MonthLayout.SCATTERED); c.stage(Tables.DUPLICATES_TABLE, ...); c.commit();}
 *
 * <p>Known weakness: while a partition is switched (two renames) a reader listing the table may
 * miss that one partition; on HDFS and local disks the two renames take milliseconds, on s3a a
 * directory rename copies every file (see {@code docs/operations.md}).
 */
public final class StagedCommit {

  private record Entry(String table, String column, String value, boolean replace) {
    String line() {
      return table + "\t" + column + "\t" + value + "\t" + (replace ? "replace" : "clear");
    }

    static Entry parse(String line) {
      String[] parts = line.split("\t", -1);
      if (parts.length != 4) {
        throw new IllegalStateException("Bad commit journal line: '" + line + "'");
      }
      return new Entry(parts[0], parts[1], parts[2], parts[3].equals("replace"));
    }
  }

  private final TableStore store;
  private final String id;
  private final List<Entry> entries = new ArrayList<>();
  private boolean done;

  StagedCommit(TableStore store, String id) {
    this.store = store;
    this.id = id;
  }

  /**
   * Stages the new contents of the partitions {@code covered} of {@code table} (a table with one
   * partition column): each covered partition becomes exactly the staged rows of that partition,
   * and a covered partition without rows is removed. A partition that receives rows is replaced
   * even when not covered. Returns the partitions that received rows and their row count.
   */
  public TableStore.MonthsWritten stage(
      TableSpec table, Dataset<Row> rows, Set<String> covered, TableStore.MonthLayout layout) {
    if (done) {
      throw new IllegalStateException("Commit " + id + " is already committed");
    }
    if (table.partitionColumns().size() != 1) {
      throw new IllegalArgumentException(
          "Table "
              + table.name()
              + " has not exactly one partition column: "
              + table.partitionColumns());
    }
    if (table.writeMode() == TableSpec.WriteMode.REPLACE) {
      throw new IllegalArgumentException(
          "Table " + table.name() + " is written whole (REPLACE), not by partition");
    }
    String column = table.partitionColumns().get(0);
    Dataset<Row> shaped = TableStore.conform(table, rows);
    Path staged = new Path(new Path(store.stagingRoot(), id), table.name());
    store.writeParquet(
        table,
        layout == TableStore.MonthLayout.SCATTERED ? TableStore.compact(table, shaped) : shaped,
        SaveMode.Overwrite,
        staged.toString());
    Set<String> written = new TreeSet<>();
    try {
      FileSystem fs = staged.getFileSystem(store.hadoopConf());
      if (fs.exists(staged)) {
        for (FileStatus status : fs.listStatus(staged)) {
          String name = status.getPath().getName();
          if (status.isDirectory() && name.startsWith(column + "=")) {
            written.add(TableStore.unescapePathName(name.substring(column.length() + 1)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list staged partitions " + staged, e);
    }
    long count =
        written.isEmpty()
            ? 0
            : store.sparkSession().read().schema(table.schema()).parquet(staged.toString()).count();
    Set<String> all = new TreeSet<>(covered);
    all.addAll(written);
    for (String value : all) {
      entries.removeIf(e -> e.table().equals(table.name()) && e.value().equals(value));
      entries.add(new Entry(table.name(), column, value, written.contains(value)));
    }
    return new TableStore.MonthsWritten(Set.copyOf(written), count);
  }

  /** Writes the journal and switches every staged partition; then removes the staging directory. */
  public void commit() {
    if (done) {
      throw new IllegalStateException("Commit " + id + " is already committed");
    }
    done = true;
    try {
      Path staging = store.stagingRoot();
      FileSystem fs = staging.getFileSystem(store.hadoopConf());
      if (entries.isEmpty()) {
        fs.delete(new Path(staging, id), true);
        return;
      }
      CrashPoints.reach("commit-staged");
      Path fresh = new Path(staging, id + TableStore.JOURNAL_SUFFIX + ".tmp");
      try (OutputStream out = fs.create(fresh, true)) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
          text.append(entry.line()).append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(fresh, journal(staging, id))) {
        throw new IOException("Cannot move the commit journal " + fresh + " in place");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the journal of commit " + id + "; no table was changed", e);
    }
    try {
      rollForward(store, store.stagingRoot().getFileSystem(store.hadoopConf()), id);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Commit " + id + " was interrupted; the next run finishes it", e);
    }
  }

  /** Drops every staged row; no table changes. */
  public void abandon() {
    done = true;
    try {
      Path dir = new Path(store.stagingRoot(), id);
      dir.getFileSystem(store.hadoopConf()).delete(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the staged rows of commit " + id, e);
    }
  }

  private static Path journal(Path staging, String id) {
    return new Path(staging, id + TableStore.JOURNAL_SUFFIX);
  }

  /** Switches every partition of the journal that is not switched yet, then forgets the commit. */
  static void rollForward(TableStore store, FileSystem fs, String id) throws IOException {
    Path staging = store.stagingRoot();
    Path journal = journal(staging, id);
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = fs.open(journal)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          entries.add(Entry.parse(line));
        }
      }
    }
    Path commitDir = new Path(staging, id);
    boolean first = true;
    for (Entry entry : entries) {
      String partition = entry.column() + "=" + TableStore.escapePathName(entry.value());
      Path live = new Path(new Path(store.root(), entry.table()), partition);
      Path staged = new Path(new Path(commitDir, entry.table()), partition);
      Path old = new Path(new Path(new Path(commitDir, "_old"), entry.table()), partition);
      if (entry.replace() && !fs.exists(staged)) {
        continue; // switched before the interruption
      }
      if (fs.exists(live)) {
        fs.mkdirs(old.getParent());
        fs.delete(old, true);
        if (!fs.rename(live, old)) {
          throw new IOException("Cannot move " + live + " aside to " + old);
        }
      }
      if (entry.replace()) {
        fs.mkdirs(live.getParent());
        if (!fs.rename(staged, live)) {
          throw new IOException("Cannot move " + staged + " to " + live);
        }
      }
      if (first) {
        first = false;
        CrashPoints.reach("commit-switching");
      }
    }
    fs.delete(journal, false);
    fs.delete(commitDir, true);
  }
}
