package org.sectortrends.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;

/**
 * The saved topic models under {@code DIR/models/topics/<version>/}: the fitted {@link
 * PipelineModel} in {@code pipeline/} and, written last so that its presence marks a complete
 * version, {@code topics.tsv} mapping each cluster index of the model to its stable topic id and
 * label.
 *
 * <p>Versions are named {@code vYYYYMMDDTHHMMSSZ}, so the newest sorts last.
 */
public final class TopicRegistry {

  /** One topic of a saved version. */
  public record Entry(int clusterIndex, int topicId, String label) {}

  /** A complete saved version. */
  public record Version(String name, PipelineModel model, List<Entry> topics) {

    /** Stable topic id of a cluster index of the model. */
    public Map<Integer, Integer> topicIdsByCluster() {
      Map<Integer, Integer> ids = new LinkedHashMap<>();
      for (Entry e : topics) {
        ids.put(e.clusterIndex(), e.topicId());
      }
      return ids;
    }
  }

  private static final String MAPPING = "topics.tsv";
  private static final String PIPELINE = "pipeline";

  private final String root;
  private final Configuration conf;

  public TopicRegistry(String modelsRoot, Configuration conf) {
    this.root = modelsRoot + "/topics";
    this.conf = conf;
  }

  public String location(String version) {
    return root + "/" + version;
  }

  /** The newest complete version, if any. */
  public Optional<Version> latest() {
    try {
      Path dir = new Path(root);
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return Optional.empty();
      }
      FileStatus[] versions = fs.listStatus(dir);
      Arrays.sort(
          versions, Comparator.comparing((FileStatus s) -> s.getPath().getName()).reversed());
      for (FileStatus version : versions) {
        Path mapping = new Path(version.getPath(), MAPPING);
        if (version.isDirectory() && fs.exists(mapping)) {
          return Optional.of(load(version.getPath().getName()));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list topic models under " + root, e);
    }
  }

  public Version load(String version) throws IOException {
    Path mapping = new Path(location(version), MAPPING);
    FileSystem fs = mapping.getFileSystem(conf);
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(fs.open(mapping), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 3);
        if (parts.length != 3) {
          throw new IOException("Bad line in " + mapping + ": '" + line + "'");
        }
        entries.add(new Entry(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2]));
      }
    }
    return new Version(
        version, PipelineModel.load(location(version) + "/" + PIPELINE), List.copyOf(entries));
  }

  /** Saves a version: the model first, the mapping last. */
  public void save(String version, PipelineModel model, List<Entry> topics) throws IOException {
    model.write().overwrite().save(location(version) + "/" + PIPELINE);
    Path mapping = new Path(location(version), MAPPING);
    FileSystem fs = mapping.getFileSystem(conf);
    try (Writer out = new OutputStreamWriter(fs.create(mapping, true), StandardCharsets.UTF_8)) {
      out.write("# cluster_index\ttopic_id\tlabel\n");
      for (Entry e : topics) {
        out.write(
            e.clusterIndex()
                + "\t"
                + e.topicId()
                + "\t"
                + e.label().replace('\t', ' ').replace('\n', ' ')
                + "\n");
      }
    }
  }
}
