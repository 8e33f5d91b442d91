package org.sectortrends.corpus;

import java.io.Serializable;
import java.util.Random;

/**
 * MinHash signatures of {@link Shingles} sets and the band keys that make near-duplicate
 * candidates, computed on primitive arrays.
 *
 * <p>Function {@code j} maps a shingle index {@code i} to {@code ((1 + i) * a_j + b_j) mod p} with
 * {@code p = 2038074743}, and the signature holds each function's minimum over the set. The
 * coefficients are drawn exactly as MLlib's {@code MinHashLSH} draws them from the same seed
 * ({@code a = 1 + nextInt(p - 1)}, then {@code b = nextInt(p - 1)}, function by function), so a
 * signature equals the hash vector MLlib computes for the same set and seed. The difference is
 * cost: MLlib walks the sparse vector through a boxed Scala iterator for every function, which made
 * signatures the largest cost of the ingest (about half of its task time at 10,000 articles); here
 * it is one pass over an {@code int[]} updating a {@code long[]}.
 *
 * <p>Example: with 42 functions in 7 bands of 6, {@code bandKeys(signature(Shingles.of(body)), 7,
 * 6)} gives seven keys; two bodies are candidates when any key agrees.
 *
 * <p>Known weakness: the universal hash family is not min-wise independent, so estimates of
 * similarity from a signature are slightly biased; candidates are therefore always confirmed by
 * exact Jaccard similarity, never by the signature.
 */
public final class MinHash implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The prime of MLlib's MinHashLSH; every shingle index is below it. */
  static final long PRIME = 2_038_074_743L;

  /** Seed of the band keys' hash fold. */
  private static final long KEY_SEED = 1125899906842597L;

  private final long[] a;
  private final long[] b;

  /**
   * @param functions number of hash functions (bands × rows)
   * @param seed seed of the coefficients; the same seed gives the same signatures on every run
   */
  public MinHash(int functions, long seed) {
    if (functions < 1) {
      throw new IllegalArgumentException("MinHash needs at least one function: " + functions);
    }
    a = new long[functions];
    b = new long[functions];
    Random random = new Random(seed);
    for (int j = 0; j < functions; j++) {
      a[j] = 1 + random.nextInt((int) PRIME - 1);
      b[j] = random.nextInt((int) PRIME - 1);
    }
  }

  public int functions() {
    return a.length;
  }

  /**
   * The minimum of every function over the shingle indices; {@code shingles} must not be empty and
   * may hold repeats in any order ({@link Shingles#indices}), which do not change a minimum.
   */
  public long[] signature(int[] shingles) {
    if (shingles.length == 0) {
      throw new IllegalArgumentException("No signature for an empty shingle set");
    }
    int n = a.length;
    long[] min = new long[n];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (int shingle : shingles) {
      long x = 1L + shingle;
      for (int j = 0; j < n; j++) {
        long h = (x * a[j] + b[j]) % PRIME;
        if (h < min[j]) {
          min[j] = h;
        }
      }
    }
    return min;
  }

  /**
   * One key per band, folding that band's {@code rows} consecutive signature values; equal bands
   * give equal keys.
   */
  public static long[] bandKeys(long[] signature, int bands, int rows) {
    if ((long) bands * rows > signature.length) {
      throw new IllegalArgumentException(
          bands
              + " bands of "
              + rows
              + " need more than the "
              + signature.length
              + " signature values");
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long key = KEY_SEED;
      for (int r = 0; r < rows; r++) {
        key = 31 * key + signature[band * rows + r];
      }
      keys[band] = key;
    }
    return keys;
  }
}
