package org.sectortrends.figures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Monthly average exchange rates (see {@code data/fx/README.md}) for converting money figures to
 * KRW and USD: {@code toKrw(2478억, "CNY", 2025-09)}.
 *
 * <p>A month missing for a currency falls back to the nearest month present (the earlier one on a
 * tie), so articles published after the table ends still convert with the last known rate. Results
 * keep 34 significant digits ({@link MathContext#DECIMAL128}); values are exact multiples of the
 * table's rates and never pass through {@code double}. Immutable, thread-safe.
 */
public final class FxTable {

  private record Rate(BigDecimal krwPerUnit, BigDecimal usdPerUnit) {}

  private final Map<String, TreeMap<YearMonth, Rate>> rates;

  private FxTable(Map<String, TreeMap<YearMonth, Rate>> rates) {
    this.rates = rates;
  }

  /** The table packaged on the classpath as {@code /fx/monthly-fx.csv}. */
  public static FxTable defaults() {
    InputStream in = FxTable.class.getResourceAsStream("/fx/monthly-fx.csv");
    if (in == null) {
      throw new IllegalStateException("classpath resource /fx/monthly-fx.csv is missing");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(reader, "/fx/monthly-fx.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A table read from a CSV file in the format of {@code data/fx/monthly-fx.csv}. */
  public static FxTable fromFile(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read FX table " + file, e);
    }
  }

  private static FxTable read(BufferedReader reader, String name) throws IOException {
    Map<String, TreeMap<YearMonth, Rate>> rates = new HashMap<>();
    String line;
    int lineNo = 0;
    boolean header = true;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        if (!line.startsWith("month,currency,krw_per_unit,usd_per_unit")) {
          throw new IllegalArgumentException(
              name
                  + " line "
                  + lineNo
                  + ": header must start with month,currency,krw_per_unit,usd_per_unit but was '"
                  + line
                  + "'");
        }
        continue;
      }
      String[] c = line.split(",", -1);
      if (c.length < 4) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": needs 4 columns: '" + line + "'");
      }
      try {
        YearMonth month = YearMonth.parse(c[0].strip());
        Rate rate = new Rate(new BigDecimal(c[2].strip()), new BigDecimal(c[3].strip()));
        rates.computeIfAbsent(c[1].strip().toUpperCase(), k -> new TreeMap<>()).put(month, rate);
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": bad value in '" + line + "'", e);
      }
    }
    return new FxTable(Map.copyOf(rates));
  }

  /** {@code value} in {@code currency} converted to Korean won at the month's average. */
  public Optional<BigDecimal> toKrw(BigDecimal value, String currency, YearMonth month) {
    return rate(currency, month).map(r -> value.multiply(r.krwPerUnit(), MathContext.DECIMAL128));
  }

  /** {@code value} in {@code currency} converted to US dollars at the month's average. */
  public Optional<BigDecimal> toUsd(BigDecimal value, String currency, YearMonth month) {
    return rate(currency, month).map(r -> value.multiply(r.usdPerUnit(), MathContext.DECIMAL128));
  }

  /** True when the table has rates for the currency. */
  public boolean covers(String currency) {
    return currency != null && rates.containsKey(currency.toUpperCase());
  }

  private Optional<Rate> rate(String currency, YearMonth month) {
    if (currency == null || month == null) {
      return Optional.empty();
    }
    TreeMap<YearMonth, Rate> byMonth = rates.get(currency.toUpperCase());
    if (byMonth == null || byMonth.isEmpty()) {
      return Optional.empty();
    }
    Rate exact = byMonth.get(month);
    if (exact != null) {
      return Optional.of(exact);
    }
    Map.Entry<YearMonth, Rate> before = byMonth.floorEntry(month);
    Map.Entry<YearMonth, Rate> after = byMonth.ceilingEntry(month);
    if (before == null) {
      return Optional.of(after.getValue());
    }
    if (after == null) {
      return Optional.of(before.getValue());
    }
    long toBefore = before.getKey().until(month, java.time.temporal.ChronoUnit.MONTHS);
    long toAfter = month.until(after.getKey(), java.time.temporal.ChronoUnit.MONTHS);
    return Optional.of(toAfter < toBefore ? after.getValue() : before.getValue());
  }
}
