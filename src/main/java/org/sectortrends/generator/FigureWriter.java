package org.sectortrends.generator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SplittableRandom;
import org.sectortrends.generator.KoreanNumbers.GroupStyle;

/**
 * Draws a plausible value for a figure slot and writes it in one of the styles Korean newsrooms
 * use, recording the exact value. The value's magnitude comes from the metric (revenue of a large
 * company is tens of 조 원, a dividend a few thousand 원) scaled down for smaller companies.
 *
 * <p>Styles written, by type: {@code krw} {@code 12조 5천104억 원}, {@code 1614억5600만원}, {@code 2,478억
 * 원}, {@code 1.5조 원}, {@code 삼천억 원}, {@code 3천여억 원}; {@code fx} {@code 12억 달러}, {@code
 * 1614억5600만위안}, {@code $1.2 billion}, with a parenthetical conversion {@code 2천478억 위안(약 51조3천169억
 * 원)} half of the time; {@code pct} {@code 13.2%}, {@code 13.2퍼센트}; {@code pctsigned} {@code
 * -3.2%}, {@code △3.2%}, {@code 마이너스 3.2%}; {@code pctp} {@code 2.2%포인트}, {@code 0.25%p}; ranges
 * {@code 3~4%}, {@code 10조~12조 원}, {@code 5~6곳}; {@code pctband} {@code 10%대}; {@code mult} {@code
 * 두 배}, {@code 1.5배}; {@code multdown} {@code 절반}, {@code 4분의 1}; {@code count} {@code 1,200명},
 * {@code 58만3000건}, {@code 300여 명}; {@code countword} {@code 세 곳}, {@code 열두 개}; {@code qty} {@code
 * 30GWh}, {@code 12만 톤}. Qualifiers (약, 대략, 가량, 안팎, 이상, 초과, 이하, 미만, 최대) are part of the surface.
 */
final class FigureWriter {

  /** Won per unit of each currency, for conversions (rounded monthly averages of 2025). */
  private static final Map<String, Double> KRW_PER_UNIT =
      Map.of("USD", 1400.0, "CNY", 193.0, "JPY", 9.4, "EUR", 1560.0, "GBP", 1850.0);

  private static final String[][] CURRENCIES = {
    {"USD", "달러"},
    {"USD", "달러"},
    {"USD", "달러"},
    {"USD", "달러"},
    {"CNY", "위안"},
    {"JPY", "엔"},
    {"EUR", "유로"},
    {"GBP", "파운드"}
  };

  /**
   * Won ranges of a large company's money figures; {@code true} when smaller companies scale down.
   */
  private static final Map<String, Object[]> KRW_RANGES =
      Map.ofEntries(
          Map.entry("revenue", new Object[] {5e12, 8e13, true}),
          Map.entry("revenue_target", new Object[] {5e12, 8e13, true}),
          Map.entry("overseas_revenue", new Object[] {1e11, 5e12, true}),
          Map.entry("operating_profit", new Object[] {3e11, 1.5e13, true}),
          Map.entry("net_income", new Object[] {2e11, 1e13, true}),
          Map.entry("investment", new Object[] {1e11, 3e13, true}),
          Map.entry("contract", new Object[] {5e10, 5e12, true}),
          Map.entry("market_cap", new Object[] {1e13, 5e14, true}),
          Map.entry("orders", new Object[] {5e11, 2e13, true}),
          Map.entry("buyback", new Object[] {1e11, 1e12, true}),
          Map.entry("upfront_payment", new Object[] {1e10, 5e11, true}),
          Map.entry("rnd_spending", new Object[] {1e11, 3e12, true}),
          Map.entry("dividend_per_share", new Object[] {300.0, 5000.0, false}),
          Map.entry("target_price", new Object[] {1e4, 1e6, false}),
          Map.entry("online_sales", new Object[] {1e13, 3e13, false}),
          Map.entry("household_loans", new Object[] {7e14, 8e14, false}),
          Map.entry("household_loans_change", new Object[] {1e12, 7e12, false}),
          Map.entry("arpu", new Object[] {2.5e4, 3.5e4, false}),
          Map.entry("funding", new Object[] {1e10, 5e11, false}),
          Map.entry("budget", new Object[] {1e11, 2e12, false}));

