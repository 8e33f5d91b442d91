package org.sectortrends.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line of {@code jobs/submit JOB [options]}: separates spark-submit's options from the
 * job's, so that {@code jobs/submit ingest --driver-memory 4g --input x --out y} needs no {@code
 * --} between the two. Runs in a plain JVM before Spark starts.
 *
 * <p>spark-submit's options are a known, finite list ({@link #SPARK_VALUED}, {@link #SPARK_FLAGS});
 * a job's options are declared by the job. An option the job declares goes to the job, even when
 * spark-submit knows the name too (the one such name is {@code --name} of {@code bench}: set the
 * application name with {@code --conf spark.app.name=...} there). Everything after a {@code --}
 * goes to the job unread, as before. An option neither knows is rejected with the closest known
 * name; a job option's values are checked here already, so that a bad value costs no Spark
 * start-up. {@code --class} is rejected: the class is always {@code Main}.
 */
public final class SubmitCommandLine {

  /** spark-submit options that take a value. */
  static final Set<String> SPARK_VALUED =
      Set.of(
          "master",
          "deploy-mode",
          "name",
          "jars",
          "packages",
          "exclude-packages",
          "repositories",
          "files",
          "archives",
          "conf",
          "properties-file",
          "driver-memory",
          "driver-java-options",
          "driver-library-path",
          "driver-class-path",
          "executor-memory",
          "executor-cores",
          "driver-cores",
          "total-executor-cores",
          "num-executors",
          "queue",
          "principal",
          "keytab",
          "proxy-user",
          "py-files");

  /**
   * spark-submit switches without a value ({@code --verbose} is the job's: see {@link
   * CommonOptions#VERBOSE}).
   */
  static final Set<String> SPARK_FLAGS = Set.of("supervise");

  /** Exit code telling the script that help was printed and nothing is to be submitted. */
  static final int EXIT_DONE = 3;

  /** The two halves of a command line, and what the launch script needs to know about the job's. */
  public record Split(
      List<String> sparkArgs, List<String> jobArgs, boolean help, boolean verbose, String out) {}

  private SubmitCommandLine() {}

