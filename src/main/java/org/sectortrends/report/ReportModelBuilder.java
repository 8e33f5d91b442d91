package org.sectortrends.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * Builds a {@link ReportModel} for one period from the tables under one root: the only part of the
 * report that uses Spark. Every query is filtered to the report's periods (and, for the
 * month-partitioned tables, to their months) and returns a few dozen rows to the driver.
 *
 * <p>Sources: {@code articles} and {@code duplicates} for the period's volume, outlets, coverage
 * and copies dropped; {@code sector_trends} for shares and their changes over the last {@value
 * #CHART_PERIODS} periods; {@code topic_trends}, {@code term_trends}, {@code company_metrics} and
 * {@code investment_events} for the sections of the same names; {@code figures} joined to {@code
 * articles} for the key figures; {@code runs} and {@code topics} for the methods footer. A trend
 * table that is missing, unreadable or lacks a column leaves its section empty with a notice in the
 * report; only a missing {@code articles} table or a period without any data is an error ({@link
 * NoReportDataException}).
 *
 * <p>Known weaknesses: "key figures" are the largest money amounts (in won) with a metric or a
 * subject, which favours market-size and budget numbers over company results; company facts are
 * those whose {@code first_reported_at} falls in the period, so a fact re-reported this period but
 * first reported earlier is not listed.
 */
public final class ReportModelBuilder {

  /** Periods in the sector share chart, the report period last. */
  public static final int CHART_PERIODS = 12;

  static final int TOP_TOPICS = 10;
  static final int TOP_TERMS = 15;
  static final int TOP_COMPANY_FACTS = 15;
  static final int REVENUE_COMPANIES = 5;
  static final int REVENUE_QUARTERS = 6;

  /** A quarterly revenue under 1/this of the company's median quarter is not charted. */
  static final int IMPLAUSIBLE_REVENUE_RATIO = 100;

  static final int TOP_INVESTMENTS = 10;
  static final int TOP_FIGURES = 10;

  /** The metric id of revenue in {@code data/lexicons/metrics.tsv}. */
  static final String REVENUE = "revenue";

  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

  private final SparkSession spark;
  private final TableStore store;
  private final List<String> notices = new ArrayList<>();
  private final Set<String> tablesRead = new LinkedHashSet<>();
  private final Set<String> tablesMissing = new LinkedHashSet<>();
  private final Map<String, Optional<Dataset<Row>>> trendTables = new HashMap<>();

  /**
   * Korean names of the sector ids, from {@code sector_trends}, for every section that names a
   * sector.
   */
  private final Map<String, String> sectorNames = new HashMap<>();

  public ReportModelBuilder(SparkSession spark, TableStore store) {
    this.spark = spark;
    this.store = store;
  }

  /** First and last publication date of the dated articles. */
  public record DataRange(LocalDate from, LocalDate to) {}

  /**
   * The dated articles' range.
   *
   * @throws NoReportDataException when there is no articles table or no dated article
   */
  public DataRange dataRange() {
    if (!store.exists(Tables.ARTICLES)) {
      throw new NoReportDataException(
          "No articles table under " + store.root() + ": run ingest with the same --out first");
    }
    // Only the first and the last month hold the first and the last date: reading those two
    // partitions instead of every month keeps this from scanning the whole history.
    List<String> months =
        store.partitionValues(Tables.ARTICLES).stream()
            .filter(m -> !m.equals(Tables.UNDATED_MONTH))
            .sorted()
            .toList();
    Dataset<Row> articles = store.read(Tables.ARTICLES);
    if (!months.isEmpty()) {
      articles =
          articles.filter(
              col(Col.PUBLISHED_MONTH).isin(months.get(0), months.get(months.size() - 1)));
    }
    Row row = articles.agg(min(Col.PUBLISHED_DATE), max(Col.PUBLISHED_DATE)).first();
    if (row.isNullAt(0)) {
      throw new NoReportDataException(
          "The articles under "
              + store.root()
              + " have no publication dates; a report needs dated articles");
    }
    return new DataRange(row.getDate(0).toLocalDate(), row.getDate(1).toLocalDate());
  }

  /**
   * The latest complete period of the type: from {@code sector_trends} (the latest period not
   * flagged partial) when it has rows of the type, else the latest period that the articles cover
   * to its last day; the latest period with data when none is complete.
   */
  public ReportPeriod defaultPeriod(ReportPeriod.Type type, DataRange range) {
    Optional<List<Row>> trends = sectorTrendRows(type);
    if (trends.isPresent()) {
      Map<String, Boolean> partial = new HashMap<>();
      for (Row r : trends.get()) {
        partial.merge(
            r.getString(0),
            r.isNullAt(SECTOR_TRENDS_PARTIAL) || r.getBoolean(SECTOR_TRENDS_PARTIAL),
            Boolean::logicalOr);
      }
      Optional<ReportPeriod> complete =
          partial.entrySet().stream()
              .filter(e -> !e.getValue())
              .map(e -> parseOrNull(type, e.getKey()))
              .filter(p -> p != null)
              .max(Comparator.comparing(ReportPeriod::start));
      if (complete.isPresent()) {
        return complete.get();
      }
    }
    ReportPeriod last = ReportPeriod.containing(type, range.to());
    if (range.to().isBefore(last.end()) && !last.previous().end().isBefore(range.from())) {
      return last.previous();
    }
    return last;
  }

  /** Index of {@code is_partial} in the rows of {@link #sectorTrendRows}. */
  private static final int SECTOR_TRENDS_PARTIAL = 13;

  private final Map<ReportPeriod.Type, Optional<List<Row>>> sectorTrendRows = new HashMap<>();

  /**
   * Every {@code sector_trends} row of the period type, read once for both the default period and
   * the sections (a few hundred rows per year even for weeks): period, sector, sector_name, share,
   * count, changes, outlets, top terms, figures, investment, median growth, is_partial.
   */
  private Optional<List<Row>> sectorTrendRows(ReportPeriod.Type type) {
    return sectorTrendRows.computeIfAbsent(
        type,
        t ->
            trendTable(ReportColumns.SECTOR_TRENDS, ReportColumns.SECTOR_TRENDS_COLUMNS)
                .map(
                    table ->
                        table
                            .filter(col(ReportColumns.PERIOD_TYPE).equalTo(t.id()))
                            .select(
                                ReportColumns.PERIOD,
                                Col.SECTOR,
                                ReportColumns.SECTOR_NAME,
                                ReportColumns.SHARE_OF_ARTICLES,
                                ReportColumns.ARTICLE_COUNT,
                                ReportColumns.SHARE_CHANGE_POINTS,
                                ReportColumns.COUNT_CHANGE_PCT,
                                ReportColumns.OUTLET_COUNT,
                                Col.TOP_TERMS,
                                ReportColumns.FIGURE_COUNT,
                                ReportColumns.INVESTMENT_KRW,
                                ReportColumns.INVESTMENT_EVENTS_COUNT,
                                ReportColumns.MEDIAN_GROWTH_PCT,
                                ReportColumns.IS_PARTIAL)
                            .collectAsList()));
  }

  private static ReportPeriod parseOrNull(ReportPeriod.Type type, String label) {
    try {
      return ReportPeriod.parse(type, label);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The report model of {@code period}.
   *
   * @throws NoReportDataException when the period has no articles and no sector trend rows
   */
  public ReportModel build(ReportPeriod period, DataRange range, Instant generatedAt) {
    tablesRead.add(Tables.ARTICLES.name());
    List<ReportModel.PeriodCounts> counts = counts(period);
    ReportModel.PeriodCounts current = counts.get(0);
    ReportModel.PeriodCounts previous = counts.get(1);
    List<String> chartLabels =
        period.trailing(CHART_PERIODS).stream().map(ReportPeriod::label).toList();

    List<ReportModel.SectorSeries> series = new ArrayList<>();
    List<ReportModel.SectorRow> sectors = new ArrayList<>();
    chartLabels = sectorTrends(period, chartLabels, series, sectors);
    if (current.articles() == 0 && sectors.isEmpty()) {
      throw new NoReportDataException(
          "No articles in "
              + period.type().id()
              + " "
              + period.label()
              + " ("
              + period.start()
              + " – "
              + period.end()
              + "); the articles cover "
              + range.from()
              + " – "
              + range.to());
    }
    if (previous.articles() == 0) {
      previous = null;
    }
    boolean partial = period.end().isAfter(range.to()) || period.start().isBefore(range.from());
    if (partial) {
      notices.add(
          period.label()
              + " 기간의 일부에만 데이터가 있습니다("
              + range.from()
              + " – "
              + range.to()
              + "). 기사 수와 비중은 데이터가 있는 날의 값입니다. / The "
              + period.type().id()
              + " "
              + period.label()
              + " is only partly covered by the data ("
              + range.from()
              + " – "
              + range.to()
              + "); counts and shares are of the days that have data.");
    }
    List<ReportModel.TopicRow> topics = topics(period);
    List<ReportModel.TermRow> terms = emergingTerms(period);
    List<ReportModel.CompanyMetricRow> facts = new ArrayList<>();
    List<ReportModel.MetricPoint> revenue = new ArrayList<>();
    companyMetrics(period, facts, revenue);
    List<ReportModel.InvestmentRow> investments = investments(period);
    List<ReportModel.KeyFigure> figures = keyFigures(period);
    ReportModel.Methods methods = methods(period, topics);
    return new ReportModel(
        period,
        generatedAt,
        new ReportModel.Headline(current, previous, partial, range.from(), range.to()),
        chartLabels,
        series,
        sectors,
        topics,
        terms,
        facts,
        revenue,
        investments,
        figures,
        methods,
        notices);
  }

  // ---------------------------------------------------------------- articles

  /** Months ({@code published_month} values) that a period touches, for partition pruning. */
  static List<String> months(ReportPeriod period) {
    List<String> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(period.start());
        !m.isAfter(YearMonth.from(period.end()));
        m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }

  private Column inPeriod(ReportPeriod period, String dateColumn) {
    return col(Col.PUBLISHED_MONTH)
        .isin(months(period).toArray())
        .and(col(dateColumn).between(Date.valueOf(period.start()), Date.valueOf(period.end())));
  }

  /**
   * Articles, outlets, days with data and copies dropped of the period and of the one before it, in
   * one pass over each table; the previous period's counts come second.
   */
  private List<ReportModel.PeriodCounts> counts(ReportPeriod period) {
    ReportPeriod previous = period.previous();
    ReportPeriod both =
        new ReportPeriod(
            period.type(),
            previous.label() + ".." + period.label(),
            previous.start(),
            period.end());
    Column which =
        when(col(Col.PUBLISHED_DATE).geq(lit(Date.valueOf(period.start()))), lit(period.label()))
            .otherwise(lit(previous.label()))
            .as("which");
    Map<String, Row> articles = new HashMap<>();
    for (Row r :
        store
            .read(Tables.ARTICLES)
            .filter(inPeriod(both, Col.PUBLISHED_DATE))
            .groupBy(which)
            .agg(
                org.apache.spark.sql.functions.count(lit(1)),
                countDistinct(col(Col.OUTLET)),
                countDistinct(col(Col.PUBLISHED_DATE)))
            .collectAsList()) {
      articles.put(r.getString(0), r);
    }
    Map<String, Long> duplicates = new HashMap<>();
    if (store.exists(Tables.DUPLICATES_TABLE)) {
      tablesRead.add(Tables.DUPLICATES_TABLE.name());
      for (Row r :
          store
              .read(Tables.DUPLICATES_TABLE)
              .filter(inPeriod(both, Col.PUBLISHED_DATE))
              .groupBy(which)
              .count()
              .collectAsList()) {
        duplicates.put(r.getString(0), r.getLong(1));
      }
    }
    List<ReportModel.PeriodCounts> counts = new ArrayList<>();
    for (ReportPeriod p : List.of(period, previous)) {
      Row r = articles.get(p.label());
      counts.add(
          new ReportModel.PeriodCounts(
              p.label(),
              r == null ? 0 : r.getLong(1),
              r == null ? 0 : r.getLong(2),
              r == null ? 0 : (int) r.getLong(3),
              p.days(),
              duplicates.getOrDefault(p.label(), 0L)));
    }
    return counts;
  }

  // ---------------------------------------------------------------- trend tables

  /**
   * A trend table read by name, with {@code period_type} and {@code period} as strings; empty (and
   * noted in the report) when it is missing, unreadable or lacks a needed column.
   */
  Optional<Dataset<Row>> trendTable(String name, List<String> columns) {
    return trendTables.computeIfAbsent(name, n -> readTrendTable(n, columns));
  }

  private Optional<Dataset<Row>> readTrendTable(String name, List<String> columns) {
    String location = store.root() + "/" + name;
    try {
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        tablesMissing.add(name);
        notices.add(
            "No "
                + name
                + " table under "
                + store.root()
                + ": run the trends job with the same --out; its section is empty.");
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check table " + location, e);
    }
    Dataset<Row> frame;
    String inference = "spark.sql.sources.partitionColumnTypeInference.enabled";
    String before = spark.conf().get(inference, "true");
    try {
      // Period labels such as 2025-11 must stay strings, not become dates or numbers.
      spark.conf().set(inference, "false");
      // The declared schema: an empty table (a directory without data files) reads as no rows
      // instead of failing schema inference.
      frame =
          org.sectortrends.tables.Tables.byName(name)
              .map(store::read)
              .orElseGet(() -> spark.read().option("basePath", location).parquet(location));
    } catch (Exception e) {
      tablesMissing.add(name);
      notices.add(
          "The "
              + name
              + " table under "
              + store.root()
              + " cannot be read ("
              + e.getMessage().lines().findFirst().orElse("")
              + "); its section is empty.");
      return Optional.empty();
    } finally {
      spark.conf().set(inference, before);
    }
    List<String> present = List.of(frame.columns());
    List<String> lacking = columns.stream().filter(c -> !present.contains(c)).toList();
    if (!lacking.isEmpty()) {
      tablesMissing.add(name);
      notices.add("The " + name + " table lacks columns " + lacking + "; its section is empty.");
      return Optional.empty();
    }
    tablesRead.add(name);
    return Optional.of(frame);
  }

  private Column ofPeriod(ReportPeriod period) {
    return col(ReportColumns.PERIOD_TYPE)
        .equalTo(period.type().id())
        .and(col(ReportColumns.PERIOD).equalTo(period.label()));
  }

  /**
   * Fills the share series and the period's sector rows; returns the chart periods, from the first
   * that has rows (periods before the data begins would only be empty bars) to the report period.
   */
  private List<String> sectorTrends(
      ReportPeriod period,
      List<String> trailing,
      List<ReportModel.SectorSeries> series,
      List<ReportModel.SectorRow> sectors) {
    Optional<List<Row>> table = sectorTrendRows(period.type());
    if (table.isEmpty()) {
      return List.of(period.label());
    }
    List<Row> rows = table.get().stream().filter(r -> trailing.contains(r.getString(0))).toList();
    int first = trailing.size() - 1;
    for (Row r : rows) {
      first = Math.min(first, trailing.indexOf(r.getString(0)));
    }
    List<String> chartLabels = trailing.subList(first, trailing.size());
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, double[]> shares = new LinkedHashMap<>();
    for (Row r : rows) {
      String sector = r.getString(1);
      names.merge(sector, r.isNullAt(2) ? sector : r.getString(2), (a, b) -> a);
      sectorNames.putIfAbsent(sector, ReportCharts.displayName(r.getString(2), sector));
      int index = chartLabels.indexOf(r.getString(0));
      shares.computeIfAbsent(sector, s -> new double[chartLabels.size()])[index] =
          doubleOr(r, 3, 0);
      if (r.getString(0).equals(period.label())) {
        sectors.add(
            new ReportModel.SectorRow(
                sector,
                ReportCharts.displayName(r.getString(2), sector),
                longOr(r, 4),
                doubleOr(r, 3, 0),
                doubleOrNull(r, 5),
                doubleOrNull(r, 6),
                longOr(r, 7),
                r.getString(8),
                longOr(r, 9),
                decimal(r, 10),
                longOr(r, 11),
                doubleOrNull(r, 12)));
      }
    }
    for (Map.Entry<String, double[]> e : shares.entrySet()) {
      List<Double> values = new ArrayList<>();
      for (double v : e.getValue()) {
        values.add(v);
      }
      series.add(new ReportModel.SectorSeries(e.getKey(), names.get(e.getKey()), values));
    }
    sectors.sort(
        Comparator.comparingDouble((ReportModel.SectorRow s) -> -s.share())
            .thenComparing(ReportModel.SectorRow::sector));
    if (sectors.isEmpty()) {
      notices.add(
          "sector_trends has no rows for " + period.type().id() + " " + period.label() + ".");
    }
    return List.copyOf(chartLabels);
  }

  private List<ReportModel.TopicRow> topics(ReportPeriod period) {
    Optional<Dataset<Row>> table =
        trendTable(ReportColumns.TOPIC_TRENDS, ReportColumns.TOPIC_TRENDS_COLUMNS);
    if (table.isEmpty()) {
      return List.of();
    }
    // A period keeps the model version that first reported it; the newest version among its rows is
    // shown.
    List<Row> rows =
        table
            .get()
            .filter(ofPeriod(period))
            .select(
                Col.TOPIC_ID,
                ReportColumns.TOPIC_LABEL,
                Col.SECTOR,
                ReportColumns.ARTICLE_COUNT,
                ReportColumns.SHARE_OF_ARTICLES,
                ReportColumns.SHARE_CHANGE_POINTS,
                Col.TOP_TERMS,
                Col.MODEL_VERSION)
            .collectAsList();
    String version =
        rows.stream()
            .map(r -> r.getString(7))
            .filter(v -> v != null)
            .max(Comparator.naturalOrder())
            .orElse(null);
    List<ReportModel.TopicRow> topics = new ArrayList<>();
    for (Row r : rows) {
      if (version != null && version.equals(r.getString(7))) {
        topics.add(
            new ReportModel.TopicRow(
                ((Number) r.get(0)).intValue(),
                r.getString(1),
                sectorName(r.getString(2)),
                longOr(r, 3),
                doubleOr(r, 4, 0),
                doubleOrNull(r, 5),
                r.getString(6),
                r.getString(7)));
      }
    }
    topics.sort(
        Comparator.comparingLong((ReportModel.TopicRow t) -> -t.articleCount())
            .thenComparingInt(ReportModel.TopicRow::topicId));
    topics = new ArrayList<>(topics.subList(0, Math.min(TOP_TOPICS, topics.size())));
    return topics;
  }

  private List<ReportModel.TermRow> emergingTerms(ReportPeriod period) {
    Optional<Dataset<Row>> table =
        trendTable(ReportColumns.TERM_TRENDS, ReportColumns.TERM_TRENDS_COLUMNS);
    if (table.isEmpty()) {
      return List.of();
    }
    List<ReportModel.TermRow> terms = new ArrayList<>();
    for (Row r :
        table
            .get()
            .filter(ofPeriod(period).and(col(ReportColumns.IS_EMERGING).equalTo(true)))
            .orderBy(
                col(ReportColumns.LIFT).desc_nulls_last(),
                col(ReportColumns.DOCUMENT_FREQUENCY).desc(),
                col(Col.TERM))
            .limit(TOP_TERMS)
            .select(
                Col.TERM,
                ReportColumns.DOCUMENT_FREQUENCY,
                ReportColumns.ARTICLE_SHARE,
                ReportColumns.BASELINE_SHARE,
                ReportColumns.LIFT,
                ReportColumns.Z_SCORE,
                ReportColumns.FIRST_SEEN)
            .collectAsList()) {
      terms.add(
          new ReportModel.TermRow(
              r.getString(0),
              longOr(r, 1),
              doubleOr(r, 2, 0),
              doubleOrNull(r, 3),
              doubleOrNull(r, 4),
              doubleOrNull(r, 5),
              r.isNullAt(6) ? null : r.getDate(6).toLocalDate()));
    }
    return terms;
  }

  /**
   * Rows of companies, not of the agencies, funds, countries and markets of the company directory:
   * a ministry's or an exchange's "revenue" is an extractor's mistake, not a fact to chart. Every
   * row when the {@code companies} table is missing (output of an earlier version).
   */
  private Column companiesOnly() {
    if (!store.exists(Tables.COMPANIES)) {
      return lit(true);
    }
    List<String> ids =
        store
            .read(Tables.COMPANIES)
            .filter(col(Col.KIND).equalTo("company"))
            .select(Col.COMPANY_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    return col(Col.COMPANY_ID).isin(ids.toArray());
  }

  private void companyMetrics(
      ReportPeriod period,
      List<ReportModel.CompanyMetricRow> facts,
      List<ReportModel.MetricPoint> revenue) {
    Optional<Dataset<Row>> table =
        trendTable(ReportColumns.COMPANY_METRICS, ReportColumns.COMPANY_METRICS_COLUMNS);
    if (table.isEmpty()) {
      return;
    }
    Timestamp from = Timestamp.from(period.start().atStartOfDay(SEOUL).toInstant());
    Timestamp until = Timestamp.from(period.end().plusDays(1).atStartOfDay(SEOUL).toInstant());
    for (Row r :
        table
            .get()
            .filter(
                col(ReportColumns.FIRST_REPORTED_AT)
                    .geq(lit(from))
                    .and(col(ReportColumns.FIRST_REPORTED_AT).lt(lit(until))))
            .orderBy(
                col(ReportColumns.N_ARTICLES).desc(),
                col(Col.VALUE_KRW).desc_nulls_last(),
                col(ReportColumns.COMPANY_NAME))
            .limit(TOP_COMPANY_FACTS)
            .select(
                ReportColumns.COMPANY_NAME,
                Col.SECTOR,
                Col.METRIC,
                ReportColumns.PERIOD,
                Col.VALUE,
                ReportColumns.VALUE_MIN,
                ReportColumns.VALUE_MAX,
                Col.UNIT,
                Col.VALUE_KRW,
                ReportColumns.IS_FORECAST,
                ReportColumns.IS_BAND,
                ReportColumns.N_ARTICLES,
                ReportColumns.N_OUTLETS)
            .collectAsList()) {
      facts.add(
          new ReportModel.CompanyMetricRow(
              r.getString(0),
              sectorName(r.getString(1)),
              r.getString(2),
              r.getString(3),
              decimal(r, 4),
              decimal(r, 5),
              decimal(r, 6),
              r.getString(7),
              decimal(r, 8),
              !r.isNullAt(9) && r.getBoolean(9),
              !r.isNullAt(10) && r.getBoolean(10),
              longOr(r, 11),
              longOr(r, 12)));
    }
    List<Row> quarters =
        table
            .get()
            .filter(
                col(Col.METRIC)
                    .equalTo(REVENUE)
                    .and(col(ReportColumns.PERIOD_TYPE).equalTo("quarter"))
                    .and(col(ReportColumns.IS_FORECAST).equalTo(false))
                    .and(col(ReportColumns.IS_BAND).equalTo(false))
                    .and(col(Col.VALUE_KRW).isNotNull())
                    .and(col(ReportColumns.PERIOD_END).leq(lit(Date.valueOf(period.end()))))
                    .and(companiesOnly()))
            .select(
                ReportColumns.COMPANY_NAME,
                ReportColumns.PERIOD,
                Col.VALUE_KRW,
                ReportColumns.N_ARTICLES)
            .collectAsList();
    TreeSet<String> labels = new TreeSet<>();
    quarters.forEach(r -> labels.add(r.getString(1)));
    List<String> recent =
        new ArrayList<>(labels.descendingSet())
            .subList(0, Math.min(REVENUE_QUARTERS, labels.size()));
    List<String> oldestFirst = new ArrayList<>(recent);
    java.util.Collections.reverse(oldestFirst);
    Map<String, Long> reports = new HashMap<>();
    for (Row r : quarters) {
      if (recent.contains(r.getString(1)) && !r.isNullAt(0)) {
        reports.merge(r.getString(0), longOr(r, 3), Long::sum);
      }
    }
    List<String> companies =
        reports.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(REVENUE_COMPANIES)
            .map(Map.Entry::getKey)
            .toList();
    int implausible = 0;
    for (String company : companies) {
      List<ReportModel.MetricPoint> points = new ArrayList<>();
      for (String quarter : oldestFirst) {
        quarters.stream()
            .filter(r -> company.equals(r.getString(0)) && quarter.equals(r.getString(1)))
            .findFirst()
            .ifPresent(
                r -> points.add(new ReportModel.MetricPoint(company, quarter, decimal(r, 2))));
      }
      // A quarter far below the company's other quarters is a per-user or per-unit amount that the
      // figures stage took for the revenue (43만 원 next to 11조 원): left out of the chart.
      List<BigDecimal> values =
          points.stream().map(ReportModel.MetricPoint::valueKrw).sorted().toList();
      BigDecimal floor =
          values.get((values.size() - 1) / 2).divide(BigDecimal.valueOf(IMPLAUSIBLE_REVENUE_RATIO));
      for (ReportModel.MetricPoint p : points) {
        if (p.valueKrw().compareTo(floor) < 0) {
          implausible++;
        } else {
          revenue.add(p);
        }
      }
    }
    if (implausible > 0) {
      notices.add(
          "회사의 분기 매출 중앙값의 1/"
              + IMPLAUSIBLE_REVENUE_RATIO
              + "에 못 미치는 값 "
              + implausible
              + "건은 추출 오류일 가능성이 커서 매출 차트에서 뺐습니다(company_metrics 참조). / "
              + implausible
              + " quarterly revenue value(s) below 1/"
              + IMPLAUSIBLE_REVENUE_RATIO
              + " of the company's median quarter are left out of the revenue chart as likely extraction errors (see company_metrics).");
    }
  }

  private List<ReportModel.InvestmentRow> investments(ReportPeriod period) {
    Optional<Dataset<Row>> table =
        trendTable(ReportColumns.INVESTMENT_EVENTS, ReportColumns.INVESTMENT_EVENTS_COLUMNS);
    if (table.isEmpty()) {
      return List.of();
    }
    List<ReportModel.InvestmentRow> rows = new ArrayList<>();
    for (Row r :
        table
            .get()
            .filter(
                col(ReportColumns.EVENT_DATE)
                    .between(Date.valueOf(period.start()), Date.valueOf(period.end())))
            .orderBy(
                col(ReportColumns.AMOUNT_KRW).desc_nulls_last(), col(ReportColumns.COMPANY_NAME))
            .limit(TOP_INVESTMENTS)
            .select(
                ReportColumns.COMPANY_NAME,
                ReportColumns.COUNTERPARTY,
                ReportColumns.AMOUNT,
                Col.UNIT,
                ReportColumns.AMOUNT_KRW,
                ReportColumns.EVENT_DATE,
                Col.SECTOR,
                ReportColumns.N_ARTICLES,
                ReportColumns.N_OUTLETS,
                Col.SENTENCE)
            .collectAsList()) {
      rows.add(
          new ReportModel.InvestmentRow(
              r.getString(0),
              r.getString(1),
              decimal(r, 2),
              r.getString(3),
              decimal(r, 4),
              r.isNullAt(5) ? null : r.getDate(5).toLocalDate(),
              sectorName(r.getString(6)),
              longOr(r, 7),
              longOr(r, 8),
              r.getString(9)));
    }
    return rows;
  }

  // ---------------------------------------------------------------- figures and methods

  private List<ReportModel.KeyFigure> keyFigures(ReportPeriod period) {
    if (!store.exists(Tables.FIGURES)) {
      tablesMissing.add(Tables.FIGURES.name());
      notices.add(
          "No figures table under "
              + store.root()
              + ": run the figures job; the key figures section is empty.");
      return List.of();
    }
    tablesRead.add(Tables.FIGURES.name());
    Dataset<Row> figures =
        store
            .read(Tables.FIGURES)
            .filter(
                inPeriod(period, Col.PUBLISHED_DATE)
                    .and(col(Col.VALUE_KRW).isNotNull())
                    .and(col(Col.CONVERSION_OF).isNull())
                    .and(col(Col.METRIC).isNotNull().or(col(Col.SUBJECT).isNotNull())))
            .select(
                Col.ARTICLE_ID,
                Col.SURFACE,
                Col.METRIC,
                Col.SUBJECT,
                Col.VALUE_KRW,
                Col.SENTENCE,
                Col.PUBLISHED_DATE,
                Col.IS_FORECAST);
    Dataset<Row> articles =
        store
            .read(Tables.ARTICLES)
            .filter(inPeriod(period, Col.PUBLISHED_DATE))
            .select(Col.ARTICLE_ID, Col.OUTLET, Col.TITLE, Col.URL);
    List<Row> rows =
        figures
            .join(articles, Col.ARTICLE_ID)
            .orderBy(col(Col.VALUE_KRW).desc(), col(Col.ARTICLE_ID))
            .limit(TOP_FIGURES * 5)
            .select(
                Col.ARTICLE_ID,
                Col.SURFACE,
                Col.METRIC,
                Col.SUBJECT,
                Col.VALUE_KRW,
                Col.SENTENCE,
                Col.OUTLET,
                Col.TITLE,
                Col.URL,
                Col.PUBLISHED_DATE,
                Col.IS_FORECAST)
            .collectAsList();
    List<ReportModel.KeyFigure> key = new ArrayList<>();
    Set<String> sentences = new LinkedHashSet<>();
    for (Row r : rows) {
      // One sentence reported by several outlets, or holding several amounts, is shown once.
      if (key.size() == TOP_FIGURES || !sentences.add(String.valueOf(r.getString(5)))) {
        continue;
      }
      String url = r.getString(8);
      key.add(
          new ReportModel.KeyFigure(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              decimal(r, 4),
              r.getString(5),
              r.getString(6),
              r.getString(7),
              ReportFormats.webUrl(url),
              url,
              r.isNullAt(9) ? null : r.getDate(9).toLocalDate(),
              !r.isNullAt(10) && r.getBoolean(10)));
    }
    return key;
  }

  private ReportModel.Methods methods(ReportPeriod period, List<ReportModel.TopicRow> topics) {
    List<ReportModel.RunRow> runs = new ArrayList<>();
    Long quarantined = null;
    String ingestRun = null;
    if (store.exists(Tables.RUNS)) {
      tablesRead.add(Tables.RUNS.name());
      List<Row> all =
          store
              .read(Tables.RUNS)
              .filter(col(Col.JOB).notEqual("report"))
              .select(Col.JOB, Col.RUN_ID, Col.STATUS, Col.ENDED_AT, Col.QUARANTINED)
              .orderBy(col(Col.ENDED_AT).desc_nulls_last())
              .collectAsList();
      Set<String> jobs = new LinkedHashSet<>();
      for (Row r : all) {
        if (jobs.add(r.getString(0))) {
          runs.add(
              new ReportModel.RunRow(
                  r.getString(0),
                  r.getString(1),
                  r.getString(2),
                  r.isNullAt(3) ? null : r.getTimestamp(3).toInstant()));
        }
        if (ingestRun == null
            && "ingest".equals(r.getString(0))
            && "succeeded".equals(r.getString(2))) {
          ingestRun = r.getString(1);
          quarantined = r.isNullAt(4) ? null : r.getLong(4);
        }
      }
      runs.sort(
          Comparator.comparing(
              ReportModel.RunRow::endedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    } else {
      tablesMissing.add(Tables.RUNS.name());
    }
    String modelVersion = topics.isEmpty() ? null : topics.get(0).modelVersion();
    if (modelVersion == null && store.exists(Tables.TOPICS)) {
      tablesRead.add(Tables.TOPICS.name());
      Row latest = store.read(Tables.TOPICS).agg(max(Col.MODEL_VERSION)).first();
      modelVersion = latest.isNullAt(0) ? null : latest.getString(0);
    }
    return new ReportModel.Methods(
        runs,
        modelVersion,
        quarantined,
        ingestRun,
        List.copyOf(tablesRead),
        List.copyOf(tablesMissing));
  }

  // ---------------------------------------------------------------- row helpers

  /** The Korean name of a sector id when {@code sector_trends} gave one, else the id. */
  private String sectorName(String sector) {
    return sector == null ? null : sectorNames.getOrDefault(sector, sector);
  }

  private static long longOr(Row r, int i) {
    return r.isNullAt(i) ? 0 : ((Number) r.get(i)).longValue();
  }

  private static double doubleOr(Row r, int i, double fallback) {
    return r.isNullAt(i) ? fallback : ((Number) r.get(i)).doubleValue();
  }

  private static Double doubleOrNull(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    double value = ((Number) r.get(i)).doubleValue();
    return Double.isNaN(value) ? null : value;
  }

  private static BigDecimal decimal(Row r, int i) {
    if (r.isNullAt(i)) {
      return null;
    }
    Object value = r.get(i);
    return value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
  }
}
