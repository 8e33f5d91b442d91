package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * Per-article failure isolation for the stages that process one article at a time (figures, terms):
 * an exception while processing one article becomes a row of the {@code errors} table and the stage
 * goes on with the other articles.
 *
 * <p>How, without a second pass over the bodies: the stage's {@code mapPartitions} emits
 * <em>tagged</em> rows, the output table's columns followed by four error columns that are null on
 * a good row. The tagged rows are persisted once ({@link #split}); one count over them computes
 * every article once and tells how many failed; the good rows are then written from the persisted
 * copy and the error rows go to {@code errors}. When more than {@code --max-error-ratio} of the
 * processed articles failed, the error rows are still written (they say why) but the output table
 * is not touched and the run fails.
 *
 * <p>Example: with 300 articles and the default ratio 0.01, three failing articles give three
 * {@code errors} rows and a successful run whose {@code runs.errors} is 3; four fail the run.
 *
 * <p>Known weakness: an error that kills the executor JVM (out of memory, a native crash) is not an
 * exception of one article and still fails the stage; Spark retries the task, then the run fails,
 * leaving the previous tables as they were.
 */
final class ArticleFailsafe {

  /** One article in a hundred may fail before a run stops. */
  static final double DEFAULT_MAX_ERROR_RATIO = 0.01;

  static final JobOption<Double> MAX_ERROR_RATIO =
      JobOption.decimal(
          "max-error-ratio",
          DEFAULT_MAX_ERROR_RATIO,
          0.0,
          1.0,
          "Largest share of the processed articles whose processing may throw (each gets an errors row); above it the run fails and writes no output");

  static final String ERROR_MESSAGE = "__error_message";
  static final String ERROR_STACK = "__error_stack";
  static final String ERROR_EXCERPT = "__error_excerpt";
  static final String ERROR_AT = "__error_at";

  /** Characters of the failing input kept in {@code input_excerpt}. */
  static final int EXCERPT_CHARS = 300;

  /** Characters of the stack trace kept in {@code stack_trace}. */
  static final int STACK_CHARS = 8_000;

  /**
   * Article ids for which processing throws on purpose: lets a test check the isolation with a real
   * failure inside a real stage (executors of a local session share this JVM). Null in production.
   */
  static volatile Predicate<String> injectedFailure;

  private ArticleFailsafe() {}

  /** The output table's columns, all nullable, followed by the four error columns. */
  static StructType taggedSchema(TableSpec table) {
    StructType tagged = new StructType();
    for (StructField field : table.schema().fields()) {
      tagged = tagged.add(field.name(), field.dataType(), true);
    }
    return tagged
        .add(ERROR_MESSAGE, DataTypes.StringType, true)
        .add(ERROR_STACK, DataTypes.StringType, true)
        .add(ERROR_EXCERPT, DataTypes.StringType, true)
        .add(ERROR_AT, DataTypes.TimestampType, true);
  }

  /**
   * The tagged rows of every article: {@code rowsOf} gives the output rows of one article in the
   * table's column order; when it throws, one error row carries the article id, its month and the
   * failure instead.
   *
   * @param table the output table ({@code article_id} and {@code published_month} are filled on an
   *     error row)
   * @param articleId the article's id
   * @param month the article's {@code published_month}
   * @param excerpt the input whose processing failed (its start goes to {@code input_excerpt})
   */
  static <T> Iterator<Row> tagged(
      Iterator<T> articles,
      TableSpec table,
      Function<T, String> articleId,
      Function<T, String> month,
      Function<T, String> excerpt,
      Function<T, List<Row>> rowsOf) {
    int width = table.schema().size();
    int idIndex = table.schema().fieldIndex(Col.ARTICLE_ID);
    int monthIndex = table.schema().fieldIndex(Col.PUBLISHED_MONTH);
    return ArticleSelection.flatMap(
        articles,
        article -> {
          try {
            Predicate<String> failure = injectedFailure;
            if (failure != null && failure.test(articleId.apply(article))) {
              throw new IllegalStateException(
                  "injected failure for article " + articleId.apply(article));
            }
            List<Row> rows = rowsOf.apply(article);
            return rows.stream().map(row -> withoutError(row, width)).toList();
          } catch (RuntimeException | StackOverflowError e) {
            // A pathological body can overflow a recursive parser: that is one article's failure
            // too.
            Object[] values = new Object[width + 4];
            values[idIndex] = articleId.apply(article);
            values[monthIndex] = month.apply(article);
            values[width] =
                String.valueOf(
                    e.getMessage() == null
                        ? e.getClass().getName()
                        : e.getClass().getSimpleName() + ": " + e.getMessage());
            values[width + 1] = truncate(stackTrace(e), STACK_CHARS);
            values[width + 2] = truncate(excerpt.apply(article), EXCERPT_CHARS);
            values[width + 3] = Timestamp.from(Instant.now());
            return List.of(RowFactory.create(values));
          }
        });
  }

  /**
   * The table row (already built by name) followed by the four error columns, unset: the tagged
   * schema is the table's own columns in order plus those four, so copying by position is exact.
   */
  private static Row withoutError(Row row, int width) {
    Object[] values = new Object[width + 4];
    for (int i = 0; i < width; i++) {
      values[i] = row.get(i);
    }
    return RowFactory.create(values);
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  private static String truncate(String text, int limit) {
    return text == null || text.length() <= limit ? text : text.substring(0, limit);
  }

  /**
   * What {@link #split} found: the good rows (persisted; release with {@link #release}) and the
   * error count.
   */
  record Split(Dataset<Row> tagged, Dataset<Row> output, long errors) {
    void release() {
      tagged.unpersist();
    }
  }

  /**
   * Persists the tagged rows, computing every article once, and counts the failed articles. The
   * output rows come from the persisted copy, so writing them does not process the articles again.
   */
  static Split split(Dataset<Row> tagged, TableSpec table) {
    Dataset<Row> persisted = tagged.persist(StorageLevel.MEMORY_AND_DISK());
    long errors = persisted.filter(col(ERROR_MESSAGE).isNotNull()).count();
    Column[] columns =
        java.util.Arrays.stream(table.columnNames()).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> output = persisted.filter(col(ERROR_MESSAGE).isNull()).select(columns);
    return new Split(persisted, output, errors);
  }

  /**
   * Writes the error rows of a split, if any, to {@code errors} under {@code stage}, then fails
   * when their share of the {@code processed} articles is above {@code maxRatio}.
   *
   * @throws TooManyErrorsException when the share is above the ratio; nothing but the errors rows
   *     is written then
   */
  static void recordErrors(
      TableStore store,
      Split split,
      TableSpec output,
      String stage,
      String runId,
      long processed,
      double maxRatio) {
    if (split.errors() == 0) {
      return;
    }
    Dataset<Row> errors =
        split
            .tagged()
            .filter(col(ERROR_MESSAGE).isNotNull())
            .select(
                col(Col.ARTICLE_ID),
                col(ERROR_MESSAGE).as(Col.MESSAGE),
                col(ERROR_STACK).as(Col.STACK_TRACE),
                col(ERROR_EXCERPT).as(Col.INPUT_EXCERPT),
                lit(runId).as(Col.RUN_ID),
                col(ERROR_AT).as(Col.FAILED_AT),
                lit(stage).as(Col.STAGE));
    store.write(Tables.ERRORS, errors);
    double ratio = processed == 0 ? 0 : (double) split.errors() / processed;
    System.out.printf(
        Locale.ROOT,
        "%s: %d of %d articles failed (%.2f%%); see the errors table, stage=%s, run_id=%s%n",
        stage,
        split.errors(),
        processed,
        100 * ratio,
        stage,
        runId);
    if (ratio > maxRatio) {
      String example =
          split
              .tagged()
              .filter(col(ERROR_MESSAGE).isNotNull())
              .select(ERROR_MESSAGE)
              .first()
              .getString(0);
      throw new TooManyErrorsException(
          String.format(
              Locale.ROOT,
              "%d of %d articles (%.2f%%) failed in %s, more than --max-error-ratio %s: nothing was written to %s. "
                  + "The errors table has one row per failed article (stage=%s, run_id=%s), e.g.: %s",
              split.errors(),
              processed,
              100 * ratio,
              stage,
              maxRatio,
              output.name(),
              stage,
              runId,
              example),
          split.errors());
    }
  }

  /** A run failed because too many of its articles failed; carries the count for the runs table. */
  static final class TooManyErrorsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final long errors;

    TooManyErrorsException(String message, long errors) {
      super(message);
      this.errors = errors;
    }

    long errors() {
      return errors;
    }
  }
}
