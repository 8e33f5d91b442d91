package org.sectortrends.figures;

/**
 * What a qualifier word or a range says about a figure's value: {@code 약 3조} is {@link #APPROX},
 * {@code 40% 이상} {@link #AT_LEAST}, {@code 5~6개} and {@code 20%대} {@link #RANGE}. {@link #id()} is
 * the value written to the {@code qualifier} column and used in {@code qualifiers.tsv}; {@link
 * #RANGE} comes from the number itself, never from the lexicon.
 */
enum Qualifier {
  APPROX("approx"),
  AT_LEAST("at_least"),
  MORE_THAN("more_than"),
  AT_MOST("at_most"),
  LESS_THAN("less_than"),
  RANGE("range");

  private final String id;

  Qualifier(String id) {
    this.id = id;
  }

  /** The table and lexicon value, e.g. {@code at_least}. */
  String id() {
    return id;
  }

  /** The qualifier of a {@code qualifiers.tsv} line; {@link #RANGE} is not a lexicon qualifier. */
  static Qualifier fromLexicon(String id) {
    for (Qualifier q : values()) {
      if (q != RANGE && q.id.equals(id)) {
        return q;
      }
    }
    return null;
  }
}
