package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sectortrends.figures.CompanyDirectory;
import org.sectortrends.tables.RecomputedPeriods;
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.topics.SectorTaxonomy;
import org.sectortrends.trends.CompanyMetrics;
import org.sectortrends.trends.GroupTrends;
import org.sectortrends.trends.InvestmentEvents;
import org.sectortrends.trends.Lookups;
import org.sectortrends.trends.PeriodCalendar;
import org.sectortrends.trends.PeriodCalendar.Period;
import org.sectortrends.trends.PeriodCalendar.PeriodType;
import org.sectortrends.trends.PeriodGroups;
import org.sectortrends.trends.ReportedPeriod;
import org.sectortrends.trends.TermTrends;
import org.sectortrends.trends.TrendColumns;

/**
 * {@code trends}: the sector, topic and term trends per week, month and quarter, the company
 * metrics, the investment events and the {@code sectors} and {@code companies} lookup tables, from
 * {@code articles}, {@code article_topics}, {@code topics}, {@code article_terms} and {@code
 * figures}.
 *
 * <p>What a run recomputes: without {@code --months}, everything. With {@code --months}, only the
 * periods those months touch: for each period type the weeks, months and quarters that overlap them
 * (their neighbours and the {@code --baseline-periods} before are read, not written), the reported
 * periods of {@code company_metrics} that the months' figures mention (over the figures of every
 * month), and the investment events of those months (the month before is read so that an event
 * reported across the month boundary stays one). Every trend table is written by {@link
 * TableStore#writePeriods}, which keeps the rows of the periods not recomputed as they were: a
 * monthly run does not recompute last year.
 *
 * <p>{@code topic_trends} keeps the model version per row, and a retraining does not rewrite a
 * complete period that a topic model of another version already reported: such periods are kept as
 * they are; partial periods (the data did not span them) are rewritten with the current model.
 *
 * <p>The sector of an article is {@code article_topics.sector}, the article's own sector; articles
 * without a row there are counted under {@code unassigned}.
 */
public final class TrendsJob implements SparkJob {

  static final JobOption<List<String>> PERIOD_TYPES =
      JobOption.list(
          "period-type",
          "week|month|quarter",
          TrendsSettings.DEFAULT_PERIOD_TYPES.stream().map(PeriodType::id).toList(),
          "Period types of the trend tables; all three by default");
  static final JobOption<Integer> BASELINE_PERIODS =
      JobOption.integer(
          "baseline-periods",
          TrendsSettings.DEFAULT_BASELINE_PERIODS,
          1,
          104,
          "Trailing periods of the term baseline (term_trends)");
  static final JobOption<Integer> MIN_SUPPORT =
      JobOption.integer(
          "min-support",
          TrendsSettings.DEFAULT_MIN_SUPPORT,
          1,
          1_000_000,
          "Minimum articles with a term in a period for a term_trends row (and for being emerging)");

  @Override
  public String name() {
    return "trends";
  }

