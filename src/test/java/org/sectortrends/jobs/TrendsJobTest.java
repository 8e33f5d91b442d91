package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;
import org.sectortrends.trends.PeriodCalendar;
import org.sectortrends.trends.PeriodCalendar.PeriodType;
import org.sectortrends.trends.TermTrends;
import org.sectortrends.trends.TrendColumns;

/**
 * The trend tables on a small fixture written through {@link TableStore}, with hand-computed
 * expectations:
 *
 * <pre>
 * January 2025:  semiconductor 3 (outlets A, B, C), finance 1       = 4 articles, days 6, 7, 20
 * February 2025: semiconductor 2, finance 2, ai 1                   = 5 articles, days 3, 10, 11, 28
 * shares Jan: 0.75, 0.25; Feb: 0.4, 0.4, 0.2
 * Feb vs Jan: semiconductor −35 points, −33.33 %; finance +15 points, +100 %; ai +20 points, null %
 * </pre>
 */
class TrendsJobTest {

  private static SparkSession spark;
  @TempDir static Path work;
  private static TableStore store;

  private static final BigDecimal TRILLION = new BigDecimal("1000000000000");

  @BeforeAll
  static void start() throws Exception {
    spark = SparkTestSession.start("TrendsJobTest");
    Path out = work.resolve("out");
    store = new TableStore(spark, out.resolve("tables").toString());
    writeFixture(store, "v1");
    JobLauncher.execute(new TrendsJob(), spark, "--out", out.toString(), "--run-id", "r1");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  // ---------------------------------------------------------------- fixture

  private record A(String id, String date, String outlet, String sector, int topic) {}

  private static final List<A> ARTICLES =
      List.of(
          new A("j1", "2025-01-06", "A", "semiconductor", 0),
          new A("j2", "2025-01-07", "B", "semiconductor", 0),
          new A("j3", "2025-01-07", "C", "semiconductor", 0),
          new A("j4", "2025-01-20", "A", "finance", 1),
          new A("f1", "2025-02-03", "A", "semiconductor", 0),
          new A("f2", "2025-02-03", "B", "semiconductor", 0),
          new A("f3", "2025-02-10", "A", "finance", 1),
          new A("f4", "2025-02-11", "C", "finance", 1),
          new A("f5", "2025-02-28", "A", "ai", 2));

  static Row row(TableSpec table, Map<String, Object> values) {
    StructField[] fields = table.schema().fields();
    Object[] cells = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      cells[i] = values.get(fields[i].name());
    }
    return RowFactory.create(cells);
  }

  static Dataset<Row> frame(TableSpec table, List<Map<String, Object>> rows) {
    List<Row> built = new ArrayList<>();
    rows.forEach(r -> built.add(row(table, r)));
    return spark.createDataFrame(built, table.schema());
  }

  private static Map<String, Object> figure(
      String article,
      int index,
      String company,
      String metric,
      String value,
      String unit,
      String period,
      boolean forecast,
      Integer conversionOf,
      String sentence) {
    A a = ARTICLES.stream().filter(x -> x.id().equals(article)).findFirst().orElseThrow();
    Map<String, Object> f = new HashMap<>();
    f.put(Col.ARTICLE_ID, article);
    f.put(Col.FIGURE_INDEX, index);
    f.put(Col.SPAN_START, 0);
    f.put(Col.SPAN_END, 1);
    f.put(Col.SURFACE, value);
    BigDecimal v = new BigDecimal(value).setScale(6);
    f.put(Col.VALUE, v);
    f.put(Col.VALUE_TEXT, value);
    f.put(Col.UNIT, unit);
    f.put(Col.METRIC, metric);
    f.put(Col.COMPANY_ID, company);
    f.put(Col.PERIOD, period);
    f.put(Col.CONVERSION_OF, conversionOf);
    f.put(Col.VALUE_KRW, unit.equals("KRW") ? v : null);
    f.put(Col.SENTENCE, sentence);
    f.put(Col.IS_FORECAST, forecast);
    f.put(Col.IS_BAND, false);
    f.put(Col.PUBLISHED_DATE, Date.valueOf(a.date()));
    f.put(Col.PUBLISHED_MONTH, a.date().substring(0, 7));
    return f;
  }

