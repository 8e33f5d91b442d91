package org.sectortrends.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the outlet and reporter in the bylines that Korean news bodies carry, and removes them from
 * the body.
 *
 * <p>Forms recognised, at the start of the body:
 *
 * <ul>
 *   <li>{@code 한빛경제 김민준 기자 | 본문} and {@code 김민준 기자 | 본문} (also with {@code ㅣ}, a Hangul letter
 *       often typed for the bar);
 *   <li>{@code [한빛경제 김민준 기자] 본문} and {@code [김민준 기자]};
 *   <li>{@code (서울=한빛경제) 김민준 기자 = 본문}, the wire-service form;
 * </ul>
 *
 * and at the end of the body: {@code 김민준 기자 minjun@example.com}, optionally preceded by the outlet
 * and with the address in parentheses. Several reporters joined by {@code ·} or {@code ,} are kept
 * together ({@code 김민준·이서연}).
 *
 * <p>Input is expected to be {@link TextNormalizer normalized}. Known weaknesses: a reporter name
 * is taken to be two to four Hangul syllables, so foreign names written in Latin letters are not
 * recognised; an outlet is whatever precedes the name within the byline (up to 30 characters).
 */
public final class BylineParser {

  private static final String NAME = "[가-힣]{2,4}";
  private static final String NAMES = NAME + "(?:\\s*[·,]\\s*" + NAME + ")*";

  private static final Pattern BAR_PREFIX =
      Pattern.compile(
          "^(?:(\\S.{0,29}?)(?<![·,])\\s+)?(" + NAMES + ")\\s*(?:기자|특파원|객원기자|선임기자)\\s*[|｜ㅣ]\\s*");
  private static final Pattern BRACKET_PREFIX =
      Pattern.compile(
          "^\\[\\s*(?:(\\S.{0,29}?)(?<![·,])\\s+)?("
              + NAMES
              + ")\\s*(?:기자|특파원|객원기자|선임기자)\\s*]\\s*");
  private static final Pattern WIRE_PREFIX =
      Pattern.compile(
          "^\\(\\s*[^=()]{1,20}=\\s*([^()]{1,20}?)\\s*\\)\\s*("
              + NAMES
              + ")\\s*(?:기자|특파원)\\s*=\\s*");
  private static final Pattern EMAIL_SUFFIX =
      Pattern.compile(
          "(?:^|\\n|([.!?다])\\s)\\s*(?:([^\\s\\n]{2,20})(?<![.!?다·,])\\s+)?("
              + NAMES
              + ")\\s*(?:기자|특파원)\\s*[(<\\[]?\\s*([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)\\s*[)>\\]]?\\s*$");

  private BylineParser() {}

  /** Parses the byline of a normalized body; returns {@link Byline#none} when there is none. */
  public static Byline parse(String body) {
    if (body == null || body.isEmpty()) {
      return Byline.none(body);
    }
    for (Pattern prefix : new Pattern[] {BAR_PREFIX, BRACKET_PREFIX, WIRE_PREFIX}) {
      Matcher m = prefix.matcher(body);
      if (m.lookingAt()) { // the prefixes are anchored at the start: no need to try every position
        String rest = body.substring(m.end());
        Byline trailing = parseSuffix(rest);
        String outlet = emptyToNull(m.group(1));
        if (outlet == null && trailing.outlet() != null) {
          outlet = trailing.outlet();
        }
        return new Byline(outlet, m.group(2), trailing.body());
      }
    }
    return parseSuffix(body);
  }

  private static Byline parseSuffix(String body) {
    // The trailing byline carries an e-mail address; without an '@' the scan of the whole body
    // for it, one of the larger per-article costs of the ingest, is skipped.
    if (body.indexOf('@') < 0) {
      return Byline.none(body);
    }
    Matcher m = EMAIL_SUFFIX.matcher(body);
    if (!m.find()) {
      return Byline.none(body);
    }
    // Keep the sentence-final character that the pattern consumed as an anchor. A word that ends
    // a sentence is never taken for the outlet (the pattern's look-behind), so it stays in the
    // body.
    int cut = m.group(1) != null ? m.end(1) : m.start();
    String remaining = body.substring(0, cut).strip();
    return new Byline(emptyToNull(m.group(2)), m.group(3), remaining);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
