package org.sectortrends.topics.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.text.TermExtractor;
import org.sectortrends.topics.SectorTaxonomy;
import org.sectortrends.topics.TopicConfig;
import org.sectortrends.topics.TopicDescription;
import org.sectortrends.topics.TopicDescriptions;
import org.sectortrends.topics.TopicFit;
import org.sectortrends.topics.TopicModeling;
import org.sectortrends.topics.eval.ClusterAgreement;

/**
 * Clusters a headline TSV ({@code index, title, topic}) with the topic pipeline and prints NMI and
 * purity against the gold column, the silhouettes and the topic labels. The corpus is read at run
 * time; nothing of it is stored.
 *
 * <pre>
 * java [spark java17 flags] -cp target/classes:target/test-classes:CLASSPATH \
 *   org.sectortrends.topics.bench.YnatTopicEvaluation TSV [k | kMin-kMax] [minDf] [kmeans|bisecting] [restarts] [seed]
 * </pre>
 *
 * <p>{@code -Dsearch.sample=N} sets how many headlines the k search and restarts run on.
 */
public final class YnatTopicEvaluation {

  public static void main(String[] args) throws IOException {
    Path tsv = Path.of(args[0]);
    String ks = args.length > 1 ? args[1] : "7";
    double minDf = args.length > 2 ? Double.parseDouble(args[2]) : 3;
    TopicConfig.Algorithm algorithm =
        args.length > 3 && args[3].startsWith("bisect")
            ? TopicConfig.Algorithm.BISECTING_KMEANS
            : TopicConfig.Algorithm.KMEANS;
    int restarts = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    TopicConfig config =
        TopicConfig.defaults()
            .withVocabulary(minDf, 0.5, 20_000)
            .withAlgorithm(algorithm)
            .withRestarts(restarts)
            .withSeed(args.length > 5 ? Long.parseLong(args[5]) : 42L);
    config =
        ks.contains("-")
            ? config.withKRange(Integer.parseInt(ks.split("-")[0]), Integer.parseInt(ks.split("-")[1]))
            : config.withFixedK(Integer.parseInt(ks));

    List<Row> terms = new ArrayList<>();
    List<Row> gold = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    TermExtractor extractor = TermExtractor.shared();
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
              gold, new StructType().add("article_id", DataTypes.StringType).add("gold", DataTypes.StringType));
      long start = System.nanoTime();
      TopicFit fit = TopicModeling.fit(articleTerms, config,
          Integer.getInteger("search.sample", TopicModeling.DEFAULT_SEARCH_SAMPLE));
      System.out.printf(
          "fit %s: k=%d silhouettes=%s clustered=%d in %.0f s%n",
          algorithm, fit.k(), fit.silhouettes(), fit.clusteredDocuments(), (System.nanoTime() - start) / 1e9);
      Dataset<Row> assigned = TopicModeling.assign(fit.model(), articleTerms, goldDf).cache();
      Dataset<Row> joined = assigned.join(goldDf, "article_id");
      System.out.println("all articles (unassigned = own cluster): " + ClusterAgreement.fromDataset(joined, "topic_id", "gold"));
      for (TopicDescription topic :
          TopicDescriptions.describe(fit.model(), assigned, 8, SectorTaxonomy.fromClasspath())) {
        System.out.printf(
            "topic %2d size %5d sector %-22s %s%n",
            topic.topicId(), topic.size(), topic.sector().sectorId(), String.join(" ", topic.topTerms()));
      }
    } finally {
      spark.stop();
    }
  }
}
