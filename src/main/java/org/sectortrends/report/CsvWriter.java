package org.sectortrends.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, UTF-8 with a byte order mark
 * (without it Excel reads UTF-8 Hangul as mojibake).
 *
 * <p>Formula injection: a text cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return would be run as a formula by Excel, LibreOffice and Google Sheets, so it
 * is written with a leading apostrophe ({@code =HYPERLINK(...)} → {@code '=HYPERLINK(...)}), which
 * the spreadsheet shows as text. Cells that hold a typed number ({@link Number} values, such as a
 * share change of {@code -3.2}) are written as plain numbers and stay numeric: a number formatted
 * by this class cannot carry a formula. Text that merely looks like a negative number ({@code "-3"}
 * as a string) is neutralized like any other text, since its origin is unknown.
 */
public final class CsvWriter {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvWriter() {}

  /** Writes the header and rows to {@code out} (not closed). */
  public static void write(OutputStream out, List<String> header, List<List<Object>> rows)
      throws IOException {
    out.write(BOM);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writeRow(writer, List.copyOf(header));
    for (List<Object> row : rows) {
      writeRow(writer, row);
    }
    writer.flush();
  }

  private static void writeRow(Writer writer, List<?> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writer.write(cell(cells.get(i)));
    }
    writer.write("\r\n");
  }

  /**
   * One cell as written: empty for null, plain numbers for numbers, neutralized and quoted text
   * otherwise.
   */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      String plain = number(number);
      if (plain != null) {
        return plain;
      }
    }
    String text = neutralize(String.valueOf(value));
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** Text with a leading apostrophe when a spreadsheet would read it as a formula. */
  public static String neutralize(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + text
        : text;
  }

  /** A number in plain notation, or null for NaN and infinities (written as text). */
  private static String number(Number number) {
    if (number instanceof BigDecimal big) {
      return big.stripTrailingZeros().toPlainString();
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return null;
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(number.longValue());
  }
}
