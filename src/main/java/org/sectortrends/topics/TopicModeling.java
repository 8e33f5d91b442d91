package org.sectortrends.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.sectortrends.tables.Tables;

/**
 * Fits the topic model: features, the choice of k, and cosine clustering, as {@code Dataset ->
 * model} functions. The concerns live in their own classes: the vocabulary, TF-IDF and
 * normalization in {@link TopicFeatures}, the k search on the driver's sample in {@link
 * KSelection}, the assignment of articles to a fitted or saved model in {@link TopicAssignment};
 * this class runs them in order and fits the final clustering.
 *
 * <p>Input everywhere is the {@code article_terms} shape: {@code (article_id STRING, term STRING,
 * count INT)}, one row per term of an article, or its grouped form ({@link
 * TopicFeatures#termArrays}).
 *
 * <p>{@link #fit} returns a {@link TopicFit} whose {@link PipelineModel} has the stages {@code
 * CountVectorizerModel, IDFModel, Normalizer, KMeansModel|BisectingKMeansModel}; it can be saved
 * and loaded with Spark's own {@code save}/{@code PipelineModel.load}. k is chosen by the stability
 * of the clusterings across subsamples ({@link KSelection}) over the configured range unless fixed
 * (or by silhouette with {@link TopicConfig.KCriterion#SILHOUETTE} and for bisecting k-means); a k
 * chosen on an edge of the range comes with a warning ({@link TopicFit#kWarning}).
 *
 * <p>Documents without any vocabulary term (all their terms were too rare or too common) have an
 * all-zero vector, which cosine k-means rejects. They are left out of fitting and {@link
 * TopicAssignment#assign} gives them the topic {@link #UNASSIGNED} (-1) with score 0, so they are
 * neither a crash nor a silent drop.
 *
 * <pre>{@code
 * TopicFit fit = TopicModeling.fit(articleTerms, TopicConfig.defaults().withKRange(5, 15));
 * fit.model().write().overwrite().save(dir + "/models/topics/" + version);
 * Dataset<Row> assigned = TopicAssignment.assign(fit.model(), articleTerms);  // article_id, topic_id, score
 * }</pre>
 *
 * <p>How k is chosen (k-means): every k of the range is clustered on subsamples of a seeded sample
 * of at most {@code searchSample} documents held on the driver ({@link SphericalKMeans}, the same
 * cosine k-means and the same silhouette as MLlib's), the most stable k gets the configured
 * restarts on the whole sample, and its centroids then start MLlib's k-means on all the documents
 * given. A search with MLlib itself costs one Spark job per iteration, per restart, per k.
 *
 * <p>Known weaknesses: with a sample the silhouettes are estimates (on a few thousand documents
 * they move by about 0.005); k-means assumes roughly balanced, convex clusters, so a few large
 * mixed topics and several small sharp ones are typical on news.
 */
public final class TopicModeling {

  public static final String ARTICLE_ID = Tables.Col.ARTICLE_ID;
  public static final String TERM = Tables.Col.TERM;
  public static final String COUNT = Tables.Col.COUNT;
  public static final String TOPIC_ID = Tables.Col.TOPIC_ID;
  public static final String SCORE = Tables.Col.SCORE;

  /** Topic id of documents without any vocabulary term. */
  public static final int UNASSIGNED = -1;

  static final String FEATURES = TopicFeatures.FEATURES;
  static final String PREDICTION = "prediction";

  private TopicModeling() {}

  /**
   * Documents the k search of k-means clusters on the driver at most, by default: all of a headline
   * corpus like YNAT's 22,827 (on a 10,000-headline sample, NMI at k = 7 fell from 0.45 to 0.41 on
   * average over three seeds), about 45 MB of vectors for full articles.
   */
  public static final int DEFAULT_SEARCH_SAMPLE = 25_000;

  /** {@link #fit(Dataset, TopicConfig, int)} with {@link #DEFAULT_SEARCH_SAMPLE}. */
  public static TopicFit fit(Dataset<Row> articleTerms, TopicConfig config) {
    return fit(articleTerms, config, DEFAULT_SEARCH_SAMPLE);
  }

