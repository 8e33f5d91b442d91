package org.sectortrends.jobs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.figures.CompanyDirectory;
import org.sectortrends.figures.Figure;
import org.sectortrends.figures.FigureExtractor;
import org.sectortrends.figures.FigureKinds;
import org.sectortrends.figures.FxTable;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.TableStore.MonthLayout;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * {@code figures}: runs the {@link FigureExtractor} over every article body and writes one row per
 * figure to the {@code figures} table, with the value in won and dollars from the monthly FX
 * reference table of the publication month.
 *
 * <p>Each figure's subject is resolved to a {@code company_id} with the {@link CompanyDirectory}
 * ({@code companies.tsv} of {@code --lexicon-dir}, else the bundled one), and {@link FigureKinds}
 * marks forecasts ({@code is_forecast}) and bands ({@code is_band}).
 *
 * <p>The extractor, the company directory and the FX table are built once per executor JVM and
 * shared by its tasks (both are immutable and thread-safe), never per row or per partition.
 */
public final class FiguresJob implements SparkJob {

  static final JobOption<String> LEXICON_DIR =
      JobOption.string(
          "lexicon-dir",
          "DIR",
          null,
          "Directory with edited lexicons (metrics.tsv, currencies.tsv, ...) readable on every executor; the bundled ones when absent");
  static final JobOption<String> FX_TABLE =
      JobOption.string(
          "fx-table",
          "FILE",
          null,
          "Monthly FX reference CSV (month,currency,krw_per_unit,usd_per_unit) readable on every executor; the bundled one when absent");

  private static final int DECIMAL_SCALE = Tables.FIGURE_DECIMAL.scale();
  private static final int DECIMAL_INTEGER_DIGITS =
      Tables.FIGURE_DECIMAL.precision() - DECIMAL_SCALE;

  @Override
  public String name() {
    return "figures";
  }

  @Override
  public String summary() {
    return "Extracts money, percentages, counts and quantities with their metric, subject and period into the figures table.";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(
        ArticleSelection.MONTHS,
        ArticleSelection.INCREMENTAL,
        LEXICON_DIR,
        FX_TABLE,
        ArticleFailsafe.MAX_ERROR_RATIO,
        CommonOptions.OUT,
        CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) {
    JobContext context = JobContext.current(name());
    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    ArticleSelection selection = ArticleSelection.read(spark, store, options, name());
    FiguresSettings settings = FiguresSettings.from(options);
    String lexiconDir = settings.lexiconDir().orElse(null);
    String fxFile = settings.fxTable().orElse(null);
    String runId = context.runId();
    if (selection.coveredMonths().isEmpty()) {
      return new RunSummary(
          runId,
          name(),
          context.started(),
          null,
          RunSummary.SUCCEEDED,
          0,
          0,
          0,
          java.util.Map.of(),
          "no article to process (" + selection.note() + "); tables: " + store.root());
    }
    Dataset<Row> tagged =
        selection
            .articles()
            .select(Col.ARTICLE_ID, Col.BODY, Col.PUBLISHED_DATE, Col.PUBLISHED_MONTH)
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                    rows -> extractAll(rows, lexiconDir, fxFile, runId),
                Encoders.row(ArticleFailsafe.taggedSchema(Tables.FIGURES)));
    ArticleFailsafe.Split split = ArticleFailsafe.split(tagged, Tables.FIGURES);
    try {
      ArticleFailsafe.recordErrors(
          store, split, Tables.FIGURES, name(), runId, selection.count(), settings.maxErrorRatio());
      // Each figure row derives from one article row, so the articles' month clustering carries
      // over.
      TableStore.MonthsWritten written =
          store.writeMonths(
              Tables.FIGURES, split.output(), selection.coveredMonths(), MonthLayout.CLUSTERED);
      return new RunSummary(
          runId,
          name(),
          context.started(),
          null,
          RunSummary.SUCCEEDED,
          selection.count(),
          written.rows(),
          0,
          java.util.Map.of(),
          noted(selection, "tables: " + store.root()),
          split.errors());
    } finally {
      split.release();
    }
  }

  static String noted(ArticleSelection selection, String message) {
    return selection.note().isEmpty() ? message : selection.note() + "; " + message;
  }

  private static Iterator<Row> extractAll(
      Iterator<Row> articles, String lexiconDir, String fxFile, String runId) {
    FigureExtractor extractor = ExecutorResources.extractor(lexiconDir);
    CompanyDirectory companies = ExecutorResources.companies(lexiconDir);
    FxTable fx = ExecutorResources.fx(fxFile);
    return ArticleFailsafe.tagged(
        articles,
        Tables.FIGURES,
        article -> article.getString(0),
        article -> article.getString(3),
        article -> article.getString(1),
        article -> toRows(article, extractor, companies, fx, runId));
  }

