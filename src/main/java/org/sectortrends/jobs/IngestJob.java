package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sectortrends.corpus.ColumnMap;
import org.sectortrends.corpus.CorpusReader;
import org.sectortrends.corpus.IngestRows;
import org.sectortrends.corpus.IngestSettings;
import org.sectortrends.corpus.InputFormat;
import org.sectortrends.corpus.InputPlan;
import org.sectortrends.corpus.InputPlanner;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * {@code ingest}: reads a corpus in any supported format, normalizes it, resolves bylines and
 * dates, removes exact and near duplicates, and writes {@code articles}, {@code duplicates} and
 * {@code quarantine}. Every input record ends in exactly one of the three or is recognized as
 * already ingested, and the run checks that read = new articles + new duplicates + quarantined +
 * already present before it changes any table.
 *
 * <p>By default a run adds its input to what {@code --out} holds (see {@link IncrementalIngest}):
 * the same input twice changes nothing, a repost of an earlier article becomes a duplicate of it
 * whichever run brought it, and a late article is merged into its month. {@code --rebuild}
 * recomputes the tables from the given input alone. A run whose input is mostly quarantined (more
 * than {@code --max-quarantine-ratio}) writes nothing and fails with the likely fix.
 */
public final class IngestJob implements SparkJob {

  static final JobOption<List<String>> INPUT =
      JobOption.list(
          "input",
          "PATH",
          IngestJobSettings.DEFAULT_INPUT,
          "Input files, directories or globs on any Hadoop filesystem (local, hdfs://, s3a://)");
  static final JobOption<Optional<InputFormat>> FORMAT =
      JobOption.parsed(
          "format",
          "FORMAT",
          Optional.empty(),
          s -> Optional.of(InputFormat.parse(s)),
          "jsonl, csv, tsv, parquet or text; by default from each file's extension");
  static final JobOption<ColumnMap> COLUMN_MAP =
      JobOption.parsed(
          "column-map",
          "FIELD=COLUMN,...",
          ColumnMap.identity(),
          ColumnMap::parse,
          "Input columns for the fields id, url, title, body, published_at, outlet, reporter, section");
  static final JobOption<java.time.LocalDate> DEFAULT_DATE =
      JobOption.date(
          "default-date",
          "Publication date of records with none in the record or the path (otherwise they stay undated)");
  static final JobOption<Integer> MIN_BODY_CHARS =
      JobOption.integer(
          "min-body-chars",
          IngestSettings.DEFAULT_MIN_BODY_CHARS,
          1,
          1_000_000,
          "Bodies shorter than this many characters are quarantined");
  static final JobOption<Integer> MAX_RECORD_BYTES =
      JobOption.integer(
          "max-record-bytes",
          IngestSettings.DEFAULT_MAX_RECORD_BYTES,
          1024,
          Integer.MAX_VALUE - 64,
          "Records larger than this many bytes are quarantined");
  static final JobOption<Integer> MAX_PAYLOAD_CHARS =
      JobOption.integer(
          "max-payload-chars",
          IngestSettings.DEFAULT_MAX_PAYLOAD_CHARS,
          0,
          1 << 24,
          "Quarantine rows keep at most this much of the original record");
  static final JobOption<Double> NEAR_DUPLICATE_THRESHOLD =
      JobOption.decimal(
          "near-duplicate-threshold",
          IngestJobSettings.DEFAULT_NEAR_DUPLICATE_THRESHOLD,
          0.01,
          1.0,
          "Jaccard similarity of character shingles at or above which two articles are near duplicates");
  static final JobOption<Boolean> REBUILD =
      JobOption.flag(
          "rebuild",
          "Recompute articles, duplicates and quarantine from this input only, instead of adding it to what --out holds");
  static final JobOption<Double> MAX_QUARANTINE_RATIO =
      JobOption.decimal(
          "max-quarantine-ratio",
          IngestJobSettings.DEFAULT_MAX_QUARANTINE_RATIO,
          0.0,
          1.0,
          "Fail without writing any table when more than this share of the input records is quarantined");
  static final JobOption<Integer> SPLIT_MB =
      JobOption.integer(
          "split-mb",
          (int) (InputPlanner.DEFAULT_SPLIT_BYTES >> 20),
          1,
          1 << 14,
          "Uncompressed line files larger than this many MiB are read by several tasks");

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public String summary() {
    return "Reads, normalizes and deduplicates a news corpus into the articles, duplicates and quarantine tables.";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(
        INPUT,
        FORMAT,
        COLUMN_MAP,
        DEFAULT_DATE,
        MIN_BODY_CHARS,
        MAX_RECORD_BYTES,
        MAX_PAYLOAD_CHARS,
        NEAR_DUPLICATE_THRESHOLD,
        REBUILD,
        MAX_QUARANTINE_RATIO,
        SPLIT_MB,
        CommonOptions.OUT,
        CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) throws IOException {
    JobContext context = JobContext.current(name());
    IngestJobSettings settings = IngestJobSettings.from(options, context.started());
    InputPlan plan;
    try {
      plan =
          new InputPlanner(
                  spark.sparkContext().hadoopConfiguration(),
                  settings.format(),
                  settings.splitBytes())
              .plan(settings.inputs());
    } catch (IllegalArgumentException e) {
      throw new UsageException("Bad value for --input: " + e.getMessage(), e);
    }
    if (!plan.skippedFiles().isEmpty()) {
      System.err.println(
          "ingest: skipped "
              + plan.skippedFiles().size()
              + " file(s) with no known format extension, e.g. "
              + plan.skippedFiles().get(0));
    }

    Dataset<Row> outcomes =
        CorpusReader.read(spark, plan, settings.records()).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return ingest(spark, options, settings, context, plan, outcomes);
    } finally {
      outcomes.unpersist();
    }
  }

