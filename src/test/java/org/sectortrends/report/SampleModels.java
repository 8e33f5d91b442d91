package org.sectortrends.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Report models built in plain Java, for the writers' tests (no Spark). */
final class SampleModels {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(2)>";

  private SampleModels() {}

  /** Three months of two sectors; every text field of the period carries markup or a formula. */
  static ReportModel hostile() {
    ReportPeriod period = ReportPeriod.parse(ReportPeriod.Type.MONTH, "2025-11");
    ReportModel.Headline headline =
        new ReportModel.Headline(
            new ReportModel.PeriodCounts("2025-11", 120, 9, 30, 30, 4),
            new ReportModel.PeriodCounts("2025-10", 100, 8, 31, 31, 2),
            false,
            LocalDate.of(2025, 9, 1),
            LocalDate.of(2025, 11, 30));
    List<ReportModel.SectorSeries> series =
        List.of(
            new ReportModel.SectorSeries(
                "semiconductor", "반도체 " + SCRIPT, List.of(0.3, 0.35, 0.45)),
            new ReportModel.SectorSeries("telecom", "통신", List.of(0.7, 0.65, 0.55)));
    List<ReportModel.SectorRow> sectors =
        List.of(
            new ReportModel.SectorRow(
                "semiconductor",
                "반도체 " + SCRIPT,
                54,
                0.45,
                10.0,
                38.5,
                7,
                "hbm," + IMG,
                20,
                new BigDecimal("5180000000000"),
                2,
                12.5),
            new ReportModel.SectorRow(
                "telecom", "통신", 66, 0.55, -10.0, 1.5, 6, "=cmd|' /C calc'!A0", 3, null, 0, null));
    List<ReportModel.TopicRow> topics =
        List.of(
            new ReportModel.TopicRow(
                3, "HBM · 메모리 " + SCRIPT, "semiconductor", 40, 0.33, 2.5, "hbm,메모리", "v1"));
    List<ReportModel.TermRow> terms =
        List.of(
            new ReportModel.TermRow(
                "@SUM(A1:A9)", 12, 0.1, 0.01, 10.0, 4.2, LocalDate.of(2025, 11, 3)),
            new ReportModel.TermRow(SCRIPT, 8, 0.07, 0.02, 3.5, 2.0, LocalDate.of(2025, 10, 9)));
    List<ReportModel.CompanyMetricRow> facts =
        List.of(
            new ReportModel.CompanyMetricRow(
                "삼성전자",
                "semiconductor",
                "revenue",
                "2025Q3",
                new BigDecimal("86.1"),
                new BigDecimal("86"),
                new BigDecimal("86.1"),
                "조 원",
                new BigDecimal("86100000000000"),
                false,
                false,
                12,
                7));
    List<ReportModel.MetricPoint> revenue =
        List.of(
            new ReportModel.MetricPoint("삼성전자", "2025Q2", new BigDecimal("74600000000000")),
            new ReportModel.MetricPoint("삼성전자", "2025Q3", new BigDecimal("86100000000000")),
            new ReportModel.MetricPoint(
                "SK하이닉스 " + SCRIPT, "2025Q3", new BigDecimal("24400000000000")));
    List<ReportModel.InvestmentRow> investments =
        List.of(
            new ReportModel.InvestmentRow(
                "삼성전자",
                "+테일러",
                new BigDecimal("37"),
                "억 달러",
                new BigDecimal("51800000000000"),
                LocalDate.of(2025, 11, 14),
                "semiconductor",
                6,
                4,
                "투자 " + IMG));
    List<ReportModel.KeyFigure> figures =
        List.of(
            new ReportModel.KeyFigure(
                "a1",
                "1조2천억 원",
                "revenue",
                "엑스칩",
                new BigDecimal("1200000000000"),
                SCRIPT + IMG + " 매출 1조2천억 원",
                "해킹일보",
                "제목 " + SCRIPT,
                null,
                "javascript:alert(3)",
                LocalDate.of(2025, 11, 20),
                false),
            new ReportModel.KeyFigure(
                "a2",
                "3천억 원",
                "operating_profit",
                null,
                new BigDecimal("300000000000"),
                "영업이익 3천억 원 [x](javascript:alert(4)) | 표",
                "미래경제",
                "정상 기사",
                "https://news.example/a2?x=1&y=\"2\"",
                "https://news.example/a2?x=1&y=\"2\"",
                LocalDate.of(2025, 11, 21),
                true));
    ReportModel.Methods methods =
        new ReportModel.Methods(
            List.of(
                new ReportModel.RunRow(
                    "ingest", "ingest-1", "succeeded", Instant.parse("2025-12-01T00:00:00Z"))),
            "v1",
            3L,
            "ingest-1",
            List.of("articles", "sector_trends"),
            List.of());
    return new ReportModel(
        period,
        Instant.parse("2025-12-02T01:00:00Z"),
        headline,
        List.of("2025-09", "2025-10", "2025-11"),
        series,
        sectors,
        topics,
        terms,
        facts,
        revenue,
        investments,
        figures,
        methods,
        List.of("주의 " + SCRIPT));
  }

  /** A first period: no previous one, no trend rows, no figures. */
  static ReportModel bare() {
    ReportPeriod period = ReportPeriod.parse(ReportPeriod.Type.WEEK, "2025-W47");
    ReportModel.Headline headline =
        new ReportModel.Headline(
            new ReportModel.PeriodCounts("2025-W47", 5, 2, 3, 7, 0),
            null,
            true,
            LocalDate.of(2025, 11, 18),
            LocalDate.of(2025, 11, 20));
    ReportModel.Methods methods =
        new ReportModel.Methods(
            List.of(),
            null,
            null,
            null,
            List.of("articles"),
            List.of("sector_trends", "topic_trends"));
    return new ReportModel(
        period,
        Instant.parse("2025-12-02T01:00:00Z"),
        headline,
        List.of("2025-W47"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        methods,
        List.of("No sector_trends table"));
  }
}
