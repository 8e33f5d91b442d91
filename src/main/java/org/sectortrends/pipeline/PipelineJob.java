package org.sectortrends.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sectortrends.jobs.ClosestName;
import org.sectortrends.jobs.CommonOptions;
import org.sectortrends.jobs.JobContext;
import org.sectortrends.jobs.JobLauncher;
import org.sectortrends.jobs.JobOption;
import org.sectortrends.jobs.JobOptions;
import org.sectortrends.jobs.RunSummary;
import org.sectortrends.jobs.SparkJob;
import org.sectortrends.jobs.SparkSessions;
import org.sectortrends.jobs.TopicsMode;
import org.sectortrends.jobs.UsageException;

/**
 * {@code pipeline}: runs the stages of {@link Pipeline#STAGES} (all, or those named by {@code
 * --stages}) in registry order in one Spark application and session, so that the JVM, the executors
 * and Spark start once instead of once per stage.
 *
 * <p>Its options are the union of the stage jobs' options; each stage receives the ones its job
 * declares and parses them itself, with its own defaults and its own Spark configuration keys
 * ({@code spark.sectortrends.STAGE.OPTION}). So {@code --input} goes to {@code ingest} only, {@code
 * --months} to {@code figures} and {@code terms}, {@code --out} to every stage. Every stage's
 * options are parsed before the first stage runs: a bad value stops the run before any work. With
 * {@code --run-id R}, stage S records its run as {@code R-S}.
 *
 * <p>Each stage reads the {@code articles} table itself, with only the columns it needs: no per-run
 * cache of the articles is kept, because none would save a pass worth its memory. Only {@code
 * figures} and {@code terms} read the bodies; {@code topics}, {@code trends}, {@code
 * evaluate-topics} and {@code report} read a few narrow columns, which Parquet serves without
 * touching the bodies (a shared cache of whole rows would make them read more). Sharing the bodies
 * between figures and terms would hold the whole selection in executor memory (at a million
 * articles, over a billion characters: more than a 2-core executor's memory, so it would spill to
 * local disk and be read back, much like the Parquet it replaces) to save a read that costs a few
 * percent of those stages: the bench's I/O floor read the million-article corpus in 42 s, where
 * figures took 219 s and terms 1052 s ({@code bench/results/cluster-1000000.json}).
 *
 * <p>Each stage records its own {@code runs} row as when run alone, and the pipeline one more (job
 * {@code pipeline}) with the stages' wall times. A failing stage stops the pipeline; the error
 * names the stage, and the tables of the stages before it stay written.
 */
public final class PipelineJob implements SparkJob {

  static final JobOption<List<Stage>> STAGES =
      JobOption.parsed(
          "stages",
          "STAGE,...",
          Pipeline.STAGES,
          PipelineJob::selected,
          "Stages to run, comma-separated, always in pipeline order ("
              + String.join(", ", Pipeline.names())
              + "); all when absent");

  static final JobOption<Boolean> REFIT =
      JobOption.flag(
          "refit",
          "Recompute figures and terms of every month and retrain topics; by default a run processes only the months its "
              + "ingest touched and assigns them with the saved topic model (a first run, or one with --rebuild, fits)");

  /**
   * Stages that process only the months touched by the ingests since their last success, unless
   * told otherwise.
   */
  static final java.util.Set<String> INCREMENTAL_STAGES =
      java.util.Set.of("figures", "terms", "topics", "trends");

  @Override
  public String name() {
    return "pipeline";
  }

  @Override
  public String summary() {
    return "Runs every stage ("
        + String.join(", ", Pipeline.names())
        + ") or a subset in one Spark application.";
  }

  @Override
  public List<JobOption<?>> options() {
    List<JobOption<?>> options = new ArrayList<>();
    options.add(STAGES);
    options.add(REFIT);
    options.addAll(Pipeline.stageOptions());
    return options;
  }

