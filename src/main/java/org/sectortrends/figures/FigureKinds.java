package org.sectortrends.figures;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a figure is a forecast rather than a reported fact, and whether it is a band rather than
 * an exact value: the {@code is_forecast} and {@code is_band} columns of {@code figures}, which
 * trend tables use to keep such values apart from actuals.
 *
 * <p><b>Forecast.</b> A cue word ({@code 전망}, {@code 예상}, {@code 목표}, {@code 컨센서스}, {@code 예정},
 * {@code 가이던스}/{@code guidance}, {@code 추정}, {@code 추산}, {@code 관측}, {@code 내다}, {@code 것으로 보인다})
 * in the figure's clause: the part of its sentence between the commas, semicolons or sentence ends
 * around it. Korean puts the predicate last, so {@code 매출은 3조 원에 이를 것으로 전망된다} has its cue after the
 * figure, {@code 올해 매출 목표는 3조 원이다} before it. A cue used as a yardstick ({@code 예상보다}, {@code 전망치를
 * 웃돌았다}, {@code 컨센서스에 부합}) does not make the clause a forecast: then only a figure between the cue
 * and the comparison word ({@code 컨센서스인 9조 원을 웃돌았다}) or in the parenthesis right after the cue
 * ({@code 시장 전망치(9조 원)를 웃돌았다}) is the forecast, and the actual figure of the clause is not.
 *
 * <pre>{@code
 * "영업이익은 3조 원으로 전망된다"                       // 3조 원: forecast
 * "영업이익은 10조 원으로 시장 전망치(9조 원)를 웃돌았다"  // 10조 원: actual; 9조 원: forecast
 * "매출은 5조 원으로 예상보다 많았다"                     // actual
 * "매출은 5조 원을 기록했고, 내년에는 6조 원이 예상된다"   // 5조 원 actual; 6조 원 forecast
 * }</pre>
 *
 * <p><b>Band.</b> From the figure's own surface and qualifier: a {@code 대} band ({@code 300조 원대},
 * {@code 20%대}), an approximate multiple ({@code 1천여억}, {@code 10여 개}), an indefinite count of a
 * unit ({@code 수십억 원}, {@code 수백 명}, {@code 십수 개}, {@code 몇}) or a range ({@code 5~6개}, qualifier
 * {@code range}). {@code 약 3조 원} is not a band: it is the reported value, rounded.
 *
 * <p>Known weaknesses: a clause without commas that joins an actual and a forecast with a
 * connective ({@code 늘었고 내년에는 ... 전망이다}) marks both; {@code 목표} also names targets that were met
 * ({@code 목표를 달성한 3조 원}); a cue in a quoted title counts.
 */
public final class FigureKinds {

  private static final List<String> CUES =
      List.of(
          "전망",
          "예상",
          "목표",
          "컨센서스",
          "예정",
          "가이던스",
          "guidance",
          "Guidance",
          "추정",
          "추산",
          "관측",
          "내다",
          "것으로 보인다",
          "것으로 보여",
          "것으로 본다",
          "것으로 봤다",
          "것으로 보고 있다");

  /** Words right after a cue that make it a yardstick for an actual value. */
  private static final List<String> COMPARISONS =
      List.of(
          "보다", "를 웃", "을 웃", "를 상회", "을 상회", "를 밑", "을 밑", "를 하회", "을 하회", "를 넘", "을 넘", "를 뛰어넘",
          "을 뛰어넘", "에 못 미", "에 부합", "에 미치", "에 못미", "와 비슷", "과 비슷", "를 크게", "을 크게", "를 소폭", "을 소폭",
          "에 부응", "를 달성", "을 달성", "를 초과", "을 초과");

  /** Letters between a cue stem and a comparison word ({@code 전망치를}, {@code 예상치인}). */
  private static final String CUE_SUFFIX_CHARS = "치인";

  private static final String BAND_COUNT_WORDS = "수십|수백|수천|수만|십수|수십만|수백만|수천만|수억|수조|수십억|수백억|수천억|몇";

  // Compiled once: isBand runs for every figure of every article.
  /** {@code 300조 원대}, {@code 5천억대}. */
  private static final Pattern BAND_SUFFIX = Pattern.compile(".*[0-9천백십만억조경][^0-9]*대");

  /** {@code 1천여억}, {@code 300여 명}. */
  private static final Pattern ROUND_NUMBER = Pattern.compile(".*[0-9천백십만억조]여(\\s|[가-힣]|$).*");

  /** {@code 수십억}, {@code 약 수백 명}. */
  private static final Pattern BAND_WORD_START =
      Pattern.compile("(약\\s*)?(" + BAND_COUNT_WORDS + ")");

  private FigureKinds() {}

