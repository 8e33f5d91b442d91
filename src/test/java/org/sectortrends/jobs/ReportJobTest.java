package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.report.ReportFixture;
import org.sectortrends.testing.SparkTestSession;

/**
 * End to end: the report job on fixture tables, with and without trend tables, and its usage
 * errors.
 */
class ReportJobTest {

  private static SparkSession spark;
  private static ReportFixture.Written written;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("ReportJobTest");
    written = ReportFixture.writeAll(spark, work.resolve("full/tables").toString());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void writesHtmlMarkdownAndCsvOfTheRequestedMonth() throws Exception {
    String out = work.resolve("full").toString();
    RunSummary summary =
        JobLauncher.execute(
            new ReportJob(), spark, "--out", out, "--period", "2025-11", "--period-type", "month");
    Path dir = work.resolve("full/reports/month/2025-11");
    assertTrue(Files.isRegularFile(dir.resolve("report.html")), "report.html written");
    assertTrue(
        summary.message().contains(dir.resolve("report.html").toString()), summary.message());
    int november = written.articlesPerMonth().get("2025-11");
    assertEquals(november, summary.inputRecords());

    String html = read(dir.resolve("report.html"));
    assertTrue(html.contains("http-equiv=\"Content-Security-Policy\""));
    assertTrue(html.contains("섹터 트렌드 리포트"));
    assertTrue(
        html.contains(">" + november + "</div>"), "article count of November in the summary card");
    assertTrue(
        html.contains("이전 " + written.articlesPerMonth().get("2025-10")),
        "previous month compared");
    // five charts, each an inline SVG with bars
    assertEquals(5, html.split("<svg", -1).length - 1, "charts drawn");
    for (String chart :
        List.of("sector-shares", "sector-movers", "topics", "terms", "company-revenue")) {
      assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
    }
    // hostile article text is inert: escaped, no tag, no handler attribute, no javascript: link
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), "no script element");
    assertFalse(lower.contains("<img"), "no img element");
    assertFalse(lower.contains("href=\"javascript:"), "no javascript: link");
    assertTrue(html.contains("&lt;script&gt;alert("), "script shown as text");
    assertTrue(
        html.contains("<code>javascript:alert(document.domain)</code>"),
        "javascript: URL shown as text");
    assertTrue(html.contains("href=\"https://news.example/"), "web links kept");
    // no external resource of any kind: no element with a src, no stylesheet link, no CSS import or
    // url()
    assertFalse(
        lower.matches("(?s).*(<[a-z]+[^>]*\\ssrc=|<link|@import|url\\((?!#)).*"), "self-contained");

    String md = read(dir.resolve("report.md"));
    assertTrue(md.startsWith("# 섹터 트렌드 리포트 2025-11"));
    assertTrue(md.contains("\\<script\\>"), "markdown escapes tags");
    assertFalse(md.contains("](javascript"), "no javascript: link in markdown");
    assertTrue(md.contains("| 반도체 |"), "sector table");

    byte[] csv = Files.readAllBytes(dir.resolve("emerging_terms.csv"));
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM");
    String terms = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertTrue(terms.startsWith("term,document_frequency,"), terms);
    assertTrue(
        terms.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"클릭\"\")\""),
        "formula neutralized: " + terms);
    String sectors = read(dir.resolve("sectors.csv"));
    assertTrue(
        sectors.lines().anyMatch(l -> l.startsWith("telecom,통신,") && l.contains(",-")),
        "negative share change stays a plain number: " + sectors);
    // the revenue chart: the five most reported companies, actuals only (the 2025Q4 forecasts stay
    // out)
    List<String> revenue = read(dir.resolve("company_revenue.csv")).lines().skip(1).toList();
    assertEquals(5 * 5, revenue.size(), "five companies, five quarters: " + revenue);
    assertTrue(
        revenue.stream()
            .noneMatch(
                l ->
                    l.contains("2025Q4")
                        || l.startsWith("작은회사")
                        || l.startsWith(ReportFixture.AGENCY_NAME)),
        revenue.toString());
    assertTrue(revenue.contains("삼성전자,2025Q3,86100000000000"), revenue.toString());
    for (String name :
        List.of(
            "sector_shares",
            "topics",
            "company_metrics",
            "company_revenue",
            "investment_events",
            "key_figures")) {
      assertTrue(Files.isRegularFile(dir.resolve(name + ".csv")), name);
    }
  }

  @Test
  void defaultPeriodIsTheLatestCompleteOne() throws Exception {
    String out = work.resolve("full").toString();
    RunSummary summary = JobLauncher.execute(new ReportJob(), spark, "--out", out);
    assertTrue(
        summary.message().contains("month 2025-11"), "December is partial: " + summary.message());
    JobLauncher.execute(new ReportJob(), spark, "--out", out, "--period-type", "quarter");
    String quarter = read(work.resolve("full/reports/quarter/2025Q3/report.html"));
    assertTrue(
        quarter.contains("2025Q3"),
        "latest complete quarter from the articles when sector_trends has no quarters");
    assertTrue(
        quarter.contains("sector_trends has no rows for quarter 2025Q3"), "missing rows said");
  }

  @Test
  void missingTrendTablesAndASinglePeriodStillRender() throws Exception {
    Path root = work.resolve("single");
    ReportFixture.writeCore(
        spark, root.resolve("tables").toString(), List.of(java.time.YearMonth.of(2025, 8)), false);
    RunSummary summary =
        JobLauncher.execute(
            new ReportJob(), spark, "--out", root.toString(), "--period", "2025-08");
    assertEquals(written.articlesPerMonth().get("2025-08"), (int) summary.inputRecords());
    String html = read(root.resolve("reports/month/2025-08/report.html"));
    assertTrue(html.contains("No sector_trends table under"), "missing table said");
    assertTrue(html.contains("이전 기간(2025-07)의 기사가 없어"), "no previous period comparison");
    assertTrue(html.contains("이전 기간 없음"));
    assertFalse(html.contains("<svg"), "no chart without trend tables");
    assertTrue(html.contains("id=\"key-figures\""));
    assertTrue(
        read(root.resolve("reports/month/2025-08/report.md")).contains("No sector\\_trends table"));
  }

  @Test
  void aWrongPeriodIsAUsageError() {
    String out = work.resolve("full").toString();
    UsageException empty =
        assertThrows(
            UsageException.class,
            () -> JobLauncher.execute(new ReportJob(), spark, "--out", out, "--period", "2030-01"));
    assertTrue(empty.getMessage().contains("No articles in month 2030-01"), empty.getMessage());
    UsageException month =
        assertThrows(
            UsageException.class,
            () -> JobLauncher.execute(new ReportJob(), spark, "--out", out, "--period", "2025-13"));
    assertTrue(month.getMessage().contains("'2025-13'"), month.getMessage());
    UsageException type =
        assertThrows(
            UsageException.class,
            () ->
                JobLauncher.execute(
                    new ReportJob(),
                    spark,
                    "--out",
                    out,
                    "--period",
                    "2025-11",
                    "--period-type",
                    "quarter"));
    assertTrue(type.getMessage().contains("2025Q4"), type.getMessage());
    UsageException none =
        assertThrows(
            UsageException.class,
            () ->
                JobLauncher.execute(
                    new ReportJob(), spark, "--out", work.resolve("nothing").toString()));
    assertTrue(none.getMessage().contains("No articles table"), none.getMessage());
  }

  @Test
  void aMalformedPeriodExitsWithTwoBeforeSparkStarts() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        JobLauncher.launch(
            new ReportJob(),
            new String[] {"--period", "2025/11"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(UsageException.EXIT_CODE, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("Bad value '2025/11' for --period"),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(
        UsageException.EXIT_CODE,
        JobLauncher.launch(
            new ReportJob(),
            new String[] {"--period-type", "year"},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream())));
  }
}
