package org.sectortrends.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sectortrends.trends.InvestmentClusterer.Event;
import org.sectortrends.trends.InvestmentClusterer.Report;

class InvestmentClustererTest {

  private static Report report(String article, String outlet, String date, String trillionWon) {
    BigDecimal krw = new BigDecimal(trillionWon).multiply(new BigDecimal("1000000000000"));
    return new Report(
        article,
        outlet,
        LocalDate.parse(date),
        krw,
        "KRW",
        krw,
        null,
        "sentence " + article,
        "semiconductor");
  }

  private static List<Event> cluster(Report... reports) {
    return InvestmentClusterer.cluster(
        List.of(reports),
        InvestmentClusterer.DEFAULT_WINDOW_DAYS,
        InvestmentClusterer.DEFAULT_TOLERANCE);
  }

  @Test
  void oneDealReportedByThreeOutletsIsOneEvent() {
    List<Event> events =
        cluster(
            report("a", "A", "2025-03-02", "10"),
            report("b", "B", "2025-03-03", "10"),
            report("c", "C", "2025-03-05", "10.2"));
    assertEquals(1, events.size());
    Event e = events.get(0);
    assertEquals(List.of("a", "b", "c"), e.articleIds());
    assertEquals(3, e.outlets());
    assertEquals(LocalDate.parse("2025-03-02"), e.date());
    assertEquals(
        0,
        new BigDecimal("10000000000000").compareTo(e.median().amountKrw()),
        "median of 10, 10, 10.2 trillion");
  }

  @Test
  void differentAmountsOrDistantDatesAreDifferentEvents() {
    assertEquals(
        2,
        cluster(report("a", "A", "2025-03-02", "10"), report("b", "B", "2025-03-03", "3")).size());
    assertEquals(
        2,
        cluster(report("a", "A", "2025-03-02", "10"), report("b", "B", "2025-04-20", "10")).size());
  }

  @Test
  void reportJoinsTheEventWithTheClosestAmount() {
    List<Event> events =
        cluster(
            report("a", "A", "2025-03-02", "10"),
            report("b", "B", "2025-03-02", "11.5"),
            report("c", "C", "2025-03-04", "11.4"));
    assertEquals(2, events.size());
    assertEquals(List.of("b", "c"), events.get(1).articleIds());
  }

  @Test
  void eventIdIsStable() {
    Event first = cluster(report("a", "A", "2025-03-02", "10")).get(0);
    Event again =
        cluster(report("a", "A", "2025-03-02", "10"), report("b", "B", "2025-03-03", "10")).get(0);
    assertEquals(first.id("samsung_electronics"), again.id("samsung_electronics"));
  }
}
