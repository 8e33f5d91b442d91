package org.sectortrends.trends;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trend periods: ISO weeks (Monday to Sunday), calendar months and quarters of Asia/Seoul
 * calendar dates (the {@code published_date} of articles is already a Seoul date), with their
 * labels, bounds and neighbours.
 *
 * <table>
 *   <caption>Labels</caption>
 *   <tr><td>week</td><td>{@code 2025-W01}: ISO week-based year and week; 2024-12-30 is in {@code 2025-W01},
 *       2021-01-03 in {@code 2020-W53}</td></tr>
 *   <tr><td>month</td><td>{@code 2025-11}</td></tr>
 *   <tr><td>quarter</td><td>{@code 2025Q4} (October 1 to December 31)</td></tr>
 * </table>
 *
 * <p>Bounds are inclusive: {@link Period#start()} is the first day, {@link Period#end()} the last.
 * The same rules exist as Spark column expressions in {@link TrendColumns}, tested to agree.
 */
public final class PeriodCalendar {

  /** A kind of trend period. */
  public enum PeriodType {
    WEEK("week"),
    MONTH("month"),
    QUARTER("quarter");

    private final String id;

    PeriodType(String id) {
      this.id = id;
    }

    /** The {@code period_type} value. */
    public String id() {
      return id;
    }

    public static PeriodType of(String id) {
      for (PeriodType type : values()) {
        if (type.id.equals(id)) {
          return type;
        }
      }
      throw new IllegalArgumentException(
          "Unknown period type '" + id + "': expected week, month or quarter");
    }
  }

  /** One period: its type, label and inclusive bounds. */
  public record Period(PeriodType type, String label, LocalDate start, LocalDate end) {
    public int days() {
      return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate date) {
      return !date.isBefore(start) && !date.isAfter(end);
    }
  }

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

  private PeriodCalendar() {}

  /** The period of the given type that contains the date. */
  public static Period of(PeriodType type, LocalDate date) {
    return switch (type) {
      case WEEK -> {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int year = monday.get(IsoFields.WEEK_BASED_YEAR);
        int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        yield new Period(
            type, String.format(Locale.ROOT, "%04d-W%02d", year, week), monday, monday.plusDays(6));
      }
      case MONTH -> {
        YearMonth month = YearMonth.from(date);
        yield new Period(type, month.toString(), month.atDay(1), month.atEndOfMonth());
      }
      case QUARTER -> {
        int quarter = (date.getMonthValue() - 1) / 3 + 1;
        LocalDate start = LocalDate.of(date.getYear(), (quarter - 1) * 3 + 1, 1);
        yield new Period(
            type, date.getYear() + "Q" + quarter, start, start.plusMonths(3).minusDays(1));
      }
    };
  }

  /** The period with this label, e.g. {@code 2025-W01}, {@code 2025-11}, {@code 2025Q4}. */
  public static Period parse(PeriodType type, String label) {
    Matcher m;
    switch (type) {
      case WEEK -> {
        m = WEEK.matcher(label);
        if (m.matches()) {
          int year = Integer.parseInt(m.group(1));
          int week = Integer.parseInt(m.group(2));
          LocalDate monday =
              LocalDate.of(year, 1, 4)
                  .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                  .plusWeeks(week - 1L);
          Period period = of(type, monday);
          if (week >= 1 && period.label().equals(label)) {
            return period;
          }
        }
      }
      case MONTH -> {
        m = MONTH.matcher(label);
        if (m.matches()
            && Integer.parseInt(m.group(2)) >= 1
            && Integer.parseInt(m.group(2)) <= 12) {
          return of(
              type, LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1));
        }
      }
      case QUARTER -> {
        m = QUARTER.matcher(label);
        if (m.matches()) {
          return of(
              type,
              LocalDate.of(
                  Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
        }
      }
    }
    throw new IllegalArgumentException("Bad " + type.id() + " label '" + label + "'");
  }

  /** The period right before. */
  public static Period previous(Period period) {
    return of(period.type(), period.start().minusDays(1));
  }

  /** The period right after. */
  public static Period next(Period period) {
    return of(period.type(), period.end().plusDays(1));
  }

  /** Every period of the type that overlaps {@code [from, to]}, in order. */
  public static List<Period> between(PeriodType type, LocalDate from, LocalDate to) {
    List<Period> periods = new ArrayList<>();
    if (to.isBefore(from)) {
      return periods;
    }
    Period p = of(type, from);
    while (!p.start().isAfter(to)) {
      periods.add(p);
      p = next(p);
    }
    return periods;
  }
}
