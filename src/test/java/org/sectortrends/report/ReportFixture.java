package org.sectortrends.report;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;

/**
 * A small but realistic run for report tests: seven months of articles (June to the first days of
 * December 2025) in six sectors whose shares drift (semiconductors rise, telecom falls), five
 * outlets, figures, duplicates, runs, topics, and the trend tables of the {@code trends} job with
 * the agreed schemas ({@code sector_trends} computed from the articles themselves, so counts
 * agree).
 *
 * <p>One November article is hostile: its title and body hold {@code <script>} and an {@code <img
 * onerror=...>}, its URL is {@code javascript:...}, and one emerging term starts with {@code =}, as
 * a spreadsheet formula would.
 */
public final class ReportFixture {

  static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  static final String[] SECTORS = {
    "semiconductor", "ai", "battery_ev_auto", "telecom", "bio_pharma", "finance"
  };
  static final String[] SECTOR_NAMES = {"반도체", "인공지능", "배터리·전기차·자동차", "통신", "바이오·제약", "금융"};
  static final String[] OUTLETS = {"한빛일보", "미래경제", "테크투데이", "서울산업신문", "코리아비즈"};
  static final String HOSTILE_ID = "a-hostile";
  static final String HOSTILE_TITLE = "<script>document.title='pwned'</script>반도체 속보";
  static final String HOSTILE_SENTENCE =
      "<script>alert('x');document.body.setAttribute('data-pwned','1')</script><img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">"
          + " 엑스칩은 3분기 매출 1조2천억 원을 기록했다.";
  static final String HOSTILE_URL = "javascript:alert(document.domain)";
  static final String FORMULA_TERM = "=HYPERLINK(\"http://evil.example\",\"클릭\")";
  static final String MODEL_VERSION = "topics-20251201T000000Z";

  /** Months with data, the last one (December) only partly. */
  static final List<YearMonth> MONTHS =
      List.of(
          YearMonth.of(2025, 6),
          YearMonth.of(2025, 7),
          YearMonth.of(2025, 8),
          YearMonth.of(2025, 9),
          YearMonth.of(2025, 10),
          YearMonth.of(2025, 11),
          YearMonth.of(2025, 12));

