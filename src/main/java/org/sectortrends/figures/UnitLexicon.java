package org.sectortrends.figures;

import java.util.HashSet;
import java.util.Set;

/**
 * Everything that may follow (or, for currency symbols, precede) a number: currencies, percent
 * and percentage-point words, 배, counters, measure units, and the words that disqualify a number
 * (dates, ages, ranks, ordinals). One longest-match trie answers for all of them, so
 * {@code 3개월} (a period) loses nothing to {@code 3개} (a count): the longer key wins.
 *
 * <p>The percent words ({@code %}, {@code 퍼센트}, {@code 프로}, {@code %p}, {@code 포인트},
 * {@code bp}) and {@code 배} are grammar rather than vocabulary and are added here in code.
 */
final class UnitLexicon {

    enum Kind { CURRENCY, PERCENT, PERCENT_POINT, BASIS_POINT, POINT, MULTIPLE, COUNT, MEASURE, REJECT }

    /**
     * A unit word. {@code code} is the output unit (ISO code, measure id) or the reason for a
     * rejection; {@code counter} is set for counts; {@code requires} names a word that must occur
     * in the sentence; {@code nativeGlued} allows {@code 한명}-style spelling.
     */
    record Unit(Kind kind, String code, String counter, String requires, boolean nativeGlued) {}

    private final CodePointTrie<Unit> suffixes = new CodePointTrie<>();
    private final CodePointTrie<Unit> prefixes = new CodePointTrie<>();
    private final Set<String> counterSurfaces = new HashSet<>();
    private final Set<String> currencySurfaces = new HashSet<>();

    UnitLexicon(Lexicons lexicons) {
        for (String[] row : lexicons.rows(Lexicons.NON_FIGURE_SUFFIXES, 2)) {
            suffixes.put(row[0], new Unit(Kind.REJECT, row[1], null, null, false));
        }
        for (String[] row : lexicons.rows(Lexicons.MEASURE_UNITS, 2)) {
            suffixes.put(row[0], new Unit(Kind.MEASURE, row[1], null, null, false));
        }
        for (String[] row : lexicons.rows(Lexicons.COUNTERS, 2)) {
            boolean glued = row.length > 2 && row[2].equalsIgnoreCase("yes");
            suffixes.put(row[0], new Unit(Kind.COUNT, "count", row[1], null, glued));
            counterSurfaces.add(row[0]);
        }
        for (String[] row : lexicons.rows(Lexicons.CURRENCIES, 3)) {
            String requires = row.length > 3 && !row[3].equals("-") && !row[3].isEmpty() ? row[3] : null;
            Unit unit = new Unit(Kind.CURRENCY, row[1], null, requires, false);
            switch (row[2]) {
                case "suffix" -> suffixes.put(row[0], unit);
                case "prefix" -> prefixes.put(row[0], unit);
                default -> throw new IllegalArgumentException(
                        "currency position must be prefix or suffix: '" + row[2] + "' for " + row[0]);
            }
            currencySurfaces.add(row[0]);
        }
        Unit percent = new Unit(Kind.PERCENT, "percent", null, null, false);
        Unit point = new Unit(Kind.PERCENT_POINT, "percent_point", null, null, false);
        for (String s : new String[] {"%", "％", "퍼센트", "프로"}) {
            suffixes.put(s, percent);
        }
        for (String s : new String[] {"%p", "%P", "％p", "%포인트", "% 포인트", "퍼센트포인트", "퍼센트 포인트", "%pt", "pp"}) {
            suffixes.put(s, point);
        }
        suffixes.put("포인트", new Unit(Kind.POINT, "point", null, null, false));
        suffixes.put("bp", new Unit(Kind.BASIS_POINT, "percent_point", null, null, false));
        suffixes.put("bps", new Unit(Kind.BASIS_POINT, "percent_point", null, null, false));
        suffixes.put("베이시스포인트", new Unit(Kind.BASIS_POINT, "percent_point", null, null, false));
        suffixes.put("배", new Unit(Kind.MULTIPLE, "multiple", null, null, true));
    }

    CodePointTrie.Match<Unit> suffixAt(int[] text, int from, int limit) {
        return suffixes.longestMatch(text, from, limit);
    }

    CodePointTrie.Match<Unit> prefixAt(int[] text, int from, int limit) {
        return prefixes.longestMatch(text, from, limit);
    }

    boolean mayStartPrefix(int codePoint) {
        return prefixes.startsWith(codePoint);
    }

    /** True when the text (a gold span's tail, say) is a counter word of this lexicon. */
    boolean isCounter(String word) {
        return counterSurfaces.contains(word);
    }

    boolean isCurrency(String word) {
        return currencySurfaces.contains(word);
    }
}
