package org.sectortrends.tables;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.TableSpec.WriteMode;

/**
 * Every table the jobs write, with every column name, declared once.
 *
 * <p>Tables are flat (no nested arrays or maps) so that BI tools read them as they are. Timestamps
 * are UTC instants written as INT64 milliseconds; dates are calendar dates in Asia/Seoul, where
 * Korean newsrooms publish. Monthly tables are partitioned by {@code published_month=YYYY-MM}, with
 * articles that have no date under {@value #UNDATED_MONTH}. Each table is described for readers in
 * {@code docs/tables.md}.
 */
public final class Tables {

  /** Partition value for articles without a publication date. */
  public static final String UNDATED_MONTH = "undated";

  /** Money and quantities: 32 integer digits hold 경-scale won; 6 decimals hold rates. */
  public static final DecimalType FIGURE_DECIMAL = DataTypes.createDecimalType(38, 6);

  private Tables() {}

  /** Column names shared by several tables. */
  public static final class Col {
    public static final String ARTICLE_ID = "article_id";
    public static final String SOURCE_ID = "source_id";
    public static final String URL = "url";
    public static final String OUTLET = "outlet";
    public static final String REPORTER = "reporter";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String SECTION = "section";
    public static final String PUBLISHED_AT = "published_at";
    public static final String PUBLISHED_DATE = "published_date";
    public static final String DATE_SOURCE = "date_source";
    public static final String CHAR_COUNT = "char_count";
    public static final String CONTENT_HASH = "content_hash";
    public static final String INPUT_FILE = "input_file";
    public static final String INPUT_LINE = "input_line";
    public static final String INGESTED_AT = "ingested_at";
    public static final String RUN_ID = "run_id";
    public static final String PUBLISHED_MONTH = "published_month";

    public static final String DUPLICATE_OF = "duplicate_of";
    public static final String DUPLICATE_KIND = "duplicate_kind";
    public static final String SIMILARITY = "similarity";

    public static final String INPUT_OFFSET = "input_offset";
    public static final String REASON = "reason";
    public static final String MESSAGE = "message";
    public static final String RAW_PAYLOAD = "raw_payload";
    public static final String RAW_BYTES = "raw_bytes";
    public static final String QUARANTINED_AT = "quarantined_at";

    public static final String JOB = "job";
    public static final String STARTED_AT = "started_at";
    public static final String ENDED_AT = "ended_at";
    public static final String STATUS = "status";
    public static final String INPUT_RECORDS = "input_records";
    public static final String OUTPUT_RECORDS = "output_records";
    public static final String DUPLICATES = "duplicates";
    public static final String QUARANTINED = "quarantined";
    public static final String QUARANTINE_REASONS = "quarantine_reasons";
    public static final String OPTIONS = "options";
    public static final String MONTHS_TOUCHED = "months_touched";
    public static final String NEW_ARTICLES = "new_articles";

    public static final String BAND = "band";
    public static final String BAND_KEY = "band_key";
    public static final String BAND_PLAN = "band_plan";

    public static final String FIGURE_INDEX = "figure_index";
    public static final String SPAN_START = "span_start";
    public static final String SPAN_END = "span_end";
    public static final String SURFACE = "surface";
    public static final String VALUE = "value";
    public static final String VALUE_TEXT = "value_text";
    public static final String UNIT = "unit";
    public static final String COUNTER = "counter";
    public static final String QUALIFIER = "qualifier";
    public static final String RANGE_HIGH = "range_high";
    public static final String METRIC = "metric";
    public static final String SUBJECT = "subject";
    public static final String PERIOD = "period";
    public static final String PERIOD_TEXT = "period_text";
    public static final String DIRECTION = "direction";
    public static final String CHANGE_BASIS = "change_basis";
    public static final String CONVERSION_OF = "conversion_of";
    public static final String VALUE_KRW = "value_krw";
    public static final String VALUE_USD = "value_usd";
    public static final String SENTENCE = "sentence";

    public static final String TERM = "term";
    public static final String COUNT = "count";

    public static final String TOPIC_ID = "topic_id";
    public static final String MODEL_VERSION = "model_version";
    public static final String LABEL = "label";
    public static final String TOP_TERMS = "top_terms";
    public static final String SIZE = "size";
    public static final String SECTOR = "sector";
    public static final String SECTOR_SCORE = "sector_score";
    public static final String TOPIC_SECTOR = "topic_sector";
    public static final String SCORE = "score";
    public static final String CREATED_AT = "created_at";
    public static final String STATE = "state";

