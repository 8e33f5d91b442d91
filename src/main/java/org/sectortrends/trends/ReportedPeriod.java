package org.sectortrends.trends;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a figure reports on, from the {@code period} column of {@code figures}, as {@code
 * company_metrics} keys it: a year, half, quarter or month with inclusive bounds.
 *
 * <table>
 *   <caption>Resolution</caption>
 *   <tr><td>{@code 2025}</td><td>year {@code 2025}, 2025-01-01..2025-12-31</td></tr>
 *   <tr><td>{@code 2025H1}</td><td>half {@code 2025H1}, 2025-01-01..2025-06-30</td></tr>
 *   <tr><td>{@code 2025Q3}</td><td>quarter {@code 2025Q3}, 2025-07-01..2025-09-30</td></tr>
 *   <tr><td>{@code 2025-08}</td><td>month {@code 2025-08}</td></tr>
 *   <tr><td>{@code 2025Q1..2025Q2}, {@code 2025-01..2025-03}, {@code 2025-01..2025-12}</td>
 *       <td>the half, quarter or year the range exactly covers</td></tr>
 *   <tr><td>{@code 2025-01..2025-10}, {@code 2026..2030}, {@code P1Y}</td><td>none: a
 *       year-to-date sum, a multi-year plan or a duration is not comparable with the calendar
 *       periods of other reports, so such figures stay out of {@code company_metrics} (they remain
 *       in {@code figures})</td></tr>
 * </table>
 */
public record ReportedPeriod(String type, String label, LocalDate start, LocalDate end) {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern HALF = Pattern.compile("(\\d{4})H([12])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  /** The reported period, or empty when the text is null, a duration or an irregular range. */
  public static Optional<ReportedPeriod> parse(String period) {
    if (period == null || period.isBlank()) {
      return Optional.empty();
    }
    String p = period.strip();
    int dots = p.indexOf("..");
    if (dots >= 0) {
      Optional<ReportedPeriod> from = single(p.substring(0, dots));
      Optional<ReportedPeriod> to = single(p.substring(dots + 2));
      if (from.isEmpty() || to.isEmpty() || to.get().end().isBefore(from.get().start())) {
        return Optional.empty();
      }
      return covering(from.get().start(), to.get().end());
    }
    return single(p);
  }

  private static Optional<ReportedPeriod> single(String p) {
    Matcher m;
    if ((m = YEAR.matcher(p)).matches()) {
      int y = Integer.parseInt(m.group(1));
      return Optional.of(
          new ReportedPeriod("year", p, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
    }
    if ((m = HALF.matcher(p)).matches()) {
      LocalDate start =
          LocalDate.of(Integer.parseInt(m.group(1)), m.group(2).equals("1") ? 1 : 7, 1);
      return Optional.of(new ReportedPeriod("half", p, start, start.plusMonths(6).minusDays(1)));
    }
    if ((m = QUARTER.matcher(p)).matches()) {
      LocalDate start =
          LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
      return Optional.of(new ReportedPeriod("quarter", p, start, start.plusMonths(3).minusDays(1)));
    }
    if ((m = MONTH.matcher(p)).matches()) {
      int month = Integer.parseInt(m.group(2));
      if (month < 1 || month > 12) {
        return Optional.empty();
      }
      YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
      return Optional.of(new ReportedPeriod("month", p, ym.atDay(1), ym.atEndOfMonth()));
    }
    return Optional.empty();
  }

  /** The one calendar year, half, quarter or month with exactly these bounds, if any. */
  private static Optional<ReportedPeriod> covering(LocalDate start, LocalDate end) {
    if (start.getDayOfMonth() != 1
        || !end.equals(YearMonth.from(end).atEndOfMonth())
        || start.getYear() != end.getYear()) {
      return Optional.empty();
    }
    int months = end.getMonthValue() - start.getMonthValue() + 1;
    int first = start.getMonthValue();
    String year = String.valueOf(start.getYear());
    if (months == 12) {
      return single(year);
    }
    if (months == 6 && (first == 1 || first == 7)) {
      return single(year + "H" + (first == 1 ? 1 : 2));
    }
    if (months == 3 && (first - 1) % 3 == 0) {
      return single(year + "Q" + ((first - 1) / 3 + 1));
    }
    if (months == 1) {
      return single(YearMonth.from(start).toString());
    }
    return Optional.empty();
  }
}
