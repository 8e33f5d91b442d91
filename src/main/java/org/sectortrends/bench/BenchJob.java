package org.sectortrends.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.generator.CorpusFormat;
import org.sectortrends.jobs.CommonOptions;
import org.sectortrends.jobs.GenerateCorpusJob;
import org.sectortrends.jobs.JobContext;
import org.sectortrends.jobs.JobLauncher;
import org.sectortrends.jobs.JobOption;
import org.sectortrends.jobs.JobOptions;
import org.sectortrends.jobs.RunSummary;
import org.sectortrends.jobs.SparkJob;
import org.sectortrends.pipeline.Pipeline;
import org.sectortrends.pipeline.Stage;

/**
 * {@code bench}: runs the whole pipeline on a generated corpus of N articles in one Spark session
 * and reports, per stage, wall time, articles/s, chars/s, shuffle bytes and driver heap; measures
 * the tokenize-only and I/O-only {@link Floors} on the same corpus; scores the tables against the
 * generator's truth ({@link TruthScorer}); writes everything to {@code ROOT/results/NAME.json}.
 *
 * <p>Layout under {@code --root} (default {@code bench}): {@code corpora/N/} the generated corpus
 * (kept for {@code --reuse}), {@code runs/NAME/} the pipeline's output, {@code results/NAME.json}.
 * The stages are those of {@link Pipeline#STAGES} that write tables, in order, so a stage added to
 * the pipeline is benchmarked without a change here. The first stage gets the corpus as {@code
 * --input}; every stage gets {@code --out ROOT/runs/NAME}.
 *
 * <p>Order of a run: generate (unless reused), I/O floor, tokenize floor, pipeline. The floors run
 * first, so the pipeline meets a warm JVM and page cache, as the floors' second reader would.
 */
public final class BenchJob implements SparkJob {