  /**
   * Fits the features and the clusterer; see the class comment. For k-means, the k search and the
   * restarts run on the driver ({@link SphericalKMeans}) over a seeded sample of at most {@code
   * searchSample} documents, and the chosen centroids start MLlib k-means on all documents.
   * Bisecting k-means is searched with MLlib, one fit per k and restart.
   */
  public static TopicFit fit(Dataset<Row> articleTerms, TopicConfig config, int searchSample) {
    if (searchSample < 2) {
      throw new IllegalArgumentException("searchSample must be at least 2: " + searchSample);
    }
    boolean grouped = TopicFeatures.isGrouped(articleTerms);
    Dataset<Row> arrays = grouped ? articleTerms : TopicFeatures.termArrays(articleTerms).cache();
    try {
      PipelineModel features = TopicFeatures.fitFeatures(arrays, config);
      Dataset<Row> vectors = TopicFeatures.nonZeroVectors(features, arrays).cache();
      try {
        long documents = vectors.count();
        if (config.algorithm() == TopicConfig.Algorithm.KMEANS) {
          return fitKMeans(features, arrays, vectors, documents, config, searchSample);
        }
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        Model<?> best = null;
        double bestSilhouette = Double.NEGATIVE_INFINITY;
        for (int k : config.candidateKs()) {
          if (k > documents) {
            continue;
          }
          Model<?> clusters = bestOfRestarts(config, k, vectors);
          double silhouette = silhouette(clusters.transform(vectors));
          silhouettes.put(k, silhouette);
          if (best == null || silhouette > bestSilhouette) {
            best = clusters;
            bestSilhouette = silhouette;
          }
        }
        if (best == null) {
          throw tooFewDocuments(documents, config);
        }
        PipelineModel model = withClusterer(features, (Transformer) best, arrays);
        return new TopicFit(
            model,
            clusterCount(best),
            silhouettes,
            Map.of(),
            KSelection.silhouetteEdgeWarning(silhouettes, clusterCount(best)),
            documents);
      } finally {
        vectors.unpersist();
      }
    } finally {
      if (!grouped) {
        arrays.unpersist();
      }
    }
  }

  private static TopicFit fitKMeans(
      PipelineModel features,
      Dataset<Row> arrays,
      Dataset<Row> vectors,
      long documents,
      TopicConfig config,
      int searchSample) {
    int dimension = TopicFeatures.vocabulary(features).length;
    List<SparseVector> sample = searchSample(vectors, documents, searchSample, config.seed());
    int[][] indices = new int[sample.size()][];
    double[][] values = new double[sample.size()][];
    for (int i = 0; i < sample.size(); i++) {
      SparseVector v = sample.get(i);
      indices[i] = v.indices();
      values[i] = v.values();
    }
    KSelection.Search search = KSelection.search(indices, values, dimension, config);
    if (search == null) {
      throw tooFewDocuments(documents, config);
    }
    SphericalKMeans.Result best = search.best();
    org.apache.spark.mllib.linalg.Vector[] start =
        new org.apache.spark.mllib.linalg.Vector[best.k()];
    for (int c = 0; c < start.length; c++) {
      start[c] = org.apache.spark.mllib.linalg.Vectors.dense(best.centroids()[c]);
    }
    KMeansModel clusters = warmStartedKMeans(vectors, start, config);
    return new TopicFit(
        withClusterer(features, clusters, arrays),
        start.length,
        search.silhouettes(),
        search.stabilities(),
        search.warning(),
        documents);
  }

