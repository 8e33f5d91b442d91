package org.sectortrends.figures;

import java.math.BigDecimal;

/**
 * A figure while it is being built: the scanner fills the quantity, attribution fills the rest, and
 * {@link FigureExtractor} freezes it into a {@link Figure}. Confined to one extract call.
 */
final class Candidate {
  int start;
  int end;
  BigDecimal value;
  String unit;
  String counter;
  Qualifier qualifier;
  BigDecimal rangeHigh;

  /**
   * Direction read from a table arrow (▲, ▼) or a sign on a rate, if any: the id of an {@link
   * ArrowDirection}, the form the attribution step takes over as {@link #direction}.
   */
  String arrowDirection;

  int sentence = -1;
  int conversionOf = -1;
  String metric;
  String subject;
  String period;
  String periodText;
  String direction;
  String changeBasis;

  boolean isCurrency() {
    return unit.length() == 3
        && Character.isUpperCase(unit.charAt(0))
        && Character.isUpperCase(unit.charAt(2));
  }

  boolean isRate() {
    return unit.equals(UnitLexicon.Kind.PERCENT.fixedCode())
        || unit.equals(UnitLexicon.Kind.PERCENT_POINT.fixedCode())
        || unit.equals(UnitLexicon.Kind.MULTIPLE.fixedCode());
  }
}
