package org.sectortrends.topics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;

/**
 * The result of {@link TopicModeling#fit}: the fitted pipeline, the chosen k, the silhouette of
 * every k tried (cosine; higher is better) and the number of documents that had vocabulary terms
 * and so took part in clustering.
 *
 * <p>Example: {@code TopicFit[k=7, silhouettes={5=0.031, 6=0.036, 7=0.041}, clusteredDocuments=22790]}.
 */
public record TopicFit(
    PipelineModel model, int k, Map<Integer, Double> silhouettes, long clusteredDocuments) {

  public TopicFit {
    silhouettes = Collections.unmodifiableMap(new LinkedHashMap<>(silhouettes));
  }
}
