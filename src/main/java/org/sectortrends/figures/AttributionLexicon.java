package org.sectortrends.figures;

/**
 * The attribution vocabularies, from {@code metrics.tsv}, {@code directions.tsv}, {@code
 * change-basis.tsv} (each compiled once into a longest-match trie) and {@code subject-words.tsv}
 * (sets).
 */
final class AttributionLexicon {

  /** A metric keyword's id and whether it is a level (amount) or already a rate. */
  /**
   * A metric keyword: its id, whether it is already a ratio, whether it is an amount of money and
   * whether it counts people or things (columns 3 to 5 of {@code metrics.tsv}).
   */
  record Metric(String id, boolean rate, boolean money, boolean counts) {
    Metric(String id, boolean rate) {
      this(id, rate, false, false);
    }
  }

  final CodePointTrie<Metric> metrics = new CodePointTrie<>();
  final CodePointTrie<String> directions = new CodePointTrie<>();
  final CodePointTrie<String> changeBases = new CodePointTrie<>();
  final java.util.Set<String> organizationSuffixes = new java.util.HashSet<>();
  final java.util.Set<String> notSubjects = new java.util.HashSet<>();
  final java.util.Set<String> places = new java.util.HashSet<>();

  /** Latin abbreviations of things, not names (LNG, EV, AI): no evidence of an entity. */
  final java.util.Set<String> genericAcronyms = new java.util.HashSet<>();

  /** Words that refer back to the company being talked about (회사, 이 회사, 동사, 同社). */
  final java.util.Set<String> anaphors = new java.util.HashSet<>();

  /**
   * Metric ids without a period of their own (sixth column {@code none}): fines, contracts, prices.
   */
  final java.util.Set<String> undatedMetrics = new java.util.HashSet<>();

  /** Metric ids that are amounts of money (fourth column {@code yes}): revenue, cost, price. */
  final java.util.Set<String> moneyMetrics = new java.util.HashSet<>();

  boolean moneyMetric(String id) {
    return moneyMetrics.contains(id);
  }

  AttributionLexicon(Lexicons lexicons) {
    for (String[] row : lexicons.rows(Lexicons.METRICS, 2)) {
      String kind = row.length > 2 ? row[2] : "level";
      if (!kind.equals("level") && !kind.equals("rate")) {
        throw new IllegalArgumentException(
            "metric kind must be level or rate: '" + kind + "' for " + row[0]);
      }
      metrics.put(
          row[0],
          new Metric(
              row[1],
              kind.equals("rate"),
              row.length > 3 && row[3].equals("yes"),
              row.length > 4 && row[4].equals("yes")));
      if (row.length > 3 && row[3].equals("yes")) {
        moneyMetrics.add(row[1]);
      }
      String period = row.length > 5 ? row[5] : "";
      if (!period.isEmpty() && !period.equals("none")) {
        throw new IllegalArgumentException(
            "metric period must be none or empty: '" + period + "' for " + row[0]);
      }
      if (period.equals("none")) {
        undatedMetrics.add(row[1]);
      }
    }
    for (String[] row : lexicons.rows(Lexicons.DIRECTIONS, 2)) {
      if (!row[1].equals("up") && !row[1].equals("down")) {
        throw new IllegalArgumentException(
            "direction must be up or down: '" + row[1] + "' for " + row[0]);
      }
      directions.put(row[0], row[1]);
    }
    for (String[] row : lexicons.rows(Lexicons.CHANGE_BASIS, 2)) {
      if (!row[1].equals("yoy") && !row[1].equals("qoq") && !row[1].equals("mom")) {
        throw new IllegalArgumentException(
            "change basis must be yoy, qoq or mom: '" + row[1] + "' for " + row[0]);
      }
      changeBases.put(row[0], row[1]);
    }
    for (String[] row : lexicons.rows(Lexicons.SUBJECT_WORDS, 2)) {
      switch (row[1]) {
        case "org_suffix" -> organizationSuffixes.add(row[0]);
        case "not_subject" -> notSubjects.add(row[0]);
        case "anaphor" -> {
          notSubjects.add(row[0]);
          anaphors.add(row[0]);
        }
        case "place" -> places.add(row[0]);
        case "generic_acronym" -> genericAcronyms.add(row[0].toUpperCase(java.util.Locale.ROOT));
        default ->
            throw new IllegalArgumentException(
                "subject word kind must be org_suffix, not_subject, anaphor, place or generic_acronym: '"
                    + row[1]
                    + "' for "
                    + row[0]);
      }
    }
  }
}
