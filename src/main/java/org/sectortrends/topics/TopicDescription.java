package org.sectortrends.topics;

import java.util.List;

/**
 * What a topic is about, for tables and reports: its top terms with centroid weights, a short label
 * from the top three terms, its size and its sector.
 *
 * <p>Example: {@code TopicDescription[topicId=3, label=hbm · sk하이닉스 · 반도체, topTerms=[hbm, sk하이닉스,
 * 반도체, ...], size=412, sector=SectorScore[semiconductor, 반도체, 0.61, 9]]}. The unassigned topic (id
 * -1, documents without vocabulary terms) has the label {@value #UNASSIGNED_LABEL}, no terms and
 * sector {@code other}.
 */
public record TopicDescription(
    int topicId,
    String label,
    List<String> topTerms,
    List<Double> termWeights,
    long size,
    SectorScore sector) {

  public static final String UNASSIGNED_LABEL = "unassigned";

  /** Separator of the terms in {@link #label()}. */
  public static final String LABEL_SEPARATOR = " · ";

  public TopicDescription {
    topTerms = List.copyOf(topTerms);
    termWeights = List.copyOf(termWeights);
  }

  /** Top terms joined with {@code |}, the flat form for BI tables. */
  public String topTermsDelimited() {
    return String.join("|", topTerms);
  }
}
