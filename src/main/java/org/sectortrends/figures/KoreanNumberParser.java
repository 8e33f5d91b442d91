package org.sectortrends.figures;

import java.math.BigDecimal;

/**
 * Reads one Korean number at a position, exactly, into a {@link BigDecimal}.
 *
 * <p>Grammar (sections in strictly decreasing large units, each section a small number):
 *
 * <pre>
 *   number   = section+ [ small ]            (the trailing small part has no large unit)
 *   section  = small ['여'] large ['여'] [' ']
 *   large    = 만 | 억 | 조 | 경 | 해        (10^4, 10^8, 10^12, 10^16, 10^20)
 *   small    = digits | (digits | 일..구)? (천|백|십) ... [digits]   e.g. 5천104, 삼십오, 3천8백
 *   digits   = [0-9]{1,3}(,[0-9]{3})* | [0-9]+  ['.' [0-9]+]
 * </pre>
 *
 * Examples: {@code 12조 5천104억} = 12510400000000, {@code 1614억5600만} = 161456000000, {@code 2경 484조}
 * = 20484000000000000, {@code 이십오만} = 250000, {@code 1.5조} = 1500000000000, {@code 수십억} =
 * 1000000000 (vague, flagged approximate), {@code 1천여억} (flagged approximate).
 *
 * <p>A space may separate sections ({@code 510억 9천만}) when the next section carries a smaller large
 * unit, or when it is the last one and a unit word follows it ({@code 5만 4300원}); anything else
 * after a space belongs to the next word ({@code 3조 2항} stays {@code 3조}). A large-unit syllable
 * that starts a unit word is that word ({@code 2경기} is two games).
 *
 * <p>Sino-Korean numeral syllables (일, 이, 삼 ...) count only next to a multiplier, so that the
 * particle {@code 이} after {@code 5천} or the word {@code 사회} never turns into a number. Stateless
 * and thread-safe.
 */
final class KoreanNumberParser {

  /** Answers whether an accepted unit word (not a date or rank suffix) starts at a position. */
  interface UnitProbe {
    boolean unitAt(int[] text, int pos, int limit);

    /** True when a unit word of two or more code points starts at pos (경기, 조각 ...). */
    boolean wordAt(int[] text, int pos, int limit);
  }

  /**
   * A parsed number: its end (exclusive), exact value, whether it is approximate (여, 수십), the
   * exponent of its lowest large unit (-1 when it has none) and whether it contains Arabic digits.
   */
  record Parsed(
      int end, BigDecimal value, boolean approx, int lowestLargeExponent, boolean arabic) {}

  private record Small(
      int end, BigDecimal value, boolean approx, boolean arabic, boolean decimal) {}

  static final BigDecimal[] POW10 = new BigDecimal[24];