    public static final String ERRORS = "errors";
    public static final String STAGE = "stage";
    public static final String STACK_TRACE = "stack_trace";
    public static final String INPUT_EXCERPT = "input_excerpt";
    public static final String FAILED_AT = "failed_at";

    // Figures: company and kind of the reported value.
    public static final String COMPANY_ID = "company_id";
    public static final String IS_FORECAST = "is_forecast";
    public static final String IS_BAND = "is_band";

    // Lookup tables: sectors and companies.
    public static final String SECTOR_ID = "sector_id";
    public static final String NAME_KO = "name_ko";
    public static final String NAME_EN = "name_en";
    public static final String KEYWORDS = "keywords";
    public static final String KIND = "kind";
    public static final String ALIASES = "aliases";

    // Trend tables.
    public static final String PERIOD_TYPE = "period_type";
    public static final String PERIOD_START = "period_start";
    public static final String PERIOD_END = "period_end";
    public static final String SECTOR_NAME = "sector_name";
    public static final String ARTICLE_COUNT = "article_count";
    public static final String SHARE_OF_ARTICLES = "share_of_articles";
    public static final String SHARE_CHANGE_POINTS = "share_change_points";
    public static final String COUNT_CHANGE_PCT = "count_change_pct";
    public static final String OUTLET_COUNT = "outlet_count";
    public static final String DAYS_WITH_DATA = "days_with_data";
    public static final String COVERAGE = "coverage";
    public static final String IS_PARTIAL = "is_partial";
    public static final String FIGURE_COUNT = "figure_count";
    public static final String INVESTMENT_KRW = "investment_krw";
    public static final String INVESTMENT_EVENTS = "investment_events";
    public static final String MEDIAN_GROWTH_PCT = "median_growth_pct";
    public static final String TOPIC_LABEL = "topic_label";
    public static final String DOCUMENT_FREQUENCY = "document_frequency";
    public static final String ARTICLE_SHARE = "article_share";
    public static final String BASELINE_SHARE = "baseline_share";
    public static final String BASELINE_PERIODS = "baseline_periods";
    public static final String LIFT = "lift";
    public static final String Z_SCORE = "z_score";
    public static final String IS_EMERGING = "is_emerging";
    public static final String FIRST_SEEN = "first_seen";
    public static final String COMPANY_NAME = "company_name";
    public static final String VALUE_MIN = "value_min";
    public static final String VALUE_MAX = "value_max";
    public static final String N_REPORTS = "n_reports";
    public static final String N_ARTICLES = "n_articles";
    public static final String N_OUTLETS = "n_outlets";
    public static final String FIRST_REPORTED_AT = "first_reported_at";
    public static final String EVIDENCE_ARTICLE_IDS = "evidence_article_ids";
    public static final String EVENT_ID = "event_id";
    public static final String COUNTERPARTY = "counterparty";
    public static final String AMOUNT = "amount";
    public static final String AMOUNT_KRW = "amount_krw";
    public static final String AMOUNT_USD = "amount_usd";
    public static final String EVENT_DATE = "event_date";

    private Col() {}
  }

  private static StructField f(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }

  private static StructField required(String name, DataType type) {
    return DataTypes.createStructField(name, type, false);
  }

  /** Article columns in the order of the {@code articles} table, without the partition column. */
  private static List<StructField> articleFields() {
    return List.of(
        required(Col.ARTICLE_ID, StringType),
        f(Col.SOURCE_ID, StringType),
        f(Col.URL, StringType),
        f(Col.OUTLET, StringType),
        f(Col.REPORTER, StringType),
        f(Col.TITLE, StringType),
        required(Col.BODY, StringType),
        f(Col.SECTION, StringType),
        f(Col.PUBLISHED_AT, TimestampType),
        f(Col.PUBLISHED_DATE, DateType),
        f(Col.DATE_SOURCE, StringType),
        required(Col.CHAR_COUNT, IntegerType),
        required(Col.CONTENT_HASH, StringType),
        f(Col.INPUT_FILE, StringType),
        f(Col.INPUT_LINE, LongType),
        f(Col.INGESTED_AT, TimestampType),
        f(Col.RUN_ID, StringType));
  }

