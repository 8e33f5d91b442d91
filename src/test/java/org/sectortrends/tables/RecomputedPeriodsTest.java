package org.sectortrends.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecomputedPeriodsTest {

  @Test
  void wholeTypesCoverEveryPeriodOfTheirTypesOnly() {
    RecomputedPeriods whole = RecomputedPeriods.wholeTypes(List.of("month", "quarter"));
    assertTrue(whole.covers("month", "1999-01"));
    assertTrue(whole.covers("quarter", "2025Q4"));
    assertFalse(whole.covers("week", "2025-W01"));
    assertEquals(Set.of("month", "quarter"), whole.types());
  }

  @Test
  void listedPeriodsCoverOnlyThemselves() {
    RecomputedPeriods only =
        RecomputedPeriods.only(
            Map.of("month", Set.of("2025-11"), "week", Set.of("2025-W45", "2025-W46")));
    assertTrue(only.covers("month", "2025-11"));
    assertFalse(only.covers("month", "2025-10"));
    assertTrue(only.covers("week", "2025-W46"));
    assertFalse(only.covers("quarter", "2025Q4"));
    assertEquals(Set.of("month", "week"), only.types());
  }

  @Test
  void aWholeTypeAbsorbsListedPeriodsOfTheSameType() {
    RecomputedPeriods both =
        new RecomputedPeriods(Set.of("month"), Map.of("month", Set.of("2025-11")));
    assertEquals(Map.of(), both.periods());
    assertTrue(both.covers("month", "2020-01"));
  }
}