  /** The stages named in a comma-separated list, in pipeline order. */
  static List<Stage> selected(String names) {
    List<String> wanted = new ArrayList<>();
    for (String part : names.split(",")) {
      if (!part.isBlank()) {
        wanted.add(part.strip().toLowerCase(Locale.ROOT));
      }
    }
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("names no stage");
    }
    for (String name : wanted) {
      if (Pipeline.stage(name).isEmpty()) {
        throw new IllegalArgumentException(
            "'"
                + name
                + "' is not a stage ("
                + String.join(", ", Pipeline.names())
                + ")"
                + ClosestName.among(name, Pipeline.names())
                    .map(n -> "; did you mean " + n + "?")
                    .orElse(""));
      }
    }
    return Pipeline.STAGES.stream().filter(s -> wanted.contains(s.name())).toList();
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) throws Exception {
    JobContext context = JobContext.current(name());
    List<Stage> stages = options.get(STAGES);
    Map<String, String> conf = SparkSessions.userConf();
    String runId = options.isGiven(CommonOptions.RUN_ID) ? options.get(CommonOptions.RUN_ID) : null;
    // Parse every stage's options first: a bad value fails the run before any stage has written.
    Map<Stage, JobOptions> parsed = new LinkedHashMap<>();
    for (Stage stage : stages) {
      SparkJob job = stage.job().get();
      List<JobOption<?>> own =
          job.options().stream()
              .filter(o -> !o.name().equals(CommonOptions.RUN_ID.name()))
              .toList();
      List<String> args = new ArrayList<>(List.of(options.argsFor(own)));
      args.addAll(periodicDefaults(stage.name(), own, options));
      if (runId != null) {
        args.add("--" + CommonOptions.RUN_ID.name());
        args.add(runId + "-" + stage.name());
      }
      try {
        parsed.put(
            stage,
            JobOptions.parse(
                stage.name(),
                CommonOptions.withLauncherOptions(job.options()),
                args.toArray(new String[0]),
                conf));
      } catch (UsageException e) {
        throw new UsageException("stage " + stage.name() + ": " + e.getMessage(), e);
      }
    }

    List<String> timings = new ArrayList<>();
    long input = 0;
    long output = 0;
    for (Map.Entry<Stage, JobOptions> entry : parsed.entrySet()) {
      Stage stage = entry.getKey();
      System.out.println("== " + stage.name());
      RunSummary summary;
      try {
        summary = JobLauncher.execute(stage.job().get(), spark, entry.getValue());
      } catch (UsageException e) {
        throw new UsageException(
            "stage " + stage.name() + " stopped the pipeline: " + e.getMessage(), e);
      } catch (Exception e) {
        throw new StageFailedException(stage.name(), e);
      }
      System.out.print(summary.report());
      System.out.flush();
      if (input == 0) {
        input = summary.inputRecords();
      }
      output += summary.outputRecords();
      timings.add(
          String.format(
              Locale.ROOT,
              "%s %.1f s",
              stage.name(),
              (summary.ended().toEpochMilli() - summary.started().toEpochMilli()) / 1000.0));
    }
    return new RunSummary(
        context.runId(),
        name(),
        context.started(),
        null,
        RunSummary.SUCCEEDED,
        input,
        output,
        0,
        Map.of(),
        "stages: " + String.join(", ", timings));
  }

  /**
   * The options a periodic run gives a stage unless the command line says otherwise: figures,
   * terms, topics and trends work on the months that the ingests since their last success touched
   * ({@code --incremental}), and topics assigns them with the saved model or fits when there is
   * none ({@code --mode auto}). {@code --refit}, or an ingest {@code --rebuild}, recomputes every
   * month and retrains topics ({@code --mode fit}); explicit {@code --months} or {@code --mode} win
   * over both.
   */
  static List<String> periodicDefaults(String stage, List<JobOption<?>> own, JobOptions options) {
    if (!INCREMENTAL_STAGES.contains(stage)) {
      return List.of();
    }
    boolean refit = options.get(REFIT) || options.isGiven("rebuild");
    List<String> extra = new ArrayList<>();
    if (!refit
        && declares(own, "incremental")
        && !options.isGiven("incremental")
        && !options.isGiven("months")) {
      extra.add("--incremental");
    }
    if (declares(own, "mode") && !options.isGiven("mode")) {
      extra.add("--mode");
      extra.add((refit ? TopicsMode.FIT : TopicsMode.AUTO).id());
    }
    return extra;
  }

  private static boolean declares(List<JobOption<?>> own, String name) {
    return own.stream().anyMatch(o -> o.name().equals(name));
  }

  /** A stage failed: the message names it; the cause is the stage's own failure. */
  public static final class StageFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    StageFailedException(String stage, Exception cause) {
      super("stage " + stage + " failed: " + cause, cause);
    }
  }
}