  @Override
  public String summary() {
    return "Sector, topic and term trends per week, month and quarter, company metrics, investment events and the lookup tables.";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(
        PERIOD_TYPES,
        ArticleSelection.MONTHS,
        ArticleSelection.INCREMENTAL,
        BASELINE_PERIODS,
        MIN_SUPPORT,
        FiguresJob.LEXICON_DIR,
        TopicsJob.TAXONOMY,
        CommonOptions.OUT,
        CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) {
    JobContext context = JobContext.current(name());
    String runId = context.runId();
    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    TrendsSettings settings = TrendsSettings.from(options);
    List<PeriodType> types = settings.periodTypes();
    if (!store.exists(Tables.ARTICLES)) {
      throw new UsageException(
          "No articles table under " + store.root() + ": run ingest with the same --out first");
    }
    // --months, or with --incremental (what a periodic pipeline run passes) the months that the
    // ingests since the last successful trends run touched; every month when neither applies.
    Optional<Set<String>> selected =
        ArticleSelection.monthsToProcess(spark, store, options, name());
    Set<YearMonth> months = new TreeSet<>();
    for (String month : selected.orElse(Set.of())) {
      if (month.equals(Tables.UNDATED_MONTH)) {
        continue; // undated articles are in no period
      }
      try {
        months.add(YearMonth.parse(month));
      } catch (RuntimeException e) {
        throw new UsageException("Bad value '" + month + "' for --months: expected YYYY-MM");
      }
    }
    int baseline = settings.baselinePeriods();
    int minSupport = settings.minSupport();
    String lexiconDir = settings.lexiconDir().orElse(null);
    String taxonomyFile = settings.taxonomyFile().orElse(null);

    SectorTaxonomy taxonomy =
        taxonomyFile == null
            ? SectorTaxonomy.fromClasspath()
            : SectorTaxonomy.fromFile(Path.of(taxonomyFile));
    CompanyDirectory directory =
        lexiconDir == null
            ? CompanyDirectory.defaults()
            : CompanyDirectory.fromDirectory(Path.of(lexiconDir));
    Dataset<Row> sectors =
        Lookups.sectors(
            spark,
            taxonomy,
            Lookups.englishNames(taxonomyFile == null ? null : Path.of(taxonomyFile)));
    Dataset<Row> companies = Lookups.companies(spark, directory);
    store.write(Tables.SECTORS, sectors);
    store.write(Tables.COMPANIES, companies);

    if (selected.isPresent() && months.isEmpty()) {
      return new RunSummary(
          runId,
          name(),
          context.started(),
          null,
          RunSummary.SUCCEEDED,
          0L,
          0L,
          0,
          Map.of(),
          ArticleSelection.describe(selected, options)
              + ": no dated month to recompute; lookup tables written to "
              + store.root());
    }
    Dataset<Row> articles =
        store
            .read(Tables.ARTICLES)
            .filter(col(Col.PUBLISHED_DATE).isNotNull())
            .select(
                Col.ARTICLE_ID,
                Col.OUTLET,
                Col.PUBLISHED_DATE,
                Col.PUBLISHED_AT,
                Col.PUBLISHED_MONTH)
            .cache();
    // Count and data span in one pass over the articles.
    Row span = GroupTrends.dataSpanAndCount(articles);
    long articleCount = span.getLong(2);
    if (articleCount == 0) {
      articles.unpersist();
      return new RunSummary(
          runId,
          name(),
          context.started(),
          null,
          RunSummary.SUCCEEDED,
          0L,
          0L,
          0,
          Map.of(),
          "no dated articles; lookup tables written to " + store.root());
    }
    // Small data: a few shuffle partitions instead of the session's default, so that each of the
    // job's shuffles does not schedule dozens of near-empty tasks. Restored when the job ends.
    String shufflePartitions = spark.conf().get(SHUFFLE_PARTITIONS);
    spark
        .conf()
        .set(
            SHUFFLE_PARTITIONS,
            String.valueOf(
                shufflePartitionsFor(articleCount, Integer.parseInt(shufflePartitions))));
    try {
      return runOnArticles(
          spark,
          store,
          context,
          types,
          months,
          baseline,
          minSupport,
          lexiconDir,
          sectors,
          companies,
          articles,
          span,
          articleCount);
    } finally {
      spark.conf().set(SHUFFLE_PARTITIONS, shufflePartitions);
    }
  }

  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /** Articles per shuffle partition: trend rows are few per article, so partitions stay small. */
  static final long ARTICLES_PER_SHUFFLE_PARTITION = 50_000;

  /**
   * One shuffle partition per {@value #ARTICLES_PER_SHUFFLE_PARTITION} articles, at most the
   * session's setting.
   */
  static int shufflePartitionsFor(long articles, int sessionSetting) {
    long wanted = articles / ARTICLES_PER_SHUFFLE_PARTITION + 1;
    return (int) Math.max(1, Math.min(sessionSetting, wanted));
  }

  private RunSummary runOnArticles(
      SparkSession spark,
      TableStore store,
      JobContext context,
      List<PeriodType> types,
      Set<YearMonth> months,
      int baseline,
      int minSupport,
      String lexiconDir,
      Dataset<Row> sectors,
      Dataset<Row> companies,
      Dataset<Row> articles,
      Row span,
      long articleCount) {
    String runId = context.runId();
    Map<String, Long> written = new HashMap<>();
    Dataset<Row> articleTopics =
        store
            .read(Tables.ARTICLE_TOPICS)
            .select(Col.ARTICLE_ID, Col.TOPIC_ID, Col.MODEL_VERSION, Col.SECTOR);
    Dataset<Row> topics =
        store
            .read(Tables.TOPICS)
            .select(
                col(Col.TOPIC_ID),
                col(Col.MODEL_VERSION),
                col(Col.LABEL).as(Col.TOPIC_LABEL),
                col(Col.SECTOR).as("topic_sector"));
    Dataset<Row> terms = store.read(Tables.ARTICLE_TERMS);
    Dataset<Row> figures = store.read(Tables.FIGURES);

    // Investment events: of the selected months, clustered with the month before.
    Dataset<Row> eventFigures = figures;
    Set<String> eventMonths = new TreeSet<>();
    if (!months.isEmpty()) {
      Set<String> read = new TreeSet<>();
      for (YearMonth m : months) {
        eventMonths.add(m.toString());
        read.add(m.toString());
        read.add(m.minusMonths(1).toString());
      }
      eventFigures = figures.filter(col(Col.PUBLISHED_MONTH).isin(read.toArray()));
    }
    Dataset<Row> articleSectors = articleTopics.select(Col.ARTICLE_ID, Col.SECTOR);
    Dataset<Row> events =
        InvestmentEvents.compute(eventFigures, articles, articleSectors, companies, lexiconDir)
            .withColumn(Col.PERIOD_TYPE, lit("month"))
            .withColumn(Col.PERIOD, date_format(col(Col.EVENT_DATE), "yyyy-MM"))
            .withColumn(Col.RUN_ID, lit(runId));
    if (!eventMonths.isEmpty()) {
      events = events.filter(col(Col.PERIOD).isin(eventMonths.toArray()));
    }
    // The events are few: collected once, written from the driver and summed per sector there.
    List<Row> eventRows =
        TableStore.conform(Tables.INVESTMENT_EVENTS_TABLE, events).collectAsList();
    written.put(
        Tables.INVESTMENT_EVENTS_TABLE.name(),
        writeRows(
            spark,
            store,
            Tables.INVESTMENT_EVENTS_TABLE,
            eventRows,
            eventMonths.isEmpty()
                ? RecomputedPeriods.wholeTypes(List.of("month"))
                : RecomputedPeriods.only(Map.of("month", eventMonths))));

    // Company metrics: the reported periods the selected months mention, over all figures.
    Dataset<Row> metricFigures = figures;
    Map<String, Set<String>> reportedByType = new java.util.TreeMap<>();
    if (!months.isEmpty()) {
      List<String> periodTexts =
          figures
              .filter(col(Col.PUBLISHED_MONTH).isin(monthLabels(months).toArray()))
              .filter(col(Col.COMPANY_ID).isNotNull())
              .select(Col.PERIOD)
              .distinct()
              .as(Encoders.STRING())
              .collectAsList();
      Set<String> reported = new TreeSet<>();
      for (String text : periodTexts) {
        ReportedPeriod.parse(text)
            .ifPresent(
                r -> {
                  reported.add(r.label());
                  reportedByType.computeIfAbsent(r.type(), t -> new TreeSet<>()).add(r.label());
                });
      }
      metricFigures =
          figures
              .withColumn(
                  "reported_label",
                  CompanyMetrics.reportedPeriodUdf().apply(col(Col.PERIOD)).getField("label"))
              .filter(col("reported_label").isin(reported.toArray()))
              .drop("reported_label");
    }
    List<Row> metricRows =
        TableStore.conform(
                Tables.COMPANY_METRICS,
                CompanyMetrics.compute(metricFigures, articles, companies)
                    .withColumn(Col.RUN_ID, lit(runId)))
            .collectAsList();
    RecomputedPeriods recomputedMetrics;
    if (months.isEmpty()) {
      // Every reported period: the types of the new rows and of the table's earlier rows.
      Set<String> metricTypes = new TreeSet<>(periodTypesOf(Tables.COMPANY_METRICS, metricRows));
      if (store.exists(Tables.COMPANY_METRICS)) {
        metricTypes.addAll(store.partitionValues(Tables.COMPANY_METRICS));
      }
      recomputedMetrics = RecomputedPeriods.wholeTypes(metricTypes);
    } else {
      recomputedMetrics = RecomputedPeriods.only(reportedByType);
    }
    written.put(
        Tables.COMPANY_METRICS.name(),
        writeRows(spark, store, Tables.COMPANY_METRICS, metricRows, recomputedMetrics));

    // Every period type at once, keyed by (period_type, period): one set of queries, not one per
    // type.
    Map<PeriodType, Set<String>> touched = new java.util.EnumMap<>(PeriodType.class);
    List<String> typeIds = types.stream().map(PeriodType::id).toList();
    Dataset<Row> window = articles;
    if (!months.isEmpty()) {
      LocalDate from = null;
      LocalDate to = null;
      for (PeriodType type : types) {
        Set<String> labels = new TreeSet<>();
        for (YearMonth m : months) {
          for (Period p : PeriodCalendar.between(type, m.atDay(1), m.atEndOfMonth())) {
            labels.add(p.label());
            Period first = p;
            for (int k = 0; k <= baseline; k++) {
              first = PeriodCalendar.previous(first);
            }
            from = from == null || first.start().isBefore(from) ? first.start() : from;
            to = to == null || p.end().isAfter(to) ? p.end() : to;
          }
        }
        touched.put(type, labels);
      }
      window =
          articles.filter(
              col(Col.PUBLISHED_DATE)
                  .between(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)));
      // article_terms and figures are partitioned by month: only the window's months are read.
      Column windowMonths =
          col(Col.PUBLISHED_MONTH)
              .between(YearMonth.from(from).toString(), YearMonth.from(to).toString());
      terms = terms.filter(windowMonths);
      figures = figures.filter(windowMonths);
    }
    // One row per article, cached: the per-period cells and the term counts both read it.
    Dataset<Row> articleRows = PeriodGroups.articleRows(window, articleTopics, figures).cache();
    PeriodGroups groups =
        PeriodGroups.of(
            PeriodGroups.cells(PeriodGroups.articlePeriods(articleRows, types)).collectAsList(),
            span.getDate(0).toLocalDate(),
            span.getDate(1).toLocalDate());
    // Articles of each cell with each term: the top terms of sectors and topics and the term trends
    // are sums over these.
    // The cells of one period type (month when asked for, so no cell is split) also carry their
    // month and first date: term_months, and from it every term's first_seen and history count,
    // come out of this one pass over article_terms. The terms stage writes one row per article
    // and term, so the join needs no distinct.
    // The articles of a day, sector and topic share most of their terms, so the terms are counted
    // per day first (at a million articles a few times fewer rows) and only these counts are
    // spread over the period types.
    PeriodType monthsFrom = types.contains(PeriodType.MONTH) ? PeriodType.MONTH : types.get(0);
    Column ofMonthsType = col(Col.PERIOD_TYPE).equalTo(monthsFrom.id());
    Dataset<Row> dayCounts = TermTrends.perDay(spark, articleRows, terms, articleCount);
    Dataset<Row> termCounts =
        TrendColumns.withPeriods(dayCounts, types, Col.PUBLISHED_DATE)
            .select(
                col(Col.PERIOD_TYPE),
                col(Col.PERIOD),
                col(Col.PERIOD_START),
                col(Col.SECTOR),
                col(Col.MODEL_VERSION),
                col(Col.TOPIC_ID),
                when(ofMonthsType, date_format(col(Col.PUBLISHED_DATE), "yyyy-MM"))
                    .as(Col.PUBLISHED_MONTH),
                when(ofMonthsType, col(Col.PUBLISHED_DATE)).as(Col.PUBLISHED_DATE),
                col(Col.TERM),
                col(Col.DOCUMENT_FREQUENCY))
            .groupBy(
                Col.PERIOD_TYPE,
                Col.PERIOD,
                Col.PERIOD_START,
                Col.SECTOR,
                Col.MODEL_VERSION,
                Col.TOPIC_ID,
                Col.PUBLISHED_MONTH,
                Col.TERM)
            .agg(
                sum(Col.DOCUMENT_FREQUENCY).as(Col.DOCUMENT_FREQUENCY),
                min(Col.PUBLISHED_DATE).as(Col.FIRST_SEEN))
            .persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> sizes = groups.groupSizes(spark);
    TermTrends.Generic generic =
        new TermTrends.Generic(TermTrends.genericTerms(lexiconDir), articleCount)
            .plus(groups.outlets());
    // The words of any story (the generic terms, outlet names, numbers) are no sector's own words
    // either.
    Map<String, String> topTerms =
        GroupTrends.joinTopTerms(
            GroupTrends.topTerms(
                    termCounts.filter(TermTrends.notListed(generic)), sizes.get(0), sizes.get(1))
                .collectAsList());

    Map<String, String> sectorNames = new java.util.TreeMap<>();
    for (Row r : sectors.select(Col.SECTOR_ID, Col.NAME_KO).collectAsList()) {
      sectorNames.put(r.getString(0), r.getString(1));
    }
    RecomputedPeriods recomputed = recomputedPeriods(typeIds, touched);
    written.put(
        Tables.SECTOR_TRENDS.name(),
        writeRows(
            spark,
            store,
            Tables.SECTOR_TRENDS,
            recomputed.keep(
                Tables.SECTOR_TRENDS, groups.sectorRows(sectorNames, topTerms, eventRows, runId)),
            recomputed));
    Map<String, String[]> topicNames = new HashMap<>();
    for (Row r : topics.collectAsList()) {
      topicNames.put(
          PeriodGroups.topicKey(r.getString(1), r.getInt(0)),
          new String[] {r.getString(2), r.getString(3)});
    }
    List<Row> topicRows =
        recomputed.keep(Tables.TOPIC_TRENDS, groups.topicRows(topicNames, topTerms, runId));
    List<Row> keptTopicRows = keepEarlierModels(store, topicRows);
    written.put(
        Tables.TOPIC_TRENDS.name(),
        writeRows(
            spark,
            store,
            Tables.TOPIC_TRENDS,
            keptTopicRows,
            keptTopicRows.size() == topicRows.size()
                ? recomputed
                // Periods an earlier model reported are not recomputed: only the periods of the
                // rows that remain.
                : RecomputedPeriods.only(periodsOf(Tables.TOPIC_TRENDS, keptTopicRows))));

    List<TermTrends.PeriodSize> periodSizes = new ArrayList<>();
    groups
        .periods()
        .forEach(
            p ->
                periodSizes.add(
                    new TermTrends.PeriodSize(
                        PeriodCalendar.parse(p.type(), p.label()), p.articles())));
    Dataset<Row> termTrends =
        TermTrends.fromTermCounts(
                termCounts,
                TermTrends.periodSizes(spark, periodSizes, baseline),
                TermTrends.firstSeen(
                    termMonths(store, termCounts, monthsFrom, months, articles, span)),
                baseline,
                minSupport,
                generic)
            .withColumn(Col.RUN_ID, lit(runId));
    written.put(
        Tables.TERM_TRENDS.name(),
        writeCounted(spark, store, Tables.TERM_TRENDS, recomputed.keep(termTrends), recomputed));
    termCounts.unpersist();
    articleRows.unpersist();
    long total = written.values().stream().mapToLong(Long::longValue).sum();
    articles.unpersist();
    return new RunSummary(
        runId,
        name(),
        context.started(),
        null,
        RunSummary.SUCCEEDED,
        articleCount,
        total,
        0,
        Map.of(),
        "rows "
            + new java.util.TreeMap<>(written)
            + "; period types "
            + types.stream().map(PeriodType::id).toList()
            + (months.isEmpty() ? "; all periods" : "; periods touched by " + months)
            + "; tables: "
            + store.root());
  }