  private static final double[] KRW_DEFAULT = {1e10, 1e13};

  /** Dollar ranges of foreign-currency figures. */
  private static final Map<String, double[]> USD_RANGES =
      Map.of(
          "exports", new double[] {1e9, 2e11},
          "market_size", new double[] {1e9, 5e11},
          "investment", new double[] {1e8, 2e10},
          "licensing_deal", new double[] {1e8, 5e9},
          "cross_border_sales", new double[] {1e8, 5e9},
          "orders", new double[] {1e9, 3e10},
          "refining_margin", new double[] {2, 20});

  private static final double[] USD_DEFAULT = {1e8, 1e10};

  private static final Map<String, double[]> COUNT_RANGES =
      Map.ofEntries(
          Map.entry("employees", new double[] {300, 130_000}),
          Map.entry("employees_change", new double[] {10, 3000}),
          Map.entry("wafer_capacity", new double[] {1e4, 6e5}),
          Map.entry("units", new double[] {1e5, 1e8}),
          Map.entry("parameters", new double[] {1e9, 1e12}),
          Map.entry("users", new double[] {1e5, 5e7}),
          Map.entry("agencies", new double[] {10, 2000}),
          Map.entry("customers", new double[] {50, 5000}),
          Map.entry("members", new double[] {1e5, 1.5e7}),
          Map.entry("stores", new double[] {50, 3000}),
          Map.entry("orders_daily", new double[] {1e4, 3e6}),
          Map.entry("ev_sales", new double[] {1e3, 5e5}),
          Map.entry("vehicle_sales", new double[] {1e4, 4e6}),
          Map.entry("subscribers", new double[] {1e6, 4e7}),
          Map.entry("lines", new double[] {1e5, 1e7}),
          Map.entry("base_stations", new double[] {100, 5e4}),
          Map.entry("affected_users", new double[] {1e4, 2.5e7}),
          Map.entry("downloads", new double[] {1e5, 1e7}),
          Map.entry("audience", new double[] {1e4, 2e6}),
          Map.entry("album_sales", new double[] {1e4, 5e6}),
          Map.entry("concurrent_users", new double[] {1e4, 1e6}),
          Map.entry("trial_patients", new double[] {100, 5000}),
          Map.entry("backlog_ships", new double[] {20, 300}),
          Map.entry("gpus", new double[] {1000, 30_000}),
          Map.entry("new_customers", new double[] {5, 200}),
          Map.entry("datacenter_capacity", new double[] {10, 300}),
          Map.entry("battery_capacity", new double[] {5, 100}),
          Map.entry("bioreactor_capacity", new double[] {1e4, 3e5}),
          Map.entry("power_capacity", new double[] {50, 2000}),
          Map.entry("output", new double[] {1e4, 5e6}));
  private static final double[] COUNT_DEFAULT = {10, 1e5};

  private static final Map<String, double[]> PERCENT_RANGES =
      Map.ofEntries(
          Map.entry("operating_margin", new double[] {2, 35}),
          Map.entry("overseas_share", new double[] {20, 90}),
          Map.entry("market_share", new double[] {1, 70}),
          Map.entry("foreign_ownership", new double[] {5, 55}),
          Map.entry("cost_ratio", new double[] {40, 90}),
          Map.entry("revenue_share", new double[] {5, 60}),
          Map.entry("subscriber_share", new double[] {30, 85}),
          Map.entry("arpu_growth", new double[] {0.1, 5}),
          Map.entry("rnd_ratio", new double[] {5, 40}),
          Map.entry("nim", new double[] {1.2, 2.4}),
          Map.entry("delinquency_rate", new double[] {0.2, 9}),
          Map.entry("target_achievement", new double[] {30, 120}),
          Map.entry("mortgage_rate", new double[] {3, 5}));
  private static final double[] PERCENT_DEFAULT = {0.5, 60};
  private static final String[] MEASURE_UNITS_KO = {"톤", "리터"};