  static List<Row> toRows(Row article, FigureExtractor extractor, FxTable fx, String runId) {
    return toRows(article, extractor, ExecutorResources.companies(null), fx, runId);
  }

  static List<Row> toRows(
      Row article,
      FigureExtractor extractor,
      CompanyDirectory companies,
      FxTable fx,
      String runId) {
    String articleId = article.getString(0);
    String body = article.getString(1);
    Date published = article.isNullAt(2) ? null : article.getDate(2);
    String month = article.getString(3);
    List<Figure> found =
        extractor.extract(body, published == null ? null : published.toLocalDate());
    List<Row> rows = new ArrayList<>(found.size());
    YearMonth fxMonth = published == null ? null : YearMonth.from(published.toLocalDate());
    for (int i = 0; i < found.size(); i++) {
      Figure f = found.get(i);
      BigDecimal krw = null;
      BigDecimal usd = null;
      if (f.isMoney() && fxMonth != null) {
        krw = fx.toKrw(f.value(), f.unit(), fxMonth).orElse(null);
        usd = fx.toUsd(f.value(), f.unit(), fxMonth).orElse(null);
      }
      rows.add(
          Tables.FIGURES
              .row()
              .set(Col.ARTICLE_ID, articleId)
              .set(Col.FIGURE_INDEX, i)
              .set(Col.SPAN_START, f.start())
              .set(Col.SPAN_END, f.end())
              .set(Col.SURFACE, f.surface())
              .set(Col.VALUE, fitDecimal(f.value()))
              .set(Col.VALUE_TEXT, f.value().toPlainString())
              .set(Col.UNIT, f.unit())
              .set(Col.COUNTER, f.counter())
              .set(Col.QUALIFIER, f.qualifier())
              .set(Col.RANGE_HIGH, fitDecimal(f.rangeHigh()))
              .set(Col.METRIC, f.metric())
              .set(Col.SUBJECT, f.subject())
              .set(Col.COMPANY_ID, companies.resolveId(f.subject()))
              .set(Col.PERIOD, f.period())
              .set(Col.PERIOD_TEXT, f.periodText())
              .set(Col.DIRECTION, f.direction())
              .set(Col.CHANGE_BASIS, f.changeBasis())
              .set(Col.CONVERSION_OF, f.conversionOf())
              .set(Col.VALUE_KRW, fitDecimal(krw))
              .set(Col.VALUE_USD, fitDecimal(usd))
              .set(Col.SENTENCE, f.sentence())
              .set(Col.IS_FORECAST, FigureKinds.isForecast(body, f.start(), f.end()))
              .set(
                  Col.IS_BAND,
                  FigureKinds.isBand(
                      f.surface(), f.qualifier(), f.counter(), f.rangeHigh() != null))
              .set(Col.PUBLISHED_DATE, published)
              .set(Col.RUN_ID, runId)
              .set(Col.PUBLISHED_MONTH, month)
              .build());
    }
    return rows;
  }

  /**
   * Rounds to the table's six decimals; a value beyond its 32 integer digits is null (value_text
   * keeps it).
   */
  static BigDecimal fitDecimal(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal scaled = value.setScale(DECIMAL_SCALE, RoundingMode.HALF_UP);
    return scaled.precision() - scaled.scale() > DECIMAL_INTEGER_DIGITS ? null : scaled;
  }

  /** Per-JVM instances shared by every task of an executor. */
  static final class ExecutorResources {
    private static volatile FigureExtractor extractor;
    private static volatile String extractorKey;
    private static volatile CompanyDirectory companies;
    private static volatile String companiesKey;
    private static volatile FxTable fx;
    private static volatile String fxKey;

    private ExecutorResources() {}

    static synchronized FigureExtractor extractor(String lexiconDir) {
      String key = String.valueOf(lexiconDir);
      if (extractor == null || !key.equals(extractorKey)) {
        extractor =
            lexiconDir == null
                ? FigureExtractor.defaults()
                : FigureExtractor.fromDirectory(Path.of(lexiconDir));
        extractorKey = key;
      }
      return extractor;
    }

    static synchronized CompanyDirectory companies(String lexiconDir) {
      String key = String.valueOf(lexiconDir);
      if (companies == null || !key.equals(companiesKey)) {
        companies =
            lexiconDir == null
                ? CompanyDirectory.defaults()
                : CompanyDirectory.fromDirectory(Path.of(lexiconDir));
        companiesKey = key;
      }
      return companies;
    }

    static synchronized FxTable fx(String file) {
      String key = String.valueOf(file);
      if (fx == null || !key.equals(fxKey)) {
        fx = file == null ? FxTable.defaults() : FxTable.fromFile(Path.of(file));
        fxKey = key;
      }
      return fx;
    }
  }
}
