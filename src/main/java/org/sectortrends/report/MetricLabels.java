package org.sectortrends.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Korean labels of the metric ids for readers of the report: the first keyword of each metric id in
 * {@code data/lexicons/metrics.tsv} (the lexicon lists the plain word first: {@code 매출} for {@code
 * revenue}, {@code 영업이익} for {@code operating_profit}), so the ids and their labels are declared in
 * one file. A growth rate ({@code revenue_growth}) is the label plus {@code 증가율}. An id the lexicon
 * does not know prints as it is.
 *
 * <p>Examples: {@code revenue} → 매출, {@code operating_profit} → 영업이익, {@code capex} → 설비투자, {@code
 * exports_growth} → 수출 증가율.
 */
public final class MetricLabels {

  static final String RESOURCE = "/lexicons/metrics.tsv";
  static final String GROWTH_SUFFIX = "_growth";

  private static final Map<String, String> LABELS = load();

  private MetricLabels() {}

  /** The Korean label of the metric id; the id itself when unknown; null for null. */
  public static String label(String metric) {
    if (metric == null) {
      return null;
    }
    String label = LABELS.get(metric);
    if (label != null) {
      return label;
    }
    if (metric.endsWith(GROWTH_SUFFIX)) {
      String base = LABELS.get(metric.substring(0, metric.length() - GROWTH_SUFFIX.length()));
      if (base != null) {
        return base + " 증가율";
      }
    }
    return metric;
  }

  private static Map<String, String> load() {
    Map<String, String> labels = new HashMap<>();
    try (InputStream in = MetricLabels.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Metric lexicon " + RESOURCE + " is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        if (columns.length >= 2 && !columns[1].isBlank()) {
          labels.putIfAbsent(columns[1].trim(), columns[0].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return Map.copyOf(labels);
  }
}