  private FigureWriter() {}

  /**
   * Writes one figure (two for a money figure with a conversion) and returns the text written,
   * which the particle after it must follow.
   */
  static String write(
      BodyBuilder body,
      Template.FigureSlot slot,
      SplittableRandom rng,
      String subject,
      String period,
      int tier) {
    int before = body.text().length();
    switch (slot.type()) {
      case "krw" -> krw(body, slot.metric(), rng, subject, period, tier);
      case "krwrange" -> krwRange(body, slot.metric(), rng, subject, period, tier);
      case "fx" -> foreign(body, slot.metric(), rng, subject, period, tier);
      case "pct" -> percent(body, slot.metric(), rng, subject, period, false);
      case "pctsigned" -> percent(body, slot.metric(), rng, subject, period, true);
      case "pctp" -> percentPoint(body, slot.metric(), rng, subject, period);
      case "pctrange" -> percentRange(body, slot.metric(), rng, subject, period);
      case "pctband" -> percentBand(body, slot.metric(), rng, subject, period);
      case "mult" -> multiple(body, slot.metric(), rng, subject, period, true);
      case "multdown" -> multiple(body, slot.metric(), rng, subject, period, false);
      case "count" -> count(body, slot, rng, subject, period, tier);
      case "countrange" -> countRange(body, slot, rng, subject, period);
      case "countword" -> countWord(body, slot, rng, subject, period);
      case "qty" -> quantity(body, slot, rng, subject, period);
      default ->
          throw new IllegalArgumentException("Unknown figure type in template: " + slot.type());
    }
    return body.text().substring(before);
  }

  // ---- money ----

  private static void krw(
      BodyBuilder body,
      String metric,
      SplittableRandom rng,
      String subject,
      String period,
      int tier) {
    double v = drawKrw(metric, rng, tier);
    Amount amount = amount(v, rng, true);
    Qualifier q = qualifier(rng, amount.yeoAllowed());
    String number = q == Qualifier.YEO ? insertYeo(amount.text()) : amount.text();
    String surface = q.wrap(number + currencySpace(amount, rng) + "원");
    body.figure(surface, amount.value(), "KRW", null, q.code, null, metric, subject, period, null);
  }

  private static void krwRange(
      BodyBuilder body,
      String metric,
      SplittableRandom rng,
      String subject,
      String period,
      int tier) {
    double low = drawKrw(metric, rng, tier);
    int unit = low >= 1e12 ? 3 : low >= 1e8 ? 2 : 1;
    BigDecimal scale = BigDecimal.TEN.pow(4 * unit);
    long lowUnits = Math.max(1, Math.round(low / scale.doubleValue()));
    if (lowUnits >= 10 && rng.nextBoolean()) {
      lowUnits = lowUnits / 10 * 10;
    }
    long highUnits = lowUnits + Math.max(1, Math.round(lowUnits * (0.1 + 0.4 * rng.nextDouble())));
    String u = KoreanNumbers.LARGE_UNITS[unit];
    GroupStyle style = rng.nextBoolean() ? GroupStyle.SUB : GroupStyle.COMMA;
    String lowText = KoreanNumbers.group((int) Math.min(lowUnits, 9999), style);
    String highText = KoreanNumbers.group((int) Math.min(highUnits, 9999), style);
    lowUnits = Math.min(lowUnits, 9999);
    highUnits = Math.min(highUnits, 9999);
    if (highUnits <= lowUnits) {
      highUnits = lowUnits;
      lowUnits = lowUnits - 1;
      lowText = KoreanNumbers.group((int) lowUnits, style);
    }
    String surface = lowText + u + "~" + highText + u + (rng.nextInt(10) < 7 ? " 원" : "원");
    body.figure(
        surface,
        scale.multiply(BigDecimal.valueOf(lowUnits)),
        "KRW",
        null,
        "range",
        scale.multiply(BigDecimal.valueOf(highUnits)),
        metric,
        subject,
        period,
        null);
  }

