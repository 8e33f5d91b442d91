package org.sectortrends.topics;

import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
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
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.sectortrends.tables.Tables;

/**
 * Fits and applies the topic model: term counts, IDF, L2 normalization and cosine clustering,
 * as {@code Dataset -> Dataset} functions.
 *
 * <p>Input everywhere is the {@code article_terms} shape: {@code (article_id STRING, term STRING,
 * count INT)}, one row per term of an article. {@link #termArrays} turns it into one row per
 * article with the terms repeated by their counts, which is what {@code CountVectorizer} reads.
 *
 * <p>{@link #fit} returns a {@link TopicFit} whose {@link PipelineModel} has the stages
 * {@code CountVectorizerModel, IDFModel, Normalizer, KMeansModel|BisectingKMeansModel}; it can be
 * saved and loaded with Spark's own {@code save}/{@code PipelineModel.load}. k is chosen by the
 * stability of the clusterings across subsamples ({@link KSelection}) over the configured range
 * unless fixed (or by silhouette with {@link TopicConfig.KCriterion#SILHOUETTE} and for bisecting
 * k-means); a k chosen on an edge of the range comes with a warning ({@link TopicFit#kWarning}).
 *
 * <p>Documents without any vocabulary term (all their terms were too rare or too common) have an
 * all-zero vector, which cosine k-means rejects. They are left out of fitting and
 * {@link #assign} gives them the topic {@link #UNASSIGNED} (-1) with score 0, so they are neither
 * a crash nor a silent drop.
 *
 * <pre>{@code
 * TopicFit fit = TopicModeling.fit(articleTerms, TopicConfig.defaults().withKRange(5, 15));
 * fit.model().write().overwrite().save(dir + "/models/topics/" + version);
 * Dataset<Row> assigned = TopicModeling.assign(fit.model(), articleTerms);  // article_id, topic_id, score
 * }</pre>
 *
 * <p>How k is chosen (k-means): every k of the range is clustered on subsamples of a seeded
 * sample of at most {@code searchSample} documents held on the driver ({@link SphericalKMeans},
 * the same cosine k-means and the same silhouette as MLlib's), the most stable k gets the
 * configured restarts on the whole sample, and its centroids then start MLlib's k-means on all
 * the documents given. A search with MLlib
 * itself costs one Spark job per iteration, per restart, per k.
 *
 * <p>Known weaknesses: with a sample the silhouettes are estimates (on a few thousand documents
 * they move by about 0.005); k-means assumes roughly balanced, convex clusters,
 * so a few large mixed topics and several small sharp ones are typical on news.
 */
public final class TopicModeling {

  public static final String ARTICLE_ID = Tables.Col.ARTICLE_ID;
  public static final String TERM = Tables.Col.TERM;
  public static final String COUNT = Tables.Col.COUNT;
  public static final String TOPIC_ID = Tables.Col.TOPIC_ID;
  public static final String SCORE = Tables.Col.SCORE;

  /** Topic id of documents without any vocabulary term. */
  public static final int UNASSIGNED = -1;

  public static final String TERMS = "terms";
  static final String TF = "tf";
  static final String TFIDF = "tfidf";
  static final String FEATURES = "features";
  static final String PREDICTION = "prediction";
  private static final String HAS_TERMS = "has_terms";

  private TopicModeling() {}

  /**
   * True when {@code input} already has one row per article with a {@code terms} array (the shape
   * {@link #termArrays} gives), which every method here accepts instead of {@code article_terms}
   * rows; the caller then owns its caching.
   */
  static boolean isGrouped(Dataset<Row> input) {
    return java.util.Arrays.asList(input.columns()).contains(TERMS);
  }

  /** {@code (article_id, term, count)} rows to {@code (article_id, terms ARRAY<STRING>)}. */
  public static Dataset<Row> termArrays(Dataset<Row> articleTerms) {
    return articleTerms
        .filter(col(COUNT).gt(0))
        .groupBy(col(ARTICLE_ID))
        .agg(flatten(collect_list(array_repeat(col(TERM), col(COUNT).cast("int")))).as(TERMS));
  }

