package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FxTableTest {

  private static final FxTable DEFAULTS = FxTable.defaults();

  @ParameterizedTest
  @CsvSource({"KRW", "USD", "CNY", "JPY", "EUR", "GBP", "HKD", "TWD", "AUD", "INR", "VND"})
  void packagedTableCoversEveryRequiredCurrencyFrom2015To2026(String currency) {
    for (YearMonth m = YearMonth.of(2015, 1);
        !m.isAfter(YearMonth.of(2026, 12));
        m = m.plusMonths(1)) {
      assertTrue(DEFAULTS.toKrw(BigDecimal.ONE, currency, m).isPresent(), currency + " " + m);
      assertTrue(DEFAULTS.toUsd(BigDecimal.ONE, currency, m).isPresent(), currency + " " + m);
    }
  }

  @Test
  void wonAndDollarAreIdentities() {
    YearMonth m = YearMonth.of(2024, 6);
    assertEquals(
        0,
        new BigDecimal("5").compareTo(DEFAULTS.toKrw(new BigDecimal("5"), "KRW", m).orElseThrow()));
    assertEquals(
        0,
        new BigDecimal("5").compareTo(DEFAULTS.toUsd(new BigDecimal("5"), "USD", m).orElseThrow()));
  }

  @Test
  void ratesAreInPlausibleRanges() {
    YearMonth m = YearMonth.of(2023, 6);
    assertBetween(DEFAULTS.toKrw(BigDecimal.ONE, "USD", m), 1200, 1400);
    assertBetween(DEFAULTS.toKrw(BigDecimal.ONE, "JPY", m), 8, 10.5);
    assertBetween(DEFAULTS.toKrw(BigDecimal.ONE, "CNY", m), 170, 200);
    assertBetween(DEFAULTS.toKrw(BigDecimal.ONE, "EUR", m), 1300, 1550);
    assertBetween(DEFAULTS.toKrw(BigDecimal.ONE, "VND", m), 0.045, 0.065);
    assertBetween(DEFAULTS.toUsd(BigDecimal.ONE, "GBP", m), 1.1, 1.4);
  }

  @Test
  void yuanFiguresConvertToWonAtTheMonthAverage() {
    BigDecimal yuan = new BigDecimal("247800000000");
    BigDecimal won = DEFAULTS.toKrw(yuan, "CNY", YearMonth.of(2025, 9)).orElseThrow();
    // about 190-200 won per yuan in 2025
    assertBetween(Optional.of(won), 4.6e13, 5.3e13);
  }

  @Test
  void missingMonthsFallBackToTheNearestMonth(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("fx.csv");
    Files.write(
        file,
        List.of(
            "# test table",
            "month,currency,krw_per_unit,usd_per_unit",
            "2020-01,USD,1000,1",
            "2020-06,USD,1200,1",
            "2020-01,JPY,10,0.01"));
    FxTable table = FxTable.fromFile(file);
    assertEquals(
        0,
        new BigDecimal("1000")
            .compareTo(table.toKrw(BigDecimal.ONE, "USD", YearMonth.of(2019, 3)).orElseThrow()));
    assertEquals(
        0,
        new BigDecimal("1000")
            .compareTo(table.toKrw(BigDecimal.ONE, "USD", YearMonth.of(2020, 2)).orElseThrow()));
    assertEquals(
        0,
        new BigDecimal("1200")
            .compareTo(table.toKrw(BigDecimal.ONE, "USD", YearMonth.of(2020, 5)).orElseThrow()));
    assertEquals(
        0,
        new BigDecimal("1200")
            .compareTo(table.toKrw(BigDecimal.ONE, "usd", YearMonth.of(2031, 1)).orElseThrow()));
    assertEquals(
        0,
        new BigDecimal("25")
            .compareTo(
                table.toKrw(new BigDecimal("2.5"), "JPY", YearMonth.of(2020, 1)).orElseThrow()));
    assertEquals(Optional.empty(), table.toKrw(BigDecimal.ONE, "EUR", YearMonth.of(2020, 1)));
    assertEquals(Optional.empty(), table.toKrw(BigDecimal.ONE, "USD", null));
  }

  @Test
  void badRowsNameTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("fx.csv");
    Files.write(file, List.of("month,currency,krw_per_unit,usd_per_unit", "2020-13,USD,1000,1"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FxTable.fromFile(file));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  private static void assertBetween(Optional<BigDecimal> value, double low, double high) {
    double v = value.orElseThrow().doubleValue();
    assertTrue(v >= low && v <= high, v + " not in [" + low + ", " + high + "]");
  }
}