  private RunSummary ingest(
      SparkSession spark,
      JobOptions options,
      IngestJobSettings settings,
      JobContext context,
      InputPlan plan,
      Dataset<Row> outcomes)
      throws IOException {
    long read = 0;
    Map<String, Long> quarantined = new HashMap<>();
    for (Row row :
        outcomes.groupBy(col(IngestRows.OUTCOME), col(Col.REASON)).count().collectAsList()) {
      read += row.getLong(2);
      if (IngestRows.QUARANTINE.equals(row.getString(0))) {
        quarantined.put(row.getString(1), row.getLong(2));
      }
    }
    long quarantinedTotal = quarantined.values().stream().mapToLong(Long::longValue).sum();
    double maxRatio = settings.maxQuarantineRatio();
    if (read > 0 && quarantinedTotal > maxRatio * read) {
      throw new RejectedRunException(
          String.format(
              Locale.ROOT,
              "%d of %d input records quarantined (%.0f%%, more than --max-quarantine-ratio %s); "
                  + "no table was written. Top reasons: %s. %s",
              quarantinedTotal,
              read,
              100.0 * quarantinedTotal / read,
              maxRatio,
              topReasons(quarantined, 3),
              IngestAdvice.likelyFix(quarantined, settings.format(), plan)),
          new RunSummary(
              context.runId(),
              name(),
              context.started(),
              null,
              RunSummary.FAILED,
              read,
              0,
              0,
              quarantined,
              null,
              0L,
              ""));
    }

    Timestamp ingestedAt = Timestamp.from(context.started());
    Dataset<Row> articles =
        outcomes
            .filter(col(IngestRows.OUTCOME).equalTo(IngestRows.ARTICLE))
            .withColumn(Col.INGESTED_AT, lit(ingestedAt))
            .withColumn(Col.RUN_ID, lit(context.runId()))
            .withColumn(
                Col.PUBLISHED_MONTH,
                coalesce(
                    date_format(col(Col.PUBLISHED_DATE), "yyyy-MM"), lit(Tables.UNDATED_MONTH)));
    Dataset<Row> quarantine =
        outcomes
            .filter(col(IngestRows.OUTCOME).equalTo(IngestRows.QUARANTINE))
            .withColumn(Col.QUARANTINED_AT, lit(ingestedAt))
            .withColumn(Col.RUN_ID, lit(context.runId()));

    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    IncrementalIngest.Result result =
        new IncrementalIngest(store, settings.nearDuplicateThreshold(), settings.rebuild())
            .apply(articles, quarantine);
    if (read
        != result.newArticles()
            + result.newDuplicates()
            + quarantinedTotal
            + result.alreadyPresent()) {
      // Checked before the commit: the staged rows are dropped and no table changes.
      result.abandon();
      throw new IllegalStateException(
          "Accounting broken: read "
              + read
              + " != new articles "
              + result.newArticles()
              + " + new duplicates "
              + result.newDuplicates()
              + " + quarantined "
              + quarantinedTotal
              + " + already present "
              + result.alreadyPresent()
              + "; no table was written");
    }
    result.commit();
    StringBuilder message = new StringBuilder(settings.rebuild() ? "rebuilt" : "incremental");
    message.append("; already present: ").append(result.alreadyPresent());
    if (result.storedBecameDuplicates() > 0) {
      message
          .append("; stored articles now duplicates of earlier new ones: ")
          .append(result.storedBecameDuplicates());
    }
    message.append("; tables: ").append(store.root());
    return new RunSummary(
        context.runId(),
        name(),
        context.started(),
        null,
        RunSummary.SUCCEEDED,
        read,
        result.newArticles(),
        result.newDuplicates(),
        quarantined,
        message.toString(),
        result.newArticles(),
        String.join(",", result.monthsTouched()));
  }

  /** The most frequent quarantine reasons, e.g. {@code malformed_json=13, missing_field=2}. */
  static String topReasons(Map<String, Long> quarantined, int limit) {
    return quarantined.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }
}
