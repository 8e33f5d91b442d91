package org.sectortrends.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.sectortrends.topics.TopicFeatures.FEATURES;
import static org.sectortrends.topics.TopicFeatures.TERMS;
import static org.sectortrends.topics.TopicFeatures.hasTerms;
import static org.sectortrends.topics.TopicFeatures.isGrouped;
import static org.sectortrends.topics.TopicFeatures.termArrays;
import static org.sectortrends.topics.TopicModeling.ARTICLE_ID;
import static org.sectortrends.topics.TopicModeling.PREDICTION;
import static org.sectortrends.topics.TopicModeling.SCORE;
import static org.sectortrends.topics.TopicModeling.TOPIC_ID;
import static org.sectortrends.topics.TopicModeling.UNASSIGNED;

import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Assigns articles to the topics of a fitted (or saved and loaded) topic model: the nearest
 * centroid in cosine geometry, with the cosine similarity to it as the score.
 *
 * <p>An article without any vocabulary term has an all-zero vector and no nearest centroid: it gets
 * the topic {@link TopicModeling#UNASSIGNED} with score 0, and so does an article that has no terms
 * at all when the article ids are given, so no article is silently dropped.
 *
 * <pre>{@code
 * PipelineModel model = PipelineModel.load(dir + "/models/topics/" + version);
 * Dataset<Row> assigned = TopicAssignment.assign(model, articleTerms);  // article_id, topic_id, score
 * }</pre>
 *
 * <p>Known weakness: the score of a short article is low whatever its topic (few terms share little
 * weight with a centroid), so scores compare articles of similar length best.
 */
public final class TopicAssignment {

  private static final String HAS_TERMS = "has_terms";

  private TopicAssignment() {}

  /**
   * Topic of every article in {@code articleTerms}: {@code (article_id, topic_id INT, score
   * DOUBLE)} where score is the cosine similarity to the topic centroid, and topic {@link
   * TopicModeling#UNASSIGNED} with score 0 for articles without vocabulary terms. Given grouped
   * input ({@link TopicFeatures#isGrouped}), its columns other than {@code terms} follow (e.g. the
   * article's own sector), so that one pass gives the topic and what was computed beside the terms.
   */
  public static Dataset<Row> assign(PipelineModel model, Dataset<Row> articleTerms) {
    Transformer[] stages = model.stages();
    Dataset<Row> vectors = isGrouped(articleTerms) ? articleTerms : termArrays(articleTerms);
    List<Column> carried = new java.util.ArrayList<>();
    for (String column : vectors.columns()) {
      if (!column.equals(ARTICLE_ID) && !column.equals(TERMS)) {
        carried.add(col(column));
      }
    }
    for (int i = 0; i < stages.length - 1; i++) {
      vectors = stages[i].transform(vectors);
    }
    List<Column> kept = new java.util.ArrayList<>(List.of(col(ARTICLE_ID), col(FEATURES)));
    kept.addAll(carried);
    vectors =
        vectors.select(kept.toArray(Column[]::new)).withColumn(HAS_TERMS, hasTerms(col(FEATURES)));
    Transformer clusters = stages[stages.length - 1];
    double[][] centroids = unitCentroids(clusters);
    List<Column> assignedColumns =
        new java.util.ArrayList<>(
            List.of(
                col(ARTICLE_ID),
                col(PREDICTION).cast("int").as(TOPIC_ID),
                cosineToCentroid(centroids).apply(col(FEATURES), col(PREDICTION)).as(SCORE)));
    assignedColumns.addAll(carried);
    Dataset<Row> assigned =
        clusters
            .transform(vectors.filter(col(HAS_TERMS)))
            .select(assignedColumns.toArray(Column[]::new));
    List<Column> unassignedColumns =
        new java.util.ArrayList<>(
            List.of(col(ARTICLE_ID), lit(UNASSIGNED).as(TOPIC_ID), lit(0.0).as(SCORE)));
    unassignedColumns.addAll(carried);
    Dataset<Row> unassigned =
        vectors
            .filter(functions.not(col(HAS_TERMS)))
            .select(unassignedColumns.toArray(Column[]::new));
    return assigned.unionByName(unassigned);
  }

  /**
   * Like {@link #assign(PipelineModel, Dataset)}, and also gives {@link TopicModeling#UNASSIGNED}
   * to the articles of {@code articleIds} (column {@code article_id}) that have no row in {@code
   * articleTerms} at all.
   */
  public static Dataset<Row> assign(
      PipelineModel model, Dataset<Row> articleTerms, Dataset<Row> articleIds) {
    Dataset<Row> assigned = assign(model, articleTerms);
    Dataset<Row> missing =
        articleIds
            .select(col(ARTICLE_ID))
            .distinct()
            .join(assigned.select(ARTICLE_ID), ARTICLE_ID, "left_anti")
            .select(col(ARTICLE_ID), lit(UNASSIGNED).as(TOPIC_ID), lit(0.0).as(SCORE));
    return assigned.unionByName(missing);
  }

  /** Cluster centres of the last stage, scaled to unit length (cosine geometry). */
  public static double[][] unitCentroids(PipelineModel model) {
    return unitCentroids(model.stages()[model.stages().length - 1]);
  }

  static double[][] unitCentroids(Transformer clusters) {
    Vector[] centres;
    if (clusters instanceof KMeansModel kmeans) {
      centres = kmeans.clusterCenters();
    } else if (clusters instanceof BisectingKMeansModel bisecting) {
      centres = bisecting.clusterCenters();
    } else {
      throw new IllegalArgumentException(
          "Last pipeline stage is not a k-means model: " + clusters.getClass().getName());
    }
    double[][] unit = new double[centres.length][];
    for (int i = 0; i < centres.length; i++) {
      double[] values = centres[i].toArray();
      double norm = 0;
      for (double v : values) {
        norm += v * v;
      }
      norm = Math.sqrt(norm);
      for (int j = 0; j < values.length; j++) {
        values[j] = norm > 0 ? values[j] / norm : 0;
      }
      unit[i] = values;
    }
    return unit;
  }

  private static UserDefinedFunction cosineToCentroid(double[][] centroids) {
    return functions.udf(
        (UDF2<Vector, Integer, Double>)
            (v, cluster) -> {
              double[] centre = centroids[cluster];
              SparseVector sparse = v.toSparse();
              int[] indices = sparse.indices();
              double[] values = sparse.values();
              double dot = 0;
              for (int i = 0; i < indices.length; i++) {
                dot += values[i] * centre[indices[i]];
              }
              return dot;
            },
        DataTypes.DoubleType);
  }
}
