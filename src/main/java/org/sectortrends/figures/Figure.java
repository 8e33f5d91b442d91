package org.sectortrends.figures;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure found in a text: an exact quantity with its unit and what it is about.
 *
 * <p>Offsets are code-point offsets into the text given to {@link FigureExtractor#extract}, end
 * exclusive, and cover the number with its unit and adjacent qualifier words ({@code 약 4조 달러},
 * {@code 40% 이상}). {@code value} is exact in base units ({@code 1천250억 위안} is {@code 125000000000},
 * {@code 13.2%} is {@code 13.2}); ranges keep their upper end in {@code rangeHigh}.
 *
 * @param start first code point of the figure (qualifier words included)
 * @param end code point after the figure, exclusive
 * @param surface the text between start and end
 * @param value exact value in base units; the lower end for ranges
 * @param unit ISO 4217 code, {@code percent}, {@code percent_point}, {@code multiple}, {@code
 *     count} or a measure unit id such as {@code t} or {@code GWh}
 * @param counter the Korean counter for counts ({@code 명}, {@code 개국}), otherwise null
 * @param qualifier {@code approx}, {@code at_least}, {@code more_than}, {@code at_most}, {@code
 *     less_than}, {@code range} or null
 * @param rangeHigh upper end of a range or band ({@code 5~6개}, {@code 20%대}), otherwise null
 * @param metric metric id from the metrics lexicon, {@code <metric>_growth} for a growth rate of a
 *     level metric, or null
 * @param subject company, organization or industry the figure belongs to, or null
 * @param period normalized period ({@code 2025Q3}, {@code 2025-01..2025-10}, {@code 2024}, {@code
 *     2025H1}, {@code P3Y}) or null when it cannot be resolved
 * @param periodText the period words as written, or null
 * @param direction {@code up}, {@code down} or null
 * @param changeBasis {@code yoy}, {@code qoq}, {@code mom} or null
 * @param conversionOf index, in the same result list, of the figure this one restates in another
 *     currency, or null; restatements must never be summed with their original
 * @param sentence the sentence the figure was found in, kept as evidence
 */
public record Figure(
    int start,
    int end,
    String surface,
    BigDecimal value,
    String unit,
    String counter,
    String qualifier,
    BigDecimal rangeHigh,
    String metric,
    String subject,
    String period,
    String periodText,
    String direction,
    String changeBasis,
    Integer conversionOf,
    String sentence) {

  public Figure {
    Objects.requireNonNull(surface, "surface");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "bad figure span " + start + ".." + end + " for " + surface);
    }
  }

  /** True for money figures, whose unit is an ISO 4217 code. */
  public boolean isMoney() {
    return unit.length() == 3 && unit.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }
}
