package org.sectortrends.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sectortrends.trends.PeriodCalendar.Period;
import org.sectortrends.trends.PeriodCalendar.PeriodType;

class PeriodCalendarTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    // ISO weeks around new year: the week belongs to the year of its Thursday
    "week, 2024-12-29, 2024-W52, 2024-12-23, 2024-12-29",
    "week, 2024-12-30, 2025-W01, 2024-12-30, 2025-01-05",
    "week, 2025-01-01, 2025-W01, 2024-12-30, 2025-01-05",
    "week, 2025-01-05, 2025-W01, 2024-12-30, 2025-01-05",
    "week, 2025-01-06, 2025-W02, 2025-01-06, 2025-01-12",
    "week, 2021-01-03, 2020-W53, 2020-12-28, 2021-01-03",
    "week, 2026-01-01, 2026-W01, 2025-12-29, 2026-01-04",
    "week, 2025-11-24, 2025-W48, 2025-11-24, 2025-11-30",
    "month, 2024-02-29, 2024-02, 2024-02-01, 2024-02-29",
    "month, 2025-11-30, 2025-11, 2025-11-01, 2025-11-30",
    "quarter, 2025-01-01, 2025Q1, 2025-01-01, 2025-03-31",
    "quarter, 2025-06-30, 2025Q2, 2025-04-01, 2025-06-30",
    "quarter, 2025-12-31, 2025Q4, 2025-10-01, 2025-12-31",
  })
  void labelsAndBounds(String type, LocalDate date, String label, LocalDate start, LocalDate end) {
    Period p = PeriodCalendar.of(PeriodType.of(type), date);
    assertEquals(label, p.label());
    assertEquals(start, p.start());
    assertEquals(end, p.end());
    assertEquals(p, PeriodCalendar.parse(PeriodType.of(type), label), "parse inverts the label");
  }

  @Test
  void neighboursCrossYearEnds() {
    assertEquals(
        "2024-W52",
        PeriodCalendar.previous(PeriodCalendar.parse(PeriodType.WEEK, "2025-W01")).label());
    assertEquals(
        "2021-W01", PeriodCalendar.next(PeriodCalendar.parse(PeriodType.WEEK, "2020-W53")).label());
    assertEquals(
        "2024Q4",
        PeriodCalendar.previous(PeriodCalendar.parse(PeriodType.QUARTER, "2025Q1")).label());
    assertEquals(
        "2024-12",
        PeriodCalendar.previous(PeriodCalendar.parse(PeriodType.MONTH, "2025-01")).label());
    assertEquals(7, PeriodCalendar.parse(PeriodType.WEEK, "2025-W01").days());
    assertEquals(92, PeriodCalendar.parse(PeriodType.QUARTER, "2025Q4").days());
  }

  @Test
  void betweenListsOverlappingPeriods() {
    List<Period> weeks =
        PeriodCalendar.between(
            PeriodType.WEEK, LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 13));
    assertEquals(
        List.of("2025-W01", "2025-W02", "2025-W03"), weeks.stream().map(Period::label).toList());
  }

  @Test
  void badLabelsNameTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PeriodCalendar.parse(PeriodType.WEEK, "2025-W54"));
    assertTrue(e.getMessage().contains("2025-W54"));
    assertThrows(
        IllegalArgumentException.class, () -> PeriodCalendar.parse(PeriodType.MONTH, "2025-13"));
    assertThrows(IllegalArgumentException.class, () -> PeriodType.of("day"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "2025, year, 2025, 2025-01-01, 2025-12-31",
        "2025H1, half, 2025H1, 2025-01-01, 2025-06-30",
        "2025H2, half, 2025H2, 2025-07-01, 2025-12-31",
        "2025Q3, quarter, 2025Q3, 2025-07-01, 2025-09-30",
        "2025-08, month, 2025-08, 2025-08-01, 2025-08-31",
        "2025Q1..2025Q2, half, 2025H1, 2025-01-01, 2025-06-30",
        "2025-01..2025-03, quarter, 2025Q1, 2025-01-01, 2025-03-31",
        "2025Q1..2025Q4, year, 2025, 2025-01-01, 2025-12-31",
        "2025-01..2025-10, NONE, NONE, NONE, NONE",
        "2025Q1..2025Q3, NONE, NONE, NONE, NONE",
        "2026..2030, NONE, NONE, NONE, NONE",
        "P1Y, NONE, NONE, NONE, NONE",
        "2025-13, NONE, NONE, NONE, NONE",
      })
  void reportedPeriods(String text, String type, String label, LocalDate start, LocalDate end) {
    var parsed = ReportedPeriod.parse(text);
    if (type == null) {
      assertTrue(parsed.isEmpty(), text);
    } else {
      assertEquals(new ReportedPeriod(type, label, start, end), parsed.orElseThrow());
    }
  }
}