  /** The unfitted feature stages: counts with the vocabulary limits, IDF, L2 normalization. */
  public static Pipeline featurePipeline(TopicConfig config) {
    CountVectorizer counts =
        new CountVectorizer()
            .setInputCol(TERMS)
            .setOutputCol(TF)
            .setMinDF(config.minDf())
            .setMaxDF(config.maxDf())
            .setVocabSize(config.vocabSize())
            .setBinary(config.binaryCounts());
    IDF idf = new IDF().setInputCol(TF).setOutputCol(TFIDF);
    Normalizer normalizer = new Normalizer().setInputCol(TFIDF).setOutputCol(FEATURES).setP(2.0);
    return new Pipeline().setStages(new PipelineStage[] {counts, idf, normalizer});
  }

  /**
   * Fits the stages of {@link #featurePipeline} in one pass over the documents instead of two.
   * {@code CountVectorizer.fit} counts every term's occurrences and document frequency, keeps
   * the {@code vocabSize} most frequent terms within the minDF/maxDF limits and drops the
   * frequencies; {@code IDF.fit} then transforms every document again to count those same
   * frequencies. Here one aggregation yields both, and the models are built from it:
   * the vocabulary is the same as CountVectorizer's (ties in count, which MLlib orders by chance,
   * go to the alphabetically first term) and the IDF is MLlib's {@code log((m + 1) / (df + 1))}
   * over the {@code m} documents, so the saved model and its vectors are the MLlib ones.
   */
  public static PipelineModel fitFeatures(Dataset<Row> arrays, TopicConfig config) {
    long documents = arrays.count();
    checkVocabularyLimits(documents, config);
    double minDf = config.minDf() >= 1 ? config.minDf() : config.minDf() * documents;
    double maxDf = config.maxDf() >= 1 ? config.maxDf() : config.maxDf() * documents;
    List<scala.Tuple2<String, long[]>> top = arrays.select(TERMS).javaRDD()
        .flatMapToPair(row -> {
          Map<String, long[]> counts = new java.util.HashMap<>();
          for (Object term : row.getList(0)) {
            counts.computeIfAbsent((String) term, t -> new long[] {0, 1})[0]++;
          }
          return counts.entrySet().stream().map(e -> new scala.Tuple2<>(e.getKey(), e.getValue())).iterator();
        })
        .reduceByKey((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]})
        .filter(term -> term._2()[1] >= minDf && term._2()[1] <= maxDf)
        .top(config.vocabSize(), new VocabularyOrder());
    String[] vocabulary = new String[top.size()];
    long[] documentFrequency = new long[top.size()];
    double[] idf = new double[top.size()];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = top.get(i)._1();
      documentFrequency[i] = top.get(i)._2()[1];
      idf[i] = Math.log((documents + 1.0) / (documentFrequency[i] + 1.0));
    }
    CountVectorizerModel counts = new CountVectorizerModel(vocabulary)
        .setInputCol(TERMS).setOutputCol(TF).setBinary(config.binaryCounts());
    // Both IDF model constructors are package-private in Scala and public in bytecode.
    org.apache.spark.ml.feature.IDFModel weights = new org.apache.spark.ml.feature.IDFModel(
        org.apache.spark.ml.util.Identifiable.randomUID("idf"),
        new org.apache.spark.mllib.feature.IDFModel(org.apache.spark.mllib.linalg.Vectors.dense(idf), documentFrequency, documents))
        .setInputCol(TF).setOutputCol(TFIDF);
    Normalizer normalizer = new Normalizer().setInputCol(TFIDF).setOutputCol(FEATURES).setP(2.0);
    return new Pipeline().setStages(new PipelineStage[] {counts, weights, normalizer}).fit(arrays.limit(0));
  }

  /** Higher total count first; on a tie, the alphabetically first term. */
  private static final class VocabularyOrder implements java.util.Comparator<scala.Tuple2<String, long[]>>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(scala.Tuple2<String, long[]> a, scala.Tuple2<String, long[]> b) {
      int byCount = Long.compare(a._2()[0], b._2()[0]);
      return byCount != 0 ? byCount : b._1().compareTo(a._1());
    }
  }

  /**
   * Documents the k search of k-means clusters on the driver at most, by default: all of a
   * headline corpus like YNAT's 22,827 (on a 10,000-headline sample, NMI at k = 7 fell from
   * 0.45 to 0.41 on average over three seeds), about 45 MB of vectors for full articles.
   */
  public static final int DEFAULT_SEARCH_SAMPLE = 25_000;

  /** Restarts per k while a range of k is compared; the chosen k gets all configured restarts. */
  static final int SEARCH_RESTARTS = 3;

  /** {@link #fit(Dataset, TopicConfig, int)} with {@link #DEFAULT_SEARCH_SAMPLE}. */
  public static TopicFit fit(Dataset<Row> articleTerms, TopicConfig config) {
    return fit(articleTerms, config, DEFAULT_SEARCH_SAMPLE);
  }

  /**
   * Fits the features and the clusterer; see the class comment. For k-means, the k search and the
   * restarts run on the driver ({@link SphericalKMeans}) over a seeded sample of at most
   * {@code searchSample} documents, and the chosen centroids start MLlib k-means on all documents.
   * Bisecting k-means is searched with MLlib, one fit per k and restart.
   */
  public static TopicFit fit(Dataset<Row> articleTerms, TopicConfig config, int searchSample) {
    if (searchSample < 2) {
      throw new IllegalArgumentException("searchSample must be at least 2: " + searchSample);
    }
    boolean grouped = isGrouped(articleTerms);
    Dataset<Row> arrays = grouped ? articleTerms : termArrays(articleTerms).cache();
    try {
      PipelineModel features = fitFeatures(arrays, config);
      Dataset<Row> vectors =
          features.transform(arrays).filter(hasTerms(col(FEATURES))).select(ARTICLE_ID, FEATURES).cache();
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
        return new TopicFit(model, clusterCount(best), silhouettes, Map.of(),
            edgeWarning(silhouettes, clusterCount(best)), documents);
      } finally {
        vectors.unpersist();
      }
    } finally {
      if (!grouped) {
        arrays.unpersist();
      }
    }
  }

  private static TopicFit fitKMeans(PipelineModel features, Dataset<Row> arrays, Dataset<Row> vectors,
      long documents, TopicConfig config, int searchSample) {
    int dimension = vocabulary(features).length;
    List<SparseVector> sample = searchSample(vectors, documents, searchSample, config.seed());
    int[][] indices = new int[sample.size()][];
    double[][] values = new double[sample.size()][];
    for (int i = 0; i < sample.size(); i++) {
      SparseVector v = sample.get(i);
      indices[i] = v.indices();
      values[i] = v.values();
    }
    int[] ks = config.candidateKs();
    int sampled = indices.length;
    Map<Integer, Double> silhouettes = new LinkedHashMap<>();
    Map<Integer, Double> stabilities = new LinkedHashMap<>();
    String warning = null;
    SphericalKMeans.Result best;
    if (ks.length > 1 && config.kCriterion() == TopicConfig.KCriterion.STABILITY) {
      // Every k of the range is fitted on a few subsamples; the k whose clusterings agree best
      // wins (KSelection), and only that k gets the restarts on the whole sample. The candidates
      // are independent and run in parallel on the driver's cores; the outcome does not depend
      // on the scheduling.
      int[] chosen = KSelection.stabilitySample(sampled, KSelection.STABILITY_SAMPLE, config.seed());
      int[][] stableIndices = new int[chosen.length][];
      double[][] stableValues = new double[chosen.length][];
      for (int i = 0; i < chosen.length; i++) {
        stableIndices[i] = indices[chosen[i]];
        stableValues[i] = values[chosen[i]];
      }
      int largest = (int) Math.round(chosen.length * KSelection.DEFAULT_FRACTION);
      List<KSelection.Stability> searched = Arrays.stream(ks).filter(k -> k <= largest).parallel()
          .mapToObj(k -> KSelection.stability(stableIndices, stableValues, dimension, k, config.seed(), config.maxIter(),
              KSelection.DEFAULT_SUBSAMPLES, KSelection.DEFAULT_FRACTION))
          .collect(Collectors.toList());
      if (searched.isEmpty()) {
        throw tooFewDocuments(documents, config);
      }
      for (KSelection.Stability candidate : searched) {
        stabilities.put(candidate.k(), candidate.meanAri());
        silhouettes.put(candidate.k(),
            SphericalKMeans.silhouette(stableIndices, stableValues, candidate.firstAssignment(), candidate.k()));
      }
      KSelection.Choice choice = KSelection.choose(stabilities);
      warning = choice.warning();
      best = SphericalKMeans.bestOf(indices, values, dimension, choice.k(), config.seed(), config.maxIter(),
          config.restarts());
      silhouettes.put(best.k(), SphericalKMeans.silhouette(indices, values, best.assignment(), best.k()));
    } else {
      best = bySilhouette(indices, values, dimension, ks, config, silhouettes);
      if (best == null) {
        throw tooFewDocuments(documents, config);
      }
      warning = edgeWarning(silhouettes, best.k());
    }
    org.apache.spark.mllib.linalg.Vector[] start = new org.apache.spark.mllib.linalg.Vector[best.k()];
    for (int c = 0; c < start.length; c++) {
      start[c] = org.apache.spark.mllib.linalg.Vectors.dense(best.centroids()[c]);
    }
    KMeansModel clusters = warmStartedKMeans(vectors, start, config);
    return new TopicFit(withClusterer(features, clusters, arrays), start.length, silhouettes, stabilities, warning,
        documents);
  }

  /**
   * The silhouette search: every k with a few restarts (all configured restarts when k is fixed),
   * the best silhouette wins (the smaller k on a tie), and the chosen k then gets the remaining
   * restarts. Fills {@code silhouettes}; null when no k fits the sample.
   */
  private static SphericalKMeans.Result bySilhouette(int[][] indices, double[][] values, int dimension, int[] ks,
      TopicConfig config, Map<Integer, Double> silhouettes) {
    int searchRestarts = ks.length > 1 ? Math.min(SEARCH_RESTARTS, config.restarts()) : config.restarts();
    int sampled = indices.length;
    List<SearchedK> searched = Arrays.stream(ks).filter(k -> k <= sampled).parallel()
        .mapToObj(k -> {
          SphericalKMeans.Result result =
              SphericalKMeans.bestOf(indices, values, dimension, k, config.seed(), config.maxIter(), searchRestarts);
          return new SearchedK(result, SphericalKMeans.silhouette(indices, values, result.assignment(), k));
        })
        .collect(Collectors.toList());
    SphericalKMeans.Result best = null;
    double bestSilhouette = Double.NEGATIVE_INFINITY;
    for (SearchedK candidate : searched) {
      silhouettes.put(candidate.result().k(), candidate.silhouette());
      if (best == null || candidate.silhouette() > bestSilhouette) {
        best = candidate.result();
        bestSilhouette = candidate.silhouette();
      }
    }
    if (best != null && config.restarts() > searchRestarts) {
      SphericalKMeans.Result more = SphericalKMeans.bestOf(indices, values, dimension, best.k(),
          config.seed() + searchRestarts, config.maxIter(), config.restarts() - searchRestarts);
      if (more.cost() < best.cost()) {
        best = more;
        silhouettes.put(best.k(), SphericalKMeans.silhouette(indices, values, best.assignment(), best.k()));
      }
    }
    return best;
  }

  private record SearchedK(SphericalKMeans.Result result, double silhouette) {}

  /** The warning of a k chosen by silhouette on an edge of the k tried; null inside or for one k. */
  private static String edgeWarning(Map<Integer, Double> silhouettes, int k) {
    if (silhouettes.size() < 2) {
      return null;
    }
    int min = java.util.Collections.min(silhouettes.keySet());
    int max = java.util.Collections.max(silhouettes.keySet());
    if (k != min && k != max) {
      return null;
    }
    return String.format(java.util.Locale.ROOT,
        "chosen k=%d is at the %s edge of the range searched %d..%d by silhouette; the structure may lie outside it: "
            + "widen --k-min/--k-max or fix --k", k, k == min ? "lower" : "upper", min, max);
  }

  /**
   * A seeded sample of at most {@code limit} feature vectors, collected in article id order: the
   * k search's input. Neither the sample nor its order depends on how the rows are partitioned,
   * so a local run and a cluster run choose the same k and centroids.
   */
  private static List<SparseVector> searchSample(Dataset<Row> vectors, long documents, int limit, long seed) {
    Dataset<Row> rows = vectors.select(ARTICLE_ID, FEATURES);
    if (documents > limit) {
      rows = rows.filter(seededSample(Math.min(1.0, limit * 1.05 / documents), seed));
    }
    List<Row> collected = new java.util.ArrayList<>(rows.collectAsList());
    collected.sort(java.util.Comparator.comparing((Row row) -> row.getString(0)));
    return collected.stream().limit(limit).map(row -> ((Vector) row.get(1)).toSparse()).collect(Collectors.toList());
  }


  /**
   * A filter keeping about {@code fraction} of the rows, chosen by a hash of the article id and
   * the seed: unlike {@code Dataset.sample}, the same rows whatever the partitioning.
   */
  public static Column seededSample(double fraction, long seed) {
    long buckets = 1L << 30;
    return functions.pmod(functions.xxhash64(col(ARTICLE_ID), lit(seed)), lit(buckets)).lt(lit((long) (fraction * buckets)));
  }


  /**
   * Fails with the numbers when there is nothing to fit or when minDF and maxDF, read as
   * CountVectorizer reads them (counts from 1 up, fractions below), exclude every term; MLlib's own
   * message for the latter ("maxDF must be >= minDF") names neither value.
   */
  public static void checkVocabularyLimits(long documents, TopicConfig config) {
    if (documents == 0) {
      throw new IllegalArgumentException("No article has terms: nothing to fit topics on");
    }
    double min = config.minDf() >= 1 ? config.minDf() : config.minDf() * documents;
    double max = config.maxDf() >= 1 ? config.maxDf() : config.maxDf() * documents;
    if (max < min) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "Vocabulary limits exclude every term on %d articles: minDf %s means at least %.1f documents, "
              + "maxDf %s at most %.1f; lower --min-df or raise --max-df",
          documents, config.minDf(), min, config.maxDf(), max));
    }
  }

  /** Start of the message of a fit that found fewer documents with vocabulary terms than topics. */
  public static final String TOO_FEW_DOCUMENTS = "Too few documents with vocabulary terms";

  private static IllegalArgumentException tooFewDocuments(long documents, TopicConfig config) {
    return new IllegalArgumentException(
        TOO_FEW_DOCUMENTS + " (" + documents + ") for k in "
            + config.kMin() + ".." + Math.max(config.kMax(), config.fixedK()));
  }

  /**
   * MLlib's cosine k-means (the RDD one, which accepts an initial model) started from
   * {@code start}, wrapped as the ML model that the pipeline saves.
   */
  private static KMeansModel warmStartedKMeans(Dataset<Row> vectors, org.apache.spark.mllib.linalg.Vector[] start,
      TopicConfig config) {
    org.apache.spark.api.java.JavaRDD<org.apache.spark.mllib.linalg.Vector> points = vectors.select(FEATURES).javaRDD()
        .map(row -> org.apache.spark.mllib.linalg.Vectors.fromML(row.getAs(0)));
    org.apache.spark.mllib.clustering.KMeansModel trained = new org.apache.spark.mllib.clustering.KMeans()
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
  public static java.util.Optional<TopicFit> fitFrom(Dataset<Row> articleTerms, TopicConfig config,
      java.util.List<Map<String, Double>> initialCentroids) {
    boolean grouped = isGrouped(articleTerms);
    Dataset<Row> arrays = grouped ? articleTerms : termArrays(articleTerms).cache();
    try {
      PipelineModel features = fitFeatures(arrays, config);
      String[] vocabulary = ((org.apache.spark.ml.feature.CountVectorizerModel) features.stages()[0]).vocabulary();
      Map<String, Integer> index = new java.util.HashMap<>();
      for (int i = 0; i < vocabulary.length; i++) {
        index.put(vocabulary[i], i);
      }
      org.apache.spark.mllib.linalg.Vector[] start = new org.apache.spark.mllib.linalg.Vector[initialCentroids.size()];
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
      Dataset<Row> vectors =
          features.transform(arrays).filter(hasTerms(col(FEATURES))).select(ARTICLE_ID, FEATURES).cache();
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

  /**
   * Topic of every article in {@code articleTerms}: {@code (article_id, topic_id INT, score
   * DOUBLE)} where score is the cosine similarity to the topic centroid, and topic
   * {@link #UNASSIGNED} with score 0 for articles without vocabulary terms. Given grouped input
   * ({@link #isGrouped}), its columns other than {@code terms} follow (e.g. the article's own
   * sector), so that one pass gives the topic and what was computed beside the terms.
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
    vectors = vectors.select(kept.toArray(Column[]::new)).withColumn(HAS_TERMS, hasTerms(col(FEATURES)));
    Transformer clusters = stages[stages.length - 1];
    double[][] centroids = unitCentroids(clusters);
    List<Column> assignedColumns = new java.util.ArrayList<>(List.of(
        col(ARTICLE_ID),
        col(PREDICTION).cast("int").as(TOPIC_ID),
        cosineToCentroid(centroids).apply(col(FEATURES), col(PREDICTION)).as(SCORE)));
    assignedColumns.addAll(carried);
    Dataset<Row> assigned = clusters.transform(vectors.filter(col(HAS_TERMS))).select(assignedColumns.toArray(Column[]::new));
    List<Column> unassignedColumns = new java.util.ArrayList<>(List.of(
        col(ARTICLE_ID), lit(UNASSIGNED).as(TOPIC_ID), lit(0.0).as(SCORE)));
    unassignedColumns.addAll(carried);
    Dataset<Row> unassigned = vectors.filter(functions.not(col(HAS_TERMS))).select(unassignedColumns.toArray(Column[]::new));
    return assigned.unionByName(unassigned);
  }

  /**
   * Like {@link #assign(PipelineModel, Dataset)}, and also gives {@link #UNASSIGNED} to the
   * articles of {@code articleIds} (column {@code article_id}) that have no row in
   * {@code articleTerms} at all.
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

  /** The fitted vocabulary, index = feature index. */
  public static String[] vocabulary(PipelineModel model) {
    for (Transformer stage : model.stages()) {
      if (stage instanceof CountVectorizerModel counts) {
        return counts.vocabulary();
      }
    }
    throw new IllegalArgumentException("Pipeline has no CountVectorizerModel: " + model.uid());
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
  private static PipelineModel withClusterer(PipelineModel features, Transformer clusters, Dataset<Row> arrays) {
    Transformer[] featureStages = features.stages();
    PipelineStage[] stages = new PipelineStage[featureStages.length + 1];
    System.arraycopy(featureStages, 0, stages, 0, featureStages.length);
    stages[featureStages.length] = clusters;
    // A pipeline made only of fitted transformers fits without touching the data.
    return new Pipeline().setStages(stages).fit(arrays.limit(0));
  }

  private static int clusterCount(Model<?> clusters) {
    return unitCentroids((Transformer) clusters).length;
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

  private static Column hasTerms(Column vector) {
    UserDefinedFunction nonZero =
        functions.udf((UDF1<Vector, Boolean>) v -> v != null && v.numNonzeros() > 0, DataTypes.BooleanType);
    return nonZero.apply(vector);
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
