package org.sectortrends.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Labels, sizes, sectors and representative articles of fitted topics.
 *
 * <p>Top terms are the vocabulary terms with the largest weight in the topic centroid (the mean of
 * its articles' normalized TF-IDF vectors): they are frequent in the topic and rare elsewhere. The
 * label joins the top three. The sector comes from {@link SectorTaxonomy#score} over the top terms
 * weighted by centroid weight. Representative articles are the ones with the highest cosine
 * similarity to their centroid (the {@code score} of {@link TopicAssignment#assign}).
 *
 * <pre>{@code
 * Dataset<Row> assigned = TopicAssignment.assign(fit.model(), articleTerms);
 * List<TopicDescription> topics = TopicDescriptions.describe(fit.model(), assigned, 10, taxonomy);
 * Dataset<Row> examples = TopicDescriptions.representatives(assigned, 5);
 * }</pre>
 *
 * <p>Known weakness: centroid weights favour terms shared by many articles of a topic, so a topic
 * that is a mixture of two stories gets a label from the larger one.
 */
public final class TopicDescriptions {

  public static final String RANK = "rank";

  private TopicDescriptions() {}

  /**
   * One description per topic of the model (ids 0..k-1, with size 0 if no article was assigned)
   * plus the unassigned topic when {@code assignments} contains it.
   */
  public static List<TopicDescription> describe(
      PipelineModel model, Dataset<Row> assignments, int topN, SectorTaxonomy taxonomy) {
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be at least 1: " + topN);
    }
    String[] vocabulary = TopicFeatures.vocabulary(model);
    double[][] centroids = TopicAssignment.unitCentroids(model);
    Map<Integer, Long> sizes = sizes(assignments);
    List<TopicDescription> descriptions = new ArrayList<>();
    for (int topic = 0; topic < centroids.length; topic++) {
      double[] centroid = centroids[topic];
      Integer[] order = new Integer[centroid.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(
          order, Comparator.comparingDouble((Integer i) -> -centroid[i]).thenComparing(i -> i));
      List<String> terms = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      Map<String, Double> termWeights = new LinkedHashMap<>();
      for (int rank = 0; rank < Math.min(topN, order.length) && centroid[order[rank]] > 0; rank++) {
        terms.add(vocabulary[order[rank]]);
        weights.add(centroid[order[rank]]);
        termWeights.put(vocabulary[order[rank]], centroid[order[rank]]);
      }
      String label =
          String.join(
              TopicDescription.LABEL_SEPARATOR, terms.subList(0, Math.min(3, terms.size())));
      descriptions.add(
          new TopicDescription(
              topic,
              label,
              terms,
              weights,
              sizes.getOrDefault(topic, 0L),
              taxonomy.score(termWeights)));
    }
    Long unassigned = sizes.get(TopicModeling.UNASSIGNED);
    if (unassigned != null) {
      descriptions.add(
          new TopicDescription(
              TopicModeling.UNASSIGNED,
              TopicDescription.UNASSIGNED_LABEL,
              List.of(),
              List.of(),
              unassigned,
              taxonomy.score(Map.of())));
    }
    return descriptions;
  }

  /** Number of articles per topic id in {@code assignments}. */
  public static Map<Integer, Long> sizes(Dataset<Row> assignments) {
    Map<Integer, Long> sizes = new HashMap<>();
    for (Row row : assignments.groupBy(TopicModeling.TOPIC_ID).count().collectAsList()) {
      sizes.put(row.getInt(0), row.getLong(1));
    }
    return sizes;
  }

  /**
   * The {@code perTopic} articles closest to each topic centroid: {@code (topic_id, article_id,
   * score, rank)}, rank 1 = closest, ties broken by article id; unassigned articles excluded.
   */
  public static Dataset<Row> representatives(Dataset<Row> assignments, int perTopic) {
    if (perTopic < 1) {
      throw new IllegalArgumentException("perTopic must be at least 1: " + perTopic);
    }
    return assignments
        .filter(col(TopicModeling.TOPIC_ID).notEqual(TopicModeling.UNASSIGNED))
        .withColumn(
            RANK,
            row_number()
                .over(
                    Window.partitionBy(TopicModeling.TOPIC_ID)
                        .orderBy(col(TopicModeling.SCORE).desc(), col(TopicModeling.ARTICLE_ID))))
        .filter(col(RANK).leq(perTopic))
        .select(TopicModeling.TOPIC_ID, TopicModeling.ARTICLE_ID, TopicModeling.SCORE, RANK);
  }
}