  static final JobOption<Integer> ARTICLES =
      JobOption.integer("articles", 10_000, 1, Integer.MAX_VALUE, "Corpus size in records");
  static final JobOption<String> NAME =
      JobOption.string(
          "name",
          "NAME",
          null,
          "Name of the result file ROOT/results/NAME.json (default: articles-N)");
  static final JobOption<Boolean> REUSE =
      JobOption.flag("reuse", "Reuse ROOT/corpora/N when it was generated with the same settings");
  static final JobOption<String> ROOT =
      JobOption.string("root", "DIR", "bench", "Directory of corpora/, runs/ and results/");
  static final JobOption<Integer> MONTHS =
      JobOption.integer("months", 12, 1, 600, "Months the corpus spans");
  static final JobOption<Integer> SEED =
      JobOption.integer("seed", 1, Integer.MIN_VALUE, Integer.MAX_VALUE, "Generator seed");
  static final JobOption<CorpusFormat> FORMAT =
      JobOption.parsed(
          "format",
          "FORMAT",
          CorpusFormat.JSONL,
          CorpusFormat::parse,
          "Corpus format: jsonl, text or parquet");

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "Benchmarks every pipeline stage on a generated corpus against the tokenize-only and I/O-only floors.";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(
        ARTICLES, NAME, REUSE, ROOT, MONTHS, SEED, FORMAT, CommonOptions.OUT, CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) throws Exception {
    JobContext context = JobContext.current(name());
    int articles = options.get(ARTICLES);
    String root = stripSlash(options.get(ROOT));
    String name = options.get(NAME) == null ? "articles-" + articles : options.get(NAME);
    CorpusFormat format = options.get(FORMAT);
    String corpusRoot =
        root + "/corpora/" + articles + (format == CorpusFormat.JSONL ? "" : "-" + format.id());
    String corpus = corpusRoot + "/corpus";
    String runDir = root + "/runs/" + name;
    FileSystem fs = new Path(root).getFileSystem(spark.sparkContext().hadoopConfiguration());

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("name", name);
    result.put("articles", articles);
    result.put("format", format.id());
    result.put("months", options.get(MONTHS));
    result.put("seed", options.get(SEED));
    result.put("master", spark.sparkContext().master());
    result.put("cores", Runtime.getRuntime().availableProcessors());
    result.put("driver_max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    result.put("java", System.getProperty("java.version"));
    result.put("spark", spark.version());

    try (RunMetrics metrics = new RunMetrics(spark)) {
      String[] generateArgs = {
        "--articles",
        Integer.toString(articles),
        "--months",
        options.get(MONTHS).toString(),
        "--seed",
        options.get(SEED).toString(),
        "--format",
        format.id(),
        "--out",
        corpusRoot
      };
      if (options.get(REUSE)
          && sameCorpus(fs, corpusRoot, articles, options.get(MONTHS), options.get(SEED), format)) {
        result.put("generate_s", null);
        System.out.println("bench: reusing " + corpusRoot);
      } else {
        long t = System.nanoTime();
        JobLauncher.execute(new GenerateCorpusJob(), spark, generateArgs);
        result.put("generate_s", round(seconds(t)));
      }

      RunMetrics.Snapshot mark = metrics.mark();
      double io = Floors.ioOnly(spark, corpus, format, runDir + "-io-floor");
      RunMetrics.Snapshot ioMetrics = metrics.since(mark);
      mark = metrics.mark();
      Floors.Tokenized tokenized = Floors.tokenizeOnly(spark, corpus, format);
      RunMetrics.Snapshot tokenMetrics = metrics.since(mark);
      long chars = tokenized.chars();
      result.put("chars", chars);
      result.put("tokens", tokenized.tokens());

      fs.delete(new Path(runDir), true);
      Map<String, Object> stages = new LinkedHashMap<>();
      Map<String, Object> details = new LinkedHashMap<>();
      double pipeline = 0;
      List<Stage> measured = Pipeline.STAGES.stream().filter(Stage::writesTables).toList();
      for (int i = 0; i < measured.size(); i++) {
        SparkJob job = measured.get(i).job().get();
        List<String> args = new ArrayList<>(List.of("--out", runDir));
        if (i == 0) {
          addIfSupported(job, args, "input", corpus);
          addIfSupported(job, args, "format", format.id());
        }
        mark = metrics.mark();
        long t = System.nanoTime();
        RunSummary summary = JobLauncher.execute(job, spark, args.toArray(new String[0]));
        double s = seconds(t);
        RunMetrics.Snapshot m = metrics.since(mark);
        pipeline += s;
        stages.put(job.name(), round(s));
        Map<String, Object> d = throughput(s, articles, chars);
        d.put("shuffle_write_bytes", m.shuffleBytes());
        d.put("heap_peak_mb", m.heapPeakBytes() >> 20);
        d.put("live_heap_peak_mb", m.liveHeapPeakBytes() >> 20);
        d.put("input_records", summary.inputRecords());
        d.put("output_records", summary.outputRecords());
        details.put(job.name(), d);
        System.out.printf("bench: %-16s %8.1f s%n", job.name(), s);
      }
      RunMetrics.Snapshot overall = metrics.overall();

      result.put("pipeline_s", round(pipeline));
      result.put("tokenize_only_s", round(tokenized.seconds()));
      result.put("io_only_s", round(io));
      result.put("ratio_pipeline_over_tokenize", round(pipeline / tokenized.seconds()));
      result.put("ratio_pipeline_over_io", round(pipeline / io));
      result.put("driver_heap_peak_mb", overall.heapPeakBytes() >> 20);
      result.put("driver_live_heap_peak_mb", overall.liveHeapPeakBytes() >> 20);
      result.put("shuffle_write_bytes", overall.shuffleBytes());
      result.put("stages", stages);
      result.put("stage_details", details);
      Map<String, Object> floors = new LinkedHashMap<>();
      Map<String, Object> tok = throughput(tokenized.seconds(), articles, chars);
      tok.put("tokens", tokenized.tokens());
      tok.put("heap_peak_mb", tokenMetrics.heapPeakBytes() >> 20);
      floors.put("tokenize_only", tok);
      Map<String, Object> ioDetails = throughput(io, articles, chars);
      ioDetails.put("shuffle_write_bytes", ioMetrics.shuffleBytes());
      floors.put("io_only", ioDetails);
      result.put("floors", floors);
      result.put(
          "scores",
          TruthScorer.score(
              spark, runDir + "/tables", corpusRoot + "/truth", format != CorpusFormat.TEXT));
      result.put("gc_s", round(gcSeconds()));
    }

    java.nio.file.Path resultFile = Paths.get(root, "results", name + ".json");
    Files.createDirectories(resultFile.getParent());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(resultFile, json.writeValueAsString(result) + "\n");
    String headline =
        String.format(
            "pipeline %.1f s, tokenize-only %.1f s, I/O-only %.1f s, ratio %.2f; results: %s",
            result.get("pipeline_s"),
            result.get("tokenize_only_s"),
            result.get("io_only_s"),
            result.get("ratio_pipeline_over_tokenize"),
            resultFile);
    System.out.println("bench: " + headline);
    return new RunSummary(
        context.runId(),
        name(),
        context.started(),
        null,
        RunSummary.SUCCEEDED,
        articles,
        articles,
        0,
        Map.of(),
        headline);
  }

  private static boolean sameCorpus(
      FileSystem fs, String corpusRoot, int articles, int months, int seed, CorpusFormat format)
      throws IOException {
    Path marker = new Path(corpusRoot + "/generator.json");
    if (!fs.exists(marker)) {
      return false;
    }
    try (java.io.InputStream in = fs.open(marker)) {
      Map<?, ?> settings = new ObjectMapper().readValue(in, Map.class);
      return Integer.valueOf(articles).equals(settings.get("articles"))
          && Integer.valueOf(months).equals(settings.get("months"))
          && Integer.valueOf(seed).equals(settings.get("seed"))
          && format.id().equals(settings.get("format"));
    }
  }

  private static void addIfSupported(SparkJob job, List<String> args, String option, String value) {
    if (job.options().stream().anyMatch(o -> o.name().equals(option))) {
      args.add("--" + option);
      args.add(value);
    }
  }

  private static Map<String, Object> throughput(double seconds, long articles, long chars) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", round(seconds));
    m.put("articles_per_s", Math.round(articles / seconds));
    m.put("chars_per_s", Math.round(chars / seconds));
    return m;
  }

  private static double gcSeconds() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(b -> Math.max(0, b.getCollectionTime()))
            .sum()
        / 1000.0;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static String stripSlash(String dir) {
    return dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
  }
}
