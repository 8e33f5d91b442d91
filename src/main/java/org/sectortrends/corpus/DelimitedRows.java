package org.sectortrends.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Field splitting for CSV (RFC 4180: fields in double quotes may hold separators, line breaks and
 * doubled quotes) and TSV (no quoting at all: a tab always separates, as the IANA TSV type says).
 */
final class DelimitedRows {

  private DelimitedRows() {}

  /**
   * Whether the text so far leaves a CSV quote open, i.e. the record continues on the next line. As
   * in {@link #splitCsv}, only a quote at the start of a field opens a quoted field; a quote inside
   * an unquoted field ({@code 27" 모니터}) is an ordinary character and must not make the reader
   * swallow the following rows.
   */
  static boolean quoteOpen(CharSequence text) {
    boolean open = false;
    boolean fieldStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (open) {
        if (c == '"') {
          open = false; // a doubled quote reopens at once below
          fieldStart = false;
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            open = true;
            i++;
          }
        }
      } else if (c == '"' && fieldStart) {
        open = true;
      } else {
        fieldStart = c == ',';
      }
    }
    return open;
  }

  /**
   * Splits one complete CSV record.
   *
   * @throws IllegalArgumentException when a quote is left open or text follows a closing quote
   */
  static List<String> splitCsv(String record, char separator) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = record.length();
    while (true) {
      field.setLength(0);
      if (i < n && record.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = record.charAt(i);
          if (c == '"') {
            if (i + 1 < n && record.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          field.append(c);
          i++;
        }
        if (!closed) {
          throw new IllegalArgumentException(
              "Unterminated quoted field starting at character " + (record.length() - n + i));
        }
        if (i < n && record.charAt(i) != separator) {
          throw new IllegalArgumentException(
              "Text after a closing quote at character " + i + ": '" + record.charAt(i) + "'");
        }
      } else {
        while (i < n && record.charAt(i) != separator) {
          field.append(record.charAt(i));
          i++;
        }
      }
      fields.add(field.toString());
      if (i >= n) {
        return fields;
      }
      i++; // the separator
    }
  }

  static List<String> splitTsv(String line) {
    List<String> fields = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '\t') {
        fields.add(line.substring(from, i));
        from = i + 1;
      }
    }
    fields.add(line.substring(from));
    return fields;
  }
}
