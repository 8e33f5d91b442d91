package org.sectortrends.corpus;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings article text from any source to one canonical form before hashing, deduplication and
 * analysis.
 *
 * <p>In order: HTML tags are removed and entities decoded (only when the text contains them, so
 * that a literal {@code a < b} survives); the text is composed to Unicode NFC, which joins
 * decomposed Hangul jamo ({@code 한} written as ᄒ+ᅡ+ᆫ) into syllables; full-width ASCII ({@code
 * １２３％}, {@code （）}) and the ideographic space become plain ASCII; control characters, zero-width
 * characters, soft hyphens and byte-order marks are removed; runs of spaces collapse to one and
 * blank lines to a single line break.
 *
 * <p>NFKC is deliberately not used: it would also rewrite symbols that carry meaning in news
 * figures, such as {@code ㎡} (to {@code m2}) or circled numbers.
 *
 * <p>Known weaknesses: HTML is handled by pattern, not parsed, so a {@code <} inside an attribute
 * value ends a tag early; scripts and style blocks are removed with their contents only when they
 * are well formed.
 */
public final class TextNormalizer {

  private static final Pattern HTML_HINT =
      Pattern.compile(
          "</?[A-Za-z!][^>]{0,2000}?>|&(?:#\\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});");
  private static final Pattern SCRIPT_OR_STYLE =
      Pattern.compile("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>");
  private static final Pattern BLOCK_TAG =
      Pattern.compile("(?i)<(?:br|/p|/div|/li|/h[1-6]|/tr)\\b[^>]{0,200}?>");
  private static final Pattern ANY_TAG = Pattern.compile("</?[A-Za-z!][^>]{0,2000}?>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#\\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});");

  private static final Map<String, String> NAMED_ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", " "),
          Map.entry("middot", "·"),
          Map.entry("hellip", "…"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("times", "×"),
          Map.entry("percnt", "%"),
          Map.entry("euro", "€"),
          Map.entry("yen", "¥"),
          Map.entry("pound", "£"),
          Map.entry("trade", "™"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"));

  private TextNormalizer() {}

  /** Normalizes a body: paragraph breaks are kept as single {@code \n}. */
  public static String normalizeBody(String text) {
    return normalize(text, true);
  }

  /** Normalizes a one-line field (title, outlet, reporter): every break becomes a space. */
  public static String normalizeLine(String text) {
    return normalize(text, false);
  }

  /** Normalizes the text; returns null for null and the empty string for blank text. */
  public static String normalize(String text, boolean keepLineBreaks) {
    if (text == null) {
      return null;
    }
    String s = text;
    // Every HTML hint starts with '<' or '&': most texts need no regex scan at all.
    if ((s.indexOf('<') >= 0 || s.indexOf('&') >= 0) && HTML_HINT.matcher(s).find()) {
      s = stripHtml(s);
    }
    if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFC);
    }
    return cleanCharacters(s, keepLineBreaks);
  }

  static String stripHtml(String s) {
    String out = SCRIPT_OR_STYLE.matcher(s).replaceAll(" ");
    out = BLOCK_TAG.matcher(out).replaceAll("\n");
    out = ANY_TAG.matcher(out).replaceAll(" ");
    return decodeEntities(out);
  }

  static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.charAt(0) == '#') {
        int codePoint;
        try {
          codePoint =
              name.charAt(1) == 'x' || name.charAt(1) == 'X'
                  ? Integer.parseInt(name.substring(2), 16)
                  : Integer.parseInt(name.substring(1));
        } catch (NumberFormatException e) {
          codePoint = -1;
        }
        replacement =
            Character.isValidCodePoint(codePoint)
                ? new String(Character.toChars(codePoint))
                : m.group();
      } else {
        replacement =
            NAMED_ENTITIES.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One pass over the code points: width folding, removals and whitespace collapsing. */
  private static String cleanCharacters(String s, boolean keepLineBreaks) {
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    boolean pendingBreak = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        cp -= 0xFEE0; // full-width ASCII block maps one to one onto ASCII
      } else if (cp == '\r') {
        cp = '\n';
      }
      if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) {
        if (keepLineBreaks) {
          pendingBreak = out.length() > 0;
        } else {
          pendingSpace = out.length() > 0;
        }
        continue;
      }
      if (isRemoved(cp)) {
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingBreak) {
        out.append('\n');
      } else if (pendingSpace) {
        out.append(' ');
      }
      pendingBreak = false;
      pendingSpace = false;
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static boolean isRemoved(int cp) {
    if (cp == '\t') {
      return false;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
      return true;
    }
    return switch (cp) {
      case 0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0xFFFE, 0xFFFF -> true;
      default -> Character.getType(cp) == Character.FORMAT;
    };
  }
}
