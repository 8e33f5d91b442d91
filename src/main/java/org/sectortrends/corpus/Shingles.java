package org.sectortrends.corpus;

import java.util.Arrays;

/**
 * Character shingles of a text for near-duplicate detection: every run of {@value #SIZE} code
 * points of the text with whitespace removed, hashed into {@value #BITS}-bit feature indices.
 *
 * <p>Whitespace is removed because re-published Korean articles most often differ in spacing and
 * line breaks; five characters are about two Korean words, short enough that a one-word edit
 * disturbs few shingles and long enough that unrelated articles share few. Hash collisions at 2^24
 * indices are rare for news-length texts and only make Jaccard estimates slightly higher.
 */
public final class Shingles {

  public static final int SIZE = 5;
  public static final int BITS = 24;
  public static final int DIMENSION = 1 << BITS;

  private Shingles() {}

  /**
   * Sorted, distinct shingle indices; empty when the text has fewer than {@value #SIZE} characters.
   */
  public static int[] of(String text) {
    int[] hashes = indices(text);
    Arrays.sort(hashes);
    int distinct = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[distinct++] = hashes[i];
      }
    }
    return distinct == hashes.length ? hashes : Arrays.copyOf(hashes, distinct);
  }

  /**
   * The shingle index of every position in text order, repeats included: the same set as {@link
   * #of} without sorting, for consumers such as {@link MinHash} that do not need order.
   */
  public static int[] indices(String text) {
    int[] cps = new int[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isWhitespace(cp)) {
        cps[n++] = cp;
      }
    }
    if (n < SIZE) {
      return new int[0];
    }
    int[] hashes = new int[n - SIZE + 1];
    for (int i = 0; i < hashes.length; i++) {
      int h = 0x9747b28c;
      for (int j = 0; j < SIZE; j++) {
        h = mix(h ^ cps[i + j]);
      }
      hashes[i] = h & (DIMENSION - 1);
    }
    return hashes;
  }

  /** Exact Jaccard similarity of two sorted, distinct index sets. */
  public static double jaccard(int[] a, int[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  /** Murmur3's 32-bit finalizer: spreads each step over all bits. */
  private static int mix(int h) {
    h *= 0xcc9e2d51;
    h = Integer.rotateLeft(h, 15);
    h *= 0x1b873593;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }
}