  static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 3);

  /** What was written, for the tests' expectations. */
  public record Written(
      Map<String, Integer> articlesPerMonth,
      Map<String, Integer> outletsPerMonth,
      Map<String, Map<String, Integer>> sectorCounts,
      int duplicatesInNovember) {}

  private ReportFixture() {}

  /** Articles of sector {@code s} in month index {@code m}: semiconductors rise, telecom falls. */
  static int articles(int s, int m) {
    return switch (s) {
      case 0 -> 6 + 2 * m;
      case 1 -> 5 + (m % 3);
      case 2 -> 7;
      case 3 -> 9 - m;
      case 4 -> 4 + (m == 5 ? 3 : 0);
      default -> 6;
    };
  }

  /** Writes every table of a full run under {@code tablesRoot}. */
  public static Written writeAll(SparkSession spark, String tablesRoot) {
    Written written = writeCore(spark, tablesRoot, MONTHS, true);
    writeTrends(spark, tablesRoot, written);
    return written;
  }

  /**
   * Writes the tables of ingest, figures and topics only (no trend tables) for the given months.
   *
   * @param hostile whether the hostile November article is included
   */
  public static Written writeCore(
      SparkSession spark, String tablesRoot, List<YearMonth> months, boolean hostile) {
    TableStore store = new TableStore(spark, tablesRoot);
    Random random = new Random(11);
    List<Row> articles = new ArrayList<>();
    List<Row> figures = new ArrayList<>();
    List<Row> duplicates = new ArrayList<>();
    Map<String, Integer> perMonth = new TreeMap<>();
    Map<String, Set<String>> outlets = new TreeMap<>();
    Map<String, Map<String, Integer>> sectorCounts = new TreeMap<>();
    int dupNovember = 0;
    for (YearMonth month : months) {
      int m = MONTHS.indexOf(month);
      int days =
          month.equals(YearMonth.from(LAST_DAY)) ? LAST_DAY.getDayOfMonth() : month.lengthOfMonth();
      for (int s = 0; s < SECTORS.length; s++) {
        int n = month.equals(YearMonth.from(LAST_DAY)) ? 2 : articles(s, m);
        for (int i = 0; i < n; i++) {
          String id = "a-" + month + "-" + SECTORS[s] + "-" + i;
          LocalDate day = month.atDay(1 + (i * 7 + s * 3) % days);
          String outlet = OUTLETS[(i + s + m) % OUTLETS.length];
          String title = SECTOR_NAMES[s] + " 업계 " + month.getMonthValue() + "월 동향 " + (i + 1);
          String body =
              SECTOR_NAMES[s]
                  + " 관련 기업들이 "
                  + month.getMonthValue()
                  + "월 신규 투자와 실적을 발표했다. 업계는 수요 회복을 기대했다.";
          String url = i % 4 == 3 ? null : "https://news.example/" + SECTORS[s] + "/" + id;
          articles.add(article(id, url, outlet, title, body, day));
          perMonth.merge(month.toString(), 1, Integer::sum);
          outlets.computeIfAbsent(month.toString(), k -> new HashSet<>()).add(outlet);
          sectorCounts
              .computeIfAbsent(month.toString(), k -> new TreeMap<>())
              .merge(SECTORS[s], 1, Integer::sum);
          if (i % 3 == 0) {
            long eok = 100L * (1 + random.nextInt(90));
            String surface =
                (eok >= 10_000 ? eok / 10_000 + "조" : "")
                    + (eok % 10_000 == 0 ? "" : String.format("%,d억", eok % 10_000))
                    + " 원";
            String company = SECTOR_NAMES[s] + "테크";
            figures.add(
                figure(
                    id,
                    0,
                    surface,
                    "revenue",
                    company,
                    company + "는 " + month.getMonthValue() + "월 매출 " + surface + "을 기록했다.",
                    BigDecimal.valueOf(eok * 100_000_000L),
                    day));
          }
          if (month.equals(YearMonth.of(2025, 11)) && i < 1) {
            duplicates.add(duplicate("d-" + id, id, outlet, title, body, day));
            dupNovember++;
          }
        }
      }
    }
    if (hostile && months.contains(YearMonth.of(2025, 11))) {
      LocalDate day = LocalDate.of(2025, 11, 20);
      articles.add(article(HOSTILE_ID, HOSTILE_URL, "해킹일보", HOSTILE_TITLE, HOSTILE_SENTENCE, day));
      perMonth.merge("2025-11", 1, Integer::sum);
      outlets.get("2025-11").add("해킹일보");
      sectorCounts.get("2025-11").merge("semiconductor", 1, Integer::sum);
      // The largest amount of the month, so it is sure to be among the key figures.
      figures.add(
          figure(
              HOSTILE_ID,
              0,
              "1조2천억 원",
              "revenue",
              "엑스칩",
              HOSTILE_SENTENCE,
              new BigDecimal("9900000000000000"),
              day));
    }
    store.write(Tables.ARTICLES, spark.createDataFrame(articles, Tables.ARTICLES.schema()));
    store.write(Tables.FIGURES, spark.createDataFrame(figures, Tables.FIGURES.schema()));
    store.write(
        Tables.DUPLICATES_TABLE,
        spark.createDataFrame(duplicates, Tables.DUPLICATES_TABLE.schema()));
    Instant end = Instant.parse("2025-12-04T01:00:00Z");
    List<Row> runs = new ArrayList<>();
    String[] jobs = {"ingest", "figures", "terms", "topics", "trends"};
    for (int j = 0; j < jobs.length; j++) {
      Instant ended = end.plusSeconds(60L * j);
      runs.add(
          RowFactory.create(
              jobs[j] + "-20251204T01" + j + "000Z-abc123",
              jobs[j],
              Timestamp.from(ended.minusSeconds(30)),
              Timestamp.from(ended),
              "succeeded",
              (long) articles.size(),
              (long) articles.size(),
              j == 0 ? (long) duplicates.size() : 0L,
              j == 0 ? 3L : 0L,
              j == 0 ? "bad_date=2,empty_record=1" : "",
              null,
              "--out out",
              j == 0 ? "2025-05,2025-06,2025-07,2025-08,2025-09,2025-10,2025-11" : null,
              j == 0 ? (long) articles.size() : null,
              0L));
    }
    store.write(Tables.RUNS, spark.createDataFrame(runs, Tables.RUNS.schema()));
    List<Row> topics = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      topics.add(
          RowFactory.create(
              t,
              MODEL_VERSION,
              TOPIC_LABELS[t],
              TOPIC_LABELS[t].replace(" · ", ","),
              40L,
              SECTORS[t % SECTORS.length],
              0.5,
              "active",
              Timestamp.from(end)));
    }
    store.write(Tables.TOPICS, spark.createDataFrame(topics, Tables.TOPICS.schema()));
    Map<String, Integer> outletCounts = new LinkedHashMap<>();
    outlets.forEach((k, v) -> outletCounts.put(k, v.size()));
    return new Written(perMonth, outletCounts, sectorCounts, dupNovember);
  }

  static final String[] TOPIC_LABELS = {
    "HBM · 메모리 · 반도체",
    "생성형AI · 에이전트 · 데이터센터",
    "전기차 · 배터리 · 충전",
    "요금제 · 5G · 가입자",
    "신약 · 임상 · 기술수출",
    "금리 · 대출 · 은행",
    "파운드리 · 2나노 · 수율",
    "로봇 · 휴머노이드"
  };

  private static Row article(
      String id, String url, String outlet, String title, String body, LocalDate day) {
    return RowFactory.create(
        id,
        id,
        url,
        outlet,
        "홍길동",
        title,
        body,
        "economy",
        Timestamp.from(day.atTime(9, 0).atZone(SEOUL).toInstant()),
        Date.valueOf(day),
        "record",
        body.length(),
        Integer.toHexString(body.hashCode()),
        "fixture.jsonl",
        1L,
        Timestamp.from(Instant.parse("2025-12-04T01:00:00Z")),
        "ingest-fixture",
        YearMonth.from(day).toString());
  }

  private static Row duplicate(
      String id, String of, String outlet, String title, String body, LocalDate day) {
    return RowFactory.create(
        id,
        id,
        null,
        outlet,
        "홍길동",
        title,
        body,
        "economy",
        Timestamp.from(day.atTime(10, 0).atZone(SEOUL).toInstant()),
        Date.valueOf(day),
        "record",
        body.length(),
        Integer.toHexString(body.hashCode()),
        "fixture.jsonl",
        2L,
        Timestamp.from(Instant.parse("2025-12-04T01:00:00Z")),
        "ingest-fixture",
        of,
        "exact",
        1.0,
        YearMonth.from(day).toString());
  }

  private static Row figure(
      String articleId,
      int index,
      String surface,
      String metric,
      String subject,
      String sentence,
      BigDecimal krw,
      LocalDate day) {
    return RowFactory.create(
        articleId,
        index,
        0,
        surface.length(),
        surface,
        krw.setScale(6),
        surface,
        "KRW",
        null,
        null,
        null,
        metric,
        subject,
        null,
        "2025Q3",
        "3분기",
        null,
        null,
        null,
        krw.setScale(6),
        krw.divide(new BigDecimal("1400"), 6, java.math.RoundingMode.HALF_UP),
        sentence,
        false,
        false,
        Date.valueOf(day),
        "figures-fixture",
        YearMonth.from(day).toString());
  }

  // ------------------------------------------------------------------ trend tables

  static final StructType SECTOR_TRENDS =
      new StructType()
          .add("period_start", DateType)
          .add("period_end", DateType)
          .add("sector", StringType)
          .add("sector_name", StringType)
          .add("article_count", LongType)
          .add("share_of_articles", DoubleType)
          .add("share_change_points", DoubleType)
          .add("count_change_pct", DoubleType)
          .add("outlet_count", LongType)
          .add("days_with_data", IntegerType)
          .add("coverage", DoubleType)
          .add("is_partial", BooleanType)
          .add("top_terms", StringType)
          .add("figure_count", LongType)
          .add("investment_krw", Tables.FIGURE_DECIMAL)
          .add("investment_events", LongType)
          .add("median_growth_pct", DoubleType)
          .add("run_id", StringType)
          .add("period_type", StringType)
          .add("period", StringType);
  static final StructType TOPIC_TRENDS =
      new StructType()
          .add("period_start", DateType)
          .add("period_end", DateType)
          .add("model_version", StringType)
          .add("topic_id", IntegerType)
          .add("topic_label", StringType)
          .add("sector", StringType)
          .add("article_count", LongType)
          .add("share_of_articles", DoubleType)
          .add("share_change_points", DoubleType)
          .add("count_change_pct", DoubleType)
          .add("outlet_count", LongType)
          .add("coverage", DoubleType)
          .add("is_partial", BooleanType)
          .add("top_terms", StringType)
          .add("figure_count", LongType)
          .add("run_id", StringType)
          .add("period_type", StringType)
          .add("period", StringType);
  static final StructType TERM_TRENDS =
      new StructType()
          .add("period_start", DateType)
          .add("period_end", DateType)
          .add("term", StringType)
          .add("document_frequency", LongType)
          .add("article_share", DoubleType)
          .add("baseline_share", DoubleType)
          .add("baseline_periods", IntegerType)
          .add("lift", DoubleType)
          .add("z_score", DoubleType)
          .add("is_emerging", BooleanType)
          .add("first_seen", DateType)
          .add("run_id", StringType)
          .add("period_type", StringType)
          .add("period", StringType);
  static final StructType COMPANY_METRICS =
      new StructType()
          .add("company_id", StringType)
          .add("company_name", StringType)
          .add("sector", StringType)
          .add("metric", StringType)
          .add("period_start", DateType)
          .add("period_end", DateType)
          .add("is_forecast", BooleanType)
          .add("is_band", BooleanType)
          .add("value", Tables.FIGURE_DECIMAL)
          .add("value_min", Tables.FIGURE_DECIMAL)
          .add("value_max", Tables.FIGURE_DECIMAL)
          .add("unit", StringType)
          .add("value_krw", Tables.FIGURE_DECIMAL)
          .add("value_usd", Tables.FIGURE_DECIMAL)
          .add("n_reports", LongType)
          .add("n_articles", LongType)
          .add("n_outlets", LongType)
          .add("first_reported_at", TimestampType)
          .add("evidence_article_ids", StringType)
          .add("run_id", StringType)
          .add("period_type", StringType)
          .add("period", StringType);
  static final StructType INVESTMENT_EVENTS =
      new StructType()
          .add("event_id", StringType)
          .add("company_id", StringType)
          .add("company_name", StringType)
          .add("counterparty", StringType)
          .add("amount", Tables.FIGURE_DECIMAL)
          .add("unit", StringType)
          .add("amount_krw", Tables.FIGURE_DECIMAL)
          .add("amount_usd", Tables.FIGURE_DECIMAL)
          .add("event_date", DateType)
          .add("sector", StringType)
          .add("n_articles", LongType)
          .add("n_outlets", LongType)
          .add("evidence_article_ids", StringType)
          .add("sentence", StringType)
          .add("run_id", StringType)
          .add("period_type", StringType)
          .add("period", StringType);

  /**
   * Quarterly revenue (trillion won) of five companies, 2024Q3 to 2025Q3, and how often each is
   * reported.
   */
  static final Map<String, double[]> REVENUE = new LinkedHashMap<>();

  static {
    REVENUE.put("삼성전자", new double[] {79.1, 75.8, 79.1, 74.6, 86.1});
    REVENUE.put("SK하이닉스", new double[] {17.6, 19.8, 17.6, 22.2, 24.4});
    REVENUE.put("현대자동차", new double[] {42.9, 46.6, 44.4, 48.3, 46.7});
    REVENUE.put("LG에너지솔루션", new double[] {6.9, 6.5, 6.3, 5.6, 5.7});
    REVENUE.put("네이버", new double[] {2.7, 2.9, 2.8, 3.0, 3.1});
    REVENUE.put("작은회사", new double[] {0.1, 0.1, 0.1, 0.1, 0.1});
  }

  static final String[] QUARTERS = {"2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3"};

  public static final String AGENCY_ID = "motie";
  public static final String AGENCY_NAME = "산업통상자원부";

  /** The {@code companies} lookup: the companies of {@link #REVENUE} and one agency. */
  private static void writeCompanies(SparkSession spark, String tablesRoot) {
    List<Row> rows = new ArrayList<>();
    int rank = 0;
    for (String name : REVENUE.keySet()) {
      rows.add(
          RowFactory.create(
              "c" + rank, name, null, SECTORS[rank % SECTORS.length], "company", name));
      rank++;
    }
    rows.add(RowFactory.create(AGENCY_ID, AGENCY_NAME, null, "other", "agency", AGENCY_NAME));
    new TableStore(spark, tablesRoot)
        .write(Tables.COMPANIES, spark.createDataFrame(rows, Tables.COMPANIES.schema()));
  }

  static void writeTrends(SparkSession spark, String tablesRoot, Written written) {
    List<Row> sectorRows = new ArrayList<>();
    List<Row> topicRows = new ArrayList<>();
    List<Row> termRows = new ArrayList<>();
    Map<String, Integer> previousCounts = null;
    int previousTotal = 0;
    for (YearMonth month : MONTHS) {
      String label = month.toString();
      Map<String, Integer> counts = written.sectorCounts().get(label);
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      boolean partial = month.equals(YearMonth.from(LAST_DAY));
      Date start = Date.valueOf(month.atDay(1));
      Date end = Date.valueOf(month.atEndOfMonth());
      for (int s = 0; s < SECTORS.length; s++) {
        int count = counts.getOrDefault(SECTORS[s], 0);
        double share = (double) count / total;
        Double change = null;
        Double countChange = null;
        if (previousCounts != null) {
          int before = previousCounts.getOrDefault(SECTORS[s], 0);
          change = 100 * (share - (double) before / previousTotal);
          countChange = before == 0 ? null : 100.0 * (count - before) / before;
        }
        sectorRows.add(
            RowFactory.create(
                start,
                end,
                SECTORS[s],
                SECTOR_NAMES[s],
                (long) count,
                share,
                change,
                countChange,
                (long) Math.min(count, OUTLETS.length),
                Math.min(count, 20),
                Math.min(count, 20) / 30.0,
                partial,
                TOPIC_LABELS[s].replace(" · ", ","),
                (long) count / 3,
                new BigDecimal(count * 150).multiply(new BigDecimal("100000000")).setScale(6),
                (long) count / 4,
                3.5 + s,
                "trends-fixture",
                "month",
                label));
      }
      int m = MONTHS.indexOf(month);
      for (int t = 0; t < TOPIC_LABELS.length; t++) {
        long count = 3 + ((t * 5 + m * 3) % 11);
        topicRows.add(
            RowFactory.create(
                start,
                end,
                MODEL_VERSION,
                t,
                TOPIC_LABELS[t],
                SECTORS[t % SECTORS.length],
                count,
                count / 60.0,
                m == 0 ? null : (t - 3) * 0.7,
                null,
                3L,
                0.9,
                partial,
                TOPIC_LABELS[t].replace(" · ", ","),
                2L,
                "trends-fixture",
                "month",
                label));
      }
      String[] terms = {
        "hbm4",
        "에이전트",
        "휴머노이드",
        "2나노",
        "전고체배터리",
        "스테이블코인",
        "온디바이스ai",
        "수율",
        "기술수출",
        "6g",
        FORMULA_TERM,
        "시장",
        "업계"
      };
      for (int t = 0; t < terms.length; t++) {
        boolean generic = t >= terms.length - 2;
        boolean emerging = !generic && ((t + m) % 2 == 0 || terms[t].equals(FORMULA_TERM));
        double lift = generic ? 1.0 : 1.5 + ((t * 7 + m) % 9) * 0.4;
        termRows.add(
            RowFactory.create(
                start,
                end,
                terms[t],
                (long) (5 + t),
                (5.0 + t) / total,
                0.02,
                6,
                lift,
                lift * 1.3,
                emerging,
                Date.valueOf(LocalDate.of(2025, 6, 1).plusDays(17L * t)),
                "trends-fixture",
                "month",
                label));
      }
      previousCounts = counts;
      previousTotal = total;
    }
    List<Row> metricRows = new ArrayList<>();
    // An agency with a "revenue" reported more often than any company's (an extractor's mistake):
    // the revenue chart lists companies only. Reported long before, so no period's facts show it.
    for (int q = 0; q < QUARTERS.length; q++) {
      LocalDate qStart = ReportPeriod.parse(ReportPeriod.Type.QUARTER, QUARTERS[q]).start();
      BigDecimal krw = new BigDecimal("90000000000000.000000");
      metricRows.add(
          RowFactory.create(
              AGENCY_ID,
              AGENCY_NAME,
              "other",
              "revenue",
              Date.valueOf(qStart),
              Date.valueOf(qStart.plusMonths(3).minusDays(1)),
              false,
              false,
              new BigDecimal("90.000000"),
              null,
              null,
              "조 원",
              krw,
              null,
              30L,
              30L,
              4L,
              Timestamp.from(LocalDate.of(2020, 1, 1).atStartOfDay(SEOUL).toInstant()),
              "a1",
              "trends-fixture",
              "quarter",
              QUARTERS[q]));
    }
    writeCompanies(spark, tablesRoot);
    int rank = 0;
    for (Map.Entry<String, double[]> company : REVENUE.entrySet()) {
      for (int q = 0; q < QUARTERS.length; q++) {
        LocalDate qStart = ReportPeriod.parse(ReportPeriod.Type.QUARTER, QUARTERS[q]).start();
        LocalDate qEnd = qStart.plusMonths(3).minusDays(1);
        BigDecimal krw =
            BigDecimal.valueOf(company.getValue()[q])
                .multiply(new BigDecimal("1000000000000"))
                .setScale(6);
        // Half of the companies report the third quarter in November, the others in late October.
        Instant reported = qEnd.plusDays(rank % 2 == 0 ? 45 : 29).atStartOfDay(SEOUL).toInstant();
        metricRows.add(
            RowFactory.create(
                "c" + rank,
                company.getKey(),
                SECTORS[rank % SECTORS.length],
                "revenue",
                Date.valueOf(qStart),
                Date.valueOf(qEnd),
                false,
                false,
                krw.divide(new BigDecimal("1000000000000")).setScale(6),
                null,
                null,
                "조 원",
                krw,
                krw.divide(new BigDecimal("1400"), 6, java.math.RoundingMode.HALF_UP),
                10L - rank,
                10L - rank,
                4L,
                Timestamp.from(reported),
                "a1,a2",
                "trends-fixture",
                "quarter",
                QUARTERS[q]));
      }
      // A forecast of the next quarter (10% above the third): it must stay out of the revenue
      // chart.
      BigDecimal forecast =
          BigDecimal.valueOf(company.getValue()[QUARTERS.length - 1] * 1.1)
              .setScale(1, java.math.RoundingMode.HALF_UP);
      metricRows.add(
          RowFactory.create(
              "c" + rank,
              company.getKey(),
              SECTORS[rank % SECTORS.length],
              "revenue",
              Date.valueOf(LocalDate.of(2025, 10, 1)),
              Date.valueOf(LocalDate.of(2025, 12, 31)),
              true,
              false,
              forecast.setScale(6),
              null,
              null,
              "조 원",
              forecast.multiply(new BigDecimal("1000000000000")).setScale(6),
              null,
              2L,
              2L,
              2L,
              Timestamp.from(LocalDate.of(2025, 11, 12).atStartOfDay(SEOUL).toInstant()),
              "a3",
              "trends-fixture",
              "quarter",
              "2025Q4"));
      rank++;
    }
    List<Row> investmentRows = new ArrayList<>();
    investmentRows.add(
        RowFactory.create(
            "e1",
            "c0",
            "삼성전자",
            "텍사스 테일러시",
            new BigDecimal("37").setScale(6),
            "억 달러",
            new BigDecimal("51800000000000").setScale(6),
            new BigDecimal("3700000000").setScale(6),
            Date.valueOf(LocalDate.of(2025, 11, 14)),
            "semiconductor",
            6L,
            4L,
            "a1,a2",
            "삼성전자가 텍사스에 370억 달러를 추가 투자한다.",
            "trends-fixture",
            "month",
            "2025-11"));
    investmentRows.add(
        RowFactory.create(
            "e2",
            "c2",
            "현대자동차",
            null,
            new BigDecimal("2.1").setScale(6),
            "조 원",
            new BigDecimal("2100000000000").setScale(6),
            null,
            Date.valueOf(LocalDate.of(2025, 11, 3)),
            "battery_ev_auto",
            2L,
            2L,
            "a4",
            "현대자동차는 전기차 공장에 2조1천억 원을 투자한다.",
            "trends-fixture",
            "month",
            "2025-11"));
    write(spark, tablesRoot, "sector_trends", SECTOR_TRENDS, sectorRows);
    write(spark, tablesRoot, "topic_trends", TOPIC_TRENDS, topicRows);
    write(spark, tablesRoot, "term_trends", TERM_TRENDS, termRows);
    write(spark, tablesRoot, "company_metrics", COMPANY_METRICS, metricRows);
    write(spark, tablesRoot, "investment_events", INVESTMENT_EVENTS, investmentRows);
  }

  private static void write(
      SparkSession spark, String root, String name, StructType schema, List<Row> rows) {
    spark
        .createDataFrame(rows, schema)
        .write()
        .mode("overwrite")
        .partitionBy("period_type")
        .parquet(root + "/" + name);
  }
}