  static {
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = BigDecimal.ONE.scaleByPowerOfTen(i).setScale(0);
    }
  }

  static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static int largeExponent(int c) {
    return switch (c) {
      case '만' -> 4;
      case '억' -> 8;
      case '조' -> 12;
      case '경' -> 16;
      case '해' -> 20;
      default -> -1;
    };
  }

  static int smallExponent(int c) {
    return switch (c) {
      case '십' -> 1;
      case '백' -> 2;
      case '천' -> 3;
      default -> -1;
    };
  }

  static int sinoDigit(int c) {
    return switch (c) {
      case '일' -> 1;
      case '이' -> 2;
      case '삼' -> 3;
      case '사' -> 4;
      case '오' -> 5;
      case '육', '륙' -> 6;
      case '칠' -> 7;
      case '팔' -> 8;
      case '구' -> 9;
      default -> -1;
    };
  }

  /** True for the code points a Sino-Korean numeral word may start with (수 as in 수십억). */
  static boolean maySinoStart(int c) {
    return sinoDigit(c) > 0 || smallExponent(c) > 0 || c == '수';
  }

  static boolean isHangulSyllable(int c) {
    return c >= 0xAC00 && c <= 0xD7A3;
  }

  /**
   * Parses the number starting at {@code from}, or returns null when none starts there. {@code
   * probe} decides whether a space-separated trailing part belongs to the number.
   */
  Parsed parse(int[] t, int from, int limit, UnitProbe probe) {
    BigDecimal total = BigDecimal.ZERO;
    int previousExponent = Integer.MAX_VALUE;
    int lowest = -1;
    boolean approx = false;
    boolean arabic = false;
    int end = -1;
    int p = from;
    boolean first = true;
    while (p < limit) {
      Small small = parseSmall(t, p, limit);
      if (small == null) {
        break;
      }
      int q = small.end;
      boolean yeo = false;
      if (q + 1 < limit && t[q] == '여' && largeExponent(t[q + 1]) >= 0) {
        yeo = true;
        q++;
      }
      int exponent = q < limit ? largeExponent(t[q]) : -1;
      if (exponent >= 0 && probe.wordAt(t, q, limit)) {
        exponent = -1; // 2경기 is two games, not 2경 of 기
      }
      if (exponent < 0
          && small.arabic
          && q + 1 < limit
          && t[q] == ' '
          && largeExponent(t[q + 1]) >= 0
          && probe.unitAt(t, skipSpace(t, q + 2, limit), limit)) {
        q++; // sloppy spacing before the large unit: 300 억원
        exponent = largeExponent(t[q]);
      }
      if (exponent >= 0 && exponent < previousExponent) {
        total = total.add(small.value.multiply(POW10[exponent]));
        previousExponent = exponent;
        lowest = exponent;
        approx |= small.approx || yeo;
        arabic |= small.arabic;
        q++;
        if (q < limit && t[q] == '여' && (q + 1 >= limit || !isAsciiDigit(t[q + 1]))) {
          approx = true;
          q++;
        }
        end = q;
        first = false;
        int r = q < limit && t[q] == ' ' ? q + 1 : q;
        if (r < limit && (isAsciiDigit(t[r]) || maySinoStart(t[r]))) {
          p = r;
          continue;
        }
        break;
      }
      if (yeo) {
        break;
      }
      if (first) {
        total = small.value;
        approx = small.approx;
        arabic = small.arabic;
        end = small.end;
      } else {
        int e = small.end;
        boolean trailingYeo = e < limit && t[e] == '여';
        if (trailingYeo) {
          e++; // 3만 8천여 명
        }
        if (!small.decimal
            && small.value.compareTo(POW10[previousExponent]) < 0
            && (p == end && !trailingYeo || probe.unitAt(t, skipSpace(t, e, limit), limit))) {
          total = total.add(small.value);
          arabic |= small.arabic;
          approx |= trailingYeo;
          end = e;
        }
      }
      break;
    }
    if (end < 0) {
      return null;
    }
    return new Parsed(end, total, approx, lowest, arabic);
  }

  static int skipSpace(int[] t, int p, int limit) {
    return p < limit && t[p] == ' ' ? p + 1 : p;
  }

  /**
   * After {@code 7천} and a space, {@code 6백} (a smaller multiplier) or {@code 10만} (digits below
   * the last multiplier, then a large unit) continue the same number.
   */
  private static boolean continuesAfterSpace(int[] t, int q, int limit, int lastExponent) {
    if (q >= limit) {
      return false;
    }
    if (isAsciiDigit(t[q])) {
      int e = digitsEnd(t, q, limit);
      if (e >= limit) {
        return false;
      }
      String digits = digitString(t, q, e);
      if (digits.indexOf('.') >= 0) {
        return false;
      }
      int small = smallExponent(t[e]);
      if (small > 0) {
        return small < lastExponent;
      }
      return largeExponent(t[e]) >= 0 && new BigDecimal(digits).compareTo(POW10[lastExponent]) < 0;
    }
    return sinoDigit(t[q]) > 0
        && q + 1 < limit
        && smallExponent(t[q + 1]) > 0
        && smallExponent(t[q + 1]) < lastExponent;
  }

  /** A number below the large units: digits, or digits/numerals with 천, 백, 십. */
  private Small parseSmall(int[] t, int from, int limit) {
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal pending = null;
    boolean any = false;
    boolean approx = false;
    boolean arabic = false;
    boolean decimal = false;
    boolean sinoMultiplier = false;
    int lastExponent = Integer.MAX_VALUE;
    int p = from;
    while (p < limit) {
      int c = t[p];
      if (c == ' '
          && sinoMultiplier
          && pending == null
          && continuesAfterSpace(t, p + 1, limit, lastExponent)) {
        p++; // 7천 6백 10만원, 3천 5백 명: spaced parts of one number
        continue;
      }
      if (isAsciiDigit(c)) {
        if (pending != null) {
          break;
        }
        int e = digitsEnd(t, p, limit);
        String digits = digitString(t, p, e);
        pending = new BigDecimal(digits);
        decimal = digits.indexOf('.') >= 0;
        p = e;
        any = true;
        arabic = true;
        continue;
      }
      int s = smallExponent(c);
      if (s > 0) {
        if (s >= lastExponent) {
          break;
        }
        total = total.add((pending == null ? BigDecimal.ONE : pending).multiply(POW10[s]));
        pending = null;
        lastExponent = s;
        p++;
        any = true;
        sinoMultiplier = true;
        continue;
      }
      int next = p + 1 < limit ? t[p + 1] : -1;
      if (c == '수' && p == from && (smallExponent(next) > 0 || largeExponent(next) > 0)) {
        pending = BigDecimal.ONE;
        approx = true;
        p++;
        continue;
      }
      int d = sinoDigit(c);
      if (d > 0 && pending == null && !arabic) {
        if (smallExponent(next) > 0 && smallExponent(next) < lastExponent
            || largeExponent(next) > 0
            || (sinoMultiplier && !isHangulSyllable(next))) {
          pending = BigDecimal.valueOf(d);
          p++;
          any = true;
          continue;
        }
      }
      break;
    }
    if (!any) {
      return null;
    }
    if (pending != null) {
      total = total.add(pending);
    }
    return new Small(p, total, approx, arabic, decimal);
  }

  /** End of a digit run with grouping commas (exactly three digits after each) and decimals. */
  static int digitsEnd(int[] t, int p, int limit) {
    int e = p;
    while (e < limit && isAsciiDigit(t[e])) {
      e++;
    }
    while (e < limit && t[e] == ',' && threeDigits(t, e + 1, limit)) {
      e += 4;
    }
    if (e + 1 < limit && t[e] == '.' && isAsciiDigit(t[e + 1])) {
      e++;
      while (e < limit && isAsciiDigit(t[e])) {
        e++;
      }
    }
    return e;
  }

  private static boolean threeDigits(int[] t, int p, int limit) {
    return p + 2 < limit
        && isAsciiDigit(t[p])
        && isAsciiDigit(t[p + 1])
        && isAsciiDigit(t[p + 2])
        && (p + 3 >= limit || !isAsciiDigit(t[p + 3]));
  }

  private static String digitString(int[] t, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      if (t[i] != ',') {
        sb.append((char) t[i]);
      }
    }
    return sb.toString();
  }
}
