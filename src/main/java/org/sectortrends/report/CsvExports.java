package org.sectortrends.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report's tables as CSV files, one per section, with English column names as in the Parquet
 * tables so that a spreadsheet and a SQL query speak of the same columns.
 */
public final class CsvExports {

  /** One exported table: its file name (without {@code .csv}), header and rows. */
  public record CsvTable(String name, List<String> header, List<List<Object>> rows) {}

  private CsvExports() {}

  /** The tables of a report, in the order of its sections. */
  public static List<CsvTable> tables(ReportModel model) {
    List<CsvTable> tables = new ArrayList<>();
    List<String> shareHeader = new ArrayList<>(List.of("sector", "sector_name"));
    shareHeader.addAll(model.chartPeriods());
    List<List<Object>> shareRows = new ArrayList<>();
    for (ReportModel.SectorSeries series : model.sectorShares()) {
      List<Object> row = new ArrayList<>(List.of(series.sector(), series.name()));
      row.addAll(series.shares());
      shareRows.add(row);
    }
    tables.add(new CsvTable("sector_shares", shareHeader, shareRows));
    tables.add(
        new CsvTable(
            "sectors",
            List.of(
                "sector",
                "sector_name",
                "article_count",
                "share_of_articles",
                "share_change_points",
                "count_change_pct",
                "outlet_count",
                "top_terms",
                "figure_count",
                "investment_krw",
                "investment_events",
                "median_growth_pct"),
            model.sectors().stream()
                .map(
                    s ->
                        row(
                            s.sector(),
                            s.name(),
                            s.articleCount(),
                            s.share(),
                            s.shareChangePoints(),
                            s.countChangePct(),
                            s.outletCount(),
                            s.topTerms(),
                            s.figureCount(),
                            s.investmentKrw(),
                            s.investmentEvents(),
                            s.medianGrowthPct()))
                .toList()));
    tables.add(
        new CsvTable(
            "topics",
            List.of(
                "topic_id",
                "topic_label",
                "sector",
                "article_count",
                "share_of_articles",
                "share_change_points",
                "top_terms",
                "model_version"),
            model.topics().stream()
                .map(
                    t ->
                        row(
                            t.topicId(),
                            t.label(),
                            t.sector(),
                            t.articleCount(),
                            t.share(),
                            t.shareChangePoints(),
                            t.topTerms(),
                            t.modelVersion()))
                .toList()));
    tables.add(
        new CsvTable(
            "emerging_terms",
            List.of(
                "term",
                "document_frequency",
                "article_share",
                "baseline_share",
                "lift",
                "z_score",
                "first_seen"),
            model.emergingTerms().stream()
                .map(
                    t ->
                        row(
                            t.term(),
                            t.documentFrequency(),
                            t.articleShare(),
                            t.baselineShare(),
                            t.lift(),
                            t.zScore(),
                            t.firstSeen()))
                .toList()));
    tables.add(
        new CsvTable(
            "company_metrics",
            List.of(
                "company_name",
                "sector",
                "metric",
                "period",
                "value",
                "value_min",
                "value_max",
                "unit",
                "value_krw",
                "is_forecast",
                "is_band",
                "n_articles",
                "n_outlets"),
            model.companyMetrics().stream()
                .map(
                    c ->
                        row(
                            c.company(),
                            c.sector(),
                            c.metric(),
                            c.reportedPeriod(),
                            c.value(),
                            c.valueMin(),
                            c.valueMax(),
                            c.unit(),
                            c.valueKrw(),
                            c.forecast(),
                            c.band(),
                            c.articles(),
                            c.outlets()))
                .toList()));
    tables.add(
        new CsvTable(
            "company_revenue",
            List.of("company_name", "period", "value_krw"),
            model.companyRevenue().stream()
                .map(p -> row(p.company(), p.reportedPeriod(), p.valueKrw()))
                .toList()));
    tables.add(
        new CsvTable(
            "investment_events",
            List.of(
                "company_name",
                "counterparty",
                "amount",
                "unit",
                "amount_krw",
                "event_date",
                "sector",
                "n_articles",
                "n_outlets",
                "sentence"),
            model.investments().stream()
                .map(
                    i ->
                        row(
                            i.company(),
                            i.counterparty(),
                            i.amount(),
                            i.unit(),
                            i.amountKrw(),
                            i.eventDate(),
                            i.sector(),
                            i.articles(),
                            i.outlets(),
                            i.sentence()))
                .toList()));
    tables.add(
        new CsvTable(
            "key_figures",
            List.of(
                "article_id",
                "published_date",
                "outlet",
                "title",
                "url",
                "surface",
                "metric",
                "subject",
                "value_krw",
                "sentence"),
            model.keyFigures().stream()
                .map(
                    f ->
                        row(
                            f.articleId(),
                            f.publishedDate(),
                            f.outlet(),
                            f.title(),
                            f.rawUrl(),
                            f.surface(),
                            f.metric(),
                            f.subject(),
                            f.valueKrw(),
                            f.sentence()))
                .toList()));
    return tables;
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  /** Writes every table as {@code DIR/<name>.csv}; returns the files written. */
  public static List<Path> write(ReportModel model, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (CsvTable table : tables(model)) {
      Path file = dir.resolve(table.name() + ".csv");
      try (OutputStream out = Files.newOutputStream(file)) {
        CsvWriter.write(out, table.header(), table.rows());
      }
      files.add(file);
    }
    return files;
  }
}