  /**
   * A seeded sample of at most {@code limit} feature vectors, collected in article id order: the k
   * search's input. Neither the sample nor its order depends on how the rows are partitioned, so a
   * local run and a cluster run choose the same k and centroids.
   */
  private static List<SparseVector> searchSample(
      Dataset<Row> vectors, long documents, int limit, long seed) {
    Dataset<Row> rows = vectors.select(ARTICLE_ID, FEATURES);
    if (documents > limit) {
      rows = rows.filter(seededSample(Math.min(1.0, limit * 1.05 / documents), seed));
    }
    List<Row> collected = new java.util.ArrayList<>(rows.collectAsList());
    collected.sort(java.util.Comparator.comparing((Row row) -> row.getString(0)));
    return collected.stream()
        .limit(limit)
        .map(row -> ((Vector) row.get(1)).toSparse())
        .collect(Collectors.toList());
  }

  /**
   * A filter keeping about {@code fraction} of the rows, chosen by a hash of the article id and the
   * seed: unlike {@code Dataset.sample}, the same rows whatever the partitioning.
   */
  public static Column seededSample(double fraction, long seed) {
    long buckets = 1L << 30;
    return functions
        .pmod(functions.xxhash64(col(ARTICLE_ID), lit(seed)), lit(buckets))
        .lt(lit((long) (fraction * buckets)));
  }

  /** Start of the message of a fit that found fewer documents with vocabulary terms than topics. */
  public static final String TOO_FEW_DOCUMENTS = "Too few documents with vocabulary terms";

  private static IllegalArgumentException tooFewDocuments(long documents, TopicConfig config) {
    return new IllegalArgumentException(
        TOO_FEW_DOCUMENTS
            + " ("
            + documents
            + ") for k in "
            + config.kMin()
            + ".."
            + Math.max(config.kMax(), config.fixedK()));
  }

  /**
   * MLlib's cosine k-means (the RDD one, which accepts an initial model) started from {@code
   * start}, wrapped as the ML model that the pipeline saves.
   */
  private static KMeansModel warmStartedKMeans(
      Dataset<Row> vectors, org.apache.spark.mllib.linalg.Vector[] start, TopicConfig config) {
    org.apache.spark.api.java.JavaRDD<org.apache.spark.mllib.linalg.Vector> points =
        vectors
            .select(FEATURES)
            .javaRDD()
            .map(row -> org.apache.spark.mllib.linalg.Vectors.fromML(row.getAs(0)));
    org.apache.spark.mllib.clustering.KMeansModel trained =
        new org.apache.spark.mllib.clustering.KMeans()
            .setK(start.length)
            .setMaxIterations(config.maxIter())
            .setDistanceMeasure("cosine")
            .setSeed(config.seed())
            .setInitialModel(new org.apache.spark.mllib.clustering.KMeansModel(start))
            .run(points.rdd());
    // The ML model's constructor is package-private in Scala and public in bytecode.
    return new KMeansModel(org.apache.spark.ml.util.Identifiable.randomUID("kmeans"), trained)
        .setFeaturesCol(FEATURES)
        .setPredictionCol(PREDICTION);
  }

