package org.sectortrends.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a periodic trend report shows, as plain values: built from the tables by {@link
 * ReportModelBuilder}, rendered by {@link HtmlReportWriter}, {@link MarkdownReportWriter} and
 * {@link CsvExports} without Spark.
 *
 * <p>Nullable fields mean "not known" (a missing table, no previous period); empty lists mean
 * "known to be empty". {@link #notices} says in words what is missing and why, so a report over
 * incomplete data still reads sensibly.
 */
public record ReportModel(
    ReportPeriod period,
    Instant generatedAt,
    Headline headline,
    List<String> chartPeriods,
    List<SectorSeries> sectorShares,
    List<SectorRow> sectors,
    List<TopicRow> topics,
    List<TermRow> emergingTerms,
    List<CompanyMetricRow> companyMetrics,
    List<MetricPoint> companyRevenue,
    List<InvestmentRow> investments,
    List<KeyFigure> keyFigures,
    Methods methods,
    List<String> notices) {

  /** When the report was made, in Seoul time: {@code 2025-12-04 10:15 KST}. */
  public String generatedAtText() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'KST'")
        .format(generatedAt.atZone(java.time.ZoneId.of("Asia/Seoul")));
  }

  public ReportModel {
    chartPeriods = List.copyOf(chartPeriods);
    sectorShares = List.copyOf(sectorShares);
    sectors = List.copyOf(sectors);
    topics = List.copyOf(topics);
    emergingTerms = List.copyOf(emergingTerms);
    companyMetrics = List.copyOf(companyMetrics);
    companyRevenue = List.copyOf(companyRevenue);
    investments = List.copyOf(investments);
    keyFigures = List.copyOf(keyFigures);
    notices = List.copyOf(notices);
  }

  /**
   * Whether the articles name their outlets: false when the period has articles but none with an
   * outlet (a corpus without bylines, such as a wiki), so the report says "unknown" instead of 0.
   */
  public boolean outletsKnown() {
    return headline.current().outlets() > 0 || headline.current().articles() == 0;
  }

  /** Whether the sector shares have a previous period to compare with (a change, zero included). */
  public boolean sectorsComparable() {
    return sectors.stream().anyMatch(s -> s.shareChangePoints() != null);
  }

  /** The period's volume, and the previous period's for comparison (null when it has no data). */
  public record Headline(
      PeriodCounts current,
      PeriodCounts previous,
      boolean partial,
      LocalDate dataFrom,
      LocalDate dataTo) {

    /** Change of the article count against the previous period in percent; null without one. */
    public Double articleChangePct() {
      if (previous == null || previous.articles() == 0) {
        return null;
      }
      return 100.0 * (current.articles() - previous.articles()) / previous.articles();
    }

    /** Change of the outlet count against the previous period (outlets); null without one. */
    public Long outletChange() {
      return previous == null ? null : current.outlets() - previous.outlets();
    }
  }

  /** Articles, outlets and days with data of one period. */
  public record PeriodCounts(
      String period,
      long articles,
      long outlets,
      int daysWithData,
      int days,
      long duplicatesDropped) {

    /** Share of the period's days that have at least one article (0..1). */
    public double coverage() {
      return days == 0 ? 0 : (double) daysWithData / days;
    }
  }

  /**
   * One sector's share of articles in each of {@link ReportModel#chartPeriods} (0 where it had
   * none).
   */
  public record SectorSeries(String sector, String name, List<Double> shares) {
    public SectorSeries {
      shares = List.copyOf(shares);
    }
  }

  /** One sector in the report period, from {@code sector_trends}. */
  public record SectorRow(
      String sector,
      String name,
      long articleCount,
      double share,
      Double shareChangePoints,
      Double countChangePct,
      long outletCount,
      String topTerms,
      long figureCount,
      BigDecimal investmentKrw,
      long investmentEvents,
      Double medianGrowthPct) {}

  /** One topic in the report period, from {@code topic_trends}. */
  public record TopicRow(
      int topicId,
      String label,
      String sector,
      long articleCount,
      double share,
      Double shareChangePoints,
      String topTerms,
      String modelVersion) {}

  /** One emerging term of the report period, from {@code term_trends}. */
  public record TermRow(
      String term,
      long documentFrequency,
      double articleShare,
      Double baselineShare,
      Double lift,
      Double zScore,
      LocalDate firstSeen) {}

  /** One company fact first reported in the report period, from {@code company_metrics}. */
  public record CompanyMetricRow(
      String company,
      String sector,
      String metric,
      String reportedPeriod,
      BigDecimal value,
      BigDecimal valueMin,
      BigDecimal valueMax,
      String unit,
      BigDecimal valueKrw,
      boolean forecast,
      boolean band,
      long articles,
      long outlets) {

    /** The reported value with its unit, as a reader reads it: {@code 1,550억 USD}. */
    public String amountText() {
      return ReportFormats.amount(value, unit);
    }
  }

  /**
   * One point of the company chart: a company's reported value of a metric in one reported period.
   */
  public record MetricPoint(String company, String reportedPeriod, BigDecimal valueKrw) {}

  /** One investment event of the report period, from {@code investment_events}. */
  public record InvestmentRow(
      String company,
      String counterparty,
      BigDecimal amount,
      String unit,
      BigDecimal amountKrw,
      LocalDate eventDate,
      String sector,
      long articles,
      long outlets,
      String sentence) {}

  /**
   * A figure reported in the period with its sentence and article.
   *
   * @param url the article's address when it is an http or https URL, else null (never rendered as
   *     a link)
   * @param rawUrl the address as stored, shown as text when it is not a web address
   */
  public record KeyFigure(
      String articleId,
      String surface,
      String metric,
      String subject,
      BigDecimal valueKrw,
      String sentence,
      String outlet,
      String title,
      String url,
      String rawUrl,
      LocalDate publishedDate,
      boolean forecast) {}

  /** The runs and models behind the tables, for the methods footer. */
  public record Methods(
      List<RunRow> runs,
      String modelVersion,
      Long quarantinedLastIngest,
      String lastIngestRunId,
      List<String> tablesRead,
      List<String> tablesMissing) {
    public Methods {
      runs = List.copyOf(runs);
      tablesRead = List.copyOf(tablesRead);
      tablesMissing = List.copyOf(tablesMissing);
    }
  }

  /** The latest run of one job. */
  public record RunRow(String job, String runId, String status, Instant endedAt) {}
}