  private static void foreign(
      BodyBuilder body,
      String metric,
      SplittableRandom rng,
      String subject,
      String period,
      int tier) {
    double[] range = USD_RANGES.getOrDefault(metric, USD_DEFAULT);
    double usd = logUniform(rng, range[0], range[1]);
    String[] currency =
        range[1] < 1000 ? CURRENCIES[0] : CURRENCIES[rng.nextInt(CURRENCIES.length)];
    double v = usd * KRW_PER_UNIT.get("USD") / KRW_PER_UNIT.get(currency[0]);
    Amount amount;
    String surface;
    Qualifier q = Qualifier.NONE;
    if (currency[0].equals("USD") && v >= 1e8 && rng.nextInt(10) == 0) {
      // English form inside Korean text: $1.2 billion.
      boolean billions = v >= 1e9;
      BigDecimal unit = BigDecimal.TEN.pow(billions ? 9 : 6);
      BigDecimal mantissa = BigDecimal.valueOf(v).divide(unit, 1, RoundingMode.HALF_UP);
      amount =
          new Amount(
              "$" + KoreanNumbers.plain(mantissa) + (billions ? " billion" : " million"),
              mantissa.multiply(unit),
              false,
              false);
      surface = amount.text();
    } else if (v < 1e4) {
      BigDecimal value = BigDecimal.valueOf(v).setScale(v < 100 ? 1 : 0, RoundingMode.HALF_UP);
      amount = new Amount(KoreanNumbers.plain(value), value, false, false);
      q = qualifier(rng, false);
      surface = q.wrap(amount.text() + currency[1]);
    } else {
      amount = amount(v, rng, false);
      q = qualifier(rng, amount.yeoAllowed());
      String number = q == Qualifier.YEO ? insertYeo(amount.text()) : amount.text();
      surface = q.wrap(number + currencySpace(amount, rng) + currency[1]);
    }
    int index =
        body.figure(
            surface,
            amount.value(),
            currency[0],
            null,
            q.code,
            null,
            metric,
            subject,
            period,
            null);
    if (rng.nextBoolean()) {
      double won = amount.value().doubleValue() * KRW_PER_UNIT.get(currency[0]);
      Amount converted = amount(won, rng, false);
      body.append(rng.nextInt(4) == 0 ? "(한화 " : "(");
      String convSurface = "약 " + converted.text() + currencySpace(converted, rng) + "원";
      body.figure(
          convSurface,
          converted.value(),
          "KRW",
          null,
          "approx",
          null,
          metric,
          subject,
          period,
          index);
      body.append(")");
    }
  }

  private static double drawKrw(String metric, SplittableRandom rng, int tier) {
    Object[] range = KRW_RANGES.get(metric);
    double lo = range == null ? KRW_DEFAULT[0] : (double) range[0];
    double hi = range == null ? KRW_DEFAULT[1] : (double) range[1];
    boolean tiered = range == null || (boolean) range[2];
    double factor = !tiered || tier <= 1 ? 1 : tier == 2 ? 0.15 : 0.02;
    return logUniform(rng, lo * factor, hi * factor);
  }

  /**
   * A rendered amount without currency; {@code endsWithUnit} when it ends in 만/억/조 (spacing before
   * 원).
   */
  private record Amount(String text, BigDecimal value, boolean endsWithUnit, boolean yeoAllowed) {}

