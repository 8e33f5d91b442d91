package org.sectortrends.figures;

import java.util.List;
import java.util.Set;

/**
 * Links parenthetical currency restatements to the figure they restate: {@code 1천250억 위안(약 24조7천억
 * 원)}, {@code 39달러(한화 약 5만 3100원)}, {@code 4조 달러(약 5천590조 원, 28조 위안)}. A restatement is a money
 * figure opening a parenthesis right after another money figure in a different currency (only 한화,
 * 원화, 미화, 우리 돈 or 환산 may stand between), or a further money figure after a comma inside the same
 * parenthesis. Restatements are linked, never summed.
 */
final class ConversionLinker {

  private static final Set<String> LEAD_WORDS =
      Set.of("", "한화", "원화", "미화", "우리돈", "환산", "환산시", "환산하면", "약");

  void link(int[] t, List<Candidate> figures) {
    for (int j = 1; j < figures.size(); j++) {
      Candidate b = figures.get(j);
      Candidate a = figures.get(j - 1);
      if (!a.isCurrency() || !b.isCurrency()) {
        continue;
      }
      String between = compact(t, a.end, b.start);
      int original = a.conversionOf >= 0 ? a.conversionOf : j - 1;
      if (between.startsWith("(")
          && LEAD_WORDS.contains(between.substring(1))
          && a.conversionOf < 0
          && !a.unit.equals(b.unit)) {
        b.conversionOf = j - 1;
      } else if (a.conversionOf >= 0
          && (between.equals(",") || between.equals("/") || between.equals("·"))
          && !figures.get(original).unit.equals(b.unit)
          && insideParenthesis(t, a.end, b.start)) {
        b.conversionOf = original;
      }
    }
  }

  private static String compact(int[] t, int from, int to) {
    if (to - from > 16) {
      return "#";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(t[i])) {
        sb.appendCodePoint(t[i]);
      }
    }
    return sb.toString();
  }

  private static boolean insideParenthesis(int[] t, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t[i] == ')') {
        return false;
      }
    }
    return true;
  }
}
