package org.sectortrends.figures;

/**
 * Moves a normalized period back by whole years, for the base of a year-on-year comparison: {@code
 * 2025Q2} becomes {@code 2024Q2}, {@code 2025-01..2025-07} becomes {@code 2024-01..2024-07}, {@code
 * 2025H1} becomes {@code 2024H1}. Durations ({@code P3Y}) and unknown forms are returned unchanged.
 */
final class PeriodShift {

  private PeriodShift() {}

  static String yearsBack(String period, int years) {
    if (period == null) {
      return null;
    }
    int range = period.indexOf("..");
    if (range > 0) {
      return yearsBack(period.substring(0, range), years)
          + ".."
          + yearsBack(period.substring(range + 2), years);
    }
    if (period.length() < 4 || !period.substring(0, 4).chars().allMatch(Character::isDigit)) {
      return period;
    }
    int year = Integer.parseInt(period.substring(0, 4)) - years;
    return year + period.substring(4);
  }
}
