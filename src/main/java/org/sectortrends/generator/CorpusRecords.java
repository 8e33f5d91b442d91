package org.sectortrends.generator;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.sectortrends.generator.GeneratedArticle.Malformation;

/**
 * Writes a {@link GeneratedArticle} as a record of each corpus format, breaking malformed ones the
 * way they are meant to be broken. Publication times appear in the forms Korean sites use ({@code
 * 2025-03-12T08:40:00+09:00}, {@code 2025.03.12 08:40}, {@code 2025-03-12 08:40}), the form chosen
 * from the article index.
 */
public final class CorpusRecords {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+09:00'");
  private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm");
  private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private CorpusRecords() {}

  /** The JSONL line: a JSON object, a cut-off object, or an empty line. */
  public static String jsonLine(GeneratedArticle a) {
    if (a.malformed() == Malformation.BLANK_LINE) {
      return "";
    }
    StringBuilder out = new StringBuilder(a.body() == null ? 256 : a.body().length() * 2 + 256);
    out.append('{');
    field(out, "id", a.id()).append(", ");
    field(out, "url", url(a)).append(", ");
    field(out, "title", a.title()).append(", ");
    if (a.body() != null) {
      field(out, "body", a.body()).append(", ");
    }
    field(out, "published_at", publishedAt(a)).append(", ");
    field(out, "outlet", a.outlet()).append(", ");
    field(out, "reporter", a.reporter());
    out.append('}');
    if (a.malformed() == Malformation.BROKEN_JSON) {
      // Cut inside the body: the line ends in an unterminated string.
      int bodyStart = out.indexOf("\"body\": \"") + 9;
      int cut = bodyStart + Math.max(1, (int) ((out.length() - bodyStart) * 0.4));
      return out.substring(0, Math.min(cut, out.length() - 2));
    }
    return out.toString();
  }

  /**
   * The text-format line {@code OUTLET NAME 기자 | body}, paragraphs joined by spaces; empty for a
   * blank line.
   */
  public static String textLine(GeneratedArticle a) {
    if (a.malformed() == Malformation.BLANK_LINE) {
      return "";
    }
    String body = a.body() == null ? "" : a.body().replace('\n', ' ');
    return a.outlet() + " " + a.reporter() + " 기자 | " + body;
  }

  /** The {@code date=} directory value of the text format. */
  public static String textDate(GeneratedArticle a) {
    return time(a).format(DAY);
  }

  /** The Parquet columns id, url, title, body, published_at, outlet, reporter. */
  public static Object[] parquetValues(GeneratedArticle a) {
    return new Object[] {
      a.id(), url(a), a.title(), a.body(), publishedAt(a), a.outlet(), a.reporter()
    };
  }

  static String url(GeneratedArticle a) {
    return "https://news.example.com/"
        + Math.floorMod(a.outlet().hashCode(), 997)
        + "/article/"
        + a.id();
  }

  static String publishedAt(GeneratedArticle a) {
    LocalDateTime t = time(a);
    return switch ((int) Math.floorMod(ArticleGenerator.mix(a.index()), 3L)) {
      case 0 -> t.format(ISO);
      case 1 -> t.format(DOTTED);
      default -> t.format(DASHED);
    };
  }

  private static LocalDateTime time(GeneratedArticle a) {
    return a.malformed() == Malformation.BAD_DATE
        ? a.publishedAt().withYear(9999)
        : a.publishedAt();
  }

  private static StringBuilder field(StringBuilder out, String name, String value) {
    out.append('"').append(name).append("\": ");
    if (value == null) {
      return out.append("null");
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
