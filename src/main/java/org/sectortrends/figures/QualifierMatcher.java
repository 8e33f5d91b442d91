package org.sectortrends.figures;

import static org.sectortrends.figures.ScanText.isParticle;

import java.math.BigDecimal;
import org.sectortrends.figures.CodePointTrie.Match;
import org.sectortrends.figures.UnitLexicon.Kind;

/**
 * Widens a number with its unit into the figure's span and reads what surrounds it: a band ({@code
 * 20%대}, {@code 1조원대}: 20..30, 1조..2조), qualifier words before and after ({@code 약 4조 달러}, {@code
 * 40% 이상}, {@code 1만 명이 넘는}), and a direction shown by the figure itself ({@code ▲3.2%}, {@code
 * 22%↑}, {@code +15%}).
 *
 * <p>Precedence: a range or band wins over a qualifier word, a suffix word over a prefix word, and
 * any word over the approximation the number carries itself ({@code 3조여}). Qualifier words still
 * join the span when they lose. A prefix is looked for only after the previous figure ({@code
 * floor}), so two figures never share a word.
 *
 * <p>Known weakness: a band is read from {@code 대} followed by a particle or a non-word character,
 * so {@code 3조원대에서} is a band but an unusual ending after 대 is not. Immutable and thread-safe.
 */
final class QualifierMatcher {

  /**
   * The qualified figure: its span, upper end (of a range or band), qualifier and direction.
   *
   * @param start first code point, a prefix qualifier word included
   * @param end code point after the figure, band and suffix qualifier word included
   * @param rangeHigh upper end of the range or band in the number's unit, or null
   * @param qualifier the qualifier, or null
   * @param arrow the direction the figure shows itself, or null
   */
  record Qualified(
      int start, int end, BigDecimal rangeHigh, Qualifier qualifier, ArrowDirection arrow) {}

  private final QualifierLexicon qualifiers;

  QualifierMatcher(QualifierLexicon qualifiers) {
    this.qualifiers = qualifiers;
  }

  /**
   * Qualifies the number with unit at {@code [spanStart, end)}.
   *
   * @param value the number's value in the table unit
   * @param high the upper end of a range read with the number, or null
   * @param approx true when the number carries an approximation itself ({@code 3조여})
   * @param negative true when a minus sign precedes the number
   * @param arrow a direction read before the number ({@code ▲}), or null
   * @param kind the unit's kind (measures take no band: {@code 3톤대} is not a band)
   * @param floor end of the previous figure: no prefix word before it
   */
  Qualified qualify(
      int[] t,
      int spanStart,
      int end,
      BigDecimal value,
      BigDecimal high,
      boolean approx,
      boolean negative,
      ArrowDirection arrow,
      Kind kind,
      int floor) {
    int n = t.length;
    Qualifier qualifier = null;
    if (high != null) {
      qualifier = Qualifier.RANGE;
    } else if (end < n && t[end] == '대' && bandFollows(t, end + 1) && kind != Kind.MEASURE) {
      BigDecimal stripped = value.stripTrailingZeros();
      high = stripped.add(BigDecimal.ONE.scaleByPowerOfTen(-stripped.scale()));
      qualifier = Qualifier.RANGE;
      end++;
    }
    Match<Qualifier> suffix = qualifiers.suffixAfter(t, end, n);
    if (suffix != null && suffixBoundary(t, suffix.end())) {
      if (qualifier == null) {
        qualifier = suffix.value();
      }
      end = suffix.end();
    }
    QualifierLexicon.Prefix prefix = qualifiers.prefixBefore(t, spanStart, floor);
    int start = spanStart;
    if (prefix != null) {
      start = prefix.start();
      if (qualifier == null) {
        qualifier = prefix.qualifier();
      }
    }
    if (qualifier == null && approx) {
      qualifier = Qualifier.APPROX;
    }
    if (arrow == null
        && end < n
        && (t[end] == '↑' || t[end] == '▲' || t[end] == '↓' || t[end] == '▼')) {
      arrow =
          t[end] == '↑' || t[end] == '▲'
              ? ArrowDirection.UP
              : ArrowDirection.DOWN; // headline style: 22%↑
    }
    if (arrow == null
        && (kind == Kind.PERCENT || kind == Kind.PERCENT_POINT)
        && (negative || t[spanStart] == '+')) {
      arrow =
          negative
              ? ArrowDirection.DOWN
              : ArrowDirection.UP; // +15%, -3.2%: a signed rate is a change
    }
    return new Qualified(start, end, high, qualifier, arrow);
  }

  /**
   * The direction of a table arrow in front of a number ({@code ▲}, {@code ▼}, {@code ▽}), or null.
   */
  static ArrowDirection arrowBefore(int c) {
    return c == '▲' ? ArrowDirection.UP : c == '▼' || c == '▽' ? ArrowDirection.DOWN : null;
  }

  private static boolean suffixBoundary(int[] t, int end) {
    return end >= t.length
        || !KoreanNumberParser.isHangulSyllable(t[end])
        || isParticle(t[end])
        || t[end] == '의'
        || t[end] == '으';
  }

  /** After 대 in 20%대 or 1조원대: a particle or a non-word character, not 대비, 대상 ... */
  private static boolean bandFollows(int[] t, int p) {
    if (p >= t.length || !KoreanNumberParser.isHangulSyllable(t[p])) {
      return true;
    }
    return "의에로를가는인이까서도였다를초중후".indexOf(t[p]) >= 0;
  }
}
