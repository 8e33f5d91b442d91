package org.sectortrends.report;

import io.pebbletemplates.pebble.PebbleEngine;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: styles inline, charts as inline
 * SVG, no scripts, fonts or images from anywhere, and a Content-Security-Policy that forbids them
 * ({@link #CONTENT_SECURITY_POLICY}), so the file opens offline and a hostile article text can
 * neither run nor load anything. Text is escaped by the template engine; links are written only for
 * http and https addresses.
 */
public final class HtmlReportWriter {

  /**
   * Nothing may load or run; only the page's own inline styles (and the SVG's style attributes)
   * apply.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

  private final PebbleEngine engine = ReportTemplates.html();

  public String render(ReportModel model) {
    Map<String, ReportCharts.Chart> charts = new LinkedHashMap<>();
    charts.put("shares", ReportCharts.sectorShares(model.chartPeriods(), model.sectorShares()));
    charts.put("movers", ReportCharts.sectorMovers(model.sectors(), 5));
    charts.put("topics", ReportCharts.topTopics(model.topics()));
    charts.put("terms", ReportCharts.emergingTerms(model.emergingTerms()));
    charts.put("companies", ReportCharts.companyRevenue(model.companyRevenue()));
    Map<String, Object> context = new HashMap<>();
    context.put("m", model);
    context.put("charts", charts);
    context.put("highlights", ReportHighlights.of(model));
    context.put("csp", CONTENT_SECURITY_POLICY);
    context.put("fontStack", ReportCharts.FONT_STACK);
    context.put("csvFiles", CsvExports.tables(model).stream().map(t -> t.name() + ".csv").toList());
    return ReportTemplates.render(engine, "report.html.peb", context);
  }
}