  private static StructType struct(List<StructField> fields, StructField... more) {
    StructType type = new StructType();
    for (StructField field : fields) {
      type = type.add(field);
    }
    for (StructField field : more) {
      type = type.add(field);
    }
    return type;
  }

  /** Kept articles, one row each: the input of every later stage. */
  public static final TableSpec ARTICLES =
      new TableSpec(
          "articles",
          struct(articleFields(), required(Col.PUBLISHED_MONTH, StringType)),
          WriteMode.OVERWRITE_PARTITIONS,
          Col.PUBLISHED_MONTH);

  /** Articles dropped as exact or near copies of a kept one, with their full content. */
  public static final TableSpec DUPLICATES_TABLE =
      new TableSpec(
          "duplicates",
          struct(
              articleFields(),
              required(Col.DUPLICATE_OF, StringType),
              required(Col.DUPLICATE_KIND, StringType),
              f(Col.SIMILARITY, DoubleType),
              required(Col.PUBLISHED_MONTH, StringType)),
          WriteMode.OVERWRITE_PARTITIONS,
          Col.PUBLISHED_MONTH);

  /** Dead letters: every input record that could not become an article, with its payload. */
  public static final TableSpec QUARANTINE =
      new TableSpec(
          "quarantine",
          struct(
              List.of(
                  f(Col.INPUT_FILE, StringType),
                  f(Col.INPUT_LINE, LongType),
                  f(Col.INPUT_OFFSET, LongType),
                  f(Col.SOURCE_ID, StringType),
                  required(Col.REASON, StringType),
                  f(Col.MESSAGE, StringType),
                  f(Col.RAW_PAYLOAD, StringType),
                  f(Col.RAW_BYTES, BinaryType),
                  f(Col.QUARANTINED_AT, TimestampType)),
              required(Col.RUN_ID, StringType)),
          WriteMode.APPEND,
          Col.RUN_ID);

  /** One row per job run: what it read, wrote, dropped and why. */
  public static final TableSpec RUNS =
      new TableSpec(
          "runs",
          struct(
              List.of(
                  required(Col.RUN_ID, StringType),
                  required(Col.JOB, StringType),
                  f(Col.STARTED_AT, TimestampType),
                  f(Col.ENDED_AT, TimestampType),
                  required(Col.STATUS, StringType),
                  f(Col.INPUT_RECORDS, LongType),
                  f(Col.OUTPUT_RECORDS, LongType),
                  f(Col.DUPLICATES, LongType),
                  f(Col.QUARANTINED, LongType),
                  f(Col.QUARANTINE_REASONS, StringType),
                  f(Col.MESSAGE, StringType),
                  f(Col.OPTIONS, StringType),
                  f(Col.MONTHS_TOUCHED, StringType),
                  f(Col.NEW_ARTICLES, LongType),
                  f(Col.ERRORS, LongType))),
          WriteMode.APPEND);

  /**
   * Near-duplicate lookup keys of every article ingested so far (kept or duplicate), so that a
   * later run compares its new articles with the whole history without reading or shingling the
   * stored bodies again: one row per MinHash band ({@code band} 0..n-1, {@code band_key} the hash
   * of the band's values) and one row with {@code band} -1 whose key is the start of the content
   * hash. {@code band_plan} ({@code BANDSxROWS}, e.g. {@code 7x6}) names the banding the keys were
   * made with; keys of another plan are recomputed. Internal to ingest; BI readers can ignore it.
   */
  public static final TableSpec DEDUP_KEYS =
      new TableSpec(
          "dedup_keys",
          struct(
              List.of(
                  required(Col.ARTICLE_ID, StringType),
                  required(Col.BAND, IntegerType),
                  required(Col.BAND_KEY, LongType),
                  required(Col.BAND_PLAN, StringType)),
              required(Col.PUBLISHED_MONTH, StringType)),
          WriteMode.OVERWRITE_PARTITIONS,
          Col.PUBLISHED_MONTH);

  /**
   * Internal to {@code trends}: per month and term, the dated articles with the term and the first
   * publication date among them. Summed over the months it gives each term's {@code first_seen} and
   * its document frequency in the whole history without reading {@code article_terms} again; a
   * periodic run rewrites only the months it touches.
   */
  public static final TableSpec TERM_MONTHS =
      new TableSpec(
          "term_months",
          struct(
              List.of(
                  required(Col.TERM, StringType),
                  required(Col.DOCUMENT_FREQUENCY, LongType),
                  required(Col.FIRST_SEEN, DateType)),
              required(Col.PUBLISHED_MONTH, StringType)),
          WriteMode.OVERWRITE_PARTITIONS,
          Col.PUBLISHED_MONTH);

