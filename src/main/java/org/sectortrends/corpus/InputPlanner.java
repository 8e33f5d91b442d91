package org.sectortrends.corpus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands input paths, globs and directories on any Hadoop filesystem ({@code file:}, {@code
 * hdfs://}, {@code s3a://}) into an {@link InputPlan}.
 *
 * <p>Directories are read recursively. As in Spark and Hive, names starting with {@code _} or
 * {@code .} are hidden: such files and directories are not read, which keeps markers like {@code
 * _SUCCESS} and side files like {@code data/sample/_truth/} out of the corpus. Inside directories,
 * files whose extension names no format are skipped and listed; a file named explicitly must have a
 * known format unless {@code --format} forces one.
 *
 * <p>Uncompressed JSONL, TSV and text files larger than the split size are cut into byte ranges so
 * that one large file is read by many tasks; compressed and CSV files are read whole (gzip cannot
 * be entered in the middle, and a quoted CSV field may hold line breaks).
 */
public final class InputPlanner {

  /** Default bytes per split of a large uncompressed line file. */
  public static final long DEFAULT_SPLIT_BYTES = 128L << 20;

  private final Configuration conf;
  private final Optional<InputFormat> forcedFormat;
  private final long splitBytes;

  public InputPlanner(Configuration conf, Optional<InputFormat> forcedFormat, long splitBytes) {
    if (splitBytes < 1024) {
      throw new IllegalArgumentException("Split size must be at least 1024 bytes: " + splitBytes);
    }
    this.conf = conf;
    this.forcedFormat = forcedFormat;
    this.splitBytes = splitBytes;
  }

  /**
   * Plans the inputs.
   *
   * @throws IllegalArgumentException naming the input when it matches no file, or when an
   *     explicitly named file has no known format
   * @throws IOException when a filesystem cannot be listed
   */
  public InputPlan plan(List<String> inputs) throws IOException {
    List<InputSplit> splits = new ArrayList<>();
    TreeSet<String> parquet = new TreeSet<>();
    List<String> skipped = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (String input : inputs) {
      Path pattern = new Path(input);
      FileSystem fs = pattern.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(pattern);
      if (matches == null || matches.length == 0) {
        throw new IllegalArgumentException("Input '" + input + "' matches no file or directory");
      }
      // Files this input names count even when an earlier input already planned them.
      int matched = 0;
      for (FileStatus match : matches) {
        if (match.isDirectory()) {
          RemoteIterator<LocatedFileStatus> files = fs.listFiles(match.getPath(), true);
          while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            if (isHidden(match.getPath(), file.getPath())) {
              continue;
            }
            Optional<InputFormat> format =
                forcedFormat.or(() -> InputFormat.fromFileName(file.getPath().getName()));
            matched++;
            if (format.isEmpty()) {
              skipped.add(file.getPath().toString());
            } else if (seen.add(file.getPath().toString())) {
              addFile(file, format.get(), splits, parquet);
            }
          }
        } else {
          Optional<InputFormat> format =
              forcedFormat.or(() -> InputFormat.fromFileName(match.getPath().getName()));
          if (format.isEmpty()) {
            throw new IllegalArgumentException(
                "Input '"
                    + match.getPath()
                    + "' has no known format extension "
                    + "(.jsonl .json .csv .tsv .parquet .txt, optionally .gz or .zst); pass --format");
          }
          matched++;
          if (seen.add(match.getPath().toString())) {
            addFile(match, format.get(), splits, parquet);
          }
        }
      }
      if (matched == 0) {
        throw new IllegalArgumentException("Input '" + input + "' contains no readable file");
      }
    }
    return new InputPlan(List.copyOf(splits), List.copyOf(parquet), List.copyOf(skipped));
  }

  private void addFile(
      FileStatus file, InputFormat format, List<InputSplit> splits, TreeSet<String> parquet) {
    String path = file.getPath().toString();
    if (format == InputFormat.PARQUET) {
      parquet.add(path);
      return;
    }
    boolean splittable =
        format.lineSplittable()
            && Compression.fromFileName(file.getPath().getName()) == Compression.NONE
            && file.getLen() > splitBytes;
    if (!splittable) {
      splits.add(new InputSplit(path, format, 0, -1));
      return;
    }
    for (long start = 0; start < file.getLen(); start += splitBytes) {
      splits.add(new InputSplit(path, format, start, Math.min(splitBytes, file.getLen() - start)));
    }
  }

  /** Whether any path component below the listed root starts with {@code _} or {@code .}. */
  static boolean isHidden(Path root, Path file) {
    String rootText = root.toUri().getPath();
    String fileText = file.toUri().getPath();
    String relative =
        fileText.startsWith(rootText) ? fileText.substring(rootText.length()) : file.getName();
    for (String part : relative.split("/")) {
      if (!part.isEmpty() && (part.startsWith("_") || part.startsWith("."))) {
        return true;
      }
    }
    return false;
  }
}
