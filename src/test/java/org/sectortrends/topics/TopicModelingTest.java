package org.sectortrends.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.topics.eval.ClusterAgreement;

/**
 * The topic pipeline on a tiny fixture of three clearly separated topics (chips, banking, games),
 * twelve articles each, every article also mentioning a term common to all (dropped by maxDf), plus
 * one article made only of one-off terms (dropped by minDf, hence unassigned).
 */
class TopicModelingTest {

  private static final Map<String, List<String>> TOPIC_TERMS =
      Map.of(
          "chips", List.of("반도체", "hbm", "파운드리", "d램", "웨이퍼", "엔비디아", "낸드", "패키징"),
          "banks", List.of("금리", "대출", "은행", "예금", "한국은행", "기준금리", "가계부채", "채권"),
          "games", List.of("게임", "넥슨", "신작", "크래프톤", "콘솔", "모바일게임", "흥행", "리니지"));
  private static final String LONELY = "lonely";

  private static SparkSession spark;
  private static Dataset<Row> articleTerms;
  private static Map<String, String> goldByArticle;
  private static TopicFit fit;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("TopicModelingTest")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    List<Row> rows = new ArrayList<>();
    goldByArticle = new HashMap<>();
    for (String topic : List.of("chips", "banks", "games")) {
      List<String> terms = TOPIC_TERMS.get(topic);
      for (int doc = 0; doc < 12; doc++) {
        String id = topic + "-" + doc;
        goldByArticle.put(id, topic);
        // six of the eight topic terms, a different window for each article
        for (int j = 0; j < 6; j++) {
          rows.add(RowFactory.create(id, terms.get((doc + j) % terms.size()), 1 + (doc + j) % 2));
        }
        rows.add(RowFactory.create(id, "시장", 1));
      }
    }
    rows.add(RowFactory.create(LONELY, "한번만", 2));
    rows.add(RowFactory.create(LONELY, "나오는말", 1));
    StructType schema =
        new StructType()
            .add("article_id", DataTypes.StringType, false)
            .add("term", DataTypes.StringType, false)
            .add("count", DataTypes.IntegerType, false);
    articleTerms = spark.createDataFrame(rows, schema).cache();
    fit =
        TopicModeling.fit(
            articleTerms,
            TopicConfig.defaults().withVocabulary(2, 0.9, 1000).withKRange(2, 5).withRestarts(1));
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void silhouetteChoosesTheThreeTopicsAndClustersMatchTheGold() {
    assertEquals(Set.of(2, 3, 4, 5), fit.silhouettes().keySet());
    assertEquals(3, fit.k(), fit.silhouettes()::toString);
    assertEquals(36, fit.clusteredDocuments());
    ClusterAgreement agreement = agreement(TopicAssignment.assign(fit.model(), articleTerms));
    assertEquals(1.0, agreement.nmi(), 1e-9);
    assertEquals(1.0, agreement.purity(), 1e-9);
  }

  @Test
  void vocabularyDropsRareAndUbiquitousTerms() {
    Set<String> vocabulary = Set.of(TopicFeatures.vocabulary(fit.model()));
    assertEquals(24, vocabulary.size());
    assertFalse(vocabulary.contains("시장"));
    assertFalse(vocabulary.contains("한번만"));
  }

  @Test
  void articlesWithoutVocabularyTermsAreUnassignedNotDropped() {
    Dataset<Row> ids =
        spark.createDataFrame(
            List.of(
                RowFactory.create("chips-0"),
                RowFactory.create(LONELY),
                RowFactory.create("no-terms")),
            new StructType().add("article_id", DataTypes.StringType, false));
    Map<String, Row> byId =
        TopicAssignment.assign(fit.model(), articleTerms, ids).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertEquals(38, byId.size());
    assertEquals(TopicModeling.UNASSIGNED, byId.get(LONELY).getInt(1));
    assertEquals(0.0, byId.get(LONELY).getDouble(2));
    assertEquals(TopicModeling.UNASSIGNED, byId.get("no-terms").getInt(1));
    double score = byId.get("chips-0").getDouble(2);
    assertTrue(score > 0.3 && score <= 1.0 + 1e-9, "cosine to centroid " + score);
  }