  /** One row per figure found in an article body. */
  public static final TableSpec FIGURES =
      new TableSpec(
          "figures",
          struct(
              List.of(
                  required(Col.ARTICLE_ID, StringType),
                  required(Col.FIGURE_INDEX, IntegerType),
                  required(Col.SPAN_START, IntegerType),
                  required(Col.SPAN_END, IntegerType),
                  required(Col.SURFACE, StringType),
                  f(Col.VALUE, FIGURE_DECIMAL),
                  required(Col.VALUE_TEXT, StringType),
                  required(Col.UNIT, StringType),
                  f(Col.COUNTER, StringType),
                  f(Col.QUALIFIER, StringType),
                  f(Col.RANGE_HIGH, FIGURE_DECIMAL),
                  f(Col.METRIC, StringType),
                  f(Col.SUBJECT, StringType),
                  f(Col.COMPANY_ID, StringType),
                  f(Col.PERIOD, StringType),
                  f(Col.PERIOD_TEXT, StringType),
                  f(Col.DIRECTION, StringType),
                  f(Col.CHANGE_BASIS, StringType),
                  f(Col.CONVERSION_OF, IntegerType),
                  f(Col.VALUE_KRW, FIGURE_DECIMAL),
                  f(Col.VALUE_USD, FIGURE_DECIMAL),
                  f(Col.SENTENCE, StringType),
                  f(Col.IS_FORECAST, BooleanType),
                  f(Col.IS_BAND, BooleanType),
                  f(Col.PUBLISHED_DATE, DateType),
                  f(Col.RUN_ID, StringType)),
              required(Col.PUBLISHED_MONTH, StringType)),
          WriteMode.OVERWRITE_PARTITIONS,
          Col.PUBLISHED_MONTH);

  /** Analyzed terms per article: computed once, read by topics and trends. */
  public static final TableSpec ARTICLE_TERMS =
      new TableSpec(
          "article_terms",
          struct(
              List.of(
                  required(Col.ARTICLE_ID, StringType),
                  required(Col.TERM, StringType),
                  required(Col.COUNT, IntegerType)),
              required(Col.PUBLISHED_MONTH, StringType)),
          WriteMode.OVERWRITE_PARTITIONS,
          Col.PUBLISHED_MONTH);

  /** Topics of every model version; retired topics stay with state {@code retired}. */
  public static final TableSpec TOPICS =
      new TableSpec(
          "topics",
          struct(
              List.of(
                  required(Col.TOPIC_ID, IntegerType),
                  required(Col.MODEL_VERSION, StringType),
                  f(Col.LABEL, StringType),
                  f(Col.TOP_TERMS, StringType),
                  f(Col.SIZE, LongType),
                  f(Col.SECTOR, StringType),
                  f(Col.SECTOR_SCORE, DoubleType),
                  f(Col.STATE, StringType),
                  f(Col.CREATED_AT, TimestampType))),
          WriteMode.REPLACE);

  /**
   * Articles whose processing by a stage threw, one row per article and failed run: the stage went
   * on without them. The article itself stays in {@code articles}; the excerpt is the start of the
   * text that failed, for a quick look.
   */
  public static final TableSpec ERRORS =
      new TableSpec(
          "errors",
          struct(
              List.of(
                  f(Col.ARTICLE_ID, StringType),
                  f(Col.MESSAGE, StringType),
                  f(Col.STACK_TRACE, StringType),
                  f(Col.INPUT_EXCERPT, StringType),
                  f(Col.RUN_ID, StringType),
                  f(Col.FAILED_AT, TimestampType)),
              required(Col.STAGE, StringType)),
          WriteMode.APPEND,
          Col.STAGE);

  /**
   * The topic and sector of every article. Month-partitioned overwrite: assigning the articles of
   * new months rewrites only those months.
   */
  public static final TableSpec ARTICLE_TOPICS =
      new TableSpec(
          "article_topics",
          struct(
              List.of(
                  required(Col.ARTICLE_ID, StringType),
                  required(Col.TOPIC_ID, IntegerType),
                  required(Col.MODEL_VERSION, StringType),
                  f(Col.SCORE, DoubleType),
                  f(Col.SECTOR, StringType),
                  f(Col.SECTOR_SCORE, DoubleType),
                  f(Col.TOPIC_SECTOR, StringType),
                  f(Col.PUBLISHED_DATE, DateType)),
              required(Col.PUBLISHED_MONTH, StringType)),
          WriteMode.OVERWRITE_PARTITIONS,
          Col.PUBLISHED_MONTH);

