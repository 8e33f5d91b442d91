package org.sectortrends.figures;

/**
 * Native Korean counting words in their attributive form, the form used before a counter: 한 (1), 두,
 * 세, 네, 다섯 ... 열 (10), 열두 (12), 스무 (20), 서른, 마흔 ... 아흔아홉 (99).
 *
 * <p>They quantify only before a counter ({@code 한 곳}, {@code 열두 개}, {@code 두 배}); the caller
 * checks that. {@code 세계}, {@code 한국} or {@code 네이버} never reach a counter and so never become
 * figures. Immutable and thread-safe.
 */
final class NativeNumerals {

  private static final String[] UNITS = {"한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"};
  private static final String[] TENS = {"열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"};

  private final CodePointTrie<Integer> trie = new CodePointTrie<>();

  NativeNumerals() {
    for (int u = 0; u < UNITS.length; u++) {
      trie.put(UNITS[u], u + 1);
    }
    for (int t = 0; t < TENS.length; t++) {
      int tens = (t + 1) * 10;
      trie.put(TENS[t], tens);
      for (int u = 0; u < UNITS.length; u++) {
        trie.put(TENS[t] + UNITS[u], tens + u + 1);
      }
    }
    // 스물 shortens to 스무 before a counter (스무 개), but keeps 스물 in 스물한 개.
    trie.put("스무", 20);
  }

  boolean mayStart(int codePoint) {
    return trie.startsWith(codePoint);
  }

  /** The numeral starting at {@code from}, or null. */
  CodePointTrie.Match<Integer> match(int[] text, int from, int limit) {
    return trie.longestMatch(text, from, limit);
  }
}
