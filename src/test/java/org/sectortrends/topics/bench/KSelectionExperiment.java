package org.sectortrends.topics.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.text.TermExtractor;
import org.sectortrends.topics.KSelection;
import org.sectortrends.topics.SphericalKMeans;
import org.sectortrends.topics.TopicConfig;
import org.sectortrends.topics.TopicFeatures;

/**
 * Prints, for every k of a range, the candidate criteria for choosing k on a headline TSV ({@code
 * index, title, topic}): stability across subsamples (ARI, NMI, cluster-wise Jaccard), the same on
 * a structureless copy of the data (terms shuffled across documents), the silhouette, and the NMI
 * of the best-of-3 fit against the gold column. For developing the k criterion.
 *
 * <pre>java ... KSelectionExperiment TSV [kMin-kMax] [limit] [subsamples] [null=true|false]</pre>
 */
public final class KSelectionExperiment {

  public static void main(String[] args) throws Exception {
    Path tsv = Path.of(args[0]);
    String[] range = (args.length > 1 ? args[1] : "3-15").split("-");
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : 6000;
    int subsamples = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    boolean withNull = args.length <= 4 || Boolean.parseBoolean(args[4]);
    TermExtractor extractor = TermExtractor.shared();
    List<Row> terms = new ArrayList<>();
    Map<String, String> gold = new HashMap<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, Math.min(lines.size(), limit + 1))) {
      String[] f = line.split("\t");
      gold.put(f[0], f.length > 2 ? f[2] : "");
      for (Map.Entry<String, Integer> e : extractor.termCounts(f[1]).entrySet()) {
        terms.add(RowFactory.create(f[0], e.getKey(), e.getValue()));
      }
    }
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("k-selection")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    try {
      Dataset<Row> articleTerms =
          spark.createDataFrame(
              terms,
              new StructType()
                  .add("article_id", DataTypes.StringType)
                  .add("term", DataTypes.StringType)
                  .add("count", DataTypes.IntegerType));
      Dataset<Row> arrays = TopicFeatures.termArrays(articleTerms).cache();
      TopicConfig config = TopicConfig.defaults();
      PipelineModel features = TopicFeatures.fitFeatures(arrays, config);
      int dimension = TopicFeatures.vocabulary(features).length;
      List<Row> rows = features.transform(arrays).select("article_id", "features").collectAsList();
      List<int[]> idx = new ArrayList<>();
      List<double[]> val = new ArrayList<>();
      List<String> goldLabels = new ArrayList<>();
      for (Row row : rows) {
        SparseVector v = ((Vector) row.get(1)).toSparse();
        if (v.numNonzeros() > 0) {
          idx.add(v.indices());
          val.add(v.values());
          goldLabels.add(gold.get(row.getString(0)));
        }
      }
      int[][] indices = idx.toArray(new int[0][]);
      double[][] values = val.toArray(new double[0][]);
      double[][][] shuffled = shuffled(indices, values, 7L);
      int[][] nullIndices = new int[indices.length][];
      double[][] nullValues = new double[indices.length][];
      for (int i = 0; i < indices.length; i++) {
        nullIndices[i] = toInts(shuffled[0][i]);
        nullValues[i] = shuffled[1][i];
      }
      Map<String, Integer> goldIds = new TreeMap<>();
      int[] goldArray = new int[goldLabels.size()];
      for (int i = 0; i < goldArray.length; i++) {
        goldArray[i] = goldIds.computeIfAbsent(goldLabels.get(i), g -> goldIds.size());
      }
      System.out.printf(
          "%d documents, %d terms, %d gold classes%n", indices.length, dimension, goldIds.size());
      System.out.println(
          " k    ari    nmi   jacc | null: ari    nmi   jacc | silh   gold-nmi(best of 3)");
      for (int k = Integer.parseInt(range[0]); k <= Integer.parseInt(range[1]); k++) {
        KSelection.Stability s =
            KSelection.stability(indices, values, dimension, k, 42L, 40, subsamples, 0.8);
        KSelection.Stability z =
            withNull
                ? KSelection.stability(
                    nullIndices, nullValues, dimension, k, 42L, 40, subsamples, 0.8)
                : new KSelection.Stability(k, 0, 0, 0, null);
        SphericalKMeans.Result best =
            SphericalKMeans.bestOf(indices, values, dimension, k, 42L, 40, 3);
        double silhouette = SphericalKMeans.silhouette(indices, values, best.assignment(), k);
        int kk = Math.max(k, goldIds.size());
        System.out.printf(
            Locale.ROOT,
            "%2d  %.3f  %.3f  %.3f |     %.3f  %.3f  %.3f | %.4f %.3f%n",
            k,
            s.meanAri(),
            s.meanNmi(),
            s.meanJaccard(),
            z.meanAri(),
            z.meanNmi(),
            z.meanJaccard(),
            silhouette,
            nmiOf(best.assignment(), goldArray, kk));
      }
    } finally {
      spark.stop();
    }
  }

  private static double nmiOf(int[] a, int[] b, int k) {
    return KSelection.nmi(a, b, k);
  }

  private static int[] toInts(double[] d) {
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (int) d[i];
    }
    return out;
  }

  /**
   * The same documents with every (term, weight) entry moved to a random document of the same
   * length profile.
   */
  private static double[][][] shuffled(int[][] indices, double[][] values, long seed) {
    List<int[]> entries = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < indices.length; i++) {
      for (int j = 0; j < indices[i].length; j++) {
        entries.add(new int[] {indices[i][j]});
        weights.add(values[i][j]);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = entries.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int[] t = entries.get(i);
      entries.set(i, entries.get(j));
      entries.set(j, t);
      Double w = weights.get(i);
      weights.set(i, weights.get(j));
      weights.set(j, w);
    }
    double[][] outIdx = new double[indices.length][];
    double[][] outVal = new double[indices.length][];
    int next = 0;
    for (int i = 0; i < indices.length; i++) {
      TreeMap<Integer, Double> doc = new TreeMap<>();
      for (int j = 0; j < indices[i].length; j++) {
        doc.merge(entries.get(next)[0], weights.get(next), Double::sum);
        next++;
      }
      double norm = 0;
      for (double w : doc.values()) {
        norm += w * w;
      }
      norm = Math.sqrt(norm);
      outIdx[i] = new double[doc.size()];
      outVal[i] = new double[doc.size()];
      int j = 0;
      for (Map.Entry<Integer, Double> e : doc.entrySet()) {
        outIdx[i][j] = e.getKey();
        outVal[i][j++] = e.getValue() / norm;
      }
    }
    return new double[][][] {outIdx, outVal};
  }
}