  static void writeFixture(TableStore target, String modelVersion) {
    List<Map<String, Object>> articles = new ArrayList<>();
    List<Map<String, Object>> topics = new ArrayList<>();
    List<Map<String, Object>> terms = new ArrayList<>();
    for (A a : ARTICLES) {
      LocalDate date = LocalDate.parse(a.date());
      String month = a.date().substring(0, 7);
      articles.add(
          Map.of(
              Col.ARTICLE_ID,
              a.id(),
              Col.BODY,
              "본문 " + a.id(),
              Col.CHAR_COUNT,
              4,
              Col.CONTENT_HASH,
              a.id(),
              Col.OUTLET,
              a.outlet(),
              Col.PUBLISHED_DATE,
              Date.valueOf(date),
              Col.PUBLISHED_AT,
              Timestamp.valueOf(date.atTime(9, 0)),
              Col.PUBLISHED_MONTH,
              month));
      topics.add(
          Map.of(
              Col.ARTICLE_ID,
              a.id(),
              Col.TOPIC_ID,
              a.topic(),
              Col.MODEL_VERSION,
              modelVersion,
              Col.SECTOR,
              a.sector(),
              Col.PUBLISHED_DATE,
              Date.valueOf(date),
              Col.PUBLISHED_MONTH,
              month));
      terms.add(
          Map.of(Col.ARTICLE_ID, a.id(), Col.TERM, "기업", Col.COUNT, 1, Col.PUBLISHED_MONTH, month));
      terms.add(
          Map.of(
              Col.ARTICLE_ID,
              a.id(),
              Col.TERM,
              a.sector() + "_word",
              Col.COUNT,
              2,
              Col.PUBLISHED_MONTH,
              month));
    }
    List<Map<String, Object>> topicRows = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      topicRows.add(
          Map.of(
              Col.TOPIC_ID,
              t,
              Col.MODEL_VERSION,
              modelVersion,
              Col.LABEL,
              "topic " + t,
              Col.SECTOR,
              List.of("semiconductor", "finance", "ai").get(t)));
    }
    String deal = "삼성전자는 평택에 10조 원을 투자한다.";
    List<Map<String, Object>> figures =
        List.of(
            // One investment reported by three outlets (A, B, C) in three articles: one event.
            figure(
                "j1",
                0,
                "samsung_electronics",
                "investment",
                "10000000000000",
                "KRW",
                null,
                false,
                null,
                deal),
            figure(
                "j2",
                0,
                "samsung_electronics",
                "investment",
                "10000000000000",
                "KRW",
                null,
                false,
                null,
                deal),
            figure(
                "j3",
                0,
                "samsung_electronics",
                "investment",
                "10200000000000",
                "KRW",
                null,
                false,
                null,
                deal),
            // A forecast and a fund balance are no investment events.
            figure(
                "j3",
                1,
                "samsung_electronics",
                "investment",
                "50000000000000",
                "KRW",
                null,
                true,
                null,
                "투자가 50조 원에 이를 전망이다."),
            figure(
                "j4",
                0,
                "nps",
                "investment",
                "300000000000000",
                "KRW",
                null,
                false,
                null,
                "국민연금의 해외주식 투자 잔고는 300조 원이다."),
            // Quarterly revenue: three reports of the actual (75, 75, 76 trillion), one forecast,
            // one restatement.
            figure(
                "j1",
                1,
                "samsung_electronics",
                "revenue",
                "75000000000000",
                "KRW",
                "2024Q4",
                false,
                null,
                "매출"),
            figure(
                "j2",
                1,
                "samsung_electronics",
                "revenue",
                "75000000000000",
                "KRW",
                "2024Q4",
                false,
                null,
                "매출"),
            figure(
                "j3",
                2,
                "samsung_electronics",
                "revenue",
                "76000000000000",
                "KRW",
                "2024Q4",
                false,
                null,
                "매출"),
            figure(
                "j3",
                3,
                "samsung_electronics",
                "revenue",
                "52000000000",
                "USD",
                "2024Q4",
                false,
                2,
                "매출"),
            figure(
                "j4",
                1,
                "samsung_electronics",
                "revenue",
                "80000000000000",
                "KRW",
                "2024Q4",
                true,
                null,
                "전망"),
            figure(
                "f1",
                0,
                "samsung_electronics",
                "revenue",
                "90000000000000",
                "KRW",
                "2025-01..2025-10",
                false,
                null,
                "누적"));
    target.write(Tables.ARTICLES, frame(Tables.ARTICLES, articles));
    target.write(Tables.ARTICLE_TOPICS, frame(Tables.ARTICLE_TOPICS, topics));
    target.write(Tables.TOPICS, frame(Tables.TOPICS, topicRows));
    target.write(Tables.ARTICLE_TERMS, frame(Tables.ARTICLE_TERMS, terms));
    target.write(Tables.FIGURES, frame(Tables.FIGURES, figures));
  }

  private static Row sectorRow(TableStore from, String type, String period, String sector) {
    List<Row> rows =
        from.read(Tables.SECTOR_TRENDS)
            .filter(
                col(Col.PERIOD_TYPE)
                    .equalTo(type)
                    .and(col(Col.PERIOD).equalTo(period))
                    .and(col(Col.SECTOR).equalTo(sector)))
            .collectAsList();
    assertEquals(1, rows.size(), type + " " + period + " " + sector);
    return rows.get(0);
  }

  private static double d(Row r, String column) {
    return r.getDouble(r.fieldIndex(column));
  }

  // ---------------------------------------------------------------- sector trends

  @Test
  void sharesSumToOnePerPeriod() {
    List<Row> sums =
        store
            .read(Tables.SECTOR_TRENDS)
            .groupBy(Col.PERIOD_TYPE, Col.PERIOD)
            .agg(org.apache.spark.sql.functions.sum(Col.SHARE_OF_ARTICLES).as("total"))
            .collectAsList();
    assertEquals(
        2 + 1 + 5,
        sums.size(),
        "2 months, 1 quarter and the weeks 2025-W02, W04, W06, W07, W09: " + sums);
    for (Row r : sums) {
      assertEquals(1.0, r.getDouble(2), 1e-12, r.toString());
    }
  }

  @Test
  void changesAgainstThePreviousMonthMatchHandComputedValues() {
    Row semiJan = sectorRow(store, "month", "2025-01", "semiconductor");
    assertEquals(3, semiJan.getLong(semiJan.fieldIndex(Col.ARTICLE_COUNT)));
    assertEquals(0.75, d(semiJan, Col.SHARE_OF_ARTICLES), 1e-12);
    assertTrue(
        semiJan.isNullAt(semiJan.fieldIndex(Col.SHARE_CHANGE_POINTS)), "no data before January");
    assertEquals(3, semiJan.getLong(semiJan.fieldIndex(Col.OUTLET_COUNT)));
    assertEquals(3, semiJan.getInt(semiJan.fieldIndex(Col.DAYS_WITH_DATA)));
    assertEquals(3.0 / 31, d(semiJan, Col.COVERAGE), 1e-12);
    assertTrue(
        semiJan.getBoolean(semiJan.fieldIndex(Col.IS_PARTIAL)), "the data starts on January 6");

    Row semiFeb = sectorRow(store, "month", "2025-02", "semiconductor");
    assertEquals(0.4, d(semiFeb, Col.SHARE_OF_ARTICLES), 1e-12);
    assertEquals(-35.0, d(semiFeb, Col.SHARE_CHANGE_POINTS), 1e-9);
    assertEquals(-100.0 / 3, d(semiFeb, Col.COUNT_CHANGE_PCT), 1e-9);
    assertFalse(
        semiFeb.getBoolean(semiFeb.fieldIndex(Col.IS_PARTIAL)), "the data ends on February 28");
    Row financeFeb = sectorRow(store, "month", "2025-02", "finance");
    assertEquals(15.0, d(financeFeb, Col.SHARE_CHANGE_POINTS), 1e-9);
    assertEquals(100.0, d(financeFeb, Col.COUNT_CHANGE_PCT), 1e-9);
    Row aiFeb = sectorRow(store, "month", "2025-02", "ai");
    assertEquals(20.0, d(aiFeb, Col.SHARE_CHANGE_POINTS), 1e-9);
    assertTrue(
        aiFeb.isNullAt(aiFeb.fieldIndex(Col.COUNT_CHANGE_PCT)),
        "no articles before: no percentage change");
    Row aiJan = sectorRow(store, "month", "2025-01", "ai");
    assertEquals(
        0,
        aiJan.getLong(aiJan.fieldIndex(Col.ARTICLE_COUNT)),
        "every sector has a row, zero when it had no article");
    assertEquals("인공지능", aiJan.getString(aiJan.fieldIndex(Col.SECTOR_NAME)));
  }

  @Test
  void weeksAreIsoWeeksStartingOnMonday() {
    Row week = sectorRow(store, "week", "2025-W02", "semiconductor");
    assertEquals(Date.valueOf("2025-01-06"), week.getDate(week.fieldIndex(Col.PERIOD_START)));
    assertEquals(Date.valueOf("2025-01-12"), week.getDate(week.fieldIndex(Col.PERIOD_END)));
    assertEquals(3, week.getLong(week.fieldIndex(Col.ARTICLE_COUNT)));
    Row quarter = sectorRow(store, "quarter", "2025Q1", "finance");
    assertEquals(Date.valueOf("2025-03-31"), quarter.getDate(quarter.fieldIndex(Col.PERIOD_END)));
    assertEquals(3, quarter.getLong(quarter.fieldIndex(Col.ARTICLE_COUNT)));
  }

  @Test
  void sparkPeriodColumnsAgreeWithTheCalendarAroundNewYear() {
    List<Row> dates = new ArrayList<>();
    for (LocalDate day = LocalDate.of(2020, 12, 20);
        day.isBefore(LocalDate.of(2021, 1, 12));
        day = day.plusDays(1)) {
      dates.add(RowFactory.create(Date.valueOf(day)));
    }
    for (LocalDate day = LocalDate.of(2024, 12, 20);
        day.isBefore(LocalDate.of(2025, 1, 12));
        day = day.plusDays(1)) {
      dates.add(RowFactory.create(Date.valueOf(day)));
    }
    Dataset<Row> frame =
        spark.createDataFrame(
            dates,
            DataTypes.createStructType(
                List.of(DataTypes.createStructField("d", DataTypes.DateType, false))));
    for (PeriodType type : PeriodType.values()) {
      for (Row r : TrendColumns.withPeriod(frame, type, "d").collectAsList()) {
        PeriodCalendar.Period expected = PeriodCalendar.of(type, r.getDate(0).toLocalDate());
        assertEquals(expected.label(), r.getString(r.fieldIndex(Col.PERIOD)), r.toString());
        assertEquals(
            Date.valueOf(expected.start()),
            r.getDate(r.fieldIndex(Col.PERIOD_START)),
            r.toString());
        assertEquals(
            Date.valueOf(expected.end()), r.getDate(r.fieldIndex(Col.PERIOD_END)), r.toString());
      }
    }
  }

  // ---------------------------------------------------------------- investment events

  @Test
  void oneDealReportedByThreeOutletsIsOneEventAndForecastsAndBalancesAreNone() {
    List<Row> events = store.read(Tables.INVESTMENT_EVENTS_TABLE).collectAsList();
    assertEquals(1, events.size(), events.toString());
    Row e = events.get(0);
    assertEquals("samsung_electronics", e.getString(e.fieldIndex(Col.COMPANY_ID)));
    assertEquals(3, e.getLong(e.fieldIndex(Col.N_ARTICLES)));
    assertEquals(3, e.getLong(e.fieldIndex(Col.N_OUTLETS)));
    assertEquals(
        0, BigDecimal.TEN.multiply(TRILLION).compareTo(e.getDecimal(e.fieldIndex(Col.AMOUNT_KRW))));
    assertEquals(Date.valueOf("2025-01-06"), e.getDate(e.fieldIndex(Col.EVENT_DATE)));
    assertEquals("2025-01", e.getString(e.fieldIndex(Col.PERIOD)));
    assertEquals("semiconductor", e.getString(e.fieldIndex(Col.SECTOR)));
    Row semiJan = sectorRow(store, "month", "2025-01", "semiconductor");
    assertEquals(
        0,
        BigDecimal.TEN
            .multiply(TRILLION)
            .compareTo(semiJan.getDecimal(semiJan.fieldIndex(Col.INVESTMENT_KRW))),
        "the sector's investment counts the event once");
    assertEquals(1, semiJan.getLong(semiJan.fieldIndex(Col.INVESTMENT_EVENTS)));
    Row financeJan = sectorRow(store, "month", "2025-01", "finance");
    assertEquals(
        0,
        financeJan.getDecimal(financeJan.fieldIndex(Col.INVESTMENT_KRW)).signum(),
        "a fund balance is no investment");
  }

  // ---------------------------------------------------------------- company metrics

  @Test
  void sameFactFromThreeArticlesIsOneRowAndForecastsStayApart() {
    List<Row> rows =
        store
            .read(Tables.COMPANY_METRICS)
            .filter(
                col(Col.COMPANY_ID)
                    .equalTo("samsung_electronics")
                    .and(col(Col.METRIC).equalTo("revenue")))
            .orderBy(Col.IS_FORECAST)
            .collectAsList();
    assertEquals(
        2,
        rows.size(),
        "actual and forecast; the restatement and the year-to-date range are left out: " + rows);
    Row actual = rows.get(0);
    assertFalse(actual.getBoolean(actual.fieldIndex(Col.IS_FORECAST)));
    assertEquals("quarter", actual.getString(actual.fieldIndex(Col.PERIOD_TYPE)));
    assertEquals("2024Q4", actual.getString(actual.fieldIndex(Col.PERIOD)));
    assertEquals(Date.valueOf("2024-10-01"), actual.getDate(actual.fieldIndex(Col.PERIOD_START)));
    assertEquals(
        0,
        new BigDecimal(75)
            .multiply(TRILLION)
            .compareTo(actual.getDecimal(actual.fieldIndex(Col.VALUE))),
        "median of 75, 75, 76");
    assertEquals(
        0,
        new BigDecimal(76)
            .multiply(TRILLION)
            .compareTo(actual.getDecimal(actual.fieldIndex(Col.VALUE_MAX))));
    assertEquals(3, actual.getLong(actual.fieldIndex(Col.N_ARTICLES)));
    assertEquals(3, actual.getLong(actual.fieldIndex(Col.N_OUTLETS)));
    assertEquals("j1,j2,j3", actual.getString(actual.fieldIndex(Col.EVIDENCE_ARTICLE_IDS)));
    assertEquals("삼성전자", actual.getString(actual.fieldIndex(Col.COMPANY_NAME)));
    Row forecast = rows.get(1);
    assertTrue(forecast.getBoolean(forecast.fieldIndex(Col.IS_FORECAST)));
    assertEquals(
        0,
        new BigDecimal(80)
            .multiply(TRILLION)
            .compareTo(forecast.getDecimal(forecast.fieldIndex(Col.VALUE))));
  }

  // ---------------------------------------------------------------- terms and topics

  @Test
  void topTermsAreTheSectorsOwnWordsNotGenericOnes() {
    Row semiJan = sectorRow(store, "month", "2025-01", "semiconductor");
    assertEquals("semiconductor_word", semiJan.getString(semiJan.fieldIndex(Col.TOP_TERMS)));
  }

  @Test
  void genericWordsNeverEmergeAndNewTermsDo() {
    // Four months of 20 articles: 기업 in half of them every month and in all of them in April;
    // hbm4 absent until April, then in 10 of 20.
    List<Row> periods = new ArrayList<>();
    List<Row> terms = new ArrayList<>();
    String[] months = {"2025-01", "2025-02", "2025-03", "2025-04"};
    for (int m = 0; m < months.length; m++) {
      PeriodCalendar.Period p = PeriodCalendar.parse(PeriodType.MONTH, months[m]);
      for (int i = 0; i < 20; i++) {
        String id = months[m] + "-" + i;
        periods.add(
            RowFactory.create(
                id, "month", months[m], Date.valueOf(p.start()), Date.valueOf(p.end())));
        if (i % 2 == 0 || m == 3) {
          terms.add(RowFactory.create(id, "기업"));
        }
        if (m == 3 && i < 10) {
          terms.add(RowFactory.create(id, "hbm4"));
          terms.add(RowFactory.create(id, "설")); // the same burst, as a one-syllable fragment
        }
      }
    }
    Dataset<Row> articlePeriods =
        spark.createDataFrame(
            periods,
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField(Col.ARTICLE_ID, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.PERIOD_TYPE, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.PERIOD, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.PERIOD_START, DataTypes.DateType, false),
                    DataTypes.createStructField(Col.PERIOD_END, DataTypes.DateType, false))));
    Dataset<Row> termRows =
        spark.createDataFrame(
            terms,
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField(Col.ARTICLE_ID, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.TERM, DataTypes.StringType, false))));
    Dataset<Row> firstSeen =
        spark.createDataFrame(
            List.of(RowFactory.create("hbm4", Date.valueOf("2025-04-01"))),
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField(Col.TERM, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.FIRST_SEEN, DataTypes.DateType, false))));
    Map<String, Row> april = new HashMap<>();
    TermTrends.compute(spark, articlePeriods, termRows, firstSeen, 6, 3)
        .filter(col(Col.PERIOD).equalTo("2025-04"))
        .collectAsList()
        .forEach(r -> april.put(r.getString(r.fieldIndex(Col.TERM)), r));
    Row generic = april.get("기업");
    assertEquals(20, generic.getLong(generic.fieldIndex(Col.DOCUMENT_FREQUENCY)));
    assertEquals(3, generic.getInt(generic.fieldIndex(Col.BASELINE_PERIODS)));
    assertEquals((30 + 0.5) / 61, d(generic, Col.BASELINE_SHARE), 1e-12);
    assertFalse(
        generic.getBoolean(generic.fieldIndex(Col.IS_EMERGING)),
        "in half of all articles before: generic");
    Row hbm = april.get("hbm4");
    assertEquals(0.5, d(hbm, Col.ARTICLE_SHARE), 1e-12);
    assertEquals(0.5 / 61, d(hbm, Col.BASELINE_SHARE), 1e-12);
    assertEquals(0.5 / (0.5 / 61), d(hbm, Col.LIFT), 1e-9);
    assertTrue(hbm.getBoolean(hbm.fieldIndex(Col.IS_EMERGING)));
    Row fragment = april.get("설");
    assertEquals(d(hbm, Col.LIFT), d(fragment, Col.LIFT), 1e-9);
    assertFalse(
        fragment.getBoolean(fragment.fieldIndex(Col.IS_EMERGING)), "one syllable never emerges");
    assertEquals(Date.valueOf("2025-04-01"), hbm.getDate(hbm.fieldIndex(Col.FIRST_SEEN)));
  }

  @Test
  void wordsOfAnyStoryDoNotEmergeWhenTheirCountRisesWithTheArticlesOrTheyAreListedAsGeneric() {
    // January to March 20 articles each, April 60. The baseline is the one month before.
    String[] months = {"2025-01", "2025-02", "2025-03", "2025-04"};
    int[] articles = {20, 20, 20, 60};
    // Articles with each term per month: 수요 rises 1 -> 3 only because April has three times the
    // articles; 점 (listed generic), 2025년 (a number), 한결비즈 (an outlet) appear in April only;
    // 정부 was in 4, 4, 1 articles (a tenth of the history outside April); 관세 is new in April.
    Map<String, int[]> withTerm = new java.util.LinkedHashMap<>();
    withTerm.put("수요", new int[] {1, 1, 1, 3});
    withTerm.put("점", new int[] {0, 0, 0, 10});
    withTerm.put("2025년", new int[] {0, 0, 0, 10});
    withTerm.put("한결비즈", new int[] {0, 0, 0, 10});
    withTerm.put("정부", new int[] {4, 4, 1, 15});
    withTerm.put("관세", new int[] {0, 0, 0, 30});
    List<Row> periods = new ArrayList<>();
    List<Row> terms = new ArrayList<>();
    Map<String, Long> history = new HashMap<>();
    for (int m = 0; m < months.length; m++) {
      PeriodCalendar.Period p = PeriodCalendar.parse(PeriodType.MONTH, months[m]);
      for (int i = 0; i < articles[m]; i++) {
        String id = months[m] + "-" + i;
        periods.add(
            RowFactory.create(
                id, "month", months[m], Date.valueOf(p.start()), Date.valueOf(p.end())));
        for (Map.Entry<String, int[]> e : withTerm.entrySet()) {
          if (i < e.getValue()[m]) {
            terms.add(RowFactory.create(id, e.getKey()));
            history.merge(e.getKey(), 1L, Long::sum);
          }
        }
      }
    }
    Dataset<Row> articlePeriods =
        spark.createDataFrame(
            periods,
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField(Col.ARTICLE_ID, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.PERIOD_TYPE, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.PERIOD, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.PERIOD_START, DataTypes.DateType, false),
                    DataTypes.createStructField(Col.PERIOD_END, DataTypes.DateType, false))));
    Dataset<Row> termRows =
        spark.createDataFrame(
            terms,
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField(Col.ARTICLE_ID, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.TERM, DataTypes.StringType, false))));
    List<Row> seen = new ArrayList<>();
    history.forEach(
        (term, df) -> seen.add(RowFactory.create(term, Date.valueOf("2025-01-01"), df)));
    Dataset<Row> firstSeen =
        spark.createDataFrame(
            seen,
            DataTypes.createStructType(
                List.of(
                    DataTypes.createStructField(Col.TERM, DataTypes.StringType, false),
                    DataTypes.createStructField(Col.FIRST_SEEN, DataTypes.DateType, false),
                    DataTypes.createStructField(
                        TermTrends.HISTORY_FREQUENCY, DataTypes.LongType, false))));
    TermTrends.Generic generic =
        new TermTrends.Generic(java.util.Set.of("점"), 120).plus(List.of("한결비즈"));
    Map<String, Row> april = new HashMap<>();
    TermTrends.compute(spark, articlePeriods, termRows, firstSeen, 1, 3, generic)
        .filter(col(Col.PERIOD).equalTo("2025-04"))
        .collectAsList()
        .forEach(r -> april.put(r.getString(r.fieldIndex(Col.TERM)), r));
    assertEquals(withTerm.keySet(), april.keySet(), "every term has the minimum support in April");
    Row demand = april.get("수요");
    assertEquals(3, demand.getLong(demand.fieldIndex(Col.DOCUMENT_FREQUENCY)), "the count tripled");
    assertTrue(d(demand, Col.LIFT) < 1.0, "but its share did not rise: " + d(demand, Col.LIFT));
    for (String term : List.of("수요", "점", "2025년", "한결비즈", "정부")) {
      Row r = april.get(term);
      assertFalse(r.getBoolean(r.fieldIndex(Col.IS_EMERGING)), term + " is not an emerging term");
    }
    for (String term : List.of("점", "2025년", "한결비즈", "정부")) {
      Row r = april.get(term);
      assertTrue(
          d(r, Col.LIFT) >= 2.0 && d(r, Col.Z_SCORE) >= 3.0,
          term + " passes the statistics alone: " + r);
    }
    Row tariffs = april.get("관세");
    assertTrue(
        tariffs.getBoolean(tariffs.fieldIndex(Col.IS_EMERGING)),
        "a new word in half of April's articles emerges");
  }

  @Test
  void topicTrendsKeepTheModelVersion() {
    List<Row> rows =
        store
            .read(Tables.TOPIC_TRENDS)
            .filter(
                col(Col.PERIOD_TYPE)
                    .equalTo("month")
                    .and(col(Col.PERIOD).equalTo("2025-02"))
                    .and(col(Col.TOPIC_ID).equalTo(1)))
            .collectAsList();
    assertEquals(1, rows.size());
    Row r = rows.get(0);
    assertEquals("v1", r.getString(r.fieldIndex(Col.MODEL_VERSION)));
    assertEquals(2, r.getLong(r.fieldIndex(Col.ARTICLE_COUNT)));
    assertEquals(0.4, d(r, Col.SHARE_OF_ARTICLES), 1e-12);
    assertEquals("topic 1", r.getString(r.fieldIndex(Col.TOPIC_LABEL)));
    assertEquals("finance", r.getString(r.fieldIndex(Col.SECTOR)));
  }

  // ---------------------------------------------------------------- incremental runs

  @Test
  void aMonthlyRunRewritesOnlyTheTouchedPeriodsAndARetrainingKeepsReportedPeriods()
      throws Exception {
    Path out = work.resolve("incremental");
    TableStore incremental = new TableStore(spark, out.resolve("tables").toString());
    writeFixture(incremental, "v1");
    JobLauncher.execute(new TrendsJob(), spark, "--out", out.toString(), "--run-id", "first");
    writeFixture(incremental, "v2");
    JobLauncher.execute(
        new TrendsJob(),
        spark,
        "--out",
        out.toString(),
        "--run-id",
        "second",
        "--months",
        "2025-01");

    Row jan = sectorRow(incremental, "month", "2025-01", "semiconductor");
    Row feb = sectorRow(incremental, "month", "2025-02", "semiconductor");
    assertEquals("second", jan.getString(jan.fieldIndex(Col.RUN_ID)));
    assertEquals("first", feb.getString(feb.fieldIndex(Col.RUN_ID)), "February was not touched");
    Row week = sectorRow(incremental, "week", "2025-W06", "semiconductor");
    assertEquals("first", week.getString(week.fieldIndex(Col.RUN_ID)));
    Row quarter = sectorRow(incremental, "quarter", "2025Q1", "semiconductor");
    assertEquals(
        "second", quarter.getString(quarter.fieldIndex(Col.RUN_ID)), "Q1 contains January");
    assertTermMonthsAreCountedFromTheArticleTerms(incremental);
    // Output of a version without term_months: a periodic run counts the months it lacks once.
    deleteRecursively(out.resolve("tables").resolve(Tables.TERM_MONTHS.name()));
    JobLauncher.execute(
        new TrendsJob(),
        spark,
        "--out",
        out.toString(),
        "--run-id",
        "second-b",
        "--months",
        "2025-02");
    assertTermMonthsAreCountedFromTheArticleTerms(incremental);

    // A full run after the retraining (v2): January is partial (the data starts on the 6th), so
    // v2 rewrites it; the complete week 2025-W06 that v1 reported keeps v1.
    JobLauncher.execute(new TrendsJob(), spark, "--out", out.toString(), "--run-id", "third");
    List<Row> week6 =
        incremental
            .read(Tables.TOPIC_TRENDS)
            .filter(col(Col.PERIOD_TYPE).equalTo("week").and(col(Col.PERIOD).equalTo("2025-W06")))
            .collectAsList();
    assertFalse(week6.isEmpty());
    week6.forEach(
        r ->
            assertEquals(
                "v1",
                r.getString(r.fieldIndex(Col.MODEL_VERSION)),
                "a reported complete week keeps its model"));
    List<Row> jan2 =
        incremental
            .read(Tables.TOPIC_TRENDS)
            .filter(col(Col.PERIOD_TYPE).equalTo("month").and(col(Col.PERIOD).equalTo("2025-01")))
            .collectAsList();
    jan2.forEach(
        r ->
            assertEquals(
                "v2",
                r.getString(r.fieldIndex(Col.MODEL_VERSION)),
                "a partial period is rewritten"));
  }

  /**
   * {@code term_months} holds, for every dated month, what a direct count over {@code
   * article_terms} gives, and {@code term_trends.first_seen} is the first date of an article with
   * the term.
   */
  private static void assertTermMonthsAreCountedFromTheArticleTerms(TableStore store) {
    Dataset<Row> articles = store.read(Tables.ARTICLES).filter(col(Col.PUBLISHED_DATE).isNotNull());
    Dataset<Row> expected =
        TermTrends.termMonths(store.read(Tables.ARTICLE_TERMS), articles)
            .select(Col.PUBLISHED_MONTH, Col.TERM, Col.DOCUMENT_FREQUENCY, Col.FIRST_SEEN);
    Dataset<Row> stored =
        store
            .read(Tables.TERM_MONTHS)
            .select(Col.PUBLISHED_MONTH, Col.TERM, Col.DOCUMENT_FREQUENCY, Col.FIRST_SEEN);
    assertTrue(expected.count() > 0);
    assertEquals(0, expected.exceptAll(stored).count(), "term_months lacks rows");
    assertEquals(0, stored.exceptAll(expected).count(), "term_months has extra rows");
    Map<String, Date> firstSeen = new HashMap<>();
    for (Row r :
        store
            .read(Tables.ARTICLE_TERMS)
            .join(articles, Col.ARTICLE_ID)
            .groupBy(Col.TERM)
            .agg(org.apache.spark.sql.functions.min(Col.PUBLISHED_DATE))
            .collectAsList()) {
      firstSeen.put(r.getString(0), r.getDate(1));
    }
    List<Row> trends = store.read(Tables.TERM_TRENDS).collectAsList();
    assertFalse(trends.isEmpty());
    for (Row r : trends) {
      String term = r.getString(r.fieldIndex(Col.TERM));
      assertEquals(firstSeen.get(term), r.getDate(r.fieldIndex(Col.FIRST_SEEN)), term);
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }

  @Test
  void termsPerDayAreTheSameByBroadcastKeysAndByShuffleJoin() {
    StructType articleSchema =
        new StructType()
            .add(Col.ARTICLE_ID, DataTypes.StringType)
            .add(Col.PUBLISHED_DATE, DataTypes.DateType)
            .add(Col.SECTOR, DataTypes.StringType)
            .add(Col.MODEL_VERSION, DataTypes.StringType)
            .add(Col.TOPIC_ID, DataTypes.IntegerType);
    java.sql.Date day1 = java.sql.Date.valueOf("2025-03-02");
    java.sql.Date day2 = java.sql.Date.valueOf("2025-03-03");
    Dataset<Row> articleRows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a1", day1, "semiconductor", "v1", 0),
                RowFactory.create("a2", day1, "semiconductor", "v1", 0),
                RowFactory.create("a3", day1, "battery_ev_auto", "v1", 1),
                RowFactory.create("a4", day2, "semiconductor", "v1", 0),
                // no topic row: unassigned, without model version nor topic
                RowFactory.create("a5", day2, "unassigned", null, null)),
            articleSchema);
    Dataset<Row> terms =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a1", "hbm"),
                RowFactory.create("a1", "파운드리"),
                RowFactory.create("a2", "hbm"),
                RowFactory.create("a3", "hbm"),
                RowFactory.create("a4", "hbm"),
                RowFactory.create("a5", "hbm"),
                RowFactory.create("a5", "환율"),
                RowFactory.create("gone", "hbm")),
            new StructType()
                .add(Col.ARTICLE_ID, DataTypes.StringType)
                .add(Col.TERM, DataTypes.StringType));
    java.util.function.Function<Dataset<Row>, List<String>> rows =
        d ->
            d.collectAsList().stream()
                .map(
                    r ->
                        r.getAs(Col.PUBLISHED_DATE)
                            + " "
                            + r.getAs(Col.SECTOR)
                            + " "
                            + r.getAs(Col.MODEL_VERSION)
                            + " "
                            + r.getAs(Col.TOPIC_ID)
                            + " "
                            + r.getAs(Col.TERM)
                            + " "
                            + r.getAs(Col.DOCUMENT_FREQUENCY))
                .sorted()
                .toList();
    List<String> expected =
        List.of(
            "2025-03-02 battery_ev_auto v1 1 hbm 1",
            "2025-03-02 semiconductor v1 0 hbm 2",
            "2025-03-02 semiconductor v1 0 파운드리 1",
            "2025-03-03 semiconductor v1 0 hbm 1",
            "2025-03-03 unassigned null null hbm 1",
            "2025-03-03 unassigned null null 환율 1");
    assertEquals(expected, rows.apply(TermTrends.perDay(spark, articleRows, terms, 5)));
    assertEquals(
        expected,
        rows.apply(
            TermTrends.perDay(spark, articleRows, terms, TermTrends.MAX_BROADCAST_ARTICLES + 1)));
  }
}
