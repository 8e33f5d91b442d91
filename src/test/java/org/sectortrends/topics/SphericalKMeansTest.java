package org.sectortrends.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Local cosine k-means on generated sparse documents with planted groups ({@link PlantedGroups}):
 * the clustering must find the planted partition.
 */
class SphericalKMeansTest {

  private static final int TERMS_PER_GROUP = 12;
  private static final int SHARED_TERMS = 6;

  private static PlantedGroups corpus(int groups, int perGroup, int noise, long seed) {
    return PlantedGroups.generate(groups, perGroup, noise, seed, TERMS_PER_GROUP, SHARED_TERMS);
  }

  /** True when the clustering and the gold partition the documents the same way. */
  private static boolean samePartition(int[] clusters, int[] gold) {
    Map<Integer, Integer> goldOfCluster = new HashMap<>();
    Set<Integer> goldsSeen = new HashSet<>();
    for (int i = 0; i < gold.length; i++) {
      Integer previous = goldOfCluster.putIfAbsent(clusters[i], gold[i]);
      if (previous == null && !goldsSeen.add(gold[i])) {
        return false; // two clusters for one gold group
      }
      if (previous != null && previous != gold[i]) {
        return false;
      }
    }
    return true;
  }

  @ParameterizedTest(name = "{0} groups of {1}, noise {2}, seed {3}")
  @CsvSource({
    "2, 20, 0, 1",
    "3, 30, 1, 2",
    "5, 40, 2, 3",
    "8, 25, 2, 4",
    "12, 20, 1, 5",
  })
  void bestOfRestartsRecoversSeparatedGroups(int groups, int perGroup, int noise, long seed) {
    PlantedGroups c = corpus(groups, perGroup, noise, seed);
    SphericalKMeans.Result result =
        SphericalKMeans.bestOf(c.indices(), c.values(), c.dimension(), groups, 42L, 40, 5);
    assertTrue(samePartition(result.assignment(), c.gold()), () -> "cost " + result.cost());
    for (double[] centroid : result.centroids()) {
      double norm = 0;
      for (double v : centroid) {
        norm += v * v;
      }
      assertEquals(1.0, norm, 1e-9);
    }
  }

  @Test
  void silhouetteIsHighestAtTheTrueNumberOfGroups() {
    PlantedGroups c = corpus(4, 30, 1, 7);
    Map<Integer, Double> silhouettes = new HashMap<>();
    int bestK = 0;
    for (int k = 2; k <= 7; k++) {
      SphericalKMeans.Result r =
          SphericalKMeans.bestOf(c.indices(), c.values(), c.dimension(), k, 42L, 40, 3);
      silhouettes.put(k, SphericalKMeans.silhouette(c.indices(), c.values(), r.assignment(), k));
      if (bestK == 0 || silhouettes.get(k) > silhouettes.get(bestK)) {
        bestK = k;
      }
    }
    assertEquals(4, bestK, silhouettes::toString);
  }

  @Test
  void sameSeedGivesTheSameClustering() {
    PlantedGroups c = corpus(5, 20, 3, 11);
    SphericalKMeans.Result a =
        SphericalKMeans.fit(c.indices(), c.values(), c.dimension(), 5, 9L, 40);
    SphericalKMeans.Result b =
        SphericalKMeans.fit(c.indices(), c.values(), c.dimension(), 5, 9L, 40);
    assertEquals(a.cost(), b.cost());
    assertEquals(
        java.util.Arrays.toString(a.assignment()), java.util.Arrays.toString(b.assignment()));
  }

  @Test
  void identicalDocumentsStillGiveKCentroidsAndAnExplicitSilhouette() {
    int[][] indices = new int[6][];
    double[][] values = new double[6][];
    for (int i = 0; i < 6; i++) {
      indices[i] = new int[] {0, 2};
      values[i] = new double[] {Math.sqrt(0.5), Math.sqrt(0.5)};
    }
    SphericalKMeans.Result r = SphericalKMeans.fit(indices, values, 3, 3, 1L, 10);
    assertEquals(3, r.centroids().length);
    assertEquals(0.0, r.cost(), 1e-12);
    // all documents in one cluster: no neighbouring cluster, ranked last
    int[] oneCluster = new int[6];
    assertEquals(-1.0, SphericalKMeans.silhouette(indices, values, oneCluster, 3));
  }

  @Test
  void singletonClustersScoreZero() {
    int[][] indices = {{0}, {0}, {1}};
    double[][] values = {{1.0}, {1.0}, {1.0}};
    // two identical documents together (own distance 0), the third alone: (1 + 1 + 0) / 3
    assertEquals(
        2.0 / 3, SphericalKMeans.silhouette(indices, values, new int[] {0, 0, 1}, 2), 1e-12);
  }

  @Test
  void badArgumentsNameTheValue() {
    int[][] indices = {{0}, {1}};
    double[][] values = {{1.0}, {1.0}};
    IllegalArgumentException tooMany =
        assertThrows(
            IllegalArgumentException.class,
            () -> SphericalKMeans.fit(indices, values, 2, 3, 1L, 5));
    assertTrue(tooMany.getMessage().contains(": 3"), tooMany.getMessage());
    IllegalArgumentException noIterations =
        assertThrows(
            IllegalArgumentException.class,
            () -> SphericalKMeans.fit(indices, values, 2, 1, 1L, 0));
    assertTrue(noIterations.getMessage().contains(": 0"), noIterations.getMessage());
  }
}
