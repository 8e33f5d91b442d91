package org.sectortrends.tables;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

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
 * Korean newsrooms publish. Monthly tables are partitioned by {@code published_month=YYYY-MM},
 * with articles that have no date under {@value #UNDATED_MONTH}. Each table is described for
 * readers in {@code docs/tables.md}.
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
                  f(Col.PERIOD, StringType),
                  f(Col.PERIOD_TEXT, StringType),
                  f(Col.DIRECTION, StringType),
                  f(Col.CHANGE_BASIS, StringType),
                  f(Col.CONVERSION_OF, IntegerType),
                  f(Col.VALUE_KRW, FIGURE_DECIMAL),
                  f(Col.VALUE_USD, FIGURE_DECIMAL),
                  f(Col.SENTENCE, StringType),
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
   * Articles whose processing by a stage threw, one row per article and failed run: the stage
   * went on without them. The article itself stays in {@code articles}; the excerpt is the start
   * of the text that failed, for a quick look.
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
   * The topic and sector of every article. Month-partitioned overwrite: assigning the articles
   * of new months rewrites only those months.
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

  /** Every table, in pipeline order. */
  public static final List<TableSpec> ALL =
      List.of(ARTICLES, DUPLICATES_TABLE, QUARANTINE, RUNS, FIGURES, ARTICLE_TERMS, TOPICS, ARTICLE_TOPICS, ERRORS, DEDUP_KEYS);

  public static Optional<TableSpec> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
