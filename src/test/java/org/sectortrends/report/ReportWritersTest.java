package org.sectortrends.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Model → HTML and Markdown, without Spark: escaping, links, charts, empty sections. */
class ReportWritersTest {

  private static final Pattern SVG = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL);

  @Test
  void htmlEscapesEveryTextAndLinksOnlyWebAddresses() {
    String html = new HtmlReportWriter().render(SampleModels.hostile());
    String lower = html.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), "no script element");
    assertFalse(lower.contains("<img"), "no img element");
    assertFalse(lower.contains("javascript:alert(3)\""), "javascript: never in an attribute");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    assertTrue(html.contains("<code>javascript:alert(3)</code>"), "non-web URL printed as text");
    assertTrue(
        html.contains("href=\"https://news.example/a2?x=1&amp;y=&quot;2&quot;\""),
        "web URL escaped in its attribute");
    assertTrue(
        html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;")
            || html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
        "CSP declared");
    assertTrue(html.contains("font-family: Noto Sans CJK KR, "), "CJK font stack");
  }

  @Test
  void chartsAreWellFormedSvgWhoseTextIsEscaped() throws Exception {
    String html = new HtmlReportWriter().render(SampleModels.hostile());
    Matcher svg = SVG.matcher(html);
    int charts = 0;
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    while (svg.find()) {
      charts++;
      Document doc =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
      assertEquals(
          0, doc.getElementsByTagName("script").getLength(), "no script element inside the chart");
      assertTrue(doc.getElementsByTagName("text").getLength() > 0, "labels");
    }
    assertEquals(5, charts, "shares, movers, topics, terms, company revenue");
    assertTrue(
        html.contains("반도체 &lt;script&gt;"), "a hostile sector name is text inside the chart");
  }

  @Test
  void markdownEscapesMarkupAndKeepsTablesIntact() {
    String md = new MarkdownReportWriter().render(SampleModels.hostile());
    assertFalse(
        md.replace("\\<", "").replace("(<https://news.example/a2?x=1&y=\"2\">)", "").contains("<"),
        "every < but the web link's is escaped: " + md);
    assertTrue(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assertTrue(
        md.contains("\\[x\\](javascript:alert(4)) \\| 표"), "no link and no extra table cell");
    assertTrue(md.contains("[정상 기사](<https://news.example/a2?x=1&y=\"2\">)"), "web link kept");
    assertFalse(
        Pattern.compile("(?<!\\\\)\\]\\(<?javascript").matcher(md).find(), "no javascript: link");
    assertTrue(
        md.contains("\n- 기사 수는 2025-10 100건에서 120건으로 +20.0% 변했고, 매체 수는 8곳에서 9곳이 되었습니다. \n- "),
        "one list item per line");
    for (String line : md.lines().filter(l -> l.startsWith("| 반도체")).toList()) {
      assertEquals(
          9, line.replace("\\|", "").chars().filter(c -> c == '|').count(), "8 cells: " + line);
    }
  }

  @Test
  void aFirstPeriodWithoutTrendTablesRendersWithoutChartsOrComparison() {
    ReportModel bare = SampleModels.bare();
    String html = new HtmlReportWriter().render(bare);
    assertFalse(html.contains("<svg"), "no chart without data");
    assertTrue(html.contains("이전 기간 없음"));
    assertTrue(html.contains("부분 기간"), "partial period flagged");
    assertTrue(html.contains("No sector_trends table"));
    assertTrue(html.contains("없는 표: sector_trends, topic_trends"));
    String md = new MarkdownReportWriter().render(bare);
    assertTrue(md.contains("이전 기간(2025-W46)의 기사가 없어"), md);
    assertTrue(md.contains("섹터 추이 자료가 없습니다."));
  }

  @Test
  void chartsWithoutDataAreNotDrawn() {
    assertNull(ReportCharts.sectorShares(List.of(), List.of()));
    assertNull(
        ReportCharts.sectorMovers(
            List.of(
                new ReportModel.SectorRow("x", "x", 1, 1, null, null, 1, null, 0, null, 0, null)),
            5));
    assertNull(
        ReportCharts.emergingTerms(
            List.of(new ReportModel.TermRow("t", 1, 0.1, null, null, null, null))));
  }

  @Test
  void highlightsCompareWithThePreviousPeriod() {
    List<String> lines = ReportHighlights.of(SampleModels.hostile());
    assertEquals("기사 수는 2025-10 100건에서 120건으로 +20.0% 변했고, 매체 수는 8곳에서 9곳이 되었습니다.", lines.get(0));
    assertTrue(lines.get(1).contains("+10.0%p"), lines.get(1));
    assertTrue(lines.get(2).startsWith("가장 많이 내린 섹터는 통신(-10.0%p"), lines.get(2));
  }
}