  /**
   * Drops the rows of complete periods that {@code topic_trends} already holds from another model
   * version, so a retraining does not rewrite them. The periods are collected first (few rows), so
   * the table is not read by the query that overwrites it.
   */
  static List<Row> keepEarlierModels(TableStore store, List<Row> rows) {
    if (!store.exists(Tables.TOPIC_TRENDS)) {
      return rows;
    }
    List<Row> reported =
        store
            .read(Tables.TOPIC_TRENDS)
            .filter(not(coalesce(col(Col.IS_PARTIAL), lit(false))))
            .select(Col.PERIOD_TYPE, Col.PERIOD, Col.MODEL_VERSION)
            .distinct()
            .collectAsList();
    Map<List<String>, Set<String>> modelsByPeriod = new HashMap<>();
    for (Row r : reported) {
      modelsByPeriod
          .computeIfAbsent(List.of(r.getString(0), r.getString(1)), k -> new TreeSet<>())
          .add(r.getString(2));
    }
    int type = Tables.TOPIC_TRENDS.schema().fieldIndex(Col.PERIOD_TYPE);
    int period = Tables.TOPIC_TRENDS.schema().fieldIndex(Col.PERIOD);
    int version = Tables.TOPIC_TRENDS.schema().fieldIndex(Col.MODEL_VERSION);
    List<Row> kept = new ArrayList<>();
    for (Row r : rows) {
      Set<String> versions = modelsByPeriod.get(List.of(r.getString(type), r.getString(period)));
      if (versions == null || versions.contains(r.getString(version))) {
        kept.add(r);
      }
    }
    return kept;
  }

