package org.sectortrends.figures;

import static org.sectortrends.figures.ScanText.startsWith;

import java.math.BigDecimal;
import org.sectortrends.figures.CodePointTrie.Match;
import org.sectortrends.figures.UnitLexicon.Kind;
import org.sectortrends.figures.UnitLexicon.Unit;

/**
 * Reads native Korean numerals with what follows them: counts ({@code 두 배}, {@code 한 곳}, {@code 열두
 * 개}) and digit counts of growth rates ({@code 두 자릿수 증가}: at least 10%, {@code 한 자릿수} below 10%).
 *
 * <p>Native numerals are ordinary words too, so most of this class says when they are not numbers:
 * {@code 한 인} (인 follows Sino-Korean numbers), {@code 한배} (the same boat), {@code 한 번 더}, {@code 한
 * 명의 고객}, {@code 한 번도}, {@code 다시 한 번} ("one" as a word), and a digit count that is not a growth
 * rate ({@code 세 자릿수 번호}).
 *
 * <p>Known weakness: the idioms of "one" are a short fixed list of following words; any other reads
 * as a count. Immutable and thread-safe.
 */
final class NativeCountReader {

  /**
   * What a native numeral reads as. With a unit it is a figure ending at {@code end}, with {@code
   * qualifier} unless the qualifier words around it say otherwise; without a unit the numeral is a
   * word and the scan goes on at {@code end}.
   */
  record Reading(int end, BigDecimal value, Unit unit, Qualifier qualifier) {

    static Reading skipTo(int end) {
      return new Reading(end, null, null, null);
    }
  }

  private final NativeNumerals natives;
  private final UnitMatcher units;

  NativeCountReader(NativeNumerals natives, UnitMatcher units) {
    this.natives = natives;
    this.units = units;
  }

  /**
   * The native numeral at {@code i} with what follows it: a figure, a position to skip to (the
   * numeral is a word here, {@code 한 번 더}), or null when the numeral reads as nothing.
   */
  Reading read(int[] t, int i) {
    int n = t.length;
    Match<Integer> numeral = natives.match(t, i, n);
    if (numeral == null) {
      return null;
    }
    int e = numeral.end();
    boolean spaced = e < n && t[e] == ' ';
    int q = spaced ? e + 1 : e;
    int digitsWordEnd = digitCountWord(t, q);
    if (digitsWordEnd > 0) {
      if (!growthFollows(t, digitsWordEnd) && !rateBefore(t, i)) {
        return null;
      }
      int r = KoreanNumberParser.skipSpace(t, digitsWordEnd, n);
      for (String percentWord : new String[] {"퍼센트", "%", "프로"}) {
        if (startsWith(t, r, percentWord)) {
          digitsWordEnd = r + percentWord.length(); // 두 자리 수 퍼센트
          break;
        }
      }
      // 한 자릿수 is below 10%; 두 자릿수 at least 10%; 세 자릿수 at least 100%.
      int digits = Math.min(numeral.value(), 20);
      BigDecimal bound = digits == 1 ? BigDecimal.TEN : KoreanNumberParser.POW10[digits - 1];
      return new Reading(
          digitsWordEnd,
          bound,
          Unit.of(Kind.PERCENT),
          digits == 1 ? Qualifier.LESS_THAN : Qualifier.AT_LEAST);
    }
    Match<Unit> unitMatch = units.unitAt(t, q, n, false);
    if (unitMatch == null) {
      return null;
    }
    Unit unit = unitMatch.value();
    if (unit.kind() != Kind.COUNT && unit.kind() != Kind.MULTIPLE) {
      return unit.isReject() ? Reading.skipTo(unitMatch.end()) : null;
    }
    if (!spaced && !unit.nativeGlued()
        || t[q] == '인'
        || unit.kind() == Kind.MULTIPLE && numeral.value() == 1) {
      return null; // 한 명, never 한 인 (인 follows Sino-Korean numbers); 한배 is "the same boat"
    }
    if (numeral.value() == 1
        && (oneIdiom(t, unitMatch.end(), unit.counter()) || precededBy(t, i, "다시"))) {
      return Reading.skipTo(unitMatch.end()); // 한 번 더, 한 명의 고객, 한 번도, 한 곳에서: "one" as a word
    }
    return new Reading(unitMatch.end(), BigDecimal.valueOf(numeral.value()), unit, null);
  }

  /** The word before {@code i} is {@code word} (다시 한 번). */
  private static boolean precededBy(int[] t, int i, String word) {
    int e = i;
    while (e > 0 && t[e - 1] == ' ') {
      e--;
    }
    int s = e - word.length();
    return s >= 0
        && startsWith(t, s, word)
        && (s == 0 || !KoreanNumberParser.isHangulSyllable(t[s - 1]));
  }

  /**
   * After {@code 한 번}, {@code 한 명}: 더, 도 (한 번도: never), 의 after 명 or 번 (한 명의 고객) make it an idiom,
   * not a count; so does 에 after 번 (한 번에: at once), but {@code 한 곳에 거점} is one place and {@code 한
   * 개국의 환자} one country.
   */
  private static boolean oneIdiom(int[] t, int e, String counter) {
    if (e >= t.length) {
      return false;
    }
    int c = t[e];
    if (c == '에') {
      return "번".equals(counter);
    }
    if (c == '의' && !"명".equals(counter) && !"번".equals(counter)) {
      return false; // 한 개국의 환자: one country
    }
    if (c == '의' || c == '도') {
      return e + 1 >= t.length || !KoreanNumberParser.isHangulSyllable(t[e + 1]);
    }
    return c == ' '
        && startsWith(t, e + 1, "더")
        && (e + 2 >= t.length || !KoreanNumberParser.isHangulSyllable(t[e + 2]));
  }

  private static int digitCountWord(int[] t, int q) {
    for (String w : new String[] {"자릿수", "자리수", "자리 수"}) {
      if (startsWith(t, q, w)) {
        return q + w.length();
      }
    }
    return 0;
  }

  /** A rate word shortly before (누적 상승률은 강남 3구 모두 두 자릿수다). */
  private static boolean rateBefore(int[] t, int at) {
    for (int i = at - 1; i >= Math.max(0, at - 16); i--) {
      if (t[i] == '.' || t[i] == '\n') {
        return false;
      }
      if ((t[i] == '율' || t[i] == '률')
          && i + 1 < at
          && (t[i + 1] == '은' || t[i + 1] == '이' || t[i + 1] == ' ')) {
        return true;
      }
    }
    return false;
  }

  /** 세 자릿수 is a figure only as a growth rate (세 자릿수 증가율, 두 자릿수 성장). */
  private static boolean growthFollows(int[] t, int from) {
    int to = Math.min(t.length, from + 8);
    for (int i = from; i < to; i++) {
      int c = t[i];
      if (c == '율' || c == '률' || c == '%' || startsWith(t, i, "퍼센트")) {
        return true;
      }
      if (i + 1 < to) {
        int d = t[i + 1];
        if ((c == '성' && d == '장')
            || (c == '증' && (d == '가' || d == '발'))
            || (c == '상' && d == '승')
            || (c == '감' && d == '소')
            || (c == '하' && d == '락')
            || (c == '신' && d == '장')
            || (c == '급' && (d == '증' || d == '감'))) {
          return true;
        }
      }
      if (c == '늘' || c == '줄') {
        return true;
      }
    }
    return false;
  }
}
