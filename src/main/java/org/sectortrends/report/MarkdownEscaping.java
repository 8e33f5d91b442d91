package org.sectortrends.report;

/**
 * Escapes text for Markdown (CommonMark and GitHub tables): the characters that start markup
 * ({@code \ ` * _ [ ] < > | # ~ !}) get a backslash and line breaks become spaces, so an article
 * sentence can neither open a link, an HTML tag nor a new table row.
 *
 * <p>Example: {@code <script>alert(1)</script> | [x](javascript:y)} → {@code
 * \<script\>alert(1)\</script\> \| \[x\](javascript:y)}. Parentheses stay: without a preceding
 * {@code ]} they make no link.
 */
public final class MarkdownEscaping {

  private static final String SPECIAL = "\\`*_[]<>|#~!";

  private MarkdownEscaping() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        out.append(' ');
      } else {
        if (SPECIAL.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
