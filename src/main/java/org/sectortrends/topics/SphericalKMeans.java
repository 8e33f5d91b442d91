package org.sectortrends.topics;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Cosine (spherical) k-means and the cosine silhouette over unit-length sparse vectors held in
 * memory, without Spark: the k search of the topic stage runs on a bounded sample on the driver.
 *
 * <p>Why not MLlib for the search: every MLlib k-means iteration is a Spark job, and choosing k by
 * silhouette over 5..15 with restarts is several hundred of them. Their fixed cost, not the data,
 * dominated the topic stage (88 s on 10,000 articles, most of the pipeline). On a sample of a few
 * thousand documents the same search takes well under a second per k here; the chosen centroids
 * then seed MLlib k-means on the whole fitting set, so the saved model is still MLlib's.
 *
 * <p>The algorithm is MLlib's with {@code distanceMeasure = cosine}: distance {@code 1 - x·c}, a
 * document joins the centroid of largest dot product, a centroid is the normalized mean of its
 * documents, and the cost is the sum of distances. Seeding is k-means++ (squared cosine distance);
 * an emptied cluster is reseeded with the document farthest from its centroid. {@link #silhouette}
 * is the silhouette that {@code ClusteringEvaluator} computes for cosine (average distance to a
 * cluster from the cluster's normalized sum, the own cluster without the point itself, singletons
 * scoring 0), so scores agree with the evaluator on the same data.
 *
 * <pre>{@code
 * SphericalKMeans.Result r = SphericalKMeans.fit(indices, values, vocabularySize, 7, 42L, 40);
 * double s = SphericalKMeans.silhouette(indices, values, r.assignment(), r.k());
 * }</pre>
 *
 * <p>Known weaknesses: the whole sample and k dense centroids live in memory (sample size times
 * non-zeros, plus k times vocabulary doubles), so the sample must stay bounded; results depend on
 * the seed, like any k-means, hence the restarts chosen by cost.
 */
public final class SphericalKMeans {

  /**
   * Relative cost change below which the iterations stop (MLlib's default tolerance is similar).
   */
  private static final double TOLERANCE = 1e-6;

  private SphericalKMeans() {}

  /**
   * A clustering: unit centroids ({@code k x dimension}), the cluster of every document, the cost
   * (sum of cosine distances) and the iterations run.
   */
  public record Result(double[][] centroids, int[] assignment, double cost, int iterations) {
    public int k() {
      return centroids.length;
    }
  }

  /**
   * Clusters the documents ({@code indices[i]}, {@code values[i]}: the non-zeros of a unit vector)
   * into {@code k} clusters, at most {@code maxIter} assignment rounds.
   */
  public static Result fit(
      int[][] indices, double[][] values, int dimension, int k, long seed, int maxIter) {
    int n = indices.length;
    if (values.length != n) {
      throw new IllegalArgumentException(
          "indices and values differ in length: " + n + " vs " + values.length);
    }
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in 1.." + n + " (the documents): " + k);
    }
    if (maxIter < 1) {
      throw new IllegalArgumentException("maxIter must be at least 1: " + maxIter);
    }
    double[][] centroids = seed(indices, values, dimension, k, new SplittableRandom(seed));
    int[] assignment = new int[n];
    Arrays.fill(assignment, -1);
    double[] best = new double[n];
    double cost = Double.POSITIVE_INFINITY;
    int iteration = 0;
    while (iteration < maxIter) {
      iteration++;
      double[] byTerm = transpose(centroids, dimension);
      double[] dots = new double[k];
      boolean changed = false;
      double newCost = 0;
      for (int i = 0; i < n; i++) {
        int cluster = nearest(indices[i], values[i], byTerm, dots, best, i);
        if (cluster != assignment[i]) {
          assignment[i] = cluster;
          changed = true;
        }
        newCost += 1 - best[i];
      }
      boolean converged =
          !changed || Math.abs(cost - newCost) <= TOLERANCE * Math.max(1, Math.abs(newCost));
      cost = newCost;
      if (converged && iteration > 1) {
        break;
      }
      centroids = centroids(indices, values, assignment, best, dimension, k);
    }
    return new Result(centroids, assignment, cost, iteration);
  }

  /**
   * Best of {@code restarts} fits with seeds {@code seed, seed + 1, ...}, by lowest cost (the lower
   * seed on a tie). The restarts are independent and run in parallel on the common fork-join pool;
   * the result does not depend on how they are scheduled.
   */
  public static Result bestOf(
      int[][] indices,
      double[][] values,
      int dimension,
      int k,
      long seed,
      int maxIter,
      int restarts) {
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be at least 1: " + restarts);
    }
    List<Result> results =
        IntStream.range(0, restarts)
            .parallel()
            .mapToObj(r -> fit(indices, values, dimension, k, seed + r, maxIter))
            .collect(Collectors.toList());
    Result best = null;
    for (Result result : results) {
      if (best == null || result.cost() < best.cost()) {
        best = result;
      }
    }
    return best;
  }

  /**
   * The nearest centroid (largest dot product) of every document; {@code centroids} are unit
   * vectors of the documents' dimension, e.g. those of a fit on a subsample.
   */
  public static int[] assign(int[][] indices, double[][] values, double[][] centroids) {
    int k = centroids.length;
    int dimension = k == 0 ? 0 : centroids[0].length;
    double[] byTerm = transpose(centroids, dimension);
    double[] dots = new double[k];
    double[] best = new double[indices.length];
    int[] assignment = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      assignment[i] = nearest(indices[i], values[i], byTerm, dots, best, i);
    }
    return assignment;
  }

  /**
   * Mean cosine silhouette of the clustering, as Spark's {@code ClusteringEvaluator} computes it;
   * -1 when fewer than two clusters are populated (there is no neighbouring cluster).
   */
  public static double silhouette(int[][] indices, double[][] values, int[] assignment, int k) {
    int n = indices.length;
    int[] sizes = new int[k];
    int dimension = 0;
    for (int i = 0; i < n; i++) {
      sizes[assignment[i]]++;
      for (int t : indices[i]) {
        dimension = Math.max(dimension, t + 1);
      }
    }
    int populated = 0;
    for (int size : sizes) {
      populated += size > 0 ? 1 : 0;
    }
    if (populated < 2) {
      return -1.0;
    }
    double[][] sums = new double[k][dimension];
    for (int i = 0; i < n; i++) {
      double[] sum = sums[assignment[i]];
      int[] idx = indices[i];
      double[] val = values[i];
      for (int j = 0; j < idx.length; j++) {
        sum[idx[j]] += val[j];
      }
    }
    double[] byTerm = transpose(sums, dimension);
    double[] dots = new double[k];
    double total = 0;
    for (int i = 0; i < n; i++) {
      int own = assignment[i];
      if (sizes[own] == 1) {
        continue; // a singleton's silhouette is 0
      }
      Arrays.fill(dots, 0);
      int[] idx = indices[i];
      double[] val = values[i];
      for (int j = 0; j < idx.length; j++) {
        int base = idx[j] * k;
        double v = val[j];
        for (int c = 0; c < k; c++) {
          dots[c] += v * byTerm[base + c];
        }
      }
      double neighbour = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && sizes[c] > 0) {
          neighbour = Math.min(neighbour, 1 - dots[c] / sizes[c]);
        }
      }
      // The own cluster's average distance without the point itself (its distance to itself is 0).
      double current = (1 - dots[own] / sizes[own]) * sizes[own] / (sizes[own] - 1);
      if (current < neighbour) {
        total += 1 - current / neighbour;
      } else if (current > neighbour) {
        total += neighbour / current - 1;
      }
    }
    return total / n;
  }

  /** k-means++ seeding with squared cosine distances. */
  private static double[][] seed(
      int[][] indices, double[][] values, int dimension, int k, SplittableRandom random) {
    int n = indices.length;
    double[][] centroids = new double[k][];
    boolean[] chosen = new boolean[n];
    int pick = random.nextInt(n);
    chosen[pick] = true;
    centroids[0] = dense(indices[pick], values[pick], dimension);
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      weight[i] = squaredDistance(indices[i], values[i], centroids[0]);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double w : weight) {
        total += w;
      }
      pick = -1;
      if (total > 0) {
        double target = random.nextDouble() * total;
        for (int i = 0; i < n && pick < 0; i++) {
          target -= weight[i];
          if (target <= 0 && weight[i] > 0) {
            pick = i;
          }
        }
      }
      if (pick < 0) {
        // Every document sits on a centroid already (duplicates): take any document not yet taken.
        pick = 0;
        while (chosen[pick]) {
          pick++;
        }
      }
      chosen[pick] = true;
      centroids[c] = dense(indices[pick], values[pick], dimension);
      for (int i = 0; i < n; i++) {
        weight[i] = Math.min(weight[i], squaredDistance(indices[i], values[i], centroids[c]));
      }
    }
    return centroids;
  }

  private static double squaredDistance(int[] idx, double[] val, double[] centroid) {
    double dot = 0;
    for (int j = 0; j < idx.length; j++) {
      dot += val[j] * centroid[idx[j]];
    }
    double distance = Math.max(0, 1 - dot);
    return distance * distance;
  }

  private static double[] dense(int[] idx, double[] val, int dimension) {
    double[] v = new double[dimension];
    for (int j = 0; j < idx.length; j++) {
      v[idx[j]] = val[j];
    }
    return v;
  }

  /**
   * Centroid weights laid out term-major ({@code [term * k + cluster]}) for sparse dot products.
   */
  private static double[] transpose(double[][] centroids, int dimension) {
    int k = centroids.length;
    double[] byTerm = new double[dimension * k];
    for (int c = 0; c < k; c++) {
      double[] centroid = centroids[c];
      for (int t = 0; t < dimension; t++) {
        byTerm[t * k + c] = centroid[t];
      }
    }
    return byTerm;
  }

  private static int nearest(
      int[] idx, double[] val, double[] byTerm, double[] dots, double[] best, int doc) {
    int k = dots.length;
    Arrays.fill(dots, 0);
    for (int j = 0; j < idx.length; j++) {
      int base = idx[j] * k;
      double v = val[j];
      for (int c = 0; c < k; c++) {
        dots[c] += v * byTerm[base + c];
      }
    }
    int arg = 0;
    for (int c = 1; c < k; c++) {
      if (dots[c] > dots[arg]) {
        arg = c;
      }
    }
    best[doc] = dots[arg];
    return arg;
  }

  private static double[][] centroids(
      int[][] indices,
      double[][] values,
      int[] assignment,
      double[] similarity,
      int dimension,
      int k) {
    double[][] sums = new double[k][dimension];
    int[] sizes = new int[k];
    for (int i = 0; i < indices.length; i++) {
      int c = assignment[i];
      sizes[c]++;
      double[] sum = sums[c];
      int[] idx = indices[i];
      double[] val = values[i];
      for (int j = 0; j < idx.length; j++) {
        sum[idx[j]] += val[j];
      }
    }
    boolean[] taken = new boolean[indices.length];
    for (int c = 0; c < k; c++) {
      if (sizes[c] == 0) {
        int farthest = -1;
        for (int i = 0; i < indices.length; i++) {
          if (!taken[i] && (farthest < 0 || similarity[i] < similarity[farthest])) {
            farthest = i;
          }
        }
        taken[farthest] = true;
        sums[c] = dense(indices[farthest], values[farthest], dimension);
      }
      normalize(sums[c]);
    }
    return sums;
  }

  private static void normalize(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= norm;
      }
    }
  }
}