  /** Period columns of every trend table, partition columns last: {@code period_type, period}. */
  private static StructType trendTable(List<StructField> fields) {
    // period_type last: Trino's Hive connector wants the partition column at the end.
    return struct(fields, required(Col.PERIOD, StringType), required(Col.PERIOD_TYPE, StringType));
  }

  /** The inclusive bounds of a trend table's period: {@code period_start, period_end}. */
  private static final List<StructField> PERIOD_BOUNDS =
      List.of(required(Col.PERIOD_START, DateType), required(Col.PERIOD_END, DateType));

  /**
   * A trend table: the given columns, then {@code period, period_type}; partitioned by {@code
   * period_type} and written by {@link TableStore#writePeriods}, which replaces only the periods a
   * run recomputed.
   */
  private static TableSpec periodTable(String name, List<StructField> columns) {
    return new TableSpec(
        name, trendTable(columns), WriteMode.OVERWRITE_PARTITIONS, Col.PERIOD_TYPE);
  }

  /** The parts' columns in order, e.g. {@code columns(PERIOD_BOUNDS, List.of(...))}. */
  @SafeVarargs
  private static List<StructField> columns(List<StructField>... parts) {
    List<StructField> all = new ArrayList<>();
    for (List<StructField> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }

  /** The sectors of the taxonomy with their names; replaced by every {@code trends} run. */
  public static final TableSpec SECTORS =
      new TableSpec(
          "sectors",
          struct(
              List.of(
                  required(Col.SECTOR_ID, StringType),
                  f(Col.NAME_KO, StringType),
                  f(Col.NAME_EN, StringType),
                  f(Col.KEYWORDS, StringType))),
          WriteMode.REPLACE);

  /**
   * Companies, agencies and funds of the company directory; replaced by every {@code trends} run.
   */
  public static final TableSpec COMPANIES =
      new TableSpec(
          "companies",
          struct(
              List.of(
                  required(Col.COMPANY_ID, StringType),
                  f(Col.NAME_KO, StringType),
                  f(Col.NAME_EN, StringType),
                  f(Col.SECTOR_ID, StringType),
                  f(Col.KIND, StringType),
                  f(Col.ALIASES, StringType))),
          WriteMode.REPLACE);

  /** Articles, outlets, terms, figures and investment per sector and period. */
  public static final TableSpec SECTOR_TRENDS =
      periodTable(
          "sector_trends",
          columns(
              PERIOD_BOUNDS,
              List.of(
                  required(Col.SECTOR, StringType),
                  f(Col.SECTOR_NAME, StringType),
                  required(Col.ARTICLE_COUNT, LongType),
                  f(Col.SHARE_OF_ARTICLES, DoubleType),
                  f(Col.SHARE_CHANGE_POINTS, DoubleType),
                  f(Col.COUNT_CHANGE_PCT, DoubleType),
                  f(Col.OUTLET_COUNT, LongType),
                  f(Col.DAYS_WITH_DATA, IntegerType),
                  f(Col.COVERAGE, DoubleType),
                  f(Col.IS_PARTIAL, BooleanType),
                  f(Col.TOP_TERMS, StringType),
                  f(Col.FIGURE_COUNT, LongType),
                  f(Col.INVESTMENT_KRW, FIGURE_DECIMAL),
                  f(Col.INVESTMENT_EVENTS, LongType),
                  f(Col.MEDIAN_GROWTH_PCT, DoubleType),
                  f(Col.RUN_ID, StringType))));

  /** Articles per topic and period, with the model version that assigned them. */
  public static final TableSpec TOPIC_TRENDS =
      periodTable(
          "topic_trends",
          columns(
              PERIOD_BOUNDS,
              List.of(
                  required(Col.MODEL_VERSION, StringType),
                  required(Col.TOPIC_ID, IntegerType),
                  f(Col.TOPIC_LABEL, StringType),
                  f(Col.SECTOR, StringType),
                  required(Col.ARTICLE_COUNT, LongType),
                  f(Col.SHARE_OF_ARTICLES, DoubleType),
                  f(Col.SHARE_CHANGE_POINTS, DoubleType),
                  f(Col.COUNT_CHANGE_PCT, DoubleType),
                  f(Col.OUTLET_COUNT, LongType),
                  f(Col.COVERAGE, DoubleType),
                  f(Col.IS_PARTIAL, BooleanType),
                  f(Col.TOP_TERMS, StringType),
                  f(Col.FIGURE_COUNT, LongType),
                  f(Col.RUN_ID, StringType))));

  /** Document frequency of every term per period against its trailing baseline. */
  public static final TableSpec TERM_TRENDS =
      periodTable(
          "term_trends",
          columns(
              PERIOD_BOUNDS,
              List.of(
                  required(Col.TERM, StringType),
                  required(Col.DOCUMENT_FREQUENCY, LongType),
                  f(Col.ARTICLE_SHARE, DoubleType),
                  f(Col.BASELINE_SHARE, DoubleType),
                  f(Col.BASELINE_PERIODS, IntegerType),
                  f(Col.LIFT, DoubleType),
                  f(Col.Z_SCORE, DoubleType),
                  f(Col.IS_EMERGING, BooleanType),
                  f(Col.FIRST_SEEN, DateType),
                  f(Col.RUN_ID, StringType))));

  /**
   * One row per company, metric and reported period: the consensus of the distinct reports. {@code
   * period_type} here is the type of the reported period (year, half, quarter, month).
   */
  public static final TableSpec COMPANY_METRICS =
      periodTable(
          "company_metrics",
          columns(
              List.of(
                  required(Col.COMPANY_ID, StringType),
                  f(Col.COMPANY_NAME, StringType),
                  f(Col.SECTOR, StringType),
                  required(Col.METRIC, StringType)),
              PERIOD_BOUNDS,
              List.of(
                  required(Col.IS_FORECAST, BooleanType),
                  required(Col.IS_BAND, BooleanType),
                  f(Col.VALUE, FIGURE_DECIMAL),
                  f(Col.VALUE_MIN, FIGURE_DECIMAL),
                  f(Col.VALUE_MAX, FIGURE_DECIMAL),
                  required(Col.UNIT, StringType),
                  f(Col.VALUE_KRW, FIGURE_DECIMAL),
                  f(Col.VALUE_USD, FIGURE_DECIMAL),
                  f(Col.N_REPORTS, LongType),
                  f(Col.N_ARTICLES, LongType),
                  f(Col.N_OUTLETS, LongType),
                  f(Col.FIRST_REPORTED_AT, TimestampType),
                  f(Col.EVIDENCE_ARTICLE_IDS, StringType),
                  f(Col.RUN_ID, StringType))));

  /** One row per investment event, however many articles report it; partitioned by event month. */
  public static final TableSpec INVESTMENT_EVENTS_TABLE =
      periodTable(
          "investment_events",
          List.of(
              required(Col.EVENT_ID, StringType),
              required(Col.COMPANY_ID, StringType),
              f(Col.COMPANY_NAME, StringType),
              f(Col.COUNTERPARTY, StringType),
              f(Col.AMOUNT, FIGURE_DECIMAL),
              f(Col.UNIT, StringType),
              f(Col.AMOUNT_KRW, FIGURE_DECIMAL),
              f(Col.AMOUNT_USD, FIGURE_DECIMAL),
              required(Col.EVENT_DATE, DateType),
              f(Col.SECTOR, StringType),
              f(Col.N_ARTICLES, LongType),
              f(Col.N_OUTLETS, LongType),
              f(Col.EVIDENCE_ARTICLE_IDS, StringType),
              f(Col.SENTENCE, StringType),
              f(Col.RUN_ID, StringType)));

  /** Every table, in pipeline order. */
  public static final List<TableSpec> ALL =
      List.of(
          ARTICLES,
          DUPLICATES_TABLE,
          QUARANTINE,
          RUNS,
          FIGURES,
          ARTICLE_TERMS,
          TOPICS,
          ARTICLE_TOPICS,
          ERRORS,
          SECTORS,
          COMPANIES,
          SECTOR_TRENDS,
          TOPIC_TRENDS,
          TERM_TRENDS,
          COMPANY_METRICS,
          INVESTMENT_EVENTS_TABLE,
          DEDUP_KEYS,
          TERM_MONTHS);

  public static Optional<TableSpec> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