  /** Renders {@code v} in a randomly chosen style, rounding it to what that style can say. */
  private static Amount amount(double v, SplittableRandom rng, boolean allowHangul) {
    if (v < 1e4) {
      long n = Math.max(1, Math.round(v / 10) * 10);
      return new Amount(KoreanNumbers.grouped(n), BigDecimal.valueOf(n), false, false);
    }
    int r = rng.nextInt(100);
    int topUnit = Math.min(4, (int) Math.floor(Math.log10(v) / 4));
    BigDecimal unitScale = BigDecimal.TEN.pow(4 * topUnit);
    double mantissa = v / unitScale.doubleValue();
    if (r < 18 && topUnit >= 1 && mantissa < 100) {
      BigDecimal m =
          BigDecimal.valueOf(mantissa).setScale(rng.nextInt(4) == 0 ? 2 : 1, RoundingMode.HALF_UP);
      if (m.signum() > 0) {
        return new Amount(KoreanNumbers.decimal(m, topUnit), m.multiply(unitScale), true, false);
      }
    }
    if (r >= 18 && r < 23 && allowHangul && topUnit >= 1) {
      int exponent = (int) Math.floor(Math.log10(v));
      int digit = (int) Math.max(1, Math.min(9, Math.round(v / Math.pow(10, exponent))));
      BigDecimal value = BigDecimal.TEN.pow(exponent).multiply(BigDecimal.valueOf(digit));
      return new Amount(
          KoreanNumbers.hangul(digit, exponent % 4, exponent / 4), value, exponent >= 4, false);
    }
    if (r >= 23 && r < 33) {
      // Round amounts, the ones written with 여: 3천억, 500억, 20만.
      int exponent = (int) Math.floor(Math.log10(v));
      int digit = (int) Math.max(1, Math.min(9, Math.round(v / Math.pow(10, exponent))));
      BigInteger n = BigInteger.TEN.pow(exponent).multiply(BigInteger.valueOf(digit));
      boolean yeo = exponent % 4 != 0;
      return new Amount(
          KoreanNumbers.withUnits(n, GroupStyle.SUB, true), new BigDecimal(n), exponent >= 4, yeo);
    }
    GroupStyle style = r < 58 ? GroupStyle.SUB : r < 80 ? GroupStyle.DIGITS : GroupStyle.COMMA;
    boolean spaced = style != GroupStyle.DIGITS || rng.nextInt(4) == 0;
    // 3 to 6 significant digits, then to the smallest unit a newspaper would print.
    int significant = 3 + rng.nextInt(4);
    BigDecimal rounded =
        BigDecimal.valueOf(v).round(new MathContext(significant, RoundingMode.HALF_UP));
    BigDecimal quantum =
        v >= 1e10
            ? (style == GroupStyle.DIGITS && rng.nextInt(3) == 0
                ? BigDecimal.valueOf(1e4)
                : BigDecimal.valueOf(1e8))
            : v >= 1e6 ? BigDecimal.valueOf(1e4) : BigDecimal.ONE;
    BigInteger n =
        rounded.divide(quantum, 0, RoundingMode.HALF_UP).multiply(quantum).toBigIntegerExact();
    if (n.signum() == 0) {
      n = quantum.toBigIntegerExact();
    }
    String text = KoreanNumbers.withUnits(n, style, spaced);
    boolean endsWithUnit = n.mod(BigInteger.valueOf(10_000)).signum() == 0;
    return new Amount(text, new BigDecimal(n), endsWithUnit, false);
  }

  private static String currencySpace(Amount amount, SplittableRandom rng) {
    return amount.endsWithUnit() && rng.nextInt(10) < 6 ? " " : "";
  }

