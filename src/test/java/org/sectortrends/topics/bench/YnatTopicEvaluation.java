package org.sectortrends.topics.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.text.NoriResources;
import org.sectortrends.text.TermExtractor;
import org.sectortrends.text.TopicTermFilter;
import org.sectortrends.topics.SectorTaxonomy;
import org.sectortrends.topics.TopicAssignment;
import org.sectortrends.topics.TopicConfig;
import org.sectortrends.topics.TopicDescription;
import org.sectortrends.topics.TopicDescriptions;
import org.sectortrends.topics.TopicFeatures;
import org.sectortrends.topics.TopicFit;
import org.sectortrends.topics.TopicModeling;
import org.sectortrends.topics.eval.ClusterAgreement;

/**
 * Clusters a headline TSV ({@code index, title, topic}) with the topic pipeline and prints NMI and
 * purity against the gold column, once per seed, with the silhouettes and the topic labels. The
 * corpus is read at run time; nothing of it is stored.
 *
 * <pre>
 * java [spark java17 flags] -cp target/classes:target/test-classes:CLASSPATH \
 *   org.sectortrends.topics.bench.YnatTopicEvaluation TSV [option=value ...]
 *
 *   k=7 | k=5-15        fixed k or a search range                     (default 7)
 *   criterion=stability how a range is decided: stability or silhouette (default: TopicConfig)
 *   algorithm=kmeans    kmeans, bisecting or lda                      (default kmeans)
 *   seeds=42,100        one fit per seed, a result line each          (default 42)
 *   restarts=3          k-means restarts per k, lowest cost kept      (default: TopicConfig)
 *   maxIter=40          clustering iterations                         (default: TopicConfig)
 *   minDf=3 maxDf=0.5 vocab=20000                                      (default: TopicConfig)
 *   binary=true         term counts clamped to 1 before counting      (default: TopicConfig)
 *   decompound=NONE     Nori decompound mode of the analyzer          (default: project analyzer)
 *   tags=NNG,NNP,SL,SH  parts of speech kept by the analyzer          (default: project analyzer)
 * </pre>
 *
 * <p>{@code -Dsearch.sample=N} sets how many headlines the k search and restarts run on.
 *
 * <p>LDA (MLlib, online variational Bayes) is fitted on the raw term counts of the same vocabulary,
 * not on TF-IDF; a headline's topic is the argmax of its topic distribution, and headlines without
 * vocabulary terms are unassigned like in the k-means pipeline.
 */
public final class YnatTopicEvaluation {

