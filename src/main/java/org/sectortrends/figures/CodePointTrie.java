package org.sectortrends.figures;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A small trie over Unicode code points that answers "which key is the longest one starting at this
 * position?". Lexicon look-ups (units, metrics, direction words, qualifiers) all run through it:
 * one binary search over a node's sorted child code points per matched code point, no boxing, no
 * substring.
 *
 * <p>Keys are matched literally (case-sensitively, spaces included). Build it completely in a
 * constructor, then share it: {@link #longestMatch} and {@link #matches} only read. It is
 * serializable (with serializable values) so that Spark closures may capture the lexicons built on
 * it, such as {@link CompanyDirectory}.
 *
 * @param <V> the value stored for each key
 */
final class CodePointTrie<V> implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The result of a look-up: the value and the exclusive end offset of the matched key. */
  record Match<V>(V value, int end) {}

  private static final class Node implements Serializable {
    private static final long serialVersionUID = 1L;
    int[] keys = new int[0];
    Node[] children = new Node[0];
    Object value;

    Node child(int cp) {
      int[] k = keys;
      if (k.length <= 8) {
        for (int i = 0; i < k.length; i++) {
          if (k[i] == cp) {
            return children[i];
          }
        }
        return null;
      }
      int i = Arrays.binarySearch(k, cp);
      return i >= 0 ? children[i] : null;
    }

    Node addChild(int cp) {
      int i = Arrays.binarySearch(keys, cp);
      if (i >= 0) {
        return children[i];
      }
      int at = -i - 1;
      int[] k = new int[keys.length + 1];
      Node[] c = new Node[keys.length + 1];
      System.arraycopy(keys, 0, k, 0, at);
      System.arraycopy(children, 0, c, 0, at);
      System.arraycopy(keys, at, k, at + 1, keys.length - at);
      System.arraycopy(children, at, c, at + 1, keys.length - at);
      Node n = new Node();
      k[at] = cp;
      c[at] = n;
      keys = k;
      children = c;
      return n;
    }
  }

  private final Node root = new Node();

  /** First code points of all keys (BMP), so that most positions are rejected by one bit test. */
  private final long[] firstBmp = new long[1024];

  private int size;

  /** Adds or replaces a key; an empty key is rejected because it would match everywhere. */
  void put(String key, V value) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("empty trie key for value " + value);
    }
    Node node = root;
    int first = key.codePointAt(0);
    if (first < 0x10000) {
      firstBmp[first >>> 6] |= 1L << first;
    }
    for (int i = 0; i < key.length(); ) {
      int cp = key.codePointAt(i);
      node = node.addChild(cp);
      i += Character.charCount(cp);
    }
    if (node.value == null) {
      size++;
    }
    node.value = value;
  }

  /** Adds a key unless it is already present: the first value put for a key stays. */
  void putIfAbsent(String key, V value) {
    int[] cps = key == null ? new int[0] : key.codePoints().toArray();
    Match<V> existing = cps.length == 0 ? null : longestMatch(cps, 0, cps.length);
    if (existing == null || existing.end() != cps.length) {
      put(key, value);
    }
  }

  int size() {
    return size;
  }

  /** Longest key starting at {@code from} and ending at or before {@code limit}, or null. */
  @SuppressWarnings("unchecked")
  Match<V> longestMatch(int[] text, int from, int limit) {
    if (from >= limit || !startsWith(text[from])) {
      return null;
    }
    Node node = root;
    Object best = null;
    int bestEnd = -1;
    for (int i = from; i < limit; i++) {
      node = node.child(text[i]);
      if (node == null) {
        break;
      }
      if (node.value != null) {
        best = node.value;
        bestEnd = i + 1;
      }
    }
    return best == null ? null : new Match<>((V) best, bestEnd);
  }

  /**
   * Every key starting at {@code from} and ending at or before {@code limit}, shortest first: fills
   * {@code ends} (exclusive end offsets) and {@code values} up to their length and returns how many
   * were found. For look-ups that must try shorter keys when the longest one does not fit its
   * context (an alias that does not end a word).
   */
  @SuppressWarnings("unchecked")
  int matches(int[] text, int from, int limit, int[] ends, Object[] values) {
    if (from >= limit || !startsWith(text[from])) {
      return 0;
    }
    Node node = root;
    int n = 0;
    for (int i = from; i < limit && n < ends.length; i++) {
      node = node.child(text[i]);
      if (node == null) {
        break;
      }
      if (node.value != null) {
        ends[n] = i + 1;
        values[n] = node.value;
        n++;
      }
    }
    return n;
  }

  /** True when some key starts with the code point, a cheap pre-check before a full look-up. */
  boolean startsWith(int codePoint) {
    if (codePoint < 0x10000) {
      return (firstBmp[codePoint >>> 6] & (1L << codePoint)) != 0;
    }
    return root.child(codePoint) != null;
  }
}
