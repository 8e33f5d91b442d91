package org.sectortrends.topics;

import java.util.SplittableRandom;

/**
 * Test fixture: sparse unit vectors with a planted number of groups, for the cosine k-means and the
 * k criterion. Each group has its own block of {@code termsPerGroup} terms; every document draws 5
 * terms of its group with weights in [0.5, 1.5) and, {@code noise} times, a term of a shared block
 * of {@code sharedTerms} that blurs the groups. Document {@code i} belongs to group {@code i %
 * groups}. The same arguments always give the same vectors.
 *
 * @param indices the non-zero term indices of every document, ascending
 * @param values the weights at those indices; every document has unit length
 * @param gold the planted group of every document
 * @param dimension the number of terms
 */
record PlantedGroups(int[][] indices, double[][] values, int[] gold, int dimension) {

  static PlantedGroups generate(
      int groups, int perGroup, int noise, long seed, int termsPerGroup, int sharedTerms) {
    SplittableRandom random = new SplittableRandom(seed);
    int n = groups * perGroup;
    int dimension = groups * termsPerGroup + sharedTerms;
    int[][] indices = new int[n][];
    double[][] values = new double[n][];
    int[] gold = new int[n];
    for (int i = 0; i < n; i++) {
      int group = i % groups;
      gold[i] = group;
      double[] dense = new double[dimension];
      for (int j = 0; j < 5; j++) {
        dense[group * termsPerGroup + random.nextInt(termsPerGroup)] += 0.5 + random.nextDouble();
      }
      for (int j = 0; j < noise; j++) {
        dense[groups * termsPerGroup + random.nextInt(sharedTerms)] += random.nextDouble();
      }
      double norm = 0;
      int nonZeros = 0;
      for (double v : dense) {
        norm += v * v;
        nonZeros += v != 0 ? 1 : 0;
      }
      indices[i] = new int[nonZeros];
      values[i] = new double[nonZeros];
      for (int t = 0, j = 0; t < dimension; t++) {
        if (dense[t] != 0) {
          indices[i][j] = t;
          values[i][j++] = dense[t] / Math.sqrt(norm);
        }
      }
    }
    return new PlantedGroups(indices, values, gold, dimension);
  }
}