  public static void main(String[] args) throws IOException {
    Path tsv = Path.of(args[0]);
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : Arrays.asList(args).subList(1, args.length)) {
      int eq = arg.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("Expected option=value: " + arg);
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    TopicConfig defaults = TopicConfig.defaults();
    String ks = options.getOrDefault("k", "7");
    String algorithmName = options.getOrDefault("algorithm", "kmeans");
    boolean lda = algorithmName.equals("lda");
    TopicConfig config =
        defaults
            .withVocabulary(
                Double.parseDouble(options.getOrDefault("minDf", String.valueOf(defaults.minDf()))),
                Double.parseDouble(options.getOrDefault("maxDf", String.valueOf(defaults.maxDf()))),
                Integer.parseInt(
                    options.getOrDefault("vocab", String.valueOf(defaults.vocabSize()))))
            .withAlgorithm(
                algorithmName.startsWith("bisect")
                    ? TopicConfig.Algorithm.BISECTING_KMEANS
                    : TopicConfig.Algorithm.KMEANS)
            .withRestarts(
                Integer.parseInt(
                    options.getOrDefault("restarts", String.valueOf(defaults.restarts()))))
            .withMaxIter(
                Integer.parseInt(
                    options.getOrDefault("maxIter", String.valueOf(defaults.maxIter()))))
            .withBinaryCounts(
                Boolean.parseBoolean(
                    options.getOrDefault("binary", String.valueOf(defaults.binaryCounts()))))
            .withKCriterion(
                TopicConfig.KCriterion.valueOf(
                    options
                        .getOrDefault("criterion", defaults.kCriterion().name())
                        .toUpperCase(java.util.Locale.ROOT)));
    config =
        ks.contains("-")
            ? config.withKRange(
                Integer.parseInt(ks.split("-")[0]), Integer.parseInt(ks.split("-")[1]))
            : config.withFixedK(Integer.parseInt(ks));
    long[] seeds =
        Arrays.stream(options.getOrDefault("seeds", "42").split(","))
            .mapToLong(Long::parseLong)
            .toArray();

    TermExtractor extractor = extractor(options);
    List<Row> terms = new ArrayList<>();
    List<Row> gold = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      gold.add(RowFactory.create(f[0], f[2]));
      for (Map.Entry<String, Integer> e : extractor.termCounts(f[1]).entrySet()) {
        terms.add(RowFactory.create(f[0], e.getKey(), e.getValue()));
      }
    }
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("ynat-topics")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      Dataset<Row> articleTerms =
          spark
              .createDataFrame(
                  terms,
                  new StructType()
                      .add("article_id", DataTypes.StringType)
                      .add("term", DataTypes.StringType)
                      .add("count", DataTypes.IntegerType))
              .cache();
      Dataset<Row> goldDf =
          spark.createDataFrame(
              gold,
              new StructType()
                  .add("article_id", DataTypes.StringType)
                  .add("gold", DataTypes.StringType));
      String label =
          String.join(
              " ", options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
      for (long seed : seeds) {
        long start = System.nanoTime();
        Dataset<Row> assigned =
            lda
                ? ldaTopics(articleTerms, goldDf, config.withSeed(seed))
                : kMeansTopics(articleTerms, goldDf, config.withSeed(seed));
        Dataset<Row> joined = assigned.join(goldDf, "article_id");
        ClusterAgreement agreement = ClusterAgreement.fromDataset(joined, "topic_id", "gold");
        long unassigned =
            assigned.filter(col("topic_id").equalTo(TopicModeling.UNASSIGNED)).count();
        System.out.printf(
            "RESULT [%s] seed=%d nmi=%.3f purity=%.3f unassigned=%d seconds=%.0f%n",
            label,
            seed,
            agreement.nmi(),
            agreement.purity(),
            unassigned,
            (System.nanoTime() - start) / 1e9);
        assigned.unpersist();
      }
    } finally {
      spark.stop();
    }
  }

  /** The project extractor, or one with the decompound mode and tags given as options. */
  private static TermExtractor extractor(Map<String, String> options) {
    if (!options.containsKey("decompound") && !options.containsKey("tags")) {
      return TermExtractor.shared();
    }
    KoreanTokenizer.DecompoundMode mode =
        KoreanTokenizer.DecompoundMode.valueOf(options.getOrDefault("decompound", "NONE"));
    Set<POS.Tag> tags = EnumSet.noneOf(POS.Tag.class);
    if (options.containsKey("tags")) {
      for (String tag : options.get("tags").split(",")) {
        tags.add(POS.Tag.valueOf(tag));
      }
    } else {
      tags.addAll(TopicTermFilter.TOPIC_TAGS);
    }
    return TermExtractor.create(NoriResources.fromClasspath(), mode, tags);
  }

  private static Dataset<Row> kMeansTopics(
      Dataset<Row> articleTerms, Dataset<Row> goldDf, TopicConfig config) {
    long start = System.nanoTime();
    TopicFit fit =
        TopicModeling.fit(
            articleTerms,
            config,
            Integer.getInteger("search.sample", TopicModeling.DEFAULT_SEARCH_SAMPLE));
    System.out.printf(
        "fit %s seed %d: %s clustered=%d in %.0f s%n",
        config.algorithm(),
        config.seed(),
        fit.kSummary(),
        fit.clusteredDocuments(),
        (System.nanoTime() - start) / 1e9);
    Dataset<Row> assigned = TopicAssignment.assign(fit.model(), articleTerms, goldDf).cache();
    for (TopicDescription topic :
        TopicDescriptions.describe(fit.model(), assigned, 8, SectorTaxonomy.fromClasspath())) {
      System.out.printf(
          "topic %2d size %5d sector %-22s %s%n",
          topic.topicId(),
          topic.size(),
          topic.sector().sectorId(),
          String.join(" ", topic.topTerms()));
    }
    return assigned;
  }

  /**
   * LDA with the online optimizer on the counts of the pipeline's own CountVectorizer (same
   * vocabulary limits; binary counts when configured). Topic = argmax of the distribution.
   */
  private static Dataset<Row> ldaTopics(
      Dataset<Row> articleTerms, Dataset<Row> goldDf, TopicConfig config) {
    Dataset<Row> input = articleTerms;
    if (config.binaryCounts()) {
      input = input.withColumn("count", least(col("count"), lit(1)));
    }
    Dataset<Row> arrays = TopicFeatures.termArrays(input).cache();
    CountVectorizer counts = (CountVectorizer) TopicFeatures.featurePipeline(config).getStages()[0];
    PipelineModel vectorizer = new Pipeline().setStages(new PipelineStage[] {counts}).fit(arrays);
    UserDefinedFunction nonEmpty =
        functions.udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType);
    Dataset<Row> vectors =
        vectorizer.transform(arrays).filter(nonEmpty.apply(col(counts.getOutputCol()))).cache();
    long start = System.nanoTime();
    LDAModel model =
        new LDA()
            .setK(config.fixedK())
            .setOptimizer("online")
            .setMaxIter(config.maxIter())
            .setSeed(config.seed())
            .setFeaturesCol(counts.getOutputCol())
            .setTopicDistributionCol("distribution")
            .fit(vectors);
    System.out.printf(
        "fit LDA seed %d: k=%d maxIter=%d documents=%d in %.0f s%n",
        config.seed(),
        config.fixedK(),
        config.maxIter(),
        vectors.count(),
        (System.nanoTime() - start) / 1e9);
    String[] vocabulary =
        ((org.apache.spark.ml.feature.CountVectorizerModel) vectorizer.stages()[0]).vocabulary();
    for (Row topic : model.describeTopics(8).collectAsList()) {
      List<Integer> indices = topic.getList(1);
      System.out.printf(
          "topic %2d %s%n",
          topic.getInt(0), String.join(" ", indices.stream().map(i -> vocabulary[i]).toList()));
    }
    UserDefinedFunction argmax =
        functions.udf((UDF1<Vector, Integer>) Vector::argmax, DataTypes.IntegerType);
    Dataset<Row> assigned =
        model
            .transform(vectors)
            .select(col("article_id"), argmax.apply(col("distribution")).as("topic_id"));
    Dataset<Row> missing =
        goldDf
            .select("article_id")
            .join(assigned.select("article_id"), "article_id", "left_anti")
            .withColumn("topic_id", lit(TopicModeling.UNASSIGNED));
    Dataset<Row> all = assigned.unionByName(missing).cache();
    all.count();
    vectors.unpersist();
    arrays.unpersist();
    return all;
  }
}
