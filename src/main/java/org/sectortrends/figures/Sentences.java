package org.sectortrends.figures;

import java.util.Arrays;

/**
 * Sentence boundaries of a text in code-point offsets: a sentence ends after {@code . ? ! 。}
 * followed by white space, a closing quote or the end, after {@code 다.} even when the next sentence
 * is glued to it, and at line breaks. A full stop between digits ({@code 13.2%}) or inside an
 * abbreviation without a following space never ends one.
 *
 * <p>Known weakness: a quotation that ends with {@code 다."} and continues the sentence ({@code
 * ...했다."라고 말했다}) is split after the quote mark.
 */
final class Sentences {

  private final int[] starts;
  private final int[] ends;
  private final int count;

  Sentences(int[] t) {
    int[] s = new int[16];
    int[] e = new int[16];
    int k = 0;
    int start = 0;
    int n = t.length;
    for (int i = 0; i < n; i++) {
      int c = t[i];
      boolean boundary;
      int after = i + 1;
      if (c == '\n' || c == '\r') {
        boundary = true;
        after = i;
      } else if (c == '.' || c == '?' || c == '!' || c == '。') {
        int j = i + 1;
        while (j < n
            && (t[j] == '"' || t[j] == '”' || t[j] == '\'' || t[j] == '’' || t[j] == ')')) {
          j++;
        }
        // Many outlets glue the next sentence to the full stop (있다.특히): after the
        // declarative ending 다 a full stop ends the sentence unless a digit follows.
        boundary =
            j >= n
                || Character.isWhitespace(t[j])
                || (c == '.'
                    && i > 0
                    && (t[i - 1] == '다' || t[i - 1] == '요')
                    && !KoreanNumberParser.isAsciiDigit(t[j]));
        after = j;
      } else {
        boundary = false;
      }
      if (boundary) {
        if (after > start) {
          if (k == s.length) {
            s = Arrays.copyOf(s, k * 2);
            e = Arrays.copyOf(e, k * 2);
          }
          s[k] = start;
          e[k] = after;
          k++;
        }
        start = after;
        while (start < n && Character.isWhitespace(t[start])) {
          start++;
        }
        i = Math.max(i, start - 1);
      }
    }
    if (start < n) {
      if (k == s.length) {
        s = Arrays.copyOf(s, k + 1);
        e = Arrays.copyOf(e, k + 1);
      }
      s[k] = start;
      e[k] = n;
      k++;
    }
    this.starts = s;
    this.ends = e;
    this.count = k;
  }

  int count() {
    return count;
  }

  int start(int sentence) {
    return starts[sentence];
  }

  int end(int sentence) {
    return ends[sentence];
  }

  /** The sentence containing the offset (the last one starting at or before it). */
  int indexOf(int offset) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
