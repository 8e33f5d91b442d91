package org.sectortrends.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the report writes numbers, money and links, shared by the HTML and Markdown templates.
 *
 * <p>Examples: share {@code 0.1234} → {@code 12.3%}; change {@code 1.25} points → {@code +1.3%p};
 * {@code 51316900000000} won → {@code 51.3조 원}; {@code 245000000000} won → {@code 2,450억 원}.
 * Missing values print as {@code –}.
 */
public final class ReportFormats {

  /** What a missing value prints as. */
  public static final String MISSING = "–";

  private static final BigDecimal JO = new BigDecimal("1000000000000");
  private static final BigDecimal EOK = new BigDecimal("100000000");

  private ReportFormats() {}

  private static DecimalFormat format(String pattern) {
    DecimalFormat format =
        new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    // Readers expect 1.25 to round to 1.3, not to the even 1.2.
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  }

  /** A count with thousands separators: {@code 12,345}. */
  public static String count(Number value) {
    return value == null ? MISSING : format("#,##0").format(value.longValue());
  }

  /** A share in 0..1 as a percentage with one decimal: {@code 12.3%}. */
  public static String share(Number value) {
    return value == null ? MISSING : format("0.0").format(value.doubleValue() * 100) + "%";
  }

  /** A change in percentage points with its sign: {@code +1.3%p}, {@code -0.8%p}. */
  public static String points(Number value) {
    if (value == null || Double.isNaN(value.doubleValue())) {
      return MISSING;
    }
    return signed(value.doubleValue(), "0.0") + "%p";
  }

  /** A relative change in percent with its sign: {@code +12.5%}. */
  public static String changePct(Number value) {
    if (value == null
        || Double.isNaN(value.doubleValue())
        || Double.isInfinite(value.doubleValue())) {
      return MISSING;
    }
    return signed(value.doubleValue(), "0.0") + "%";
  }

  /** A plain decimal with up to two decimals: {@code 3.25}, {@code 1,204.5}. */
  public static String decimal(Number value) {
    if (value == null || (value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
      return MISSING;
    }
    return value instanceof BigDecimal big
        ? format("#,##0.##").format(big)
        : format("#,##0.##").format(value.doubleValue());
  }

  private static String signed(double value, String pattern) {
    String text = format(pattern).format(Math.abs(value));
    if (format(pattern).format(0.0).equals(text)) {
      return text;
    }
    return (value < 0 ? "-" : "+") + text;
  }

  /** An amount in won in Korean units: {@code 51.3조 원}, {@code 2,450억 원}, {@code 3,000만 원}. */
  public static String won(BigDecimal value) {
    if (value == null) {
      return MISSING;
    }
    String text = inKoreanUnits(value);
    return text == null ? format("#,##0").format(value) + "원" : text + " 원";
  }

  /**
   * A reported amount with its unit, large ones in Korean units as the articles write them: {@code
   * 1,550억 USD} rather than {@code 155,000,000,000 USD}, {@code 51.3조 원} for won, {@code 12.5 %} or
   * {@code 3,200 명} for small values.
   */
  public static String amount(BigDecimal value, String unit) {
    if (value == null) {
      return MISSING;
    }
    if ("KRW".equals(unit)) {
      return won(value);
    }
    String text = inKoreanUnits(value);
    String suffix = unit == null || unit.isBlank() ? "" : " " + unit;
    return (text == null ? decimal(value) : text) + suffix;
  }

  /** {@code 51.3조}, {@code 2,450억}, {@code 3,000만}; null below ten thousand. */
  private static String inKoreanUnits(BigDecimal value) {
    String sign = value.signum() < 0 ? "-" : "";
    BigDecimal abs = value.abs();
    if (abs.compareTo(JO) >= 0) {
      return sign + format("#,##0.#").format(abs.divide(JO, 1, RoundingMode.HALF_UP)) + "조";
    }
    if (abs.compareTo(EOK) >= 0) {
      return sign + format("#,##0").format(abs.divide(EOK, 0, RoundingMode.HALF_UP)) + "억";
    }
    if (abs.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
      return sign
          + format("#,##0").format(abs.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP))
          + "만";
    }
    return null;
  }

  /** An amount in won as trillions (조) for chart axes. */
  public static double trillions(BigDecimal value) {
    return value == null ? Double.NaN : value.divide(JO, 3, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * The address when it is an absolute http or https URL with a host, else null: only such
   * addresses become links ({@code javascript:}, {@code data:} and relative paths stay text).
   */
  public static String webUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String text = url.strip();
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        return null;
      }
      String lower = scheme.toLowerCase(Locale.ROOT);
      return lower.equals("http") || lower.equals("https") ? text : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
