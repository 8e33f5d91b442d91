package org.sectortrends.figures;

import java.util.HashMap;
import java.util.Map;

/**
 * A small immutable-after-build trie over Unicode code points that answers "which key is the
 * longest one starting at this position?". Lexicon look-ups (units, metrics, direction words,
 * qualifiers) all run through it, so a look-up costs one hash probe per matched code point and
 * never allocates a substring.
 *
 * <p>Keys are matched literally (case-sensitively, spaces included). Build it completely, then
 * share it: {@link #longestMatch} only reads.
 *
 * @param <V> the value stored for each key
 */
final class CodePointTrie<V> {

    /** The result of a look-up: the value and the exclusive end offset of the matched key. */
    record Match<V>(V value, int end) {}

    private static final class Node<V> {
        final Map<Integer, Node<V>> children = new HashMap<>(4);
        V value;
    }

    private final Node<V> root = new Node<>();
    private int size;

    /** Adds or replaces a key; an empty key is rejected because it would match everywhere. */
    void put(String key, V value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("empty trie key for value " + value);
        }
        Node<V> node = root;
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            node = node.children.computeIfAbsent(cp, k -> new Node<>());
            i += Character.charCount(cp);
        }
        if (node.value == null) {
            size++;
        }
        node.value = value;
    }

    int size() {
        return size;
    }

    /** Longest key starting at {@code from} and ending at or before {@code limit}, or null. */
    Match<V> longestMatch(int[] text, int from, int limit) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = from; i < limit; i++) {
            node = node.children.get(text[i]);
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = new Match<>(node.value, i + 1);
            }
        }
        return best;
    }

    /** True when some key starts with the code point, a cheap pre-check before a full look-up. */
    boolean startsWith(int codePoint) {
        return root.children.containsKey(codePoint);
    }
}
