package org.sectortrends.figures;

import java.math.BigDecimal;

/**
 * A figure while it is being built: the scanner fills the quantity, attribution fills the rest,
 * and {@link FigureExtractor} freezes it into a {@link Figure}. Confined to one extract call.
 */
final class Candidate {
    int start;
    int end;
    BigDecimal value;
    String unit;
    String counter;
    String qualifier;
    BigDecimal rangeHigh;
    /** Direction read from a table arrow (▲, ▼) in front of the number, if any. */
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
        return unit.length() == 3 && Character.isUpperCase(unit.charAt(0)) && Character.isUpperCase(unit.charAt(2));
    }

    boolean isRate() {
        return unit.equals("percent") || unit.equals("percent_point") || unit.equals("multiple");
    }
}
