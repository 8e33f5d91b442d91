package org.sectortrends.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The application jar's entry point: {@code Main JOB [options]}, as used by {@code jobs/submit}
 * and by {@code spark-submit --class org.sectortrends.jobs.Main sector-trends.jar JOB ...}.
 */
public final class Main {

  /** Every job, in pipeline order. */
  static final Map<String, Supplier<SparkJob>> JOBS = new LinkedHashMap<>();

  static {
    JOBS.put("ingest", IngestJob::new);
    JOBS.put("figures", FiguresJob::new);
    JOBS.put("terms", TermsJob::new);
    JOBS.put("topics", TopicsJob::new);
    JOBS.put("trends", TrendsJob::new);
    JOBS.put("report", ReportJob::new);
    JOBS.put("evaluate-topics", EvaluateTopicsJob::new);
    JOBS.put("generate-corpus", GenerateCorpusJob::new);
    JOBS.put("bench", org.sectortrends.bench.BenchJob::new);
  }

  /** Jobs that serve the pipeline (generating input, measuring or scoring it) without being a stage of it. */
  static final Set<String> TOOLS = Set.of("evaluate-topics", "generate-corpus", "bench");

  private Main() {}

  /** The names of the pipeline's stages, in order: every job except the {@link #TOOLS}. */
  public static List<String> pipelineStages() {
    return JOBS.keySet().stream().filter(name -> !TOOLS.contains(name)).toList();
  }

  /** A new instance of the named job. */
  public static SparkJob job(String name) {
    Supplier<SparkJob> job = JOBS.get(name);
    if (job == null) {
      throw new IllegalArgumentException("Unknown job '" + name + "'; jobs are " + String.join(", ", JOBS.keySet()));
    }
    return job.get();
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println("Usage: Main JOB [options]   (JOB --help lists a job's options)\nJobs:");
      JOBS.forEach((name, job) -> System.out.println("  " + name + "  " + job.get().summary()));
      return args.length == 0 ? UsageException.EXIT_CODE : JobLauncher.EXIT_OK;
    }
    Supplier<SparkJob> job = JOBS.get(args[0]);
    if (job == null) {
      System.err.println("sector-trends: unknown job '" + args[0] + "'; jobs are " + String.join(", ", JOBS.keySet()));
      return UsageException.EXIT_CODE;
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    return JobLauncher.launch(job.get(), rest, System.out, System.err);
  }
}