  /**
   * True when the figure at {@code [start, end)} (code-point offsets into {@code text}) is a
   * forecast, target or consensus by its clause.
   */
  public static boolean isForecast(String text, int start, int end) {
    int[] t = text.codePoints().toArray();
    if (start < 0 || end > t.length || start >= end) {
      throw new IllegalArgumentException(
          "figure span " + start + ".." + end + " outside a text of " + t.length + " code points");
    }
    int clauseStart = start;
    while (clauseStart > 0 && !isClauseBreak(t, clauseStart - 1)) {
      clauseStart--;
    }
    int clauseEnd = end;
    while (clauseEnd < t.length && !isClauseBreak(t, clauseEnd)) {
      clauseEnd++;
    }
    String clause = new String(t, clauseStart, clauseEnd - clauseStart);
    int figureStart = start - clauseStart;
    int figureEnd = end - clauseStart;
    boolean plainCue = false;
    for (String cue : CUES) {
      int at = clause.indexOf(cue);
      while (at >= 0) {
        int cueEnd = at + cue.length();
        int afterSuffix = cueEnd;
        while (afterSuffix < clause.length()
            && CUE_SUFFIX_CHARS.indexOf(clause.charAt(afterSuffix)) >= 0) {
          afterSuffix++;
        }
        int comparison = comparisonAt(clause, afterSuffix);
        if (comparison < 0) {
          // The figure may sit between the cue noun and the comparison: 컨센서스인 9조 원을 웃돌았다.
          int later = findComparison(clause, cueEnd);
          if (later >= 0
              && figureCharStart(clause, figureStart) >= cueEnd
              && figureCharEnd(clause, figureEnd) <= later
              && later - cueEnd <= 40) {
            return true;
          }
          // A cue with no comparison after it governs its clause: 3조 원으로 전망된다.
          plainCue = plainCue || later < 0;
        } else if (clause.startsWith("(", afterSuffix)) {
          // 시장 전망치(9조 원)를 웃돌았다: the parenthesis holds the forecast.
          int close = clause.indexOf(')', afterSuffix);
          if (close > 0
              && figureCharStart(clause, figureStart) > afterSuffix
              && figureCharEnd(clause, figureEnd) <= close) {
            return true;
          }
        }
        at = clause.indexOf(cue, cueEnd);
      }
    }
    return plainCue;
  }

  /** Length of the comparison word at {@code at} (after an optional parenthesis), or -1. */
  private static int comparisonAt(String clause, int at) {
    int i = at;
    if (i < clause.length() && clause.charAt(i) == '(') {
      int close = clause.indexOf(')', i);
      if (close < 0) {
        return -1;
      }
      i = close + 1;
    }
    for (String c : COMPARISONS) {
      if (clause.startsWith(c, i)) {
        return c.length();
      }
    }
    return -1;
  }

  /** Offset of the first comparison word after {@code from}, or -1. */
  private static int findComparison(String clause, int from) {
    int best = -1;
    for (String c : COMPARISONS) {
      int at = clause.indexOf(c, from);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
      }
    }
    return best;
  }

  private static int figureCharStart(String clause, int codePointStart) {
    return clause.offsetByCodePoints(0, codePointStart);
  }

  private static int figureCharEnd(String clause, int codePointEnd) {
    return clause.offsetByCodePoints(0, codePointEnd);
  }

  private static boolean isClauseBreak(int[] t, int i) {
    int cp = t[i];
    if (cp == ',' || cp == ';' || cp == '\n' || cp == '?' || cp == '!' || cp == '。') {
      // A comma between digits belongs to the number (2,478억).
      return !(cp == ','
          && i > 0
          && i + 1 < t.length
          && Character.isDigit(t[i - 1])
          && Character.isDigit(t[i + 1]));
    }
    if (cp == '.') {
      // A period ends a sentence unless it is a decimal point (13.2%).
      return !(i > 0
          && i + 1 < t.length
          && Character.isDigit(t[i - 1])
          && Character.isDigit(t[i + 1]));
    }
    return false;
  }

  /**
   * True when the figure's surface or qualifier says it is a band or range rather than one value:
   * {@code 300조 원대}, {@code 1천여억}, {@code 수십억 원}, {@code 5~6개}. A figure with an upper end ({@code
   * range_high}) is a band or range; {@code 대} after a count whose counter is {@code 대} ({@code 5만
   * 대}) counts vehicles, it is no band.
   */
  public static boolean isBand(
      String surface, String qualifier, String counter, boolean hasRangeHigh) {
    if ("range".equals(qualifier)) {
      return true;
    }
    if ("대".equals(counter)) {
      // 5만 대 counts vehicles or machines: 대 is the counter, not a band.
      return hasRangeHigh && !surface.strip().endsWith("대");
    }
    if (hasRangeHigh) {
      return true;
    }
    if (surface == null || surface.isEmpty()) {
      return false;
    }
    String s = surface.strip();
    if (BAND_SUFFIX.matcher(s).matches()
        || s.contains("%대")
        || ROUND_NUMBER.matcher(s).matches()
        || BAND_WORD_START.matcher(s).lookingAt()) {
      return true;
    }
    return s.contains("~") || s.contains("∼") || s.contains("～");
  }
}
