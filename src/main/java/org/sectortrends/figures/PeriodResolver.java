package org.sectortrends.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the period words of a sentence and resolves them against the publication date.
 *
 * <table>
 *   <caption>Forms and their normalized values (published 2025-11-26)</caption>
 *   <tr><td>{@code 2024년}</td><td>{@code 2024}</td></tr>
 *   <tr><td>{@code 3분기}, {@code 올 3분기}, {@code 2025년 3분기}</td><td>{@code 2025Q3}</td></tr>
 *   <tr><td>{@code 지난해 4분기}</td><td>{@code 2024Q4}</td></tr>
 *   <tr><td>{@code 1~3분기 누적}, {@code 3분기 누적}</td><td>{@code 2025Q1..2025Q3}</td></tr>
 *   <tr><td>{@code 상반기}, {@code 올해 상반기}</td><td>{@code 2025H1}</td></tr>
 *   <tr><td>{@code 1~10월 누적}</td><td>{@code 2025-01..2025-10}</td></tr>
 *   <tr><td>{@code 지난 4월}, {@code 4월}</td><td>{@code 2025-04}</td></tr>
 *   <tr><td>{@code 지난해}, {@code 작년} / {@code 올해} / {@code 내년}</td><td>{@code 2024} / {@code 2025} / {@code 2026}</td></tr>
 *   <tr><td>{@code 향후 5년간}</td><td>{@code 2026..2030}</td></tr>
 *   <tr><td>{@code 지난달} / {@code 이달}</td><td>{@code 2025-10} / {@code 2025-11}</td></tr>
 *   <tr><td>{@code 지난 6월 9일}, {@code 지난달 1일}, {@code 지난 9일}, {@code 9일부터 23일까지}</td>
 *       <td>{@code 2025-06}, {@code 2025-10}, {@code 2025-11}, {@code 2025-11}: the month of a day
 *       date, for its own sentence only ({@link Mention#eventDay})</td></tr>
 *   <tr><td>{@code 3년간}, {@code 6개월간}</td><td>{@code P3Y}, {@code P6M} (durations, which the
 *       attributor gives to no figure); not {@code 1년 새}, {@code 3년 사이}, {@code 10개월 만의} (the
 *       span of a change)</td></tr>
 *   <tr><td>{@code 2021년부터 3년간}</td><td>{@code 2021..2023}</td></tr>
 *   <tr><td>{@code 이번 분기}, {@code 같은 기간}, {@code 동기}</td><td>the period mentioned before</td></tr>
 * </table>
 *
 * <p>A quarter, half or month without a year is taken as the latest one that had begun by the
 * publication date. Without a publication date only explicit years and durations resolve; the
 * others keep their text with a null period. A bare day ({@code 26일 밝혔다}) is the date of a report
 * and is ignored; a day with its month, after {@code 지난}, or starting a span of days is the date of
 * an event, whose month is the period of the figures of its sentence. A day not yet reached in the
 * publication month is of the month before ({@code 지난 28일} published on the 26th). {@code 이달까지}
 * ends a span begun elsewhere ({@code 올해 들어 이달까지}) and is no period.
 *
 * <p>Known weaknesses: a forward-looking {@code 4분기 전망} published in May resolves to the previous
 * year; fiscal years are taken as calendar years.
 */
final class PeriodResolver {

  /** A period mention: its span, raw text, and resolution (null when unresolvable). */
  /**
   * A period in the text. {@code eventDay}: the month of a day date ({@code 6월 9일}, {@code 9일부터
   * 23일까지}), the period of its own sentence's figures only, never carried to the next sentences.
   */
  record Mention(
      int start, int end, String text, String normalized, boolean anaphoric, boolean eventDay) {
    Mention(int start, int end, String text, String normalized, boolean anaphoric) {
      this(start, end, text, normalized, anaphoric, false);
    }
  }

  private record Part(int start, int end, Kind kind, int a, int b) {}

  private enum Kind {
    YEAR,
    REL_YEAR,
    QUARTER,
    HALF,
    MONTHS,
    NEXT_YEARS,
    DURATION_YEARS,
    DURATION_MONTHS,
    /** 지난달, 이달, 내달: a month counted from the publication month ({@code a} is the offset). */
    REL_MONTH,
    /** 지난달 1일: a day of a month counted from the publication month. */
    REL_MONTH_DAY,
    /** 9일부터 23일까지: days of the latest month that has reached day {@code a}. */
    DAYS,
    /** 6월 9일: the month {@code a} (= {@code b}) of a day date. */
    DAY_MONTH,
    ANAPHORA
  }

  private static final String[][] RELATIVE_YEARS = {
    {"재작년", "-2"}, {"지난해", "-1"}, {"작년", "-1"}, {"올해", "0"}, {"금년", "0"}, {"내년", "1"}, {"이듬해", "1"},
  };
  private static final String[][] RELATIVE_MONTHS = {
    {"지난달", "-1"}, {"지난 달", "-1"}, {"이달", "0"}, {"이번 달", "0"}, {"이번달", "0"}, {"내달", "1"},
  };
  private static final String[] ANAPHORA = {"이번 분기", "같은 기간", "해당 기간", "이 기간", "같은 분기", "동기"};

  List<Mention> find(int[] t, int from, int to, LocalDate published) {
    List<Part> parts = new ArrayList<>();
    int i = from;
    while (i < to) {
      Part part = partAt(t, i, to);
      if (part != null) {
        parts.add(part);
        i = part.end;
      } else {
        i++;
      }
    }
    List<Mention> mentions = new ArrayList<>();
    for (int k = 0; k < parts.size(); k++) {
      Part p = parts.get(k);
      Integer year = null;
      int start = p.start;
      Part main = p;
      if ((p.kind == Kind.YEAR || p.kind == Kind.REL_YEAR) && k + 1 < parts.size()) {
        Part q = parts.get(k + 1);
        if (q.start - p.end <= 1
            && (q.kind == Kind.QUARTER || q.kind == Kind.HALF || q.kind == Kind.MONTHS)) {
          main = q;
          k++;
        }
      }
      if (p.kind == Kind.YEAR) {
        year = p.a;
      } else if (p.kind == Kind.REL_YEAR) {
        year = published == null ? null : published.getYear() + p.a;
      }
      int end = main.end;
      if ((main.kind == Kind.MONTHS || main.kind == Kind.QUARTER)
          && startsWith(t, skipSpace(t, end, to), "누적", to)) {
        end = skipSpace(t, end, to) + 2;
        if (main.a == main.b) {
          main = new Part(main.start, main.end, main.kind, 1, main.b); // 3분기 누적 is Q1..Q3
        }
      }
      String text = text(t, start, end);
      String normalized =
          switch (main.kind) {
            case YEAR, REL_YEAR -> year == null ? null : Integer.toString(year);
            case QUARTER -> {
              Integer y = year != null ? year : inferYear(published, (main.b - 1) * 3 + 1);
              yield y == null
                  ? null
                  : main.a == main.b
                      ? y + "Q" + main.a
                      : y + "Q" + main.a + ".." + y + "Q" + main.b;
            }
            case HALF -> {
              Integer y = year != null ? year : inferYear(published, main.a == 1 ? 1 : 7);
              yield y == null ? null : y + "H" + main.a;
            }
            case MONTHS, DAY_MONTH -> {
              Integer y = year != null ? year : inferYear(published, main.b);
              yield y == null
                  ? null
                  : main.a == main.b
                      ? month(y, main.a)
                      : month(y, main.a) + ".." + month(y, main.b);
            }
            case NEXT_YEARS ->
                published == null
                    ? "P" + main.a + "Y"
                    : (published.getYear() + 1) + ".." + (published.getYear() + main.a);
            case REL_MONTH, REL_MONTH_DAY -> {
              if (published == null) {
                yield null;
              }
              LocalDate m = published.withDayOfMonth(1).plusMonths(main.a);
              yield month(m.getYear(), m.getMonthValue());
            }
            case DAYS -> {
              if (published == null) {
                yield null;
              }
              LocalDate m =
                  main.a <= published.getDayOfMonth()
                      ? published
                      : published.withDayOfMonth(1).minusMonths(1);
              yield month(m.getYear(), m.getMonthValue());
            }
            case DURATION_YEARS -> "P" + main.a + "Y";
            case DURATION_MONTHS -> "P" + main.a + "M";
            case ANAPHORA -> null;
          };
      mentions.add(
          new Mention(
              start,
              end,
              text,
              normalized,
              main.kind == Kind.ANAPHORA,
              main.kind == Kind.DAYS
                  || main.kind == Kind.DAY_MONTH
                  || main.kind == Kind.REL_MONTH_DAY));
    }
    return spans(t, mentions, to);
  }

  /**
   * {@code 2007년 11월부터 2011년 6월까지}, {@code 2009년 12월부터 2010년 1월 사이}: one period from the first to
   * the second ({@code 2007-11..2011-06}), when both are resolved to the same kind of period (years
   * or months).
   */
  private static List<Mention> spans(int[] t, List<Mention> mentions, int to) {
    List<Mention> out = mentions;
    for (int k = 0; k + 1 < out.size(); k++) {
      Mention first = out.get(k);
      Mention second = out.get(k + 1);
      String counted = countedFrom(t, first, second);
      if (counted != null) {
        // 2021년부터 3년간, 2024년 3월부터 6개월간: a start and a length are one span
        if (out == mentions) {
          out = new ArrayList<>(mentions);
        }
        out.set(
            k,
            new Mention(
                first.start(), second.end(), text(t, first.start(), second.end()), counted, false));
        out.remove(k + 1);
        continue;
      }
      if (first.normalized() == null
          || second.normalized() == null
          || first.normalized().contains("..")
          || second.normalized().contains("..")
          || first.normalized().length() != second.normalized().length()
          || first.normalized().startsWith("P")
          || second.normalized().startsWith("P")
          || first.normalized().compareTo(second.normalized()) >= 0
          || !text(t, first.end(), second.start()).strip().equals("부터")) {
        continue;
      }
      int after = skipSpace(t, second.end(), to);
      if (!startsWith(t, after, "까지", to) && !startsWith(t, after, "사이", to)) {
        continue;
      }
      if (out == mentions) {
        out = new ArrayList<>(mentions);
      }
      out.set(
          k,
          new Mention(
              first.start(),
              second.end(),
              text(t, first.start(), second.end()),
              first.normalized() + ".." + second.normalized(),
              false));
      out.remove(k + 1);
    }
    return out;
  }

  /**
   * The span of a start followed by 부터 and a length ({@code 2021년부터 3년간} is {@code 2021..2023},
   * {@code 2024년 3월부터 6개월간} is {@code 2024-03..2024-08}); null when the two mentions are not that.
   */
  private static String countedFrom(int[] t, Mention first, Mention second) {
    String start = first.normalized();
    String length = second.normalized();
    if (start == null
        || length == null
        || !length.startsWith("P")
        || !text(t, first.end(), second.start()).strip().equals("부터")) {
      return null;
    }
    int n = Integer.parseInt(length.substring(1, length.length() - 1));
    if (n < 1) {
      return null;
    }
    if (start.matches("\\d{4}") && length.endsWith("Y")) {
      int year = Integer.parseInt(start);
      return n == 1 ? start : start + ".." + (year + n - 1);
    }
    if (start.matches("\\d{4}-\\d{2}") && length.endsWith("M")) {
      int year = Integer.parseInt(start.substring(0, 4));
      int month = Integer.parseInt(start.substring(5));
      int last = year * 12 + month - 1 + n - 1;
      String end = month(last / 12, last % 12 + 1);
      return n == 1 ? start : start + ".." + end;
    }
    return null;
  }

  private static String month(int year, int month) {
    return year + (month < 10 ? "-0" : "-") + month;
  }

  private static Integer inferYear(LocalDate published, int month) {
    if (published == null) {
      return null;
    }
    return month > published.getMonthValue() ? published.getYear() - 1 : published.getYear();
  }

  private Part partAt(int[] t, int i, int to) {
    int c = t[i];
    boolean wordStart =
        i == 0
            || !KoreanNumberParser.isHangulSyllable(t[i - 1])
                && !KoreanNumberParser.isAsciiDigit(t[i - 1]);
    if (KoreanNumberParser.isAsciiDigit(c)) {
      if (!wordStart) {
        return null;
      }
      return numericPart(t, i, to);
    }
    if (!wordStart) {
      return null;
    }
    switch (c) {
      case '재', '지', '작', '올', '금', '내', '이', '상', '하', '향', '앞', '같', '해', '동' -> {}
      default -> {
        return null; // no period word starts with it: the common case, decided at once
      }
    }
    for (String[] rel : RELATIVE_MONTHS) {
      if (startsWith(t, i, rel[0], to) && !startsWith(t, i + rel[0].length(), "까지", to)) {
        // 올해 들어 이달까지: the end of a span that began earlier, not the figure's month
        int after = skipSpace(t, i + rel[0].length(), to);
        int d = digitsEnd(t, after, to);
        if (d > after && d - after <= 2 && startsWith(t, d, "일", to)) {
          // 지난달 1일 공개하면서: a day date, its month for its sentence only
          return new Part(i, d + 1, Kind.REL_MONTH_DAY, Integer.parseInt(rel[1]), 0);
        }
        return new Part(i, i + rel[0].length(), Kind.REL_MONTH, Integer.parseInt(rel[1]), 0);
      }
    }
    for (String[] rel : RELATIVE_YEARS) {
      if (startsWith(t, i, rel[0], to)) {
        return new Part(i, i + rel[0].length(), Kind.REL_YEAR, Integer.parseInt(rel[1]), 0);
      }
    }
    if (c == '올' && i + 2 < to && t[i + 1] == ' ') {
      Part next = partAt(t, i + 2, to);
      if (next != null
          && (next.kind == Kind.QUARTER || next.kind == Kind.HALF || next.kind == Kind.MONTHS)) {
        return new Part(i, i + 1, Kind.REL_YEAR, 0, 0);
      }
    }
    if (startsWith(t, i, "상반기", to)) {
      return new Part(i, i + 3, Kind.HALF, 1, 0);
    }
    if (startsWith(t, i, "하반기", to)) {
      return new Part(i, i + 3, Kind.HALF, 2, 0);
    }
    if (startsWith(t, i, "향후 ", to) || startsWith(t, i, "앞으로 ", to)) {
      int q = i + (c == '향' ? 3 : 4);
      int e = digitsEnd(t, q, to);
      if (e > q && startsWith(t, e, "년", to)) {
        int n = Integer.parseInt(text(t, q, e));
        int end = e + 1;
        if (startsWith(t, end, "간", to)) {
          end++;
        }
        return new Part(i, end, Kind.NEXT_YEARS, n, 0);
      }
    }
    for (String a : ANAPHORA) {
      if (startsWith(t, i, a, to)
          && (a.length() > 2
              || i + 2 >= to
              || !KoreanNumberParser.isHangulSyllable(t[i + 2])
              || t[i + 2] == '에'
              || t[i + 2] == '의')) {
        return new Part(i, i + a.length(), Kind.ANAPHORA, 0, 0);
      }
    }
    return null;
  }

  private Part numericPart(int[] t, int i, int to) {
    int e = digitsEnd(t, i, to);
    if (e - i > 4) {
      return null;
    }
    int n = Integer.parseInt(text(t, i, e));
    if (startsWith(t, e, "년", to) && !startsWith(t, e, "년대", to)) {
      if (e - i == 4 && n >= 1900 && n <= 2100 && !startsWith(t, e, "년간", to)) {
        return new Part(i, e + 1, Kind.YEAR, n, 0);
      }
      if (e - i <= 2 && startsWith(t, e, "년간", to)) {
        return new Part(i, e + 2, Kind.DURATION_YEARS, n, 0);
      }
      // 3년 투자 계획 is a duration; 3년 전, 3년 만에, 3년째 are points in time.
      int after = skipSpace(t, e + 1, to);
      if (e - i <= 2
          && !startsWith(t, after, "전", to)
          && !startsWith(t, after, "후", to)
          && !startsWith(t, after, "만", to)
          && !startsWith(t, e + 1, "째", to)
          && !startsWith(t, e + 1, "차", to)
          && !startsWith(t, after, "새", to)
          && !startsWith(t, after, "사이", to)) {
        // 1년 새 15% 늘었다, 3년 사이 30%: the span of a change, not the figure's period
        return new Part(i, e + 1, Kind.DURATION_YEARS, n, 0);
      }
      return null;
    }
    int afterMonths = skipSpace(t, e + 2, to);
    if (startsWith(t, e, "개월", to)
        && e - i <= 2
        && !startsWith(t, e + 2, "째", to)
        && !startsWith(t, afterMonths, "만", to)
        && !startsWith(t, afterMonths, "새", to)
        && !startsWith(t, afterMonths, "사이", to)
        && !startsWith(t, afterMonths, "전", to)) {
      int end = e + 2;
      if (startsWith(t, end, "간", to)) {
        end++;
      }
      return new Part(i, end, Kind.DURATION_MONTHS, n, 0);
    }
    if (startsWith(t, e, "분기", to) && n >= 1 && n <= 4) {
      return new Part(i, e + 2, Kind.QUARTER, n, n);
    }
    boolean pastDay = afterJinan(t, i) && startsWith(t, e, "일", to);
    if ((startsWith(t, e, "일부터", to) || pastDay)
        && e - i <= 2
        && n >= 1
        && n <= 31
        && !afterMonth(t, i)) {
      // 지난 9일부터 23일까지 발생한 손해, 지난 11일 발매한: days of a month that is not written
      // are of the publication month, or the month before when that day has not come yet
      int start = afterJinan(t, i) ? i - 3 : i;
      return new Part(start, e + 1, Kind.DAYS, n, 0);
    }
    int dash = skipSpace(t, e, to);
    if (dash < to && (t[dash] == '~' || t[dash] == '∼') && e - i == 1) {
      int r = skipSpace(t, dash + 1, to);
      if (r + 2 < to
          && t[r] >= '1'
          && t[r] <= '4'
          && startsWith(t, r + 1, "분기", to)
          && t[r] - '0' > n) {
        return new Part(i, r + 3, Kind.QUARTER, n, t[r] - '0'); // 1~3분기
      }
    }
    int m2 = n;
    int end = e;
    int q = skipSpace(t, e, to);
    if (q < to && (t[q] == '~' || t[q] == '∼' || t[q] == '-')) {
      int r = skipSpace(t, q + 1, to);
      int f = digitsEnd(t, r, to);
      if (f > r && f - r <= 2) {
        m2 = Integer.parseInt(text(t, r, f));
        end = f;
      }
    }
    if (startsWith(t, end, "월", to) && n >= 1 && n <= 12 && m2 >= n && m2 <= 12) {
      int after = skipSpace(t, end + 1, to);
      int d = digitsEnd(t, after, to);
      if (d > after && startsWith(t, d, "일", to) && (n != m2 || d - after > 2)) {
        return null; // 3~5월 9일: not a month of an event
      }
      // 지난 6월 9일 영업을 마치고: the day of an event is in its month
      boolean day = d > after && startsWith(t, d, "일", to);
      int start = afterJinan(t, i) ? i - 3 : i;
      return day
          ? new Part(start, d + 1, Kind.DAY_MONTH, n, m2)
          : new Part(start, end + 1, Kind.MONTHS, n, m2);
    }
    return null;
  }

  /** {@code 지난 } stands right before {@code i} ({@code 지난 4월}, {@code 지난 9일}). */
  private static boolean afterJinan(int[] t, int i) {
    return i >= 3 && t[i - 1] == ' ' && t[i - 3] == '지' && t[i - 2] == '난';
  }

  /** The number at {@code i} follows a month ({@code 8월 14일}): its day belongs to that month. */
  private static boolean afterMonth(int[] t, int i) {
    int p = i;
    while (p > 0 && t[p - 1] == ' ') {
      p--;
    }
    return p > 0 && t[p - 1] == '월';
  }

  private static int digitsEnd(int[] t, int p, int to) {
    int e = p;
    while (e < to && KoreanNumberParser.isAsciiDigit(t[e])) {
      e++;
    }
    return e;
  }

  private static int skipSpace(int[] t, int p, int to) {
    return p < to && t[p] == ' ' ? p + 1 : p;
  }

  static boolean startsWith(int[] t, int p, String word, int to) {
    if (p + word.length() > to) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (t[p + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static String text(int[] t, int from, int to) {
    return new String(t, from, to - from);
  }
}