  private static Set<String> monthLabels(Set<YearMonth> months) {
    Set<String> labels = new TreeSet<>();
    months.forEach(m -> labels.add(m.toString()));
    return labels;
  }

  /**
   * Brings {@code term_months} up to date and reads it whole: the months this run covers come from
   * its term counts (every dated month on a full run, the touched ones on a periodic run); dated
   * months of {@code articles} that the table lacks (output of a version without it) are counted
   * once from {@code article_terms}.
   */
  private static Dataset<Row> termMonths(
      TableStore store,
      Dataset<Row> termCounts,
      PeriodType monthsFrom,
      Set<YearMonth> touched,
      Dataset<Row> articles,
      Row span) {
    Set<String> covered = new TreeSet<>();
    if (touched.isEmpty()) {
      for (YearMonth m = YearMonth.from(span.getDate(0).toLocalDate());
          !m.isAfter(YearMonth.from(span.getDate(1).toLocalDate()));
          m = m.plusMonths(1)) {
        covered.add(m.toString());
      }
      // A full run also empties months that no longer have articles.
      covered.addAll(store.partitionValues(Tables.TERM_MONTHS));
    } else {
      touched.forEach(m -> covered.add(m.toString()));
    }
    store.writeMonths(
        Tables.TERM_MONTHS,
        TermTrends.termMonths(termCounts, monthsFrom, covered),
        covered,
        TableStore.MonthLayout.SCATTERED);
    Set<String> missing = new TreeSet<>(store.partitionValues(Tables.ARTICLES));
    missing.remove(Tables.UNDATED_MONTH);
    missing.removeAll(store.partitionValues(Tables.TERM_MONTHS));
    missing.removeAll(covered);
    if (!missing.isEmpty()) {
      store.writeMonths(
          Tables.TERM_MONTHS,
          TermTrends.termMonths(
              store
                  .read(Tables.ARTICLE_TERMS)
                  .filter(col(Col.PUBLISHED_MONTH).isin(missing.toArray())),
              articles),
          missing,
          TableStore.MonthLayout.SCATTERED);
    }
    return store.read(Tables.TERM_MONTHS);
  }

