package org.sectortrends.generator;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Renders exact values as the numerals of Korean news, the inverse of what the figures stage
 * parses. Every method is a pure function of its arguments, so the generator can record the value
 * it rendered as the ground truth.
 *
 * <p>Examples for 1,251,040,000,000: {@link GroupStyle#SUB} spaced {@code 12조 5천104억}, {@link
 * GroupStyle#DIGITS} compact {@code 12조5104억}, {@link GroupStyle#COMMA} spaced {@code 12조 5,104억};
 * {@link #decimal} gives {@code 1.5조} for 1.5 × 10^12; {@link #hangul} gives {@code 삼천억} for 3 ×
 * 10^11; {@link #nativeCount} gives {@code 열두} for 12.
 */
public final class KoreanNumbers {

  /** How the four digits between two large units are written. */
  public enum GroupStyle {
    /** {@code 5104}. */
    DIGITS,
    /** {@code 5천104}: the thousands digit with 천, the rest in digits. */
    SUB,
    /** {@code 5,104}. */
    COMMA
  }

  static final String[] LARGE_UNITS = {"", "만", "억", "조", "경"};
  private static final String[] HANGUL_DIGITS = {"영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
  private static final String[] NATIVE_ONES = {
    "", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"
  };
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  private KoreanNumbers() {}

  /**
   * {@code n} with the large units 만, 억, 조, 경, e.g. {@code 1614억5600만} (compact) or {@code 12조
   * 5천104억} (spaced). Zero groups are left out.
   *
   * @throws IllegalArgumentException for a negative value or one of 10^20 or more
   */
  public static String withUnits(BigInteger n, GroupStyle style, boolean spaced) {
    if (n.bitLength() < 63) {
      return withUnits(n.longValue(), style, spaced);
    }
    if (n.signum() < 0 || n.compareTo(BigInteger.TEN.pow(20)) >= 0) {
      throw new IllegalArgumentException("Value out of range for Korean large units: " + n);
    }
    if (n.signum() == 0) {
      return "0";
    }
    int[] groups = new int[LARGE_UNITS.length];
    for (int k = 0; k < groups.length; k++) {
      groups[k] = n.divide(TEN_THOUSAND.pow(k)).mod(TEN_THOUSAND).intValue();
    }
    return join(groups, style, spaced);
  }

  public static String withUnits(long n, GroupStyle style, boolean spaced) {
    if (n < 0) {
      throw new IllegalArgumentException("Value out of range for Korean large units: " + n);
    }
    if (n == 0) {
      return "0";
    }
    int[] groups = new int[LARGE_UNITS.length];
    for (int k = 0; k < groups.length; k++, n /= 10_000) {
      groups[k] = (int) (n % 10_000);
    }
    return join(groups, style, spaced);
  }

  /** Four-digit groups, lowest first, written from the highest with their large units. */
  private static String join(int[] groups, GroupStyle style, boolean spaced) {
    StringBuilder out = new StringBuilder();
    for (int k = groups.length - 1; k >= 0; k--) {
      if (groups[k] == 0) {
        continue;
      }
      if (!out.isEmpty() && spaced) {
        out.append(' ');
      }
      out.append(group(groups[k], style)).append(LARGE_UNITS[k]);
    }
    return out.toString();
  }

  /** One group of up to four digits. */
  static String group(int g, GroupStyle style) {
    if (g < 0 || g > 9999) {
      throw new IllegalArgumentException("A group has at most four digits: " + g);
    }
    return switch (style) {
      case DIGITS -> Integer.toString(g);
      case SUB ->
          g >= 1000
              ? (g / 1000) + "천" + (g % 1000 == 0 ? "" : Integer.toString(g % 1000))
              : Integer.toString(g);
      case COMMA -> grouped(g);
    };
  }

  /** Digits with thousands separators: {@code 2,478}, {@code 583,000}. */
  public static String grouped(long n) {
    String digits = Long.toString(Math.abs(n));
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (n < 0) {
      out.append('-');
    }
    int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, head);
    for (int i = head; i < digits.length(); i += 3) {
      out.append(',').append(digits, i, i + 3);
    }
    return out.toString();
  }

  /** Plain decimal digits without trailing zeros: {@code 13.2}, {@code 0.25}, {@code 7}. */
  public static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /** A decimal mantissa with one large unit: {@code 1.5조} for (1.5, 3). */
  public static String decimal(BigDecimal mantissa, int unitIndex) {
    return plain(mantissa) + LARGE_UNITS[unitIndex];
  }

  /**
   * A single Hangul digit with a place and a large unit: {@code 삼천억} for (3, 3, 2), {@code 오백만} for
   * (5, 2, 1), {@code 이십} for (2, 1, 0).
   *
   * @param place 0 ones, 1 십, 2 백, 3 천
   */
  public static String hangul(int digit, int place, int unitIndex) {
    if (digit < 1 || digit > 9 || place < 0 || place > 3) {
      throw new IllegalArgumentException(
          "Hangul numeral needs a digit 1-9 and a place 0-3: " + digit + ", " + place);
    }
    String placeName =
        switch (place) {
          case 1 -> "십";
          case 2 -> "백";
          case 3 -> "천";
          default -> "";
        };
    // 천억, 백만: the digit one before a place is not said.
    String digitName = digit == 1 && place > 0 ? "" : HANGUL_DIGITS[digit];
    return digitName + placeName + LARGE_UNITS[unitIndex];
  }

  /**
   * Native Korean counting words before a counter, 1 to 29: {@code 한}, {@code 세}, {@code 열두},
   * {@code 스물한}.
   */
  public static String nativeCount(int n) {
    if (n < 1 || n > 29) {
      throw new IllegalArgumentException("Native counting words are generated for 1-29 only: " + n);
    }
    if (n == 20) {
      return "스무";
    }
    String tens = n >= 20 ? "스물" : n >= 10 ? "열" : "";
    return tens + NATIVE_ONES[n % 10];
  }
}