  /**
   * Splits {@code args} (what follows the job name).
   *
   * @throws UsageException for an unknown option, a missing value or a bad job option value
   */
  public static Split split(String job, List<JobOption<?>> jobOptions, String[] args) {
    List<JobOption<?>> specs = CommonOptions.withLauncherOptions(jobOptions);
    List<String> spark = new ArrayList<>();
    List<String> jobArgs = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        jobArgs.addAll(List.of(args).subList(i + 1, args.length));
        break;
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      String name = optionName(arg);
      if (name == null) {
        throw new UsageException(
            "Unexpected argument '"
                + arg
                + "': options start with --"
                + ClosestName.hint(arg.replaceFirst("^-+", ""), names(specs), "--"));
      }
      JobOption<?> spec =
          specs.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
      boolean inline = arg.contains("=");
      if (spec != null) {
        jobArgs.add(arg);
        if (!inline && !spec.isFlag()) {
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            jobArgs.add(args[++i]);
            if (!spec.multiValued()) {
              break;
            }
          }
        }
      } else if (SPARK_VALUED.contains(name)) {
        spark.add(arg);
        if (!inline) {
          if (i + 1 >= args.length) {
            throw new UsageException("spark-submit option --" + name + " needs a value");
          }
          spark.add(args[++i]);
        }
      } else if (SPARK_FLAGS.contains(name)) {
        spark.add(arg);
      } else if (name.equals("class")) {
        throw new UsageException(
            "--class is not an option here: every job runs through org.sectortrends.jobs.Main");
      } else {
        Set<String> known = new TreeSet<>(names(specs));
        String hint = ClosestName.hint(name, known, "--");
        if (hint.isEmpty()) {
          hint = ClosestName.hint(name, union(SPARK_VALUED, SPARK_FLAGS), "--");
        }
        throw new UsageException(
            "Unknown option '--"
                + name
                + "' for job "
                + job
                + (hint.isEmpty()
                    ? "; jobs/submit " + job + " --help lists the job's options"
                    : hint));
      }
    }
    JobOptions parsed = JobOptions.parse(job, specs, jobArgs.toArray(new String[0]), Map.of());
    return new Split(
        spark,
        jobArgs,
        help || parsed.helpRequested(),
        parsed.get(CommonOptions.VERBOSE),
        specs.stream().anyMatch(o -> o.name().equals(CommonOptions.OUT.name()))
            ? parsed.get(CommonOptions.OUT)
            : null);
  }

  /**
   * The name of an option token ({@code --out}, {@code --out=x}, {@code -c}), or null for a value.
   */
  private static String optionName(String arg) {
    if (arg.equals("-c")) {
      return "conf";
    }
    if (!arg.startsWith("--") || arg.length() == 2) {
      return null;
    }
    int eq = arg.indexOf('=');
    return eq < 0 ? arg.substring(2) : arg.substring(2, eq);
  }

  private static List<String> names(List<JobOption<?>> specs) {
    return specs.stream().map(JobOption::name).toList();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * The local directory for the driver's log file: {@code OUT/logs} when the output root is a local
   * path, else {@code TMP/sector-trends-logs} (a log file cannot be appended to on object stores).
   */
  static Path logDirectory(String out, Path tmp) {
    if (out != null) {
      URI uri;
      try {
        uri = new URI(out);
      } catch (Exception e) {
        uri = null;
      }
      String scheme = uri == null ? null : uri.getScheme();
      if (scheme == null || scheme.length() == 1) {
        return Path.of(out).toAbsolutePath().resolve("logs");
      }
      if (scheme.equals("file")) {
        return Path.of(uri.getPath()).resolve("logs");
      }
    }
    return tmp.resolve("sector-trends-logs");
  }

  /**
   * {@code SubmitCommandLine RESULT_FILE [JOB [args...]]}: prints help and exits {@value
   * #EXIT_DONE}, rejects bad usage with one line and exit {@value UsageException#EXIT_CODE}, or
   * writes the split to RESULT_FILE as NUL-terminated records (a kind letter, then the text: {@code
   * S} spark-submit argument, {@code J} job argument, {@code L} log directory, {@code V} verbose)
   * and exits 0.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args[1].equals("--help") || args[1].equals("-h")) {
      (args.length < 2 ? System.err : System.out)
          .print(Main.jobList().replaceFirst("Usage: JOB", "Usage: jobs/submit JOB") + SUBMIT_HELP);
      System.exit(args.length < 2 ? UsageException.EXIT_CODE : EXIT_DONE);
    }
    String jobName = args[1];
    if (!Main.JOBS.containsKey(jobName)) {
      System.err.println("jobs/submit: " + Main.unknownJob(jobName));
      System.exit(UsageException.EXIT_CODE);
    }
    SparkJob job = Main.job(jobName);
    Split split;
    try {
      split = split(jobName, job.options(), java.util.Arrays.copyOfRange(args, 2, args.length));
    } catch (UsageException e) {
      System.err.println("jobs/submit " + jobName + ": " + e.getMessage());
      System.exit(UsageException.EXIT_CODE);
      return;
    }
    if (split.help()) {
      System.out.print(
          JobOptions.usage(jobName, job.summary(), CommonOptions.withLauncherOptions(job.options()))
              .replace(
                  "Usage: " + jobName,
                  "Usage: jobs/submit " + jobName + " [spark-submit options]"));
      System.exit(EXIT_DONE);
    }
    try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
      for (String s : split.sparkArgs()) {
        record(out, 'S', s);
      }
      for (String s : split.jobArgs()) {
        record(out, 'J', s);
      }
      record(
          out,
          'L',
          logDirectory(split.out(), Path.of(System.getProperty("java.io.tmpdir"))).toString());
      if (split.verbose()) {
        record(out, 'V', "");
      }
    }
  }

  private static void record(OutputStream out, char kind, String text) throws IOException {
    out.write((kind + text).getBytes(StandardCharsets.UTF_8));
    out.write(0);
  }

  private static final String SUBMIT_HELP =
      """

      Job options and spark-submit options (--master, --conf, --driver-memory, ...) may be mixed:
        jobs/submit pipeline --master 'local[4]' --input data/sample --out out
      Spark's own log goes to OUT/logs/; --verbose shows it on the console, --progress none|lines|json
      chooses the progress lines on stderr.
      """;
}
