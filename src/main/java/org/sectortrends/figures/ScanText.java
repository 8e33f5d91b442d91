package org.sectortrends.figures;

/**
 * Character tests shared by the number, unit and qualifier matchers, over a text held as an array
 * of code points (offsets are code-point offsets, as in {@link Figure}).
 */
final class ScanText {

  /**
   * Syllables that may follow a unit or qualifier inside the same word: particles and endings
   * ({@code 3조원의}, {@code 10%대로}, {@code 2배씩}), so the unit still ends there.
   */
  static final String PARTICLES = "의이가은는을를에와과도만씩로으까부뿐당나였인며짜권어중꼴화대내께랑서야요다지라고면했해한할된될쯤여정안미초넘남규수상째밖선보급";

  private ScanText() {}

  static boolean isParticle(int c) {
    return PARTICLES.indexOf(c) >= 0;
  }

  static boolean isLatin(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAlnum(int c) {
    return isLatin(c) || KoreanNumberParser.isAsciiDigit(c);
  }

  /** True when the code points at {@code p} spell {@code word} (a BMP word). */
  static boolean startsWith(int[] t, int p, String word) {
    int i = 0;
    for (int k = 0; k < word.length(); k++, i++) {
      if (p + i >= t.length || t[p + i] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** True when one of {@code words} occurs within {@code radius} code points of {@code at}. */
  static boolean windowContains(int[] t, int at, int radius, String... words) {
    int from = Math.max(0, at - radius);
    int to = Math.min(t.length, at + radius);
    for (String w : words) {
      int[] cps = w.codePoints().toArray();
      for (int i = from; i + cps.length <= to; i++) {
        int k = 0;
        while (k < cps.length && t[i + k] == cps[k]) {
          k++;
        }
        if (k == cps.length) {
          return true;
        }
      }
    }
    return false;
  }
}