  /** Writes rows computed on the driver (in the table's column order); returns how many. */
  private static long writeRows(
      SparkSession spark,
      TableStore store,
      TableSpec table,
      List<Row> rows,
      RecomputedPeriods recomputed) {
    store.writePeriods(table, spark.createDataFrame(rows, table.schema()), recomputed);
    return rows.size();
  }

  /** Every period of the types on a full run; the touched periods on a periodic one. */
  static RecomputedPeriods recomputedPeriods(
      List<String> typeIds, Map<PeriodType, Set<String>> touched) {
    if (touched.isEmpty()) {
      return RecomputedPeriods.wholeTypes(typeIds);
    }
    Map<String, Set<String>> periods = new java.util.TreeMap<>();
    touched.forEach((type, labels) -> periods.put(type.id(), labels));
    return RecomputedPeriods.only(periods);
  }

  /** The periods of rows of a period table, by period type. */
  static Map<String, Set<String>> periodsOf(TableSpec table, List<Row> rows) {
    int type = table.schema().fieldIndex(Col.PERIOD_TYPE);
    int period = table.schema().fieldIndex(Col.PERIOD);
    Map<String, Set<String>> periods = new java.util.TreeMap<>();
    for (Row r : rows) {
      periods.computeIfAbsent(r.getString(type), t -> new TreeSet<>()).add(r.getString(period));
    }
    return periods;
  }

  private static Set<String> periodTypesOf(TableSpec table, List<Row> rows) {
    return periodsOf(table, rows).keySet();
  }

  /**
   * Writes the rows and returns how many were written, counted as they pass to the writer (an
   * accumulator), so the rows are computed once and no count() runs before the write. A task that
   * is retried after a lost shuffle may count its rows twice; the count is for the run summary
   * only.
   */
  private static long writeCounted(
      SparkSession spark,
      TableStore store,
      TableSpec table,
      Dataset<Row> rows,
      RecomputedPeriods recomputed) {
    Dataset<Row> shaped = TableStore.conform(table, rows);
    org.apache.spark.util.LongAccumulator counter =
        spark.sparkContext().longAccumulator(table.name() + " rows");
    store.writePeriods(
        table,
        shaped.mapPartitions(
            (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>)
                it ->
                    new java.util.Iterator<Row>() {
                      @Override
                      public boolean hasNext() {
                        return it.hasNext();
                      }

                      @Override
                      public Row next() {
                        counter.add(1);
                        return it.next();
                      }
                    },
            Encoders.row(shaped.schema())),
        recomputed);
    return counter.value();
  }
}
