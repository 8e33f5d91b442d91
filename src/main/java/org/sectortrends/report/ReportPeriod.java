package org.sectortrends.report;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One calendar period of a report: its type, its label as the trend tables write it and its first
 * and last day (inclusive), in the calendar of Asia/Seoul where the articles' dates live.
 *
 * <p>Labels: {@code 2025-W47} (ISO week, Monday to Sunday, the week-based year), {@code 2025-11},
 * {@code 2025Q4}. {@link #parse} accepts exactly these forms, so a label typed on the command line
 * matches the {@code period} partition of the trend tables.
 *
 * @param type week, month or quarter
 * @param label the table label, e.g. {@code 2025-11}
 * @param start first day
 * @param end last day (inclusive)
 */
public record ReportPeriod(Type type, String label, LocalDate start, LocalDate end) {

  /** The period types that trend tables are computed for. */
  public enum Type {
    WEEK,
    MONTH,
    QUARTER;

    /** The value of the {@code period_type} column and of {@code --period-type}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code week}, {@code month} or {@code quarter}; the message names the bad value. */
    public static Type parse(String text) {
      for (Type type : values()) {
        if (type.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return type;
        }
      }
      throw new IllegalArgumentException(
          "'" + text + "' is not a period type; use week, month or quarter");
    }
  }

  private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

  public ReportPeriod {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "Period " + label + " ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /**
   * The period of the given type with the given label.
   *
   * @throws IllegalArgumentException naming the label and the expected form when it is not one
   */
  public static ReportPeriod parse(Type type, String label) {
    String text = label.strip();
    try {
      switch (type) {
        case WEEK -> {
          Matcher m = WEEK.matcher(text);
          if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            LocalDate anyDay = LocalDate.of(year, 6, 1).with(IsoFields.WEEK_BASED_YEAR, year);
            if (week < 1 || week > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
              throw new IllegalArgumentException(
                  "'"
                      + label
                      + "' is not a week period: week "
                      + week
                      + " does not exist in "
                      + year);
            }
            return containing(type, anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
          }
        }
        case MONTH -> {
          Matcher m = MONTH.matcher(text);
          if (m.matches()) {
            return containing(
                type,
                YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atDay(1));
          }
        }
        case QUARTER -> {
          Matcher m = QUARTER.matcher(text);
          if (m.matches()) {
            return containing(
                type,
                LocalDate.of(
                    Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
          }
        }
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'" + label + "' is not a " + type.id() + " period: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "'" + label + "' is not a " + type.id() + " period; write it like " + example(type));
  }

  /** An example label of the type, for messages. */
  public static String example(Type type) {
    return switch (type) {
      case WEEK -> "2025-W47";
      case MONTH -> "2025-11";
      case QUARTER -> "2025Q4";
    };
  }

  /** The period of the given type that contains {@code day}. */
  public static ReportPeriod containing(Type type, LocalDate day) {
    return switch (type) {
      case WEEK -> {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label =
            String.format(
                Locale.ROOT,
                "%04d-W%02d",
                monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        yield new ReportPeriod(type, label, monday, monday.plusDays(6));
      }
      case MONTH -> {
        YearMonth month = YearMonth.from(day);
        yield new ReportPeriod(
            type,
            String.format(Locale.ROOT, "%04d-%02d", month.getYear(), month.getMonthValue()),
            month.atDay(1),
            month.atEndOfMonth());
      }
      case QUARTER -> {
        int quarter = (day.getMonthValue() - 1) / 3 + 1;
        LocalDate first = LocalDate.of(day.getYear(), (quarter - 1) * 3 + 1, 1);
        yield new ReportPeriod(
            type, day.getYear() + "Q" + quarter, first, first.plusMonths(3).minusDays(1));
      }
    };
  }

  public ReportPeriod previous() {
    return containing(type, start.minusDays(1));
  }

  public ReportPeriod next() {
    return containing(type, end.plusDays(1));
  }

  /** Number of days in the period. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(start, end) + 1;
  }

  /** The {@code count} periods that end with this one, oldest first. */
  public List<ReportPeriod> trailing(int count) {
    List<ReportPeriod> periods = new ArrayList<>();
    ReportPeriod period = this;
    for (int i = 0; i < count; i++) {
      periods.add(0, period);
      period = period.previous();
    }
    return periods;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }
}
