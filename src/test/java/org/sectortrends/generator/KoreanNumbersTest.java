package org.sectortrends.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sectortrends.generator.KoreanNumbers.GroupStyle;

class KoreanNumbersTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      12510400000000     | SUB    | true  | 12조 5천104억
      12510400000000     | DIGITS | false | 12조5104억
      12510400000000     | COMMA  | true  | 12조 5,104억
      161456000000       | DIGITS | false | 1614억5600만
      247800000000       | COMMA  | true  | 2,478억
      51316900000000     | SUB    | false | 51조3천169억
      58200              | DIGITS | true  | 5만 8200
      380000000000       | SUB    | true  | 3천800억
      20484000000000000  | DIGITS | true  | 2경 484조
      7                  | SUB    | true  | 7
      0                  | SUB    | true  | 0
      """)
  void rendersLargeUnits(String value, GroupStyle style, boolean spaced, String expected) {
    assertEquals(expected, KoreanNumbers.withUnits(new BigInteger(value), style, spaced));
    assertEquals(expected, KoreanNumbers.withUnits(Long.parseLong(value), style, spaced));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      1.5  | 3 | 1.5조
      3.20 | 2 | 3.2억
      12   | 1 | 12만
      """)
  void rendersDecimalMantissas(String mantissa, int unit, String expected) {
    assertEquals(expected, KoreanNumbers.decimal(new BigDecimal(mantissa), unit));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      3 | 3 | 2 | 삼천억
      5 | 2 | 1 | 오백만
      1 | 3 | 2 | 천억
      8 | 0 | 3 | 팔조
      2 | 1 | 0 | 이십
      """)
  void rendersHangulNumerals(int digit, int place, int unit, String expected) {
    assertEquals(expected, KoreanNumbers.hangul(digit, place, unit));
  }

  @ParameterizedTest
  @CsvSource({"1,한", "2,두", "3,세", "4,네", "10,열", "12,열두", "20,스무", "21,스물한"})
  void rendersNativeCountingWords(int n, String expected) {
    assertEquals(expected, KoreanNumbers.nativeCount(n));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0        | 0
      999      | 999
      1000     | 1,000
      2478     | 2,478
      583000   | 583,000
      1234567  | 1,234,567
      -4500    | -4,500
      """)
  void groupsThousands(long n, String expected) {
    assertEquals(expected, KoreanNumbers.grouped(n));
  }

  @ParameterizedTest
  @CsvSource({"13.20,13.2", "7.0,7", "1E+3,1000", "0.25,0.25"})
  void writesPlainDecimals(String value, String expected) {
    assertEquals(expected, KoreanNumbers.plain(new BigDecimal(value)));
  }

  @ParameterizedTest
  @CsvSource({"-1", "100000000000000000000"})
  void rejectsValuesOutOfRange(String value) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KoreanNumbers.withUnits(new BigInteger(value), GroupStyle.SUB, true));
    assertEquals(true, e.getMessage().contains(value));
  }
}
