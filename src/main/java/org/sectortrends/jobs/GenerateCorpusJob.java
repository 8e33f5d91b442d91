package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.sectortrends.generator.ArticleGenerator;
import org.sectortrends.generator.CorpusFormat;
import org.sectortrends.generator.CorpusRecords;
import org.sectortrends.generator.GeneratedArticle;
import org.sectortrends.generator.GeneratorSettings;
import org.sectortrends.generator.SectorSchedule;
import org.sectortrends.generator.TruthRows;

/**
 * {@code generate-corpus}: writes a synthetic Korean news corpus of any size with its ground truth,
 * for benchmarks and for checking every stage against known answers.
 *
 * <p>Layout under {@code --out DIR}: {@code corpus/} (the articles in the chosen format: JSONL part
 * files, text lines under {@code date=YYYY-MM-DD/}, or Parquet), {@code truth/articles} and {@code
 * truth/figures} (Parquet, see {@link TruthRows}), {@code truth/schedule.json} (sector trends and
 * bursts) and {@code generator.json} (the settings and counts; {@code jobs/bench --reuse} checks
 * it). Ingest it with {@code --input DIR/corpus}.
 *
 * <p>Generation is parallel and constant-memory: {@code spark.range(n)} is split into partitions
 * and each article is composed from its index alone ({@link ArticleGenerator}). The corpus and the
 * two truth tables are three passes over the indices, so nothing is cached; regenerating is cheaper
 * than storing.
 */
public final class GenerateCorpusJob implements SparkJob {

  static final JobOption<Integer> ARTICLES =
      JobOption.integer(
          "articles",
          10_000,
          0,
          Integer.MAX_VALUE,
          "Number of records to generate, malformed ones and copies included");
  static final JobOption<Integer> MONTHS =
      JobOption.integer("months", 12, 1, 600, "Months the publication dates span");
  static final JobOption<Integer> SEED =
      JobOption.integer(
          "seed",
          1,
          Integer.MIN_VALUE,
          Integer.MAX_VALUE,
          "Random seed: the same seed and settings give the same corpus");
  static final JobOption<YearMonth> START_MONTH =
      JobOption.parsed(
          "start-month",
          "YYYY-MM",
          YearMonth.of(2025, 1),
          s -> {
            try {
              return YearMonth.parse(s.strip());
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException("not a month in the form YYYY-MM");
            }
          },
          "First month of publication dates");
  static final JobOption<CorpusFormat> FORMAT =
      JobOption.parsed(
          "format",
          "FORMAT",
          CorpusFormat.JSONL,
          CorpusFormat::parse,
          "Corpus format: jsonl, text or parquet");
  static final JobOption<String> COMPRESS =
      JobOption.parsed(
          "compress",
          "CODEC",
          "none",
          s -> {
            String c = s.strip().toLowerCase(Locale.ROOT);
            if (!c.equals("none") && !c.equals("gzip")) {
              throw new IllegalArgumentException("not none or gzip");
            }
            return c;
          },
          "Compression of jsonl and text part files: none or gzip");
  static final JobOption<Double> DUPLICATE_RATE =
      JobOption.decimal(
          "duplicate-rate",
          0.02,
          0,
          0.5,
          "Share of records that are exact copies of an earlier article");
  static final JobOption<Double> NEAR_DUPLICATE_RATE =
      JobOption.decimal(
          "near-duplicate-rate",
          0.02,
          0,
          0.5,
          "Share of records that are lightly edited copies of an earlier article");
  static final JobOption<Double> MALFORMED_RATE =
      JobOption.decimal(
          "malformed-rate",
          0.005,
          0,
          0.5,
          "Share of records broken in a way the ingest must quarantine");
  static final JobOption<Integer> PARTITIONS =
      JobOption.integer(
          "partitions",
          0,
          0,
          100_000,
          "Generation tasks (and part files); 0 picks one per 25,000 articles, at least 2");

