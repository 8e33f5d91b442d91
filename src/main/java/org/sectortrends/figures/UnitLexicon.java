package org.sectortrends.figures;

import java.util.HashSet;
import java.util.Set;

/**
 * Everything that may follow (or, for currency symbols, precede) a number: currencies, percent and
 * percentage-point words, 배, counters, measure units, and the words that disqualify a number
 * (dates, ages, ranks, ordinals). One longest-match trie answers for all of them, so {@code 3개월} (a
 * period) loses nothing to {@code 3개} (a count): the longer key wins.
 *
 * <p>The percent words ({@code %}, {@code 퍼센트}, {@code 프로}, {@code %p}, {@code 포인트}, {@code bp})
 * and {@code 배} are grammar rather than vocabulary and are added here in code.
 */
final class UnitLexicon {

  /**
   * What a unit word is. Kinds with a {@link #fixedCode()} write that unit to the table for every
   * word of the kind ({@code %}, {@code 퍼센트} and {@code 프로} are all {@code percent}); the others
   * take the code from their lexicon line (ISO code, measure id, rejection reason).
   */
  enum Kind {
    CURRENCY(null),
    PERCENT("percent"),
    PERCENT_POINT("percent_point"),
    /** {@code bp}: hundredths of a percentage point, written as {@code percent_point}. */
    BASIS_POINT("percent_point"),
    /** {@code 포인트}: an index point, or a percentage point after a rate (decided in context). */
    POINT("point"),
    MULTIPLE("multiple"),
    COUNT("count"),
    MEASURE(null),
    /** A word that makes the number not a figure ({@code 년}, {@code 위}); code is the reason. */
    REJECT(null);

    private final String fixedCode;

    Kind(String fixedCode) {
      this.fixedCode = fixedCode;
    }

    /** The table unit of every word of this kind, or null when each word names its own. */
    String fixedCode() {
      return fixedCode;
    }
  }

  /**
   * Rejection reason of words that are neither a unit nor a reason to drop the number before them
   * ({@code 5조 시대}: the number may still be money by context).
   */
  static final String NEUTRAL_REASON = "none";

  /**
   * A unit word. {@code code} is the output unit (ISO code, measure id) or the reason for a
   * rejection; {@code counter} is set for counts; {@code requires} names a word that must occur in
   * the sentence; {@code nativeGlued} allows {@code 한명}-style spelling.
   */
  record Unit(Kind kind, String code, String counter, String requires, boolean nativeGlued) {

    /** The unit of a kind with a fixed code, without counter or context word. */
    static Unit of(Kind kind) {
      if (kind.fixedCode() == null) {
        throw new IllegalArgumentException("unit kind " + kind + " has no fixed code");
      }
      return new Unit(kind, kind.fixedCode(), null, null, false);
    }

    boolean isReject() {
      return kind == Kind.REJECT;
    }

    /** A rejected word with reason {@link #NEUTRAL_REASON}: ignore it, keep the number. */
    boolean isNeutral() {
      return kind == Kind.REJECT && NEUTRAL_REASON.equals(code);
    }
  }

  private final CodePointTrie<Unit> suffixes = new CodePointTrie<>();
  private final CodePointTrie<Unit> prefixes = new CodePointTrie<>();
  private final Set<String> counterSurfaces = new HashSet<>();
  private final Set<String> currencySurfaces = new HashSet<>();

  /** The next currency of the same surface, tried when a unit's context word is missing. */
  private final java.util.Map<Unit, Unit> alternatives = new java.util.HashMap<>();

