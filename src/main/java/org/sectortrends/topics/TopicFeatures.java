package org.sectortrends.topics;

import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.flatten;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.sectortrends.tables.Tables;

/**
 * The features of the topic model: the vocabulary, TF-IDF weights and L2 normalization that turn an
 * article's terms into the unit vector {@link TopicModeling} clusters and {@link TopicAssignment}
 * assigns.
 *
 * <p>Input is the {@code article_terms} shape, {@code (article_id, term, count)}, or the grouped
 * shape of {@link #termArrays}: one row per article with its terms repeated by their counts, which
 * is what {@code CountVectorizer} reads. The fitted stages are {@code CountVectorizerModel,
 * IDFModel, Normalizer}, the first three stages of the saved model.
 *
 * <pre>{@code
 * Dataset<Row> arrays = TopicFeatures.termArrays(articleTerms);
 * PipelineModel features = TopicFeatures.fitFeatures(arrays, config);  // one pass over the terms
 * String[] vocabulary = TopicFeatures.vocabulary(features);            // index = feature index
 * }</pre>
 *
 * <p>Known weakness: an article whose terms all fall outside the vocabulary (too rare or too
 * common) gets an all-zero vector; {@link #hasTerms} tells them apart so that they are left out of
 * fitting and assigned no topic.
 */
public final class TopicFeatures {

  static final String ARTICLE_ID = Tables.Col.ARTICLE_ID;
  static final String TERM = Tables.Col.TERM;
  static final String COUNT = Tables.Col.COUNT;

  /** Column of the grouped shape: the article's terms, repeated by their counts. */
  public static final String TERMS = "terms";

  /** Column of the term counts over the vocabulary. */
  public static final String TF = "tf";

  static final String TFIDF = "tfidf";

  /** Column of the L2-normalized TF-IDF vector. */
  public static final String FEATURES = "features";

  private TopicFeatures() {}

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
   * {@code CountVectorizer.fit} counts every term's occurrences and document frequency, keeps the
   * {@code vocabSize} most frequent terms within the minDF/maxDF limits and drops the frequencies;
   * {@code IDF.fit} then transforms every document again to count those same frequencies. Here one
   * aggregation yields both, and the models are built from it: the vocabulary is the same as
   * CountVectorizer's (ties in count, which MLlib orders by chance, go to the alphabetically first
   * term) and the IDF is MLlib's {@code log((m + 1) / (df + 1))} over the {@code m} documents, so
   * the saved model and its vectors are the MLlib ones.
   */
  public static PipelineModel fitFeatures(Dataset<Row> arrays, TopicConfig config) {
    long documents = arrays.count();
    checkVocabularyLimits(documents, config);
    double minDf = config.minDf() >= 1 ? config.minDf() : config.minDf() * documents;
    double maxDf = config.maxDf() >= 1 ? config.maxDf() : config.maxDf() * documents;
    List<scala.Tuple2<String, long[]>> top =
        arrays
            .select(TERMS)
            .javaRDD()
            .flatMapToPair(
                row -> {
                  Map<String, long[]> counts = new java.util.HashMap<>();
                  for (Object term : row.getList(0)) {
                    counts.computeIfAbsent((String) term, t -> new long[] {0, 1})[0]++;
                  }
                  return counts.entrySet().stream()
                      .map(e -> new scala.Tuple2<>(e.getKey(), e.getValue()))
                      .iterator();
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
    CountVectorizerModel counts =
        new CountVectorizerModel(vocabulary)
            .setInputCol(TERMS)
            .setOutputCol(TF)
            .setBinary(config.binaryCounts());
    // Both IDF model constructors are package-private in Scala and public in bytecode.
    org.apache.spark.ml.feature.IDFModel weights =
        new org.apache.spark.ml.feature.IDFModel(
                org.apache.spark.ml.util.Identifiable.randomUID("idf"),
                new org.apache.spark.mllib.feature.IDFModel(
                    org.apache.spark.mllib.linalg.Vectors.dense(idf), documentFrequency, documents))
            .setInputCol(TF)
            .setOutputCol(TFIDF);
    Normalizer normalizer = new Normalizer().setInputCol(TFIDF).setOutputCol(FEATURES).setP(2.0);
    return new Pipeline()
        .setStages(new PipelineStage[] {counts, weights, normalizer})
        .fit(arrays.limit(0));
  }

  /** Higher total count first; on a tie, the alphabetically first term. */
  private static final class VocabularyOrder
      implements java.util.Comparator<scala.Tuple2<String, long[]>>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(scala.Tuple2<String, long[]> a, scala.Tuple2<String, long[]> b) {
      int byCount = Long.compare(a._2()[0], b._2()[0]);
      return byCount != 0 ? byCount : b._1().compareTo(a._1());
    }
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
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "Vocabulary limits exclude every term on %d articles: minDf %s means at least %.1f documents, "
                  + "maxDf %s at most %.1f; lower --min-df or raise --max-df",
              documents,
              config.minDf(),
              min,
              config.maxDf(),
              max));
    }
  }

  /**
   * The article id and feature vector of the articles with at least one vocabulary term: the rows a
   * clustering can be fitted on.
   */
  static Dataset<Row> nonZeroVectors(PipelineModel features, Dataset<Row> arrays) {
    return features.transform(arrays).filter(hasTerms(col(FEATURES))).select(ARTICLE_ID, FEATURES);
  }

  /** True for a vector with at least one non-zero weight. */
  static Column hasTerms(Column vector) {
    UserDefinedFunction nonZero =
        functions.udf(
            (UDF1<Vector, Boolean>) v -> v != null && v.numNonzeros() > 0, DataTypes.BooleanType);
    return nonZero.apply(vector);
  }
}
