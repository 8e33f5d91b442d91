package org.sectortrends.figures;

import static org.sectortrends.figures.ScanText.isAlnum;
import static org.sectortrends.figures.ScanText.isLatin;
import static org.sectortrends.figures.ScanText.isParticle;
import static org.sectortrends.figures.ScanText.startsWith;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.sectortrends.figures.CodePointTrie.Match;
import org.sectortrends.figures.KoreanNumberParser.Parsed;
import org.sectortrends.figures.UnitLexicon.Kind;
import org.sectortrends.figures.UnitLexicon.Unit;

/**
 * Finds the quantities of a text: number, unit, range and qualifier, without attribution.
 *
 * <p>A single left-to-right pass over code points. Most code points cost one comparison: the
 * scanner wakes up only on ASCII digits, signs ({@code -}, {@code △}, {@code 마이너스}), currency
 * prefixes ({@code $}, {@code US$}, {@code €}) and at the start of Hangul words, where it tries
 * Sino-Korean numerals ({@code 삼천억}), native counting words ({@code 두 배}, {@code 한 곳}), {@code 절반}
 * and {@code N 자릿수}. A number becomes a figure only when a unit follows it; a date, age, rank or
 * ordinal suffix ({@code 년}, {@code 세}, {@code 위}, {@code 번째}) discards it. Numbers inside compound
 * tokens (dates {@code 2025.11.26}, phone numbers, times {@code 10:30}, scores {@code 3-1}), glued
 * to Latin letters (model names {@code S25}, {@code GPT-4}) or after {@code 제} (article numbers
 * {@code 제3조}) are skipped whole.
 *
 * <p>This class reads the numbers (digits, Sino-Korean numerals, ranges, fractions, English scales
 * after a currency symbol) and hands the rest to its collaborators: {@link UnitMatcher} decides the
 * unit (the word after the number, or one implied by the words before it), {@link
 * NativeCountReader} reads native numerals with their counter ({@code 두 배}), and {@link
 * QualifierMatcher} widens the span with bands, qualifier words and arrows.
 *
 * <p>Immutable after construction and thread-safe.
 */
final class FigureScanner {

  private final UnitMatcher units;
  private final QualifierMatcher qualifiers;
  private final NativeNumerals natives = new NativeNumerals();
  private final NativeCountReader nativeCounts;
  private final KoreanNumberParser parser = new KoreanNumberParser();
  private final KoreanNumberParser.UnitProbe probe;

  FigureScanner(UnitMatcher units, QualifierMatcher qualifiers) {
    this.units = units;
    this.qualifiers = qualifiers;
    this.probe = units.probe();
    this.nativeCounts = new NativeCountReader(natives, units);
  }

  List<Candidate> scan(int[] t) {
    List<Candidate> out = new ArrayList<>();
    int n = t.length;
    int i = 0;
    while (i < n) {
      int c = t[i];
      int next = i + 1;
      if (c < 0x80) {
        if (KoreanNumberParser.isAsciiDigit(c)) {
          next = atNumber(t, i, i, false, null, out);
        } else if ((c == '-' || c == '+')
            && i + 1 < n
            && KoreanNumberParser.isAsciiDigit(t[i + 1])
            && (i == 0 || !isAlnum(t[i - 1]) && t[i - 1] != '-')) {
          next = atNumber(t, i, i + 1, c == '-', null, out);
        } else if (units.mayStartPrefix(c) && (i == 0 || !isAlnum(t[i - 1]))) {
          next = atCurrencyPrefix(t, i, out);
        }
      } else if (KoreanNumberParser.isHangulSyllable(c)) {
        if (i == 0 || !KoreanNumberParser.isHangulSyllable(t[i - 1]) && !isAlnum(t[i - 1])) {
          next = atHangulWord(t, i, out);
        }
      } else if (c == '△' || c == '−' || c == '▲' || c == '▼' || c == '▽') {
        int q = KoreanNumberParser.skipSpace(t, i + 1, n);
        if (q < n && KoreanNumberParser.isAsciiDigit(t[q])) {
          next = atNumber(t, i, q, c == '△' || c == '−', QualifierMatcher.arrowBefore(c), out);
        }
      } else if (units.mayStartPrefix(c)) {
        next = atCurrencyPrefix(t, i, out);
      }
      i = Math.max(next, i + 1);
    }
    return mergeShareOfPeople(t, out);
  }

