package org.sectortrends.report;

import io.pebbletemplates.pebble.PebbleEngine;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a {@link ReportModel} as Markdown (GitHub tables), for wikis, chats and diffs between
 * reports. Every value is escaped by {@link MarkdownEscaping}; links only for http and https
 * addresses. Charts are left out: the Markdown points to the HTML report and the CSV files.
 */
public final class MarkdownReportWriter {

  private final PebbleEngine engine = ReportTemplates.markdown();

  public String render(ReportModel model) {
    Map<String, Object> context = new HashMap<>();
    context.put("m", model);
    context.put("highlights", ReportHighlights.of(model));
    context.put("csvFiles", CsvExports.tables(model).stream().map(t -> t.name() + ".csv").toList());
    return ReportTemplates.render(engine, "report.md.peb", context);
  }
}
