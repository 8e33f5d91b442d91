package org.sectortrends.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parsed options of one job run.
 *
 * <p>Precedence, highest first: the command line ({@code --name value} or {@code --name=value});
 * the Spark configuration key {@code spark.sectortrends.JOB.NAME}, then {@code
 * spark.sectortrends.NAME} (so that a {@code --properties-file} or {@code --conf} given to
 * spark-submit can carry job settings); the option's default. Configuration values are validated
 * exactly like command-line values.
 */
public final class JobOptions {

  /** The prefix of job settings inside a Spark configuration. */
  public static final String CONF_PREFIX = "spark.sectortrends.";

  private final String job;
  private final List<JobOption<?>> specs;
  private final Map<String, Object> values;
  private final boolean help;

  /** The command line as given, one entry per option: the option token and its value tokens. */
  private final List<List<String>> given;

  private JobOptions(
      String job,
      List<JobOption<?>> specs,
      Map<String, Object> values,
      boolean help,
      List<List<String>> given) {
    this.job = job;
    this.specs = specs;
    this.values = values;
    this.help = help;
    this.given = given;
  }

  /**
   * Parses a command line.
   *
   * @param conf Spark configuration entries consulted for options absent from the command line
   * @throws UsageException for an unknown option, a missing or bad value
   */
  public static JobOptions parse(
      String job, List<JobOption<?>> specs, String[] args, Map<String, String> conf) {
    Map<String, JobOption<?>> byName = new LinkedHashMap<>();
    for (JobOption<?> spec : specs) {
      byName.put(spec.name(), spec);
    }
    Map<String, List<String>> given = new HashMap<>();
    List<List<String>> tokens = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException(
            "Unexpected argument '"
                + arg
                + "'; options start with --"
                + ClosestName.hint(arg.replaceFirst("^-+", ""), byName.keySet(), "--"));
      }
      int first = i;
      String name = arg.substring(2);
      String inlineValue = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inlineValue = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      JobOption<?> spec = byName.get(name);
      if (spec == null) {
        String hint = ClosestName.hint(name, byName.keySet(), "--");
        throw new UsageException(
            "Unknown option '--"
                + name
                + "' for job "
                + job
                + (hint.isEmpty() ? "; run with --help for the options" : hint));
      }
      List<String> texts = given.computeIfAbsent(name, k -> new ArrayList<>());
      if (inlineValue != null || spec.isFlag()) {
        String value = inlineValue != null ? inlineValue : "true";
        if (!spec.multiValued() && !texts.isEmpty()) {
          throw new UsageException(
              "Option --" + name + " is given twice: '" + texts.get(0) + "' and '" + value + "'");
        }
        texts.add(value);
      } else if (spec.multiValued()) {
        int before = texts.size();
        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          texts.add(args[++i]);
        }
        if (texts.size() == before) {
          throw new UsageException("Option --" + name + " needs at least one " + spec.valueName());
        }
      } else {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException("Option --" + name + " needs a value " + spec.valueName());
        }
        if (!texts.isEmpty()) {
          throw new UsageException(
              "Option --"
                  + name
                  + " is given twice: '"
                  + texts.get(0)
                  + "' and '"
                  + args[i + 1]
                  + "'");
        }
        texts.add(args[++i]);
      }
      tokens.add(List.of(java.util.Arrays.copyOfRange(args, first, i + 1)));
    }
    Map<String, Object> values = new HashMap<>();
    for (JobOption<?> spec : specs) {
      List<String> texts = given.get(spec.name());
      String source = "--" + spec.name();
      if (texts == null) {
        String confValue = conf.get(CONF_PREFIX + job + "." + spec.name());
        source = CONF_PREFIX + job + "." + spec.name();
        if (confValue == null) {
          confValue = conf.get(CONF_PREFIX + spec.name());
          source = CONF_PREFIX + spec.name();
        }
        if (confValue != null) {
          texts = spec.multiValued() ? List.of(confValue.split(",")) : List.of(confValue);
        }
      }
      if (texts == null) {
        values.put(spec.name(), spec.defaultValue());
      } else if (spec.multiValued()) {
        values.put(
            spec.name(),
            List.copyOf(texts.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
      } else {
        try {
          values.put(spec.name(), spec.parse(texts.get(0)));
        } catch (UsageException e) {
          throw source.startsWith("--")
              ? e
              : new UsageException(
                  e.getMessage() + " (from Spark configuration " + source + ")", e);
        }
      }
    }
    return new JobOptions(job, List.copyOf(specs), values, help, List.copyOf(tokens));
  }

  /**
   * The part of this command line that names one of {@code wanted}, in the given order: what a job
   * that declares only {@code wanted} is to parse. A pipeline passes each stage the options it
   * knows this way, so that a stage reads its own defaults and Spark configuration keys.
   */
  public String[] argsFor(List<JobOption<?>> wanted) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (JobOption<?> spec : wanted) {
      names.add(spec.name());
    }
    List<String> out = new ArrayList<>();
    for (List<String> option : given) {
      String name = option.get(0).substring(2);
      int eq = name.indexOf('=');
      if (names.contains(eq >= 0 ? name.substring(0, eq) : name)) {
        out.addAll(option);
      }
    }
    return out.toArray(new String[0]);
  }

  /** Whether the command line (not the configuration or the default) set this option. */
  public boolean isGiven(JobOption<?> option) {
    return isGiven(option.name());
  }

  /**
   * Whether the command line set the option of this name (one that another stage's job may
   * declare).
   */
  public boolean isGiven(String name) {
    return given.stream()
        .anyMatch(o -> o.get(0).equals("--" + name) || o.get(0).startsWith("--" + name + "="));
  }

  /** The job these options were parsed for. */
  public String job() {
    return job;
  }

  @SuppressWarnings("unchecked")
  public <T> T get(JobOption<T> option) {
    if (!values.containsKey(option.name())) {
      throw new IllegalArgumentException(
          "Option --" + option.name() + " is not an option of job " + job);
    }
    return (T) values.get(option.name());
  }

  public boolean helpRequested() {
    return help;
  }

  /** The effective options as {@code name=value} pairs, for the runs table. */
  public String describe() {
    return specs.stream()
        .filter(s -> values.get(s.name()) != null)
        .map(
            s ->
                s.name()
                    + "="
                    + (values.get(s.name()) instanceof List<?> l
                        ? l.stream().map(String::valueOf).collect(Collectors.joining(","))
                        : values.get(s.name())))
        .collect(Collectors.joining(" "));
  }

  /** One help line per option: name, value name, description and default, aligned. */
  public static String optionLines(List<JobOption<?>> specs) {
    StringBuilder out = new StringBuilder();
    for (JobOption<?> spec : specs) {
      String head =
          "  --"
              + spec.name()
              + (spec.isFlag() ? "" : " " + spec.valueName() + (spec.multiValued() ? "..." : ""));
      out.append(helpLine(head, spec.description() + " (default: " + spec.defaultText() + ")"));
    }
    return out.toString();
  }

  /** A help line: {@code head} padded to the description column, then the description. */
  public static String helpLine(String head, String description) {
    return head + " ".repeat(Math.max(2, 34 - head.length())) + description + "\n";
  }

  /** Help text listing every option with its default. */
  public static String usage(String job, String summary, List<JobOption<?>> specs) {
    StringBuilder out = new StringBuilder();
    out.append("Usage: ")
        .append(job)
        .append(" [options]\n\n")
        .append(summary)
        .append("\n\nOptions:\n");
    out.append(optionLines(specs));
    out.append("  --help                            Print this help and exit\n\n");
    out.append("Every option can also be set in the Spark configuration as ")
        .append(CONF_PREFIX)
        .append(job)
        .append(".<option> or ")
        .append(CONF_PREFIX)
        .append(
            "<option>;\nthe command line wins over the configuration, which wins over the default.\n");
    return out.toString();
  }
}
