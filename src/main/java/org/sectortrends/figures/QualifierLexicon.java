package org.sectortrends.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Qualifier words around a figure, from {@code qualifiers.tsv}: prefixes such as {@code 약}, {@code
 * 대략}, {@code 최대} and suffixes such as {@code 이상}, {@code 미만}, {@code 가량}, {@code 넘는}. A qualifier
 * joins the figure's span ({@code 약 2경 484조 원}, {@code 40% 이상}).
 *
 * <p>A "more than" verb may follow a particle: {@code 1만 명이 넘는}, {@code 3조 원을 넘게}.
 *
 * <p>Prefixes are matched backwards from the number: a prefix counts only as a whole word (preceded
 * by a non-Hangul character), glued to the number or separated by one space, so {@code 계약 3건} does
 * not read {@code 약}. Immutable and thread-safe.
 */
final class QualifierLexicon {

  /** A prefix qualifier found before a number: where it starts and what it means. */
  record Prefix(int start, Qualifier qualifier) {}

  private record Word(int[] codePoints, Qualifier qualifier) {}

  private final List<Word> prefixes = new ArrayList<>();
  private final CodePointTrie<Qualifier> suffixes = new CodePointTrie<>();

  QualifierLexicon(Lexicons lexicons) {
    for (String[] row : lexicons.rows(Lexicons.QUALIFIERS, 3)) {
      Qualifier qualifier = Qualifier.fromLexicon(row[2]);
      if (qualifier == null) {
        throw new IllegalArgumentException(
            "unknown qualifier '"
                + row[2]
                + "' for "
                + row[0]
                + "; expected one of "
                + Arrays.stream(Qualifier.values())
                    .filter(q -> q != Qualifier.RANGE)
                    .map(Qualifier::id)
                    .toList());
      }
      switch (row[1]) {
        case "prefix" -> prefixes.add(new Word(row[0].codePoints().toArray(), qualifier));
        case "suffix" -> suffixes.put(row[0], qualifier);
        default ->
            throw new IllegalArgumentException(
                "qualifier position must be prefix or suffix: '" + row[1] + "' for " + row[0]);
      }
    }
    prefixes.sort((a, b) -> b.codePoints.length - a.codePoints.length);
  }

  /** The prefix qualifier ending right before {@code numberStart} (one space allowed), or null. */
  Prefix prefixBefore(int[] t, int numberStart, int floor) {
    int end = numberStart > floor && t[numberStart - 1] == ' ' ? numberStart - 1 : numberStart;
    for (Word w : prefixes) {
      int start = end - w.codePoints.length;
      if (start < floor) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < w.codePoints.length && same; i++) {
        same = t[start + i] == w.codePoints[i];
      }
      if (same && (start == floor || !KoreanNumberParser.isHangulSyllable(t[start - 1]))) {
        return new Prefix(start, w.qualifier);
      }
    }
    return null;
  }

  /** The suffix qualifier at {@code from} (after one optional space), or null. */
  CodePointTrie.Match<Qualifier> suffixAfter(int[] t, int from, int limit) {
    CodePointTrie.Match<Qualifier> m = suffixes.longestMatch(t, from, limit);
    if (m == null && from < limit && t[from] == ' ') {
      m = suffixes.longestMatch(t, from + 1, limit);
    }
    if (m == null && from + 1 < limit && "이가을를".indexOf(t[from]) >= 0 && t[from + 1] == ' ') {
      // 1만 명이 넘는, 3조 원을 넘게: only "more than" verbs take a particle in between
      CodePointTrie.Match<Qualifier> verb = suffixes.longestMatch(t, from + 2, limit);
      if (verb != null && verb.value() == Qualifier.MORE_THAN && t[from + 2] == '넘') {
        m = verb;
      }
    }
    return m;
  }
}
