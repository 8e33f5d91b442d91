package org.sectortrends.jobs;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name a mistyped one was probably meant to be, for "did you mean" hints: {@code
 * ouput} → {@code out}, {@code lexicons} → {@code lexicon-dir}, {@code stage} → {@code stages}.
 *
 * <p>The distance is Levenshtein's (insertions, deletions, substitutions) on lower-cased names; a
 * known name that starts with the typed one (or the reverse), or shares its first 60% (at least 4
 * characters), counts as distance 1, so truncated and re-suffixed names are found too. A name
 * further than a third of its length (at least 2) from every known name gets no suggestion: a wild
 * guess helps less than none. Between equally distant names the one sharing the longer start wins
 * ({@code ouput} is as far from {@code input} as from {@code out}; the shared {@code ou} decides).
 */
public final class ClosestName {

  private ClosestName() {}

  /**
   * The known name closest to {@code typed}, if one is close enough. Ties go to the longer shared
   * start, then to the first.
   */
  public static Optional<String> among(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      String c = candidate.toLowerCase(Locale.ROOT);
      boolean sameStart =
          !c.equals(t)
              && (c.startsWith(t)
                  || t.startsWith(c)
                  || commonPrefix(t, c) >= Math.max(4, (int) Math.ceil(0.6 * t.length())));
      int d = t.isEmpty() ? c.length() : sameStart ? 1 : distance(t, c);
      if (d < bestDistance
          || d == bestDistance
              && best != null
              && commonPrefix(t, c) > commonPrefix(t, best.toLowerCase(Locale.ROOT))) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(2, t.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** {@code "; did you mean PREFIX+name?"} or the empty string. */
  static String hint(String typed, Collection<String> known, String prefix) {
    return among(typed, known).map(n -> "; did you mean " + prefix + n + "?").orElse("");
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
