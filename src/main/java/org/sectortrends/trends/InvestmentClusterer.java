package org.sectortrends.trends;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups the reports of one company's investments into events: one deal reported by ten articles is
 * one event. Pure Java; {@link InvestmentEvents} applies it per company.
 *
 * <p>Rule: reports sorted by date (then amount) join the open event of the company whose first
 * report is at most {@code windowDays} earlier and whose first amount in won is within the relative
 * {@code tolerance} of theirs (|a − b| ≤ tolerance × max(a, b)); the closest amount wins; otherwise
 * a report starts a new event. Defaults: 14 days, 10% (outlets round {@code 2조 3천억 원} to {@code 2조
 * 원대} or convert dollars at different rates).
 *
 * <pre>{@code
 * 2025-03-02 A 삼성전자 10조 원 | 2025-03-03 B 10조 원 | 2025-03-05 C 10.2조 원  -> one event, 3 articles
 * 2025-03-02 A 삼성전자 10조 원 | 2025-03-03 B 3조 원                          -> two events
 * 2025-03-02 A 삼성전자 10조 원 | 2025-04-20 B 10조 원                          -> two events (47 days apart)
 * }</pre>
 *
 * <p>Known weaknesses: a total and its part in the same news ({@code 10조 원 중 3조 원}) become two
 * events; two different deals of the same size within two weeks become one; a deal re-reported
 * months later (at completion) is a second event.
 */
public final class InvestmentClusterer {

  public static final int DEFAULT_WINDOW_DAYS = 14;
  public static final double DEFAULT_TOLERANCE = 0.10;

  /** One figure that reports an investment of the company. */
  public record Report(
      String articleId,
      String outlet,
      LocalDate date,
      BigDecimal amount,
      String unit,
      BigDecimal amountKrw,
      BigDecimal amountUsd,
      String sentence,
      String sector) {}

  /** One event: its reports in date order. */
  public record Event(List<Report> reports) {
    /** The report with the median amount in won (lower middle for an even count). */
    public Report median() {
      List<Report> sorted = new ArrayList<>(reports);
      sorted.sort(Comparator.comparing(Report::amountKrw));
      return sorted.get((sorted.size() - 1) / 2);
    }

    public Report first() {
      return reports.get(0);
    }

    public LocalDate date() {
      return first().date();
    }

    public List<String> articleIds() {
      Set<String> ids = new LinkedHashSet<>();
      reports.forEach(r -> ids.add(r.articleId()));
      return List.copyOf(ids);
    }

    public long outlets() {
      return reports.stream()
          .map(Report::outlet)
          .filter(o -> o != null && !o.isBlank())
          .distinct()
          .count();
    }

    /** A stable id from the company, the first date and the first amount. */
    public String id(String companyId) {
      String key =
          companyId + "|" + date() + "|" + first().amountKrw().stripTrailingZeros().toPlainString();
      try {
        byte[] hash =
            MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 8);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 missing", e);
      }
    }
  }

  private InvestmentClusterer() {}

  /**
   * The events of one company's reports (reports without a date or an amount in won are ignored).
   */
  public static List<Event> cluster(List<Report> reports, int windowDays, double tolerance) {
    List<Report> sorted = new ArrayList<>();
    for (Report r : reports) {
      if (r.date() != null && r.amountKrw() != null && r.amountKrw().signum() > 0) {
        sorted.add(r);
      }
    }
    sorted.sort(
        Comparator.comparing(Report::date)
            .thenComparing(Report::amountKrw)
            .thenComparing(Report::articleId));
    List<List<Report>> events = new ArrayList<>();
    for (Report r : sorted) {
      List<Report> best = null;
      double bestDistance = Double.MAX_VALUE;
      for (List<Report> event : events) {
        Report first = event.get(0);
        if (ChronoUnit.DAYS.between(first.date(), r.date()) > windowDays) {
          continue;
        }
        double a = first.amountKrw().doubleValue();
        double b = r.amountKrw().doubleValue();
        double distance = Math.abs(a - b) / Math.max(a, b);
        if (distance <= tolerance && distance < bestDistance) {
          best = event;
          bestDistance = distance;
        }
      }
      if (best == null) {
        best = new ArrayList<>();
        events.add(best);
      }
      best.add(r);
    }
    return events.stream().map(e -> new Event(List.copyOf(e))).toList();
  }
}
