package org.sectortrends.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sectortrends.pipeline.Pipeline;
import org.sectortrends.pipeline.PipelineJob;
import org.sectortrends.pipeline.Stage;

/**
 * The application jar's entry point: {@code Main JOB [options]}, as used by {@code jobs/submit} and
 * by {@code spark-submit --class org.sectortrends.jobs.Main sector-trends.jar JOB ...}. {@code Main
 * --help} lists the jobs; {@code Main JOB --help} lists a job's options. Neither starts Spark.
 */
public final class Main {

  /** Every job: the pipeline, its stages in {@link Pipeline#STAGES} order, then the tools. */
  static final Map<String, Supplier<SparkJob>> JOBS = new LinkedHashMap<>();

  static {
    JOBS.put("pipeline", PipelineJob::new);
    for (Stage stage : Pipeline.STAGES) {
      JOBS.put(stage.name(), stage.job());
    }
    JOBS.put("generate-corpus", GenerateCorpusJob::new);
    JOBS.put("bench", org.sectortrends.bench.BenchJob::new);
  }

  private Main() {}

  /** The names of every job, in the order of {@code --help}. */
  public static List<String> jobNames() {
    return List.copyOf(JOBS.keySet());
  }

  /** A new instance of the named job. */
  public static SparkJob job(String name) {
    Supplier<SparkJob> job = JOBS.get(name);
    if (job == null) {
      throw new UsageException(unknownJob(name));
    }
    return job.get();
  }

  static String unknownJob(String name) {
    return "unknown job '"
        + name
        + "'"
        + ClosestName.hint(name, JOBS.keySet(), "")
        + " (jobs: "
        + String.join(", ", JOBS.keySet())
        + ")";
  }

  /** The list of jobs, one line each. */
  static String jobList() {
    StringBuilder out =
        new StringBuilder("Usage: JOB [options]   (JOB --help lists the job's options)\n\nJobs:\n");
    int width = JOBS.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    JOBS.forEach(
        (name, job) ->
            out.append("  ")
                .append(name)
                .append(" ".repeat(width - name.length()))
                .append(job.get().summary())
                .append('\n'));
    return out.toString();
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? System.err : System.out).print(jobList());
      return args.length == 0 ? UsageException.EXIT_CODE : JobLauncher.EXIT_OK;
    }
    Supplier<SparkJob> job = JOBS.get(args[0]);
    if (job == null) {
      System.err.println("sector-trends: " + unknownJob(args[0]));
      return UsageException.EXIT_CODE;
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    return JobLauncher.launch(job.get(), rest, System.out, System.err);
  }
}