  @Test
  void labelsSectorsAndRepresentativesDescribeEachTopic() {
    Dataset<Row> assigned = TopicAssignment.assign(fit.model(), articleTerms).cache();
    Map<Integer, String> goldByTopic = majorityGold(assigned);
    List<TopicDescription> topics =
        TopicDescriptions.describe(fit.model(), assigned, 5, SectorTaxonomy.fromClasspath());
    assertEquals(4, topics.size());
    Map<String, String> expectedSector =
        Map.of("chips", "semiconductor", "banks", "finance", "games", "games_content");
    for (TopicDescription topic : topics) {
      if (topic.topicId() == TopicModeling.UNASSIGNED) {
        assertEquals(TopicDescription.UNASSIGNED_LABEL, topic.label());
        assertEquals(1, topic.size());
        assertEquals(SectorTaxonomy.OTHER, topic.sector().sectorId());
        continue;
      }
      String gold = goldByTopic.get(topic.topicId());
      assertEquals(12, topic.size());
      assertEquals(5, topic.topTerms().size());
      assertTrue(TOPIC_TERMS.get(gold).containsAll(topic.topTerms()), topic::toString);
      assertEquals(String.join(" · ", topic.topTerms().subList(0, 3)), topic.label());
      assertEquals(expectedSector.get(gold), topic.sector().sectorId(), topic::toString);
      for (int i = 1; i < topic.termWeights().size(); i++) {
        assertTrue(topic.termWeights().get(i - 1) >= topic.termWeights().get(i));
      }
    }
    List<Row> examples = TopicDescriptions.representatives(assigned, 2).collectAsList();
    assertEquals(6, examples.size());
    for (Row example : examples) {
      assertEquals(goldByTopic.get(example.getInt(0)), goldByArticle.get(example.getString(1)));
    }
    assigned.unpersist();
  }

  @Test
  void savedModelAssignsTheSameTopics(@TempDir Path dir) throws Exception {
    String path = dir.resolve("models/topics/v1").toString();
    fit.model().write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    Set<Row> before =
        new HashSet<>(
            TopicAssignment.assign(fit.model(), articleTerms)
                .select("article_id", "topic_id")
                .collectAsList());
    Set<Row> after =
        new HashSet<>(
            TopicAssignment.assign(loaded, articleTerms)
                .select("article_id", "topic_id")
                .collectAsList());
    assertEquals(before, after);
  }

  @Test
  void bisectingKMeansWithFixedKFindsTheSameTopics() {
    TopicFit bisecting =
        TopicModeling.fit(
            articleTerms,
            TopicConfig.defaults()
                .withVocabulary(2, 0.9, 1000)
                .withAlgorithm(TopicConfig.Algorithm.BISECTING_KMEANS)
                .withFixedK(3)
                .withRestarts(1));
    assertEquals(3, bisecting.k());
    assertEquals(Set.of(3), bisecting.silhouettes().keySet());
    assertEquals(
        1.0, agreement(TopicAssignment.assign(bisecting.model(), articleTerms)).nmi(), 1e-9);
  }