  @Override
  public String name() {
    return "generate-corpus";
  }

  @Override
  public String summary() {
    return "Generates a synthetic Korean news corpus with ground truth (sectors, duplicates, malformed records, figures).";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(
        ARTICLES,
        MONTHS,
        SEED,
        START_MONTH,
        FORMAT,
        COMPRESS,
        DUPLICATE_RATE,
        NEAR_DUPLICATE_RATE,
        MALFORMED_RATE,
        PARTITIONS,
        CommonOptions.OUT,
        CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) throws IOException {
    JobContext context = JobContext.current(name());
    GeneratorSettings settings;
    try {
      settings =
          new GeneratorSettings(
              options.get(ARTICLES),
              options.get(MONTHS),
              options.get(SEED),
              options.get(START_MONTH),
              options.get(DUPLICATE_RATE),
              options.get(NEAR_DUPLICATE_RATE),
              options.get(MALFORMED_RATE),
              options.get(FORMAT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("Bad rates: " + e.getMessage(), e);
    }
    String out = stripSlash(options.get(CommonOptions.OUT));
    int partitions =
        options.get(PARTITIONS) > 0
            ? options.get(PARTITIONS)
            : (int) Math.max(2, Math.min(10_000, (settings.articles() + 24_999) / 25_000));
    Dataset<Long> indices = spark.range(0, settings.articles(), 1, partitions);

    LongAccumulator chars = spark.sparkContext().longAccumulator("generated chars");
    writeCorpus(indices, settings, options.get(COMPRESS), out + "/corpus", chars);
    if (settings.format() == CorpusFormat.JSONL) {
      renameTextParts(spark, out + "/corpus");
    }

    indices
        .mapPartitions(
            generating(settings, TruthRows::article), Encoders.row(TruthRows.ARTICLE_SCHEMA))
        .withColumn("published_date", to_date(col("published_date")))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(out + "/truth/" + TruthRows.ARTICLES);
    indices
        .flatMap(figuresOf(settings), Encoders.row(TruthRows.FIGURE_SCHEMA))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(out + "/truth/" + TruthRows.FIGURES);

    SectorSchedule schedule = new ArticleGenerator(settings).schedule();
    writeText(spark, out + "/truth/schedule.json", scheduleJson(schedule));
    writeText(
        spark,
        out + "/generator.json",
        String.format(
            Locale.ROOT,
            "{\"articles\": %d, \"months\": %d, \"seed\": %d, \"start_month\": \"%s\", \"format\": \"%s\", "
                + "\"compress\": \"%s\", \"duplicate_rate\": %s, \"near_duplicate_rate\": %s, \"malformed_rate\": %s, "
                + "\"chars\": %d}\n",
            settings.articles(),
            settings.months(),
            settings.seed(),
            settings.startMonth(),
            settings.format().id(),
            options.get(COMPRESS),
            settings.duplicateRate(),
            settings.nearDuplicateRate(),
            settings.malformedRate(),
            chars.value()));
    return new RunSummary(
        context.runId(),
        name(),
        context.started(),
        null,
        RunSummary.SUCCEEDED,
        settings.articles(),
        settings.articles(),
        0,
        Map.of(),
        "corpus: "
            + out
            + "/corpus ("
            + chars.value()
            + " body characters), truth: "
            + out
            + "/truth");
  }

  private static void writeCorpus(
      Dataset<Long> indices,
      GeneratorSettings settings,
      String compress,
      String dir,
      LongAccumulator chars) {
    switch (settings.format()) {
      case JSONL ->
          indices
              .mapPartitions(
                  generating(
                      settings,
                      a -> {
                        chars.add(a.chars());
                        return CorpusRecords.jsonLine(a);
                      }),
                  Encoders.STRING())
              .write()
              .mode(SaveMode.Overwrite)
              .option("compression", compress)
              .text(dir);
      case TEXT -> {
        // The rows of the generated input corpus (text and Parquet formats below) are the input
        // formats the ingest reads, not pipeline tables; their two-line schemas sit beside them.
        StructType schema =
            new StructType().add("value", DataTypes.StringType).add("date", DataTypes.StringType);
        indices
            .mapPartitions(
                generating(
                    settings,
                    a -> {
                      chars.add(a.chars());
                      return RowFactory.create(
                          CorpusRecords.textLine(a), CorpusRecords.textDate(a));
                    }),
                Encoders.row(schema))
            // One file per day instead of one per day and task.
            .repartition(col("date"))
            .write()
            .mode(SaveMode.Overwrite)
            .option("compression", compress)
            .partitionBy("date")
            .text(dir);
      }
      case PARQUET -> {
        StructType schema = new StructType();
        for (String column :
            List.of("id", "url", "title", "body", "published_at", "outlet", "reporter")) {
          schema = schema.add(column, DataTypes.StringType);
        }
        indices
            .mapPartitions(
                generating(
                    settings,
                    a -> {
                      chars.add(a.chars());
                      return RowFactory.create(CorpusRecords.parquetValues(a));
                    }),
                Encoders.row(schema))
            .write()
            .mode(SaveMode.Overwrite)
            .parquet(dir);
      }
    }
  }

  /** A task function that turns indices into records lazily, one article in memory at a time. */
  private static <T> MapPartitionsFunction<Long, T> generating(
      GeneratorSettings settings, SerializableFunction<GeneratedArticle, T> render) {
    return indices -> {
      ArticleGenerator generator = new ArticleGenerator(settings);
      return new Iterator<T>() {
        @Override
        public boolean hasNext() {
          return indices.hasNext();
        }

        @Override
        public T next() {
          return render.apply(generator.generate(indices.next()));
        }
      };
    };
  }

  private static FlatMapFunction<Long, Row> figuresOf(GeneratorSettings settings) {
    return new FlatMapFunction<>() {
      private transient ArticleGenerator generator;

      @Override
      public Iterator<Row> call(Long index) {
        if (generator == null) {
          generator = new ArticleGenerator(settings);
        }
        return TruthRows.figures(generator.generate(index)).iterator();
      }
    };
  }

  /** A function Spark can ship to executors. */
  interface SerializableFunction<A, B> extends Function<A, B>, java.io.Serializable {}

  private static String scheduleJson(SectorSchedule schedule) {
    StringBuilder out =
        new StringBuilder("{\"start\": \"")
            .append(schedule.start())
            .append("\", \"days\": ")
            .append(schedule.totalDays())
            .append(", \"burst_factor\": 4.0, \"bursts\": [");
    for (int i = 0; i < schedule.bursts().size(); i++) {
      SectorSchedule.Burst b = schedule.bursts().get(i);
      out.append(i == 0 ? "" : ", ")
          .append("{\"sector\": \"")
          .append(b.sector())
          .append("\", \"first\": \"")
          .append(schedule.start().plusDays(b.firstDay()))
          .append("\", \"last\": \"")
          .append(schedule.start().plusDays(b.lastDay()))
          .append("\", \"theme\": \"")
          .append(b.theme())
          .append("\"}");
    }
    return out.append("]}\n").toString();
  }

  private static void writeText(SparkSession spark, String file, String text) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream stream = fs.create(path, true)) {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Spark names text part files {@code .txt}; readers pick the format by extension, so JSONL parts
   * become {@code .jsonl}.
   */
  private static void renameTextParts(SparkSession spark, String dir) throws IOException {
    Path path = new Path(dir);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    for (org.apache.hadoop.fs.FileStatus status : fs.listStatus(path)) {
      String name = status.getPath().getName();
      int txt = name.indexOf(".txt");
      if (name.startsWith("part-") && txt > 0) {
        fs.rename(
            status.getPath(),
            new Path(path, name.substring(0, txt) + ".jsonl" + name.substring(txt + 4)));
      }
    }
  }

  private static String stripSlash(String dir) {
    return dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
  }
}
