package org.sectortrends.generator;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A figure the generator wrote into a body, exactly as written: its surface, its code-point span in
 * the body ({@code end} exclusive, qualifier words included as in {@code 약 4조 달러} or {@code 40%
 * 이상}), and what it means.
 *
 * @param index position among the article's figures, in text order
 * @param value the exact value (for ranges, the low end)
 * @param unit ISO 4217 code for money, {@code percent}, {@code percent_point}, {@code multiple},
 *     {@code count}, or a measure unit ({@code GWh}, {@code MW}, {@code ton}, {@code liter})
 * @param counter the counter word of a count ({@code 명}, {@code 곳}); null otherwise
 * @param qualifier {@code approx}, {@code at_least}, {@code more_than}, {@code at_most}, {@code
 *     less_than}, {@code range}, or null
 * @param rangeHigh the high end of a range; null otherwise
 * @param period the period the figure refers to, resolved: {@code 2025Q3}, {@code 2025H1}, {@code
 *     2024}, {@code 2025-10}, {@code 2025-01..2025-10}; null when the sentence names none
 * @param conversionOf the index of the figure this one restates in another currency; null otherwise
 */
public record TruthFigure(
    int index,
    String surface,
    int start,
    int end,
    BigDecimal value,
    String unit,
    String counter,
    String qualifier,
    BigDecimal rangeHigh,
    String metric,
    String subject,
    String period,
    Integer conversionOf)
    implements Serializable {}
