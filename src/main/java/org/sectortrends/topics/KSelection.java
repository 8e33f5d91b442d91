package org.sectortrends.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Chooses the number of topics by the stability of the clustering across subsamples: the k whose
 * clusters come out the same whichever part of the documents k-means is fitted on.
 *
 * <p>What: for every candidate k, {@link #stability} fits {@link SphericalKMeans} on {@code
 * subsamples} random subsamples (a {@code fraction} of the documents each, another k-means seed
 * each), assigns all the documents to the nearest centroid of each fit, and averages the adjusted
 * Rand index (ARI) over every pair of these clusterings. {@link #choose} keeps the smallest k whose
 * mean ARI is within {@link #TIE_SHARE} of the highest and warns when it is the smallest or the
 * largest k of the range: the structure may then lie outside it.
 *
 * <p>Why not the silhouette: on short texts the cosine silhouette of k-means rises slowly and
 * steadily with k (YNAT headlines: 0.005 at k = 5 to 0.012 at k = 15), so it always picks the top
 * of the range. A k above the real structure splits a real cluster in two along a line that depends
 * on the sample and the seed, and a k below it merges two clusters differently from run to run;
 * both make clusterings of different subsamples disagree. ARI is corrected for chance, so k does
 * not win by making many small clusters that agree by accident.
 *
 * <pre>{@code
 * Map<Integer, Double> byK = new LinkedHashMap<>();
 * for (int k = 5; k <= 15; k++) {
 *   byK.put(k, KSelection.stability(indices, values, dimension, k, 42L, 40, 4, 0.8).meanAri());
 * }
 * KSelection.Choice choice = KSelection.choose(byK);   // k, and a warning when k is at an edge
 * }</pre>
 *
 * <p>Known weaknesses: a split that is itself stable (two large, well separated sub-topics) counts
 * as structure, so stability may prefer a finer k than the gold labels of a corpus; with very few
 * documents per cluster every k looks unstable; the cost is {@code subsamples} fits per k, on the
 * driver's sample.
 */
public final class KSelection {

  /**
   * Stabilities within this share of the best are indistinguishable: between two samples of the
   * same headlines the mean ARI of one k moves by 0.05 on 0.3 (four subsamples each). The smallest
   * k among them wins: finer clusterings that are not more stable add no structure.
   */
  public static final double TIE_SHARE = 0.05;

  /**
   * The stability of a range of k is estimated on at most this many documents of the search sample.
   */
  public static final int STABILITY_SAMPLE = 10_000;

  /** Subsample fits per k by default. */
  public static final int DEFAULT_SUBSAMPLES = 4;

  /** k-means restarts on each subsample, the lowest cost kept. */
  public static final int RESTARTS_PER_SUBSAMPLE = 2;

  /** Share of the documents in each subsample by default. */
  public static final double DEFAULT_FRACTION = 0.8;

  private KSelection() {}

  /**
   * The stability of k: the mean pairwise ARI of the subsample clusterings (extended to all
   * documents) and the clustering of all documents by the first subsample's centroids, for the
   * silhouette.
   */
  public record Stability(
      int k, double meanAri, double meanNmi, double meanJaccard, int[] firstAssignment) {}

  /** The chosen k, the criterion of every k tried, and a warning (null when none). */
  public record Choice(int k, Map<Integer, Double> stabilities, String warning) {
    public Choice {
      stabilities = Collections.unmodifiableMap(new LinkedHashMap<>(stabilities));
    }

    public boolean atEdge() {
      return warning != null;
    }
  }

  /**
   * Restarts per k while a range of k is compared by silhouette; the chosen k gets all configured
   * restarts.
   */
  static final int SEARCH_RESTARTS = 3;

  /**
   * The outcome of the k search on the driver's sample: the chosen clustering of the sample, the
   * silhouette (and, by stability, the mean ARI) of every k tried, and a warning when the chosen k
   * is at an edge of the range (null otherwise).
   */
  record Search(
      SphericalKMeans.Result best,
      Map<Integer, Double> silhouettes,
      Map<Integer, Double> stabilities,
      String warning) {}

  /**
   * Chooses k on the sample vectors and clusters the sample with it, by the criterion of {@code
   * config}: stability ({@link #stability} on at most {@link #STABILITY_SAMPLE} documents, then all
   * configured restarts for the chosen k on the whole sample) when a range is searched, otherwise
   * silhouette. Null when no k of the range fits the sample.
   */
  static Search search(int[][] indices, double[][] values, int dimension, TopicConfig config) {
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
      int[] chosen = stabilitySample(sampled, STABILITY_SAMPLE, config.seed());
      int[][] stableIndices = new int[chosen.length][];
      double[][] stableValues = new double[chosen.length][];
      for (int i = 0; i < chosen.length; i++) {
        stableIndices[i] = indices[chosen[i]];
        stableValues[i] = values[chosen[i]];
      }
      int largest = (int) Math.round(chosen.length * DEFAULT_FRACTION);
      List<Stability> searched =
          Arrays.stream(ks)
              .filter(k -> k <= largest)
              .parallel()
              .mapToObj(
                  k ->
                      stability(
                          stableIndices,
                          stableValues,
                          dimension,
                          k,
                          config.seed(),
                          config.maxIter(),
                          DEFAULT_SUBSAMPLES,
                          DEFAULT_FRACTION))
              .collect(Collectors.toList());
      if (searched.isEmpty()) {
        return null;
      }
      for (Stability candidate : searched) {
        stabilities.put(candidate.k(), candidate.meanAri());
        silhouettes.put(
            candidate.k(),
            SphericalKMeans.silhouette(
                stableIndices, stableValues, candidate.firstAssignment(), candidate.k()));
      }
      Choice choice = choose(stabilities);
      warning = choice.warning();
      best =
          SphericalKMeans.bestOf(
              indices,
              values,
              dimension,
              choice.k(),
              config.seed(),
              config.maxIter(),
              config.restarts());
      silhouettes.put(
          best.k(), SphericalKMeans.silhouette(indices, values, best.assignment(), best.k()));
    } else {
      best = bySilhouette(indices, values, dimension, ks, config, silhouettes);
      if (best == null) {
        return null;
      }
      warning = silhouetteEdgeWarning(silhouettes, best.k());
    }
    return new Search(best, silhouettes, stabilities, warning);
  }

  /**
   * The silhouette search: every k with a few restarts (all configured restarts when k is fixed),
   * the best silhouette wins (the smaller k on a tie), and the chosen k then gets the remaining
   * restarts. Fills {@code silhouettes}; null when no k fits the sample.
   */
  private static SphericalKMeans.Result bySilhouette(
      int[][] indices,
      double[][] values,
      int dimension,
      int[] ks,
      TopicConfig config,
      Map<Integer, Double> silhouettes) {
    int searchRestarts =
        ks.length > 1 ? Math.min(SEARCH_RESTARTS, config.restarts()) : config.restarts();
    int sampled = indices.length;
    List<SearchedK> searched =
        Arrays.stream(ks)
            .filter(k -> k <= sampled)
            .parallel()
            .mapToObj(
                k -> {
                  SphericalKMeans.Result result =
                      SphericalKMeans.bestOf(
                          indices,
                          values,
                          dimension,
                          k,
                          config.seed(),
                          config.maxIter(),
                          searchRestarts);
                  return new SearchedK(
                      result, SphericalKMeans.silhouette(indices, values, result.assignment(), k));
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
      SphericalKMeans.Result more =
          SphericalKMeans.bestOf(
              indices,
              values,
              dimension,
              best.k(),
              config.seed() + searchRestarts,
              config.maxIter(),
              config.restarts() - searchRestarts);
      if (more.cost() < best.cost()) {
        best = more;
        silhouettes.put(
            best.k(), SphericalKMeans.silhouette(indices, values, best.assignment(), best.k()));
      }
    }
    return best;
  }

  private record SearchedK(SphericalKMeans.Result result, double silhouette) {}

  /**
   * The warning of a k chosen by silhouette on an edge of the k tried; null inside or for one k.
   */
  static String silhouetteEdgeWarning(Map<Integer, Double> silhouettes, int k) {
    if (silhouettes.size() < 2) {
      return null;
    }
    int min = java.util.Collections.min(silhouettes.keySet());
    int max = java.util.Collections.max(silhouettes.keySet());
    if (k != min && k != max) {
      return null;
    }
    return String.format(
        java.util.Locale.ROOT,
        "chosen k=%d is at the %s edge of the range searched %d..%d by silhouette; the structure may lie outside it: "
            + "widen --k-min/--k-max or fix --k",
        k,
        k == min ? "lower" : "upper",
        min,
        max);
  }

  /**
   * Fits k on {@code subsamples} random subsamples of {@code fraction} of the documents (seeds
   * {@code seed, seed + 1, ...} for both the subsample and k-means) and returns the mean adjusted
   * Rand index over all pairs of the resulting clusterings of all documents.
   */
  public static Stability stability(
      int[][] indices,
      double[][] values,
      int dimension,
      int k,
      long seed,
      int maxIter,
      int subsamples,
      double fraction) {
    int n = indices.length;
    if (subsamples < 2) {
      throw new IllegalArgumentException(
          "subsamples must be at least 2 to compare clusterings: " + subsamples);
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
    }
    int size = Math.max(k, (int) Math.round(n * fraction));
    if (k < 2 || size > n) {
      throw new IllegalArgumentException(
          "k must be in 2.." + n + " (the documents), with subsamples of at least k: " + k);
    }
    // Each subsample is independent; they run in parallel and are gathered in order.
    int[][] results = new int[subsamples][];
    java.util.stream.IntStream.range(0, subsamples)
        .parallel()
        .forEach(
            s -> {
              int[] chosen = subsample(n, size, new SplittableRandom(seed * 1_000_003L + s));
              int[][] subIndices = new int[size][];
              double[][] subValues = new double[size][];
              for (int i = 0; i < size; i++) {
                subIndices[i] = indices[chosen[i]];
                subValues[i] = values[chosen[i]];
              }
              // The best of a few restarts, so that a poor local optimum of one fit does not read
              // as instability of k.
              SphericalKMeans.Result fit =
                  SphericalKMeans.bestOf(
                      subIndices,
                      subValues,
                      dimension,
                      k,
                      seed + s * (long) RESTARTS_PER_SUBSAMPLE,
                      maxIter,
                      RESTARTS_PER_SUBSAMPLE);
              results[s] = SphericalKMeans.assign(indices, values, fit.centroids());
            });
    List<int[]> clusterings = Arrays.asList(results);
    double ari = 0;
    double nmi = 0;
    double jaccard = 0;
    int pairs = 0;
    for (int a = 0; a < subsamples; a++) {
      for (int b = a + 1; b < subsamples; b++) {
        ari += adjustedRand(clusterings.get(a), clusterings.get(b));
        nmi += nmi(clusterings.get(a), clusterings.get(b), k);
        jaccard +=
            (clusterJaccard(clusterings.get(a), clusterings.get(b), k)
                    + clusterJaccard(clusterings.get(b), clusterings.get(a), k))
                / 2;
        pairs++;
      }
    }
    return new Stability(k, ari / pairs, nmi / pairs, jaccard / pairs, clusterings.get(0));
  }

  /**
   * The smallest k whose stability is within {@link #TIE_SHARE} of the highest, with a warning when
   * more than one k was compared and the chosen one is the smallest or the largest.
   */
  public static Choice choose(Map<Integer, Double> stabilities) {
    if (stabilities.isEmpty()) {
      throw new IllegalArgumentException("No k to choose from");
    }
    List<Integer> ks = new ArrayList<>(stabilities.keySet());
    Collections.sort(ks);
    double top = Collections.max(stabilities.values());
    int best = ks.get(ks.size() - 1);
    for (int k : ks) {
      if (stabilities.get(k) >= top - TIE_SHARE * Math.abs(top)) {
        best = k;
        break;
      }
    }
    String warning = null;
    if (ks.size() > 1 && (best == ks.get(0) || best == ks.get(ks.size() - 1))) {
      warning =
          String.format(
              Locale.ROOT,
              "chosen k=%d is at the %s edge of the range searched %d..%d (stability %.3f); the structure may lie outside it: "
                  + "widen --k-min/--k-max or fix --k",
              best,
              best == ks.get(0) ? "lower" : "upper",
              ks.get(0),
              ks.get(ks.size() - 1),
              stabilities.get(best));
    }
    return new Choice(best, stabilities, warning);
  }

  /**
   * Adjusted Rand index of two labelings of the same documents (1 identical, about 0 by chance).
   */
  public static double adjustedRand(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "Labelings differ in length: " + a.length + " vs " + b.length);
    }
    int n = a.length;
    Map<Long, Integer> cells = new java.util.HashMap<>();
    Map<Integer, Integer> rows = new java.util.HashMap<>();
    Map<Integer, Integer> columns = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      cells.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
      rows.merge(a[i], 1, Integer::sum);
      columns.merge(b[i], 1, Integer::sum);
    }
    double index = 0;
    for (int c : cells.values()) {
      index += pairs(c);
    }
    double rowPairs = 0;
    for (int c : rows.values()) {
      rowPairs += pairs(c);
    }
    double columnPairs = 0;
    for (int c : columns.values()) {
      columnPairs += pairs(c);
    }
    double expected = rowPairs * columnPairs / pairs(n);
    double max = (rowPairs + columnPairs) / 2;
    if (max == expected) {
      return 1.0; // both labelings put everything in one cluster (or every document alone)
    }
    return (index - expected) / (max - expected);
  }

  /** NMI (arithmetic mean normalization) of two labelings with labels in 0..k-1. */
  public static double nmi(int[] a, int[] b, int k) {
    int n = a.length;
    double[][] joint = new double[k][k];
    double[] pa = new double[k];
    double[] pb = new double[k];
    for (int i = 0; i < n; i++) {
      joint[a[i]][b[i]]++;
      pa[a[i]]++;
      pb[b[i]]++;
    }
    double mutual = 0;
    double ha = 0;
    double hb = 0;
    for (int x = 0; x < k; x++) {
      if (pa[x] > 0) {
        ha -= pa[x] / n * Math.log(pa[x] / n);
      }
      if (pb[x] > 0) {
        hb -= pb[x] / n * Math.log(pb[x] / n);
      }
      for (int y = 0; y < k; y++) {
        if (joint[x][y] > 0) {
          mutual += joint[x][y] / n * Math.log(joint[x][y] * n / (pa[x] * pb[y]));
        }
      }
    }
    return ha + hb == 0 ? 1.0 : 2 * mutual / (ha + hb);
  }

  /**
   * Mean over the populated clusters of {@code a} of their best Jaccard overlap with a cluster of
   * {@code b}.
   */
  static double clusterJaccard(int[] a, int[] b, int k) {
    double[][] joint = new double[k][k];
    double[] sa = new double[k];
    double[] sb = new double[k];
    for (int i = 0; i < a.length; i++) {
      joint[a[i]][b[i]]++;
      sa[a[i]]++;
      sb[b[i]]++;
    }
    double sum = 0;
    int populated = 0;
    for (int x = 0; x < k; x++) {
      if (sa[x] == 0) {
        continue;
      }
      populated++;
      double best = 0;
      for (int y = 0; y < k; y++) {
        best = Math.max(best, joint[x][y] / (sa[x] + sb[y] - joint[x][y]));
      }
      sum += best;
    }
    return sum / populated;
  }

  private static double pairs(long count) {
    return count * (count - 1) / 2.0;
  }

  /**
   * At most {@code limit} of the documents, drawn with {@code seed}, in their order; all of them
   * when there are no more: the documents the stability of a range of k is estimated on.
   */
  public static int[] stabilitySample(int n, int limit, long seed) {
    if (n <= limit) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    return subsample(n, limit, new SplittableRandom(seed));
  }

  /**
   * {@code size} distinct indices of {@code 0..n-1}, in increasing order (partial Fisher-Yates).
   */
  private static int[] subsample(int n, int size, SplittableRandom random) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] chosen = Arrays.copyOf(all, size);
    Arrays.sort(chosen);
    return chosen;
  }
}