  /** {@code 3천억} → {@code 3천여억}; {@code 500} → {@code 500여}; {@code 20만} → {@code 20만여}. */
  static String insertYeo(String number) {
    char last = number.charAt(number.length() - 1);
    boolean unitLast = last == '만' || last == '억' || last == '조' || last == '경';
    if (unitLast && number.length() >= 2) {
      char before = number.charAt(number.length() - 2);
      if (before == '천' || before == '백' || before == '십' || before == '0') {
        return number.substring(0, number.length() - 1) + "여" + last;
      }
    }
    return number + "여";
  }

  // ---- percent, multiples ----

  private static void percent(
      BodyBuilder body,
      String metric,
      SplittableRandom rng,
      String subject,
      String period,
      boolean signed) {
    BigDecimal value = drawPercent(metric, rng);
    String unitWord = percentWord(rng);
    if (signed) {
      int form = rng.nextInt(4);
      String number = KoreanNumbers.plain(value);
      String surface =
          switch (form) {
            case 0 -> "-" + number + unitWord;
            case 1 -> "△" + number + unitWord;
            case 2 -> "마이너스 " + number + unitWord;
            default -> "+" + number + unitWord;
          };
      BigDecimal signedValue = form == 3 ? value : value.negate();
      body.figure(surface, signedValue, "percent", null, null, null, metric, subject, period, null);
      return;
    }
    Qualifier q = qualifier(rng, false);
    body.figure(
        q.wrap(KoreanNumbers.plain(value) + unitWord),
        value,
        "percent",
        null,
        q.code,
        null,
        metric,
        subject,
        period,
        null);
  }

  private static void percentPoint(
      BodyBuilder body, String metric, SplittableRandom rng, String subject, String period) {
    BigDecimal value =
        BigDecimal.valueOf(logUniform(rng, 0.02, 4))
            .setScale(rng.nextBoolean() ? 1 : 2, RoundingMode.HALF_UP);
    if (value.signum() == 0) {
      value = new BigDecimal("0.1");
    }
    int form = rng.nextInt(10);
    String unitWord = form < 5 ? "%포인트" : form < 9 ? "%p" : "포인트";
    body.figure(
        KoreanNumbers.plain(value) + unitWord,
        value,
        "percent_point",
        null,
        null,
        null,
        metric,
        subject,
        period,
        null);
  }

