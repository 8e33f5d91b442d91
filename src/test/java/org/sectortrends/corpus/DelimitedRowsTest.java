package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DelimitedRowsTest {

  static Stream<Arguments> csvRecords() {
    return Stream.of(
        Arguments.of("a,b,c", List.of("a", "b", "c")),
        Arguments.of("", List.of("")),
        Arguments.of(",,", List.of("", "", "")),
        Arguments.of("a,", List.of("a", "")),
        Arguments.of(" a , b ", List.of(" a ", " b ")),
        Arguments.of("\"a,b\",c", List.of("a,b", "c")),
        Arguments.of("\"\",x", List.of("", "x")),
        Arguments.of("\"그는 \"\"올랐다\"\"고 했다\",2", List.of("그는 \"올랐다\"고 했다", "2")),
        Arguments.of("\"\"\"\"", List.of("\"")),
        Arguments.of("1,\"첫 줄\n둘째 줄\",3", List.of("1", "첫 줄\n둘째 줄", "3")),
        Arguments.of("1,\"a,\nb,\n\"", List.of("1", "a,\nb,\n")),
        Arguments.of("x,\"끝\"", List.of("x", "끝")),
        // A quote inside an unquoted field is an ordinary character (e.g. a 27" screen).
        Arguments.of("모니터,27\" 화면,3", List.of("모니터", "27\" 화면", "3")),
        Arguments.of("a\"b\"c,d", List.of("a\"b\"c", "d")));
  }

  @ParameterizedTest
  @MethodSource("csvRecords")
  void splitsCsvRecords(String record, List<String> fields) {
    assertEquals(fields, DelimitedRows.splitCsv(record, ','));
  }

  /** A record that splits cleanly is complete: the reader must not join the next line to it. */
  @ParameterizedTest
  @MethodSource("csvRecords")
  void completeRecordsLeaveNoQuoteOpen(String record, List<String> fields) {
    assertFalse(DelimitedRows.quoteOpen(record), record);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
      1,"첫 줄      | true
      1,"a""        | true
      "a""b         | true
      1,"닫힘"      | false
      1,"a",""      | false
      "a"x,"b       | true
      """)
  void detectsOpenQuotes(String text, boolean open) {
    assertEquals(open, DelimitedRows.quoteOpen(text), text);
  }

  /** Columns: record | text the message must contain. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
      "열린 따옴표            | Unterminated
      a,"b                    | Unterminated
      "a""                    | Unterminated
      "닫힌 뒤"글자,b         | after a closing quote
      a,"b" ,c                | after a closing quote
      """)
  void rejectsMalformedCsv(String record, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DelimitedRows.splitCsv(record, ','));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("csvRecords")
  void otherSeparatorsWork(String record, List<String> fields) {
    String semicolons = record.replace(',', ';');
    List<String> expected = fields.stream().map(f -> f.replace(',', ';')).toList();
    assertEquals(expected, DelimitedRows.splitCsv(semicolons, ';'));
  }

  static Stream<Arguments> tsvLines() {
    return Stream.of(
        Arguments.of("a\tb\tc", List.of("a", "b", "c")),
        Arguments.of("", List.of("")),
        Arguments.of("\t", List.of("", "")),
        Arguments.of("a\t\tc\t", List.of("a", "", "c", "")),
        Arguments.of("\"따옴표\"\t\"a\tb\"", List.of("\"따옴표\"", "\"a", "b\"")),
        Arguments.of("쉼표,는\t그대로", List.of("쉼표,는", "그대로")));
  }

  @ParameterizedTest
  @MethodSource("tsvLines")
  void splitsTsvWithoutQuoting(String line, List<String> fields) {
    assertEquals(fields, DelimitedRows.splitTsv(line));
  }

  @ParameterizedTest
  @MethodSource("csvRecords")
  void joiningWithQuotesRoundTrips(String ignored, List<String> fields) {
    String joined =
        String.join(",", fields.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList());
    assertEquals(fields, DelimitedRows.splitCsv(joined, ','));
    assertFalse(DelimitedRows.quoteOpen(joined));
    assertTrue(joined.startsWith("\""));
  }
}