  /**
   * {@code 10명 중 7명}, {@code 4명 중 한 명꼴}: one share of a group, a percentage (70, 25), not two
   * counts. Both parts must count with the same counter and the part must not exceed the whole;
   * {@code 꼴} after the part makes the share approximate, as does an inexact quotient ({@code 3명 중
   * 1명} is 33.333333). When the exact percentage follows in parentheses ({@code 10명 중 7명(70%)}) the
   * counts stay counts.
   */
  private static List<Candidate> mergeShareOfPeople(int[] t, List<Candidate> found) {
    List<Candidate> out = null;
    for (int k = 0; k + 1 < found.size(); k++) {
      Candidate whole = found.get(k);
      Candidate part = found.get(k + 1);
      if (!"count".equals(whole.unit)
          || !"count".equals(part.unit)
          || whole.counter == null
          || !whole.counter.equals(part.counter)
          || whole.rangeHigh != null
          || part.rangeHigh != null
          || whole.value.signum() <= 0
          || !SMALL_GROUPS.contains(whole.value.intValue())
          || part.value.compareTo(whole.value) > 0
          || !onlyJung(t, whole.end, part.start)
          || exactPercentInParentheses(t, part.end, part.value, whole.value)) {
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(found);
      }
      Candidate share = new Candidate();
      share.start = whole.start;
      share.end = part.end;
      boolean approx = false;
      int q = KoreanNumberParser.skipSpace(t, part.end, t.length);
      if (q < t.length && t[q] == '꼴') {
        share.end = q + 1;
        approx = true;
      }
      BigDecimal percent = part.value.multiply(BigDecimal.valueOf(100));
      try {
        share.value = normalize(percent.divide(whole.value, MathContext.UNLIMITED));
      } catch (ArithmeticException repeating) {
        share.value = normalize(percent.divide(whole.value, 6, RoundingMode.HALF_EVEN));
        approx = true;
      }
      share.unit = Kind.PERCENT.fixedCode();
      share.qualifier = part.qualifier != null ? part.qualifier : approx ? Qualifier.APPROX : null;
      int at = out.indexOf(whole);
      out.set(at, share);
      out.remove(at + 1);
      k++;
    }
    return out == null ? found : out;
  }

  /**
   * Groups a share is said of ({@code 10명 중 7명}, {@code 3명 중 1명}, {@code 100명 중 12명}); out of a
   * group of any other size ({@code 233명 중 168명}) both are counts of the people asked.
   */
  /** Shares counted with 주, a counter only for numbers of 만 and more (2주 is two weeks). */
  private static final Unit SHARES = new Unit(Kind.COUNT, Kind.COUNT.fixedCode(), "주", null, false);