  private static void percentRange(
      BodyBuilder body, String metric, SplittableRandom rng, String subject, String period) {
    BigDecimal low = drawPercent(metric, rng).setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE);
    boolean half = rng.nextInt(3) == 0;
    BigDecimal high =
        low.add(
            half ? new BigDecimal("0.5") : BigDecimal.ONE.add(BigDecimal.valueOf(rng.nextInt(3))));
    String lowText = half ? low.setScale(1).toPlainString() : KoreanNumbers.plain(low);
    String unitWord = percentWord(rng);
    String surface =
        rng.nextInt(4) == 0
            ? lowText + unitWord + "~" + KoreanNumbers.plain(high) + unitWord
            : lowText + "~" + KoreanNumbers.plain(high) + unitWord;
    body.figure(surface, low, "percent", null, "range", high, metric, subject, period, null);
  }

  private static void percentBand(
      BodyBuilder body, String metric, SplittableRandom rng, String subject, String period) {
    int decade = Math.max(1, Math.min(9, drawPercent(metric, rng).intValue() / 10));
    BigDecimal low = BigDecimal.valueOf(decade * 10L);
    body.figure(
        low.toPlainString() + "%대",
        low,
        "percent",
        null,
        "range",
        low.add(BigDecimal.TEN),
        metric,
        subject,
        period,
        null);
  }

  private static void multiple(
      BodyBuilder body,
      String metric,
      SplittableRandom rng,
      String subject,
      String period,
      boolean up) {
    String surface;
    BigDecimal value;
    if (up) {
      int form = rng.nextInt(5);
      if (form < 3) {
        int n = 2 + rng.nextInt(3);
        surface = KoreanNumbers.nativeCount(n) + " 배";
        value = BigDecimal.valueOf(n);
      } else {
        value = BigDecimal.valueOf(11 + rng.nextInt(30)).movePointLeft(1);
        surface = KoreanNumbers.plain(value) + "배";
      }
    } else if (rng.nextBoolean()) {
      surface = "절반";
      value = new BigDecimal("0.5");
    } else {
      // 4분의 1 and 5분의 1 have exact decimal values; 3분의 1 would not.
      int d = rng.nextInt(2) == 0 ? 4 : 5;
      surface = d + "분의 1";
      value = BigDecimal.ONE.divide(BigDecimal.valueOf(d));
    }
    body.figure(surface, value, "multiple", null, null, null, metric, subject, period, null);
  }

  private static BigDecimal drawPercent(String metric, SplittableRandom rng) {
    double[] range = PERCENT_RANGES.getOrDefault(metric, PERCENT_DEFAULT);
    double v = logUniform(rng, range[0], range[1]);
    int scale = range[1] <= 10 ? 2 : rng.nextInt(5) == 0 ? 0 : 1;
    BigDecimal value = BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
    return value.signum() == 0 ? BigDecimal.ONE : value;
  }

  private static String percentWord(SplittableRandom rng) {
    int r = rng.nextInt(20);
    return r < 17 ? "%" : r < 19 ? "퍼센트" : "프로";
  }

  // ---- counts and quantities ----

  private static void count(
      BodyBuilder body,
      Template.FigureSlot slot,
      SplittableRandom rng,
      String subject,
      String period,
      int tier) {
    double[] range = COUNT_RANGES.getOrDefault(slot.metric(), COUNT_DEFAULT);
    double v =
        logUniform(rng, range[0], range[1])
            * (slot.metric().equals("employees") && tier > 1 ? 0.1 : 1);
    Amount amount = amount(Math.max(v, 1), rng, false);
    if (v < 1e4) {
      long n = Math.max(1, Math.round(v));
      if (n >= 100 && rng.nextBoolean()) {
        n = Math.round(n / 10.0) * 10;
      }
      long head = n;
      while (head >= 10 && head % 10 == 0) {
        head /= 10;
      }
      boolean round = n >= 10 && head < 10;
      amount =
          new Amount(
              rng.nextBoolean() ? KoreanNumbers.grouped(n) : Long.toString(n),
              BigDecimal.valueOf(n),
              false,
              round);
    }
    Qualifier q = qualifier(rng, amount.yeoAllowed());
    String number = q == Qualifier.YEO ? amount.text() + "여" : amount.text();
    String space = q == Qualifier.YEO || rng.nextInt(5) == 0 ? " " : "";
    String surface = q.wrap(number + space + slot.counter());
    body.figure(
        surface,
        amount.value(),
        "count",
        slot.counter(),
        q.code,
        null,
        slot.metric(),
        subject,
        period,
        null);
  }

  private static void countRange(
      BodyBuilder body,
      Template.FigureSlot slot,
      SplittableRandom rng,
      String subject,
      String period) {
    double[] range = COUNT_RANGES.getOrDefault(slot.metric(), COUNT_DEFAULT);
    double v = logUniform(rng, range[0], range[1]);
    int magnitude = (int) Math.floor(Math.log10(v));
    long step = (long) Math.pow(10, Math.max(0, magnitude));
    long low = Math.max(1, Math.round(v / step)) * step;
    long high = low + step * (1 + rng.nextInt(2));
    String lowText;
    String highText;
    if (low >= 10_000) {
      lowText = KoreanNumbers.withUnits(low, GroupStyle.SUB, false);
      highText = KoreanNumbers.withUnits(high, GroupStyle.SUB, false);
    } else {
      lowText = KoreanNumbers.grouped(low);
      highText = KoreanNumbers.grouped(high);
    }
    String surface = lowText + "~" + highText + slot.counter();
    body.figure(
        surface,
        BigDecimal.valueOf(low),
        "count",
        slot.counter(),
        "range",
        BigDecimal.valueOf(high),
        slot.metric(),
        subject,
        period,
        null);
  }

  private static void countWord(
      BodyBuilder body,
      Template.FigureSlot slot,
      SplittableRandom rng,
      String subject,
      String period) {
    int n = 1 + rng.nextInt(rng.nextInt(4) == 0 ? 20 : 9);
    String surface = KoreanNumbers.nativeCount(n) + " " + slot.counter();
    body.figure(
        surface,
        BigDecimal.valueOf(n),
        "count",
        slot.counter(),
        null,
        null,
        slot.metric(),
        subject,
        period,
        null);
  }

  private static void quantity(
      BodyBuilder body,
      Template.FigureSlot slot,
      SplittableRandom rng,
      String subject,
      String period) {
    double[] range = COUNT_RANGES.getOrDefault(slot.metric(), COUNT_DEFAULT);
    double v = logUniform(rng, range[0], range[1]);
    String unitWord = slot.counter();
    boolean korean = java.util.Arrays.asList(MEASURE_UNITS_KO).contains(unitWord);
    Amount amount;
    if (v < 1e4) {
      BigDecimal value =
          BigDecimal.valueOf(v).setScale(v < 20 && rng.nextBoolean() ? 1 : 0, RoundingMode.HALF_UP);
      amount =
          new Amount(
              value.compareTo(BigDecimal.valueOf(1000)) >= 0
                  ? KoreanNumbers.grouped(value.longValue())
                  : KoreanNumbers.plain(value),
              value,
              false,
              false);
    } else {
      amount = amount(v, rng, false);
    }
    Qualifier q = qualifier(rng, false);
    String surface = q.wrap(amount.text() + (korean ? " " : "") + unitWord);
    String unit =
        switch (unitWord) {
          case "톤" -> "ton";
          case "리터" -> "liter";
          default -> unitWord;
        };
    body.figure(
        surface, amount.value(), unit, null, q.code, null, slot.metric(), subject, period, null);
  }

  private static double logUniform(SplittableRandom rng, double lo, double hi) {
    return Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  // ---- qualifiers ----

  /** Qualifier words and where they go; the code is the truth's {@code qualifier}. */
  enum Qualifier {
    NONE(null, "", ""),
    ABOUT("approx", "약 ", ""),
    ROUGHLY("approx", "대략 ", ""),
    GARYANG("approx", "", "가량"),
    ANPAK("approx", "", " 안팎"),
    YEO("approx", "", ""),
    AT_LEAST("at_least", "", " 이상"),
    MORE_THAN("more_than", "", " 초과"),
    AT_MOST("at_most", "", " 이하"),
    LESS_THAN("less_than", "", " 미만"),
    UP_TO("at_most", "최대 ", "");

    final String code;
    final String prefix;
    final String suffix;

    Qualifier(String code, String prefix, String suffix) {
      this.code = code;
      this.prefix = prefix;
      this.suffix = suffix;
    }

    String wrap(String figure) {
      return prefix + figure + suffix;
    }
  }

  private static Qualifier qualifier(SplittableRandom rng, boolean yeoAllowed) {
    int r = rng.nextInt(100);
    if (r < 75) {
      return Qualifier.NONE;
    }
    if (yeoAllowed && r < 83) {
      return Qualifier.YEO;
    }
    return switch (r % 10) {
      case 0, 1, 2 -> Qualifier.ABOUT;
      case 3 -> Qualifier.ROUGHLY;
      case 4 -> Qualifier.GARYANG;
      case 5 -> Qualifier.ANPAK;
      case 6 -> Qualifier.AT_LEAST;
      case 7 -> Qualifier.UP_TO;
      case 8 -> Qualifier.LESS_THAN;
      default -> rng.nextBoolean() ? Qualifier.MORE_THAN : Qualifier.AT_MOST;
    };
  }
}
