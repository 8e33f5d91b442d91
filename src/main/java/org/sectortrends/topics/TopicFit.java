package org.sectortrends.topics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineModel;

/**
 * The result of {@link TopicModeling#fit}: the fitted pipeline, the chosen k, the silhouette of
 * every k tried (cosine; higher is better), the stability of every k tried when k was chosen by
 * stability (mean pairwise adjusted Rand index across subsamples, see {@link KSelection}; empty
 * otherwise), the warning about the choice of k (null when none, e.g. the chosen k sits on an edge
 * of the range searched) and the number of documents that had vocabulary terms and so took part in
 * clustering.
 *
 * <p>Example: {@code TopicFit[k=7, silhouettes={5=0.031, 6=0.036, 7=0.041}, stabilities={5=0.61,
 * 6=0.66, 7=0.74}, kWarning=null, clusteredDocuments=22790]}.
 */
public record TopicFit(
    PipelineModel model,
    int k,
    Map<Integer, Double> silhouettes,
    Map<Integer, Double> stabilities,
    String kWarning,
    long clusteredDocuments) {

  public TopicFit {
    silhouettes = Collections.unmodifiableMap(new LinkedHashMap<>(silhouettes));
    stabilities = Collections.unmodifiableMap(new LinkedHashMap<>(stabilities));
  }

  /** A fit whose k was fixed or chosen by silhouette: no stabilities, no warning. */
  public TopicFit(
      PipelineModel model, int k, Map<Integer, Double> silhouettes, long clusteredDocuments) {
    this(model, k, silhouettes, Map.of(), null, clusteredDocuments);
  }

  /**
   * One line on how k was chosen, for the run's message: {@code k=7 by stability 5:0.612 6:0.655
   * 7:0.741 ...; silhouettes 5:0.005 ...; WARNING ...}.
   */
  public String kSummary() {
    StringBuilder line = new StringBuilder("k=").append(k);
    if (!stabilities.isEmpty()) {
      line.append(" by stability ").append(format(stabilities)).append("; silhouettes ");
    } else {
      line.append(" of silhouettes ");
    }
    line.append(format(silhouettes));
    if (kWarning != null) {
      line.append("; WARNING ").append(kWarning);
    }
    return line.toString();
  }

  private static String format(Map<Integer, Double> byK) {
    return byK.entrySet().stream()
        .map(e -> e.getKey() + ":" + String.format(Locale.ROOT, "%.3f", e.getValue()))
        .collect(Collectors.joining(" "));
  }
}
