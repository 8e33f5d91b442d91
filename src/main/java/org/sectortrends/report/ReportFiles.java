package org.sectortrends.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes a report's files ({@code report.html}, {@code report.md} and one CSV per table) into
 * {@code REPORTS/<period_type>/<period>/} on any Hadoop filesystem.
 *
 * <p>The files are written to a sibling staging directory first and swapped in by renames, so a
 * failed run leaves the previous report of the period whole.
 */
public final class ReportFiles {

  public static final String HTML = "report.html";
  public static final String MARKDOWN = "report.md";

  private ReportFiles() {}

  /** The directory of a period's report under the reports root. */
  public static String directory(String reportsRoot, ReportPeriod period) {
    return reportsRoot + "/" + period.type().id() + "/" + period.label();
  }

  /** Renders and writes every file; returns the directory. */
  public static String write(ReportModel model, String reportsRoot, Configuration hadoop)
      throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(HTML, new HtmlReportWriter().render(model).getBytes(StandardCharsets.UTF_8));
    files.put(MARKDOWN, new MarkdownReportWriter().render(model).getBytes(StandardCharsets.UTF_8));
    for (CsvExports.CsvTable table : CsvExports.tables(model)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CsvWriter.write(bytes, table.header(), table.rows());
      files.put(table.name() + ".csv", bytes.toByteArray());
    }
    String target = directory(reportsRoot, model.period());
    Path targetPath = new Path(target);
    Path staging = new Path(target + ".__staging");
    Path previous = new Path(target + ".__previous");
    FileSystem fs = targetPath.getFileSystem(hadoop);
    fs.delete(staging, true);
    fs.mkdirs(staging);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      try (OutputStream out = fs.create(new Path(staging, file.getKey()), true)) {
        out.write(file.getValue());
      }
    }
    fs.delete(previous, true);
    if (fs.exists(targetPath) && !fs.rename(targetPath, previous)) {
      throw new IOException("Cannot move the previous report " + target + " aside");
    }
    if (!fs.rename(staging, targetPath)) {
      fs.rename(previous, targetPath);
      throw new IOException("Cannot move " + staging + " to " + target);
    }
    fs.delete(previous, true);
    return target;
  }

  /** Names of the files a report consists of. */
  public static List<String> fileNames(ReportModel model) {
    List<String> names = new ArrayList<>(List.of(HTML, MARKDOWN));
    CsvExports.tables(model).forEach(t -> names.add(t.name() + ".csv"));
    return names;
  }
}