  private static final java.util.Set<Integer> SMALL_GROUPS =
      java.util.Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 100);

  /**
   * {@code 임원 10명 중 7명(70%)}: the exact share is written out after counts of a group of exactly
   * that size, and the two counts stay counts. {@code 응답자 10명 중 6명(60.8%)} is a rounded way of
   * saying the share in parentheses, and stays one share.
   */
  private static boolean exactPercentInParentheses(
      int[] t, int end, BigDecimal part, BigDecimal whole) {
    int p = KoreanNumberParser.skipSpace(t, end, t.length);
    if (p >= t.length || t[p] != '(') {
      return false;
    }
    int close = p + 1;
    while (close < t.length && close < p + 12 && t[close] != '%' && t[close] != ')') {
      close++;
    }
    if (close >= t.length || t[close] != '%') {
      return false;
    }
    try {
      BigDecimal written = new BigDecimal(new String(t, p + 1, close - p - 1).strip());
      return written.multiply(whole).compareTo(part.multiply(BigDecimal.valueOf(100))) == 0;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  /** Only 중 between two figures, with spaces around it. */
  private static boolean onlyJung(int[] t, int from, int to) {
    int p = KoreanNumberParser.skipSpace(t, from, to);
    if (p >= to || t[p] != '중') {
      return false;
    }
    return KoreanNumberParser.skipSpace(t, p + 1, to) == to;
  }

  private static boolean isCompoundSeparator(int c) {
    return c == '.' || c == '-' || c == '/' || c == ':' || c == '–';
  }

  private static boolean isTilde(int c) {
    return c == '~' || c == '∼' || c == '〜' || c == '～';
  }

  /** End of a compound token (date, phone number, version, model name) starting at {@code p}. */
  private static int tokenEnd(int[] t, int p) {
    int e = p;
    while (e < t.length && (isAlnum(t[e]) || isCompoundSeparator(t[e]) || t[e] == ',')) {
      e++;
    }
    return e;
  }

  /** A number at {@code numberStart}; {@code spanStart} is earlier when a sign precedes it. */
  private int atNumber(
      int[] t,
      int spanStart,
      int numberStart,
      boolean negative,
      ArrowDirection arrow,
      List<Candidate> out) {
    int n = t.length;
    if (spanStart == numberStart && numberStart > 0) {
      int prev = t[numberStart - 1];
      if (isLatin(prev) || prev == '_' || prev == '#') {
        return tokenEnd(t, numberStart);
      }
      if (isCompoundSeparator(prev) && numberStart > 1 && isAlnum(t[numberStart - 2])) {
        return tokenEnd(t, numberStart);
      }
      if (prev == '제'
          && (numberStart < 2 || !KoreanNumberParser.isHangulSyllable(t[numberStart - 2]))) {
        return tokenEnd(t, numberStart);
      }
    }
    int digitsEnd = KoreanNumberParser.digitsEnd(t, numberStart, n);
    if (digitsEnd + 1 < n
        && isCompoundSeparator(t[digitsEnd])
        && KoreanNumberParser.isAsciiDigit(t[digitsEnd + 1])) {
      int ranged = hyphenRange(t, spanStart, numberStart, digitsEnd, negative, out);
      return ranged > 0 ? ranged : tokenEnd(t, numberStart);
    }
    Parsed parsed = parser.parse(t, numberStart, n, probe);
    if (parsed == null) {
      return numberStart + 1;
    }
    if (startsWith(t, parsed.end(), "분의")) {
      return fraction(t, spanStart, parsed, out);
    }
    return finish(t, spanStart, parsed, negative, arrow, out);
  }

  /**
   * {@code 5-6개}, {@code 3-4%}: a hyphen between two plain numbers is a range only when a unit
   * follows and the second number is larger; phone numbers, dates and scores ({@code 3-1로}) have no
   * unit or descend. Returns 0 when the token is not such a range.
   */
  private int hyphenRange(
      int[] t,
      int spanStart,
      int numberStart,
      int digitsEnd,
      boolean negative,
      List<Candidate> out) {
    int n = t.length;
    if (t[digitsEnd] != '-' && t[digitsEnd] != '–') {
      return 0;
    }
    int second = digitsEnd + 1;
    int secondEnd = KoreanNumberParser.digitsEnd(t, second, n);
    if (secondEnd < n
        && (isCompoundSeparator(t[secondEnd])
            || isLatin(t[secondEnd]) && !probe.unitAt(t, secondEnd, n))) {
      return 0;
    }
    Match<Unit> unit = units.unitAt(t, secondEnd, n, false);
    if (unit == null || unit.value().isReject() || unit.value().kind() == Kind.POINT) {
      return 0;
    }
    BigDecimal low = new BigDecimal(plainDigits(t, numberStart, digitsEnd));
    BigDecimal high = new BigDecimal(plainDigits(t, second, secondEnd));
    if (low.compareTo(high) >= 0) {
      return 0;
    }
    return emit(t, spanStart, unit.end(), low, high, false, negative, null, unit.value(), out);
  }

  private static String plainDigits(int[] t, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      if (t[i] != ',') {
        sb.append((char) t[i]);
      }
    }
    return sb.toString();
  }

  /** Number, range, unit, band and qualifiers after a parsed number; returns where to go on. */
  private int finish(
      int[] t,
      int spanStart,
      Parsed parsed,
      boolean negative,
      ArrowDirection arrow,
      List<Candidate> out) {
    int n = t.length;
    int p = parsed.end();
    BigDecimal value = parsed.value();
    boolean approx = parsed.approx();
    if (p < n
        && t[p] == '여'
        && (p + 1 >= n
            || !KoreanNumberParser.isHangulSyllable(t[p + 1])
            || probe.unitAt(t, p + 1, n))) {
      approx = true;
      p++;
    }
    BigDecimal high = null;
    int q = KoreanNumberParser.skipSpace(t, p, n);
    if (q < n && isTilde(t[q])) {
      Parsed upper = upperEnd(t, q + 1);
      if (upper != null) {
        high = upper.value();
        if (parsed.lowestLargeExponent() < 0 && upper.lowestLargeExponent() >= 0) {
          // 2~3억 is 2억~3억, but 5천~11만 원 is 5천 to 11만: scale only while it stays below
          BigDecimal scaled = value.multiply(KoreanNumberParser.POW10[upper.lowestLargeExponent()]);
          if (scaled.compareTo(upper.value()) <= 0) {
            value = scaled;
          }
        }
        p = upper.end();
        if (p < n && t[p] == '여') {
          p++;
        }
      }
    }
    Match<Unit> unitMatch = units.unitAt(t, p, n, true);
    if (unitMatch != null && unitMatch.value().isNeutral()) {
      unitMatch = null; // '5조 시대': a word that is neither unit nor reason to drop the number
    }
    if (unitMatch == null) {
      Unit implied = units.impliedMoney(t, spanStart, p, parsed, out);
      if (implied == null) {
        implied = units.impliedCount(t, spanStart, p, parsed);
      }
      if (implied == null) {
        implied = units.impliedWon(t, spanStart, p, parsed);
      }
      if (implied == null) {
        return p;
      }
      return emit(t, spanStart, p, value, high, approx, negative, arrow, implied, out);
    }
    if (unitMatch.value().isReject()
        && parsed.lowestLargeExponent() >= 4
        && t[unitMatch.end() - 1] == '주'
        && unitMatch.end() - p <= 2) {
      // 신주 2억2500만 주, 2500만 주를: tens of thousands of weeks are never written; shares
      unitMatch = new Match<>(SHARES, unitMatch.end());
    }
    if (unitMatch.value().isReject()) {
      Match<Unit> copula = units.beforeCopula(t, p, unitMatch);
      if (copula == null) {
        return Math.max(p, unitMatch.end());
      }
      unitMatch = copula;
    }
    Unit unit = units.allowedInContext(t, spanStart, unitMatch.value());
    if (unit == null) {
      return Math.max(p, unitMatch.end());
    }
    if (UnitMatcher.isAgeGroup(t, value, high, p, parsed, unit, unitMatch.end())) {
      return unitMatch.end();
    }
    int end = unitMatch.end();
    if (high == null) {
      int r = KoreanNumberParser.skipSpace(t, end, n);
      if (r < n && isTilde(t[r])) {
        Parsed upper = upperEnd(t, r + 1);
        if (upper != null) {
          Match<Unit> again = units.unitAt(t, upper.end(), n, true);
          if (again != null && again.value().equals(unit)) {
            high = upper.value();
            end = again.end();
          }
        }
      }
    }
    return emit(t, spanStart, end, value, high, approx, negative, arrow, unit, out);
  }

  private Parsed upperEnd(int[] t, int from) {
    int r = KoreanNumberParser.skipSpace(t, from, t.length);
    if (r < t.length
        && (KoreanNumberParser.isAsciiDigit(t[r]) || KoreanNumberParser.maySinoStart(t[r]))) {
      return parser.parse(t, r, t.length, probe);
    }
    return null;
  }

  /** Builds the candidate: table unit and value, then band (20%대), qualifiers and sign. */
  private int emit(
      int[] t,
      int spanStart,
      int end,
      BigDecimal value,
      BigDecimal high,
      boolean approx,
      boolean negative,
      ArrowDirection arrow,
      Unit unit,
      List<Candidate> out) {
    String unitCode = units.tableUnit(t, spanStart, unit);
    value = UnitMatcher.tableValue(unit, value);
    high = UnitMatcher.tableValue(unit, high);
    int floor = out.isEmpty() ? 0 : out.get(out.size() - 1).end;
    QualifierMatcher.Qualified q =
        qualifiers.qualify(
            t, spanStart, end, value, high, approx, negative, arrow, unit.kind(), floor);
    Candidate c = new Candidate();
    c.start = q.start();
    c.end = q.end();
    c.value = normalize(negative ? value.negate() : value);
    c.rangeHigh =
        q.rangeHigh() == null ? null : normalize(negative ? q.rangeHigh().negate() : q.rangeHigh());
    c.unit = unitCode;
    c.counter = unit.counter();
    c.qualifier = q.qualifier();
    c.arrowDirection = q.arrow() == null ? null : q.arrow().id();
    out.add(c);
    return q.end();
  }

  /**
   * {@code 절반} (half: 50%) or {@code 과반}, {@code 과반수} (more than half) at {@code [i, end)} when a
   * word ends there ({@code 절반이}, {@code 과반을}, not {@code 절반기}); -1 otherwise. A qualifier written
   * around it ({@code 절반 이상}) wins over {@code qualifier}.
   */
  private int half(int[] t, int i, int end, Qualifier qualifier, List<Candidate> out) {
    if (end < t.length
        && KoreanNumberParser.isHangulSyllable(t[end])
        && !isParticle(t[end])
        && t[end] != '가'
        && t[end] != '이') {
      return -1;
    }
    int r =
        emit(
            t,
            i,
            end,
            BigDecimal.valueOf(50),
            null,
            false,
            false,
            null,
            Unit.of(Kind.PERCENT),
            out);
    Candidate made = out.get(out.size() - 1);
    if (made.qualifier == null) {
      made.qualifier = qualifier;
    }
    return r;
  }

  static BigDecimal normalize(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** {@code 3분의 1}: a share, written as a percentage (33.333333, approximate when inexact). */
  private int fraction(int[] t, int spanStart, Parsed denominator, List<Candidate> out) {
    int n = t.length;
    int p = KoreanNumberParser.skipSpace(t, denominator.end() + 2, n);
    BigDecimal numerator = null;
    int end = p;
    if (p < n && KoreanNumberParser.isAsciiDigit(t[p])) {
      Parsed num = parser.parse(t, p, n, probe);
      if (num != null) {
        numerator = num.value();
        end = num.end();
      }
    } else if (p < n) {
      Match<Integer> nat = natives.match(t, p, n);
      int sino = KoreanNumberParser.sinoDigit(t[p]);
      if (sino > 0 && (p + 1 >= n || !KoreanNumberParser.isHangulSyllable(t[p + 1]))) {
        numerator = BigDecimal.valueOf(sino);
        end = p + 1;
      } else if (nat != null) {
        numerator = BigDecimal.valueOf(nat.value());
        end = nat.end();
      }
    }
    if (numerator == null
        || denominator.value().signum() == 0
        || numerator.compareTo(denominator.value()) > 0) {
      return denominator.end() + 2;
    }
    BigDecimal percent = numerator.multiply(BigDecimal.valueOf(100));
    BigDecimal exact;
    boolean approx = false;
    try {
      exact = percent.divide(denominator.value(), MathContext.UNLIMITED);
    } catch (ArithmeticException repeating) {
      exact = percent.divide(denominator.value(), 6, RoundingMode.HALF_EVEN);
      approx = true;
    }
    return emit(t, spanStart, end, exact, null, approx, false, null, Unit.of(Kind.PERCENT), out);
  }

  /** A Hangul word start: 마이너스, 절반, 과반, native numerals, Sino-Korean numerals, 수십. */
  private int atHangulWord(int[] t, int i, List<Candidate> out) {
    int n = t.length;
    int c = t[i];
    if (c == '마' && startsWith(t, i, "마이너스")) {
      int q = KoreanNumberParser.skipSpace(t, i + 4, n);
      if (q < n && KoreanNumberParser.isAsciiDigit(t[q])) {
        return atNumber(t, i, q, true, null, out);
      }
      return i + 4;
    }
    if (c == '절' && startsWith(t, i, "절반")) {
      int r = half(t, i, i + 2, null, out);
      if (r > 0) {
        return r;
      }
    }
    if (c == '과' && startsWith(t, i, "과반")) {
      int r = half(t, i, startsWith(t, i, "과반수") ? i + 3 : i + 2, Qualifier.MORE_THAN, out);
      if (r > 0) {
        return r;
      }
    }
    if (natives.mayStart(c)) {
      int r = atNative(t, i, out);
      if (r > 0) {
        return r;
      }
    }
    if (KoreanNumberParser.maySinoStart(c)) {
      Parsed parsed = parser.parse(t, i, n, probe);
      if (parsed != null && parsed.end() > i + (c == '수' ? 1 : 0)) {
        if (startsWith(t, parsed.end(), "분의")) {
          return fraction(t, i, parsed, out);
        }
        if (parsed.end() == i + 1 && !glueAllowed(t, parsed.end())) {
          return i + 1; // 천장, 백화점, 십자: a lone multiplier glued to a word
        }
        return finish(t, i, parsed, false, null, out);
      }
    }
    return i + 1;
  }

  /** A lone 천/백/십 is a number before a currency (천원) or a spaced unit (천 명) only. */
  private boolean glueAllowed(int[] t, int p) {
    if (p < t.length && t[p] == ' ') {
      return true;
    }
    return units.currencyAt(t, p);
  }

  /** {@code 두 배}, {@code 한 곳}, {@code 열두 개}, {@code 세 자릿수}; 0 when nothing matched. */
  private int atNative(int[] t, int i, List<Candidate> out) {
    NativeCountReader.Reading reading = nativeCounts.read(t, i);
    if (reading == null) {
      return 0;
    }
    if (reading.unit() == null) {
      return reading.end();
    }
    int before = out.size();
    int end =
        emit(t, i, reading.end(), reading.value(), null, false, false, null, reading.unit(), out);
    Candidate made = out.get(before);
    if (made.qualifier == null) {
      made.qualifier = reading.qualifier();
    }
    return end;
  }

  /** {@code $1.2 billion}, {@code US$ 300}, {@code €5억}, {@code ¥1,000}. */
  private int atCurrencyPrefix(int[] t, int i, List<Candidate> out) {
    int n = t.length;
    Match<Unit> m = units.prefixAt(t, i);
    if (m == null) {
      return i + 1;
    }
    int q = KoreanNumberParser.skipSpace(t, m.end(), n);
    if (q >= n || !KoreanNumberParser.isAsciiDigit(t[q])) {
      return m.end();
    }
    Parsed parsed = parser.parse(t, q, n, probe);
    if (parsed == null) {
      return m.end();
    }
    BigDecimal value = parsed.value();
    int end = parsed.end();
    int r = KoreanNumberParser.skipSpace(t, end, n);
    int scaleEnd = 0;
    int exponent = 0;
    for (String[] word : ENGLISH_SCALES) {
      if (startsWith(t, r, word[0])
          && (r + word[0].length() >= n || !isLatin(t[r + word[0].length()]))) {
        scaleEnd = r + word[0].length();
        exponent = Integer.parseInt(word[1]);
        break;
      }
    }
    if (scaleEnd > 0) {
      value = value.scaleByPowerOfTen(exponent);
      end = scaleEnd;
    }
    Unit unit = m.value();
    // A suffix currency repeated after the number (US$ 5억 달러) is part of the same figure.
    Match<Unit> suffix = units.unitAt(t, end, n, true);
    if (suffix != null && suffix.value().kind() == Kind.CURRENCY) {
      end = suffix.end();
    }
    return emit(t, i, end, value, null, parsed.approx(), false, null, unit, out);
  }

  private static final String[][] ENGLISH_SCALES = {
    {"trillion", "12"},
    {"billion", "9"},
    {"million", "6"},
    {"thousand", "3"},
    {"tn", "12"},
    {"bn", "9"},
    {"mn", "6"},
    {"T", "12"},
    {"B", "9"},
    {"M", "6"},
    {"K", "3"},
    {"k", "3"},
  };
}