  UnitLexicon(Lexicons lexicons) {
    for (String[] row : lexicons.rows(Lexicons.NON_FIGURE_SUFFIXES, 2)) {
      suffixes.put(row[0], new Unit(Kind.REJECT, row[1], null, null, false));
    }
    for (String[] row : lexicons.rows(Lexicons.MEASURE_UNITS, 2)) {
      suffixes.put(row[0], new Unit(Kind.MEASURE, row[1], null, null, false));
    }
    for (String[] row : lexicons.rows(Lexicons.COUNTERS, 2)) {
      boolean glued = row.length > 2 && row[2].equalsIgnoreCase("yes");
      suffixes.put(row[0], new Unit(Kind.COUNT, Kind.COUNT.fixedCode(), row[1], null, glued));
      counterSurfaces.add(row[0]);
    }
    for (String[] row : lexicons.rows(Lexicons.CURRENCIES, 3)) {
      String requires = row.length > 3 && !row[3].equals("-") && !row[3].isEmpty() ? row[3] : null;
      Unit unit = new Unit(Kind.CURRENCY, row[1], null, requires, false);
      CodePointTrie<Unit> trie =
          switch (row[2]) {
            case "suffix" -> suffixes;
            case "prefix" -> prefixes;
            default ->
                throw new IllegalArgumentException(
                    "currency position must be prefix or suffix: '" + row[2] + "' for " + row[0]);
          };
      int[] key = row[0].codePoints().toArray();
      CodePointTrie.Match<Unit> same = trie.longestMatch(key, 0, key.length);
      if (same != null && same.end() == key.length && same.value().kind() == Kind.CURRENCY) {
        // 루피 (INR) then 루피 (PKR, beside 파키스탄): the later, context-bound line is
        // tried first, the earlier one after it
        alternatives.put(unit, same.value());
      }
      switch (row[2]) {
        case "suffix" -> suffixes.put(row[0], unit);
        case "prefix" -> prefixes.put(row[0], unit);
        default ->
            throw new IllegalArgumentException(
                "currency position must be prefix or suffix: '" + row[2] + "' for " + row[0]);
      }
      currencySurfaces.add(row[0]);
    }
    Unit percent = Unit.of(Kind.PERCENT);
    Unit point = Unit.of(Kind.PERCENT_POINT);
    for (String s : new String[] {"%", "％", "퍼센트", "프로"}) {
      suffixes.put(s, percent);
    }
    for (String s :
        new String[] {"%p", "%P", "％p", "%포인트", "% 포인트", "퍼센트포인트", "퍼센트 포인트", "%pt", "pp"}) {
      suffixes.put(s, point);
    }
    suffixes.put("포인트", Unit.of(Kind.POINT));
    Unit basisPoint = Unit.of(Kind.BASIS_POINT);
    for (String s : new String[] {"bp", "bps", "베이시스포인트"}) {
      suffixes.put(s, basisPoint);
    }
    suffixes.put("배", new Unit(Kind.MULTIPLE, Kind.MULTIPLE.fixedCode(), null, null, true));
    foldCompatibilityUnits();
  }

  /**
   * Units in the CJK compatibility block ({@code ㎿ ㎾ ㎥ ㎡ ㎏ ㎞ ℓ}) are the units their NFKC form
   * names ({@code MW}, {@code kW}, {@code m3} ...): each such character whose folded form is a unit
   * word is added as that unit.
   */
  private void foldCompatibilityUnits() {
    for (int cp = 0x3371; cp <= 0x33DF; cp++) {
      addFolded(cp);
    }
    for (int cp : new int[] {0x2113, 0x2103, 0x2109, 0x212B}) {
      addFolded(cp);
    }
  }

  private void addFolded(int cp) {
    String ch = new String(Character.toChars(cp));
    String folded = java.text.Normalizer.normalize(ch, java.text.Normalizer.Form.NFKC);
    if (folded.equals(ch)) {
      return;
    }
    int[] f = folded.codePoints().toArray();
    CodePointTrie.Match<Unit> m = suffixes.longestMatch(f, 0, f.length);
    if (m != null && m.end() == f.length && m.value().kind() == Kind.MEASURE) {
      int[] c = ch.codePoints().toArray();
      CodePointTrie.Match<Unit> existing = suffixes.longestMatch(c, 0, c.length);
      if (existing == null) {
        suffixes.put(ch, m.value());
      }
    }
  }

  /**
   * The first of a surface's currencies whose context word is present: {@code 페소} is MXN beside 멕시코
   * and PHP beside 필리핀. Other units are returned as they are; null when no alternative is allowed.
   */
  Unit firstAllowed(Unit unit, java.util.function.Predicate<Unit> allowed) {
    for (Unit u = unit; u != null; u = alternatives.get(u)) {
      if (allowed.test(u)) {
        return u;
      }
    }
    return null;
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