  /**
   * Refits with the same k, starting k-means from earlier centroids (term → weight maps, e.g. of
   * the previous model) mapped onto the new vocabulary, so that a retraining on a grown corpus
   * moves the clusters only as far as the new data pulls them. Uses MLlib's RDD k-means, the one
   * that accepts an initial model, with cosine distance, and wraps its result as the ML model the
   * pipeline saves. Returns empty when an earlier centroid has no term in the new vocabulary.
   */
  public static java.util.Optional<TopicFit> fitFrom(
      Dataset<Row> articleTerms,
      TopicConfig config,
      java.util.List<Map<String, Double>> initialCentroids) {
    boolean grouped = TopicFeatures.isGrouped(articleTerms);
    Dataset<Row> arrays = grouped ? articleTerms : TopicFeatures.termArrays(articleTerms).cache();
    try {
      PipelineModel features = TopicFeatures.fitFeatures(arrays, config);
      String[] vocabulary =
          ((org.apache.spark.ml.feature.CountVectorizerModel) features.stages()[0]).vocabulary();
      Map<String, Integer> index = new java.util.HashMap<>();
      for (int i = 0; i < vocabulary.length; i++) {
        index.put(vocabulary[i], i);
      }
      org.apache.spark.mllib.linalg.Vector[] start =
          new org.apache.spark.mllib.linalg.Vector[initialCentroids.size()];
      for (int c = 0; c < start.length; c++) {
        double[] values = new double[vocabulary.length];
        double norm = 0;
        for (Map.Entry<String, Double> e : initialCentroids.get(c).entrySet()) {
          Integer i = index.get(e.getKey());
          if (i != null) {
            values[i] = e.getValue();
            norm += e.getValue() * e.getValue();
          }
        }
        if (norm == 0) {
          return java.util.Optional.empty();
        }
        start[c] = org.apache.spark.mllib.linalg.Vectors.dense(values);
      }
      Dataset<Row> vectors = TopicFeatures.nonZeroVectors(features, arrays).cache();
      try {
        long documents = vectors.count();
        if (documents < start.length) {
          return java.util.Optional.empty();
        }
        KMeansModel clusters = warmStartedKMeans(vectors, start, config);
        double silhouette = silhouette(clusters.transform(vectors));
        PipelineModel model = withClusterer(features, clusters, arrays);
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        silhouettes.put(start.length, silhouette);
        return java.util.Optional.of(new TopicFit(model, start.length, silhouettes, documents));
      } finally {
        vectors.unpersist();
      }
    } finally {
      if (!grouped) {
        arrays.unpersist();
      }
    }
  }

  private static Model<?> bestOfRestarts(TopicConfig config, int k, Dataset<Row> vectors) {
    Model<?> best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int restart = 0; restart < config.restarts(); restart++) {
      Model<?> clusters = clusterer(config, k, config.seed() + restart).fit(vectors);
      double cost = trainingCost(clusters);
      if (best == null || cost < bestCost) {
        best = clusters;
        bestCost = cost;
      }
    }
    return best;
  }

  private static double trainingCost(Model<?> clusters) {
    if (clusters instanceof KMeansModel kmeans) {
      return kmeans.summary().trainingCost();
    }
    return ((BisectingKMeansModel) clusters).summary().trainingCost();
  }

  /** The fitted feature stages followed by the fitted clusterer, as one saveable model. */
  private static PipelineModel withClusterer(
      PipelineModel features, Transformer clusters, Dataset<Row> arrays) {
    Transformer[] featureStages = features.stages();
    PipelineStage[] stages = new PipelineStage[featureStages.length + 1];
    System.arraycopy(featureStages, 0, stages, 0, featureStages.length);
    stages[featureStages.length] = clusters;
    // A pipeline made only of fitted transformers fits without touching the data.
    return new Pipeline().setStages(stages).fit(arrays.limit(0));
  }

  private static int clusterCount(Model<?> clusters) {
    return TopicAssignment.unitCentroids((Transformer) clusters).length;
  }

  private static org.apache.spark.ml.Estimator<? extends Model<?>> clusterer(
      TopicConfig config, int k, long seed) {
    if (config.algorithm() == TopicConfig.Algorithm.BISECTING_KMEANS) {
      return new BisectingKMeans()
          .setK(k)
          .setSeed(seed)
          .setMaxIter(config.maxIter())
          .setDistanceMeasure("cosine")
          .setFeaturesCol(FEATURES)
          .setPredictionCol(PREDICTION);
    }
    return new KMeans()
        .setK(k)
        .setSeed(seed)
        .setMaxIter(config.maxIter())
        .setDistanceMeasure("cosine")
        .setFeaturesCol(FEATURES)
        .setPredictionCol(PREDICTION);
  }

  private static double silhouette(Dataset<Row> predictions) {
    if (predictions.select(PREDICTION).distinct().count() < 2) {
      return -1.0; // a single populated cluster has no silhouette; rank it last
    }
    return new ClusteringEvaluator()
        .setDistanceMeasure("cosine")
        .setMetricName("silhouette")
        .setFeaturesCol(FEATURES)
        .setPredictionCol(PREDICTION)
        .evaluate(predictions);
  }
}