  @Test
  void localSilhouetteIsTheSilhouetteOfClusteringEvaluator() {
    Transformer[] stages = fit.model().stages();
    Dataset<Row> vectors = TopicFeatures.termArrays(articleTerms);
    for (int i = 0; i < stages.length - 1; i++) {
      vectors = stages[i].transform(vectors);
    }
    List<Row> rows =
        vectors.select("article_id", "features").collectAsList().stream()
            .filter(r -> ((Vector) r.get(1)).numNonzeros() > 0)
            .toList();
    int[][] indices = new int[rows.size()][];
    double[][] values = new double[rows.size()][];
    List<String> topics = List.of("chips", "banks", "games");
    // the gold topics, and a poor split that mixes them (both give non-trivial silhouettes)
    int[][] assignments = new int[2][rows.size()];
    List<Row> labelled = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SparseVector v = ((Vector) rows.get(i).get(1)).toSparse();
      indices[i] = v.indices();
      values[i] = v.values();
      assignments[0][i] = topics.indexOf(goldByArticle.get(rows.get(i).getString(0)));
      assignments[1][i] = i % 4;
      labelled.add(RowFactory.create(v, (double) assignments[0][i], (double) assignments[1][i]));
    }
    Dataset<Row> frame =
        spark.createDataFrame(
            labelled,
            new StructType()
                .add("features", new org.apache.spark.ml.linalg.VectorUDT(), false)
                .add("gold", DataTypes.DoubleType, false)
                .add("mixed", DataTypes.DoubleType, false));
    String[] columns = {"gold", "mixed"};
    int[] ks = {3, 4};
    for (int a = 0; a < 2; a++) {
      double expected =
          new ClusteringEvaluator()
              .setDistanceMeasure("cosine")
              .setFeaturesCol("features")
              .setPredictionCol(columns[a])
              .evaluate(frame);
      assertEquals(
          expected,
          SphericalKMeans.silhouette(indices, values, assignments[a], ks[a]),
          1e-9,
          columns[a]);
    }
  }

  @Test
  void theFitDoesNotDependOnHowTheRowsArePartitioned() {
    TopicConfig config =
        TopicConfig.defaults().withVocabulary(2, 0.9, 1000).withKRange(2, 5).withRestarts(3);
    TopicFit one = TopicModeling.fit(articleTerms.repartition(1), config, 24);
    TopicFit five = TopicModeling.fit(articleTerms.repartition(5), config, 24);
    assertEquals(one.silhouettes(), five.silhouettes());
    assertEquals(one.k(), five.k());
  }

  @Test
  void theSeededSampleKeepsTheSameRowsWhateverThePartitioning() {
    Dataset<Row> ids =
        spark.range(0, 2000).selectExpr("cast(id as string) as " + TopicModeling.ARTICLE_ID);
    Set<String> fromOne =
        new HashSet<>(
            ids.repartition(1)
                .filter(TopicModeling.seededSample(0.3, 7))
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    Set<String> fromSeven =
        new HashSet<>(
            ids.repartition(7)
                .filter(TopicModeling.seededSample(0.3, 7))
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    Set<String> otherSeed =
        new HashSet<>(
            ids.filter(TopicModeling.seededSample(0.3, 8))
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    assertEquals(fromOne, fromSeven);
    assertTrue(
        fromOne.size() > 500 && fromOne.size() < 700, () -> "about 30% of 2000: " + fromOne.size());
    assertFalse(fromOne.equals(otherSeed), "another seed, another sample");
    assertEquals(2000, ids.filter(TopicModeling.seededSample(1.0, 7)).count());
  }

  @Test
  void kSearchOnASampleOfTheDocumentsStillFindsTheTopics() {
    TopicFit sampled =
        TopicModeling.fit(
            articleTerms,
            TopicConfig.defaults().withVocabulary(2, 0.9, 1000).withKRange(2, 5).withRestarts(3),
            24);
    assertEquals(3, sampled.k(), sampled.silhouettes()::toString);
    assertEquals(36, sampled.clusteredDocuments());
    assertEquals(1.0, agreement(TopicAssignment.assign(sampled.model(), articleTerms)).nmi(), 1e-9);
  }

  @Test
  void binaryCountsWeighEachTermOncePerArticle() {
    // The fixture repeats every other term twice, so plain counts contain 2s and binary ones not.
    Dataset<Row> arrays = TopicFeatures.termArrays(articleTerms);
    TopicConfig config = TopicConfig.defaults().withVocabulary(2, 0.9, 1000);
    Set<Double> counts =
        termFrequencies(TopicFeatures.featurePipeline(config).fit(arrays).transform(arrays));
    Set<Double> presence =
        termFrequencies(
            TopicFeatures.featurePipeline(config.withBinaryCounts(true))
                .fit(arrays)
                .transform(arrays));
    assertEquals(Set.of(1.0, 2.0), counts);
    assertEquals(Set.of(1.0), presence);
  }

  @Test
  void featuresFittedInOnePassEqualTheTwoPassMllibFit() {
    Dataset<Row> arrays = TopicFeatures.termArrays(articleTerms);
    for (TopicConfig config :
        List.of(
            TopicConfig.defaults().withVocabulary(2, 0.9, 1000),
            TopicConfig.defaults().withVocabulary(1, 1.0, 1000).withBinaryCounts(true))) {
      PipelineModel mllib = TopicFeatures.featurePipeline(config).fit(arrays);
      PipelineModel onePass = TopicFeatures.fitFeatures(arrays, config);
      assertEquals(
          Set.of(TopicFeatures.vocabulary(mllib)),
          Set.of(TopicFeatures.vocabulary(onePass)),
          config::toString);
      assertEquals(
          weightsByArticle(mllib, arrays), weightsByArticle(onePass, arrays), config::toString);
    }
  }

  @Test
  void aCappedVocabularyKeepsTheMostFrequentTermsWithTiesInAlphabeticalOrder() {
    Dataset<Row> arrays = TopicFeatures.termArrays(articleTerms);
    Map<String, Long> totals = new HashMap<>();
    for (Row row : articleTerms.collectAsList()) {
      totals.merge(row.getString(1), (long) row.getInt(2), Long::sum);
    }
    totals.remove("시장"); // in every article: above maxDf
    List<String> expected =
        totals.entrySet().stream()
            .filter(
                e ->
                    !e.getKey().equals("한번만")
                        && !e.getKey().equals("나오는말")) // one document: below minDf
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(5)
            .map(Map.Entry::getKey)
            .toList();
    PipelineModel onePass =
        TopicFeatures.fitFeatures(arrays, TopicConfig.defaults().withVocabulary(2, 0.9, 5));
    assertEquals(expected, List.of(TopicFeatures.vocabulary(onePass)));
  }

  /** Article id to (term to rounded feature weight). */
  private static Map<String, Map<String, Double>> weightsByArticle(
      PipelineModel features, Dataset<Row> arrays) {
    String[] vocabulary = TopicFeatures.vocabulary(features);
    Map<String, Map<String, Double>> weights = new HashMap<>();
    for (Row row :
        features
            .transform(arrays)
            .select(TopicModeling.ARTICLE_ID, TopicFeatures.FEATURES)
            .collectAsList()) {
      SparseVector v = ((Vector) row.get(1)).toSparse();
      Map<String, Double> byTerm = new HashMap<>();
      for (int i = 0; i < v.indices().length; i++) {
        byTerm.put(vocabulary[v.indices()[i]], Math.round(v.values()[i] * 1e9) / 1e9);
      }
      weights.put(row.getString(0), byTerm);
    }
    return weights;
  }

  private static Set<Double> termFrequencies(Dataset<Row> features) {
    Set<Double> values = new HashSet<>();
    for (Row row : features.select(TopicFeatures.TF).collectAsList()) {
      for (double v : ((org.apache.spark.ml.linalg.Vector) row.get(0)).toSparse().values()) {
        values.add(v);
      }
    }
    return values;
  }

  @Test
  void vocabularyLimitsThatExcludeEveryTermFailWithTheNumbers() {
    TopicConfig defaults = TopicConfig.defaults(); // minDf 3 documents, maxDf half of them
    TopicFeatures.checkVocabularyLimits(6, defaults);
    IllegalArgumentException few =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> TopicFeatures.checkVocabularyLimits(4, defaults));
    assertTrue(
        few.getMessage().contains("on 4 articles") && few.getMessage().contains("minDf 3.0"),
        few.getMessage());
    IllegalArgumentException none =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> TopicFeatures.checkVocabularyLimits(0, defaults));
    assertTrue(none.getMessage().contains("No article has terms"), none.getMessage());
    IllegalArgumentException fit =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                TopicModeling.fit(
                    articleTerms.filter(
                        "article_id in ('chips-0', 'chips-1', 'banks-0', 'games-0')"),
                    defaults.withFixedK(2)));
    assertTrue(fit.getMessage().contains("on 4 articles"), fit.getMessage());
  }

  @Test
  void articleSectorsFollowTheTaxonomyRule() {
    SectorTaxonomy taxonomy = SectorTaxonomy.fromClasspath();
    Map<String, Map<String, Integer>> termsByArticle = new HashMap<>();
    for (Row row : articleTerms.collectAsList()) {
      termsByArticle
          .computeIfAbsent(row.getString(0), k -> new HashMap<>())
          .merge(row.getString(1), row.getInt(2), Integer::sum);
    }
    List<Row> sectors =
        ArticleSectors.withOwnSector(TopicFeatures.termArrays(articleTerms), taxonomy)
            .select("article_id", "sector", "sector_score")
            .collectAsList();
    assertEquals(termsByArticle.size(), sectors.size());
    for (Row row : sectors) {
      SectorScore expected = taxonomy.score(termsByArticle.get(row.getString(0)));
      assertEquals(expected.sectorId(), row.getString(1), row::toString);
      assertEquals(expected.score(), row.getDouble(2), 1e-9, row::toString);
    }
  }

  @Test
  void groupedInputCarriesItsExtraColumnsThroughTheAssignment() {
    Dataset<Row> documents =
        ArticleSectors.withOwnSector(
            TopicFeatures.termArrays(articleTerms), SectorTaxonomy.fromClasspath());
    Map<String, Row> fromGrouped =
        TopicAssignment.assign(fit.model(), documents).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    Map<String, Row> fromRows =
        TopicAssignment.assign(fit.model(), articleTerms).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    assertEquals(fromRows.keySet(), fromGrouped.keySet());
    for (Row row : fromRows.values()) {
      Row grouped = fromGrouped.get(row.getString(0));
      assertEquals(row.getInt(1), grouped.getInt(1));
      assertEquals(row.getDouble(2), grouped.getDouble(2), 1e-12);
      assertEquals(
          List.of("article_id", "topic_id", "score", "sector", "sector_score"),
          List.of(grouped.schema().fieldNames()));
    }
    assertEquals("semiconductor", fromGrouped.get("chips-3").getString(3));
  }

  private static ClusterAgreement agreement(Dataset<Row> assigned) {
    ClusterAgreement agreement = new ClusterAgreement();
    for (Row row : assigned.collectAsList()) {
      if (row.getInt(1) != TopicModeling.UNASSIGNED) {
        agreement.add(row.getInt(1), goldByArticle.get(row.getString(0)), 1);
      }
    }
    return agreement;
  }

  private static Map<Integer, String> majorityGold(Dataset<Row> assigned) {
    Map<Integer, Map<String, Integer>> counts = new HashMap<>();
    for (Row row : assigned.collectAsList()) {
      if (row.getInt(1) != TopicModeling.UNASSIGNED) {
        counts
            .computeIfAbsent(row.getInt(1), k -> new HashMap<>())
            .merge(goldByArticle.get(row.getString(0)), 1, Integer::sum);
      }
    }
    Map<Integer, String> majority = new HashMap<>();
    counts.forEach(
        (topic, golds) ->
            majority.put(
                topic,
                golds.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey()));
    return majority;
  }
}
