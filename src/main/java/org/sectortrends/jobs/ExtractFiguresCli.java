package org.sectortrends.jobs;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sectortrends.figures.Figure;
import org.sectortrends.figures.FigureExtractor;

/**
 * {@code jobs/extract-figures}: figures of JSONL articles, for people and for evaluation, without
 * Spark start-up. See {@code docs/extract-figures.md} for the formats.
 *
 * <pre>
 *   jobs/extract-figures [--published YYYY-MM-DD] [--lexicon-dir DIR] [FILE|-]
 * </pre>
 *
 * Reads {@code {"id": ..., "text": ..., "published": "YYYY-MM-DD"}} lines and writes one line per
 * input line: {@code {"id": ..., "figures": [...]}}, or {@code {"id": ..., "error": "..."}} for a
 * bad line, after which processing goes on. Blank input lines are skipped.
 *
 * <p>The options are parsed by the jobs' parser ({@link JobOptions}), with the same option names as
 * the {@code figures} job ({@code --lexicon-dir}), the same help layout and the same "did you mean"
 * hints ({@code --lexicons} suggests {@code --lexicon-dir}); a usage error prints a message naming
 * the option and value and exits with code 2. There is no Spark configuration to read, so the
 * command line and the defaults are the only sources.
 */
public final class ExtractFiguresCli {

  static final String NAME = "extract-figures";

  static final JobOption<LocalDate> PUBLISHED =
      JobOption.date(
          "published",
          "Publication date for lines without \"published\"; without any date, relative periods such as 3분기 or 지난해 stay unresolved");
  static final JobOption<Path> LEXICON_DIR =
      JobOption.parsed(
          "lexicon-dir",
          "DIR",
          null,
          dir -> {
            if (!Files.isDirectory(Path.of(dir))) {
              throw new IllegalArgumentException("not a directory");
            }
            return Path.of(dir);
          },
          "Directory with edited lexicon TSV files (as the figures job's); files it lacks come from the bundled data/lexicons");

  static final List<JobOption<?>> OPTIONS = List.of(PUBLISHED, LEXICON_DIR);

  /** Parsed command line. {@code input} is a file path or {@code -} for standard input. */
  public record Options(LocalDate published, Path lexiconDir, String input, boolean help) {
    public static Options defaults() {
      return new Options(null, null, "-", false);
    }
  }

  static final String USAGE =
      "Usage: "
          + NAME
          + " [options] [FILE|-]\n\n"
          + "Reads JSONL lines {\"id\": ..., \"text\": ..., \"published\": \"YYYY-MM-DD\"} and writes one JSONL\n"
          + "line of figures per input line: {\"id\": ..., \"figures\": [...]} or {\"id\": ..., \"error\": \"...\"}.\n\n"
          + "Options:\n"
          + JobOptions.optionLines(OPTIONS)
          + JobOptions.helpLine("  --help", "Print this help and exit")
          + JobOptions.helpLine("  FILE|-", "Input file, or - for standard input (default: -)");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExtractFiguresCli() {}

  public static void main(String[] args) throws IOException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(NAME + ": " + e.getMessage());
      System.err.println("try --help");
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(USAGE);
      return;
    }
    InputStream in =
        options.input().equals("-") ? System.in : Files.newInputStream(Path.of(options.input()));
    try (in) {
      run(in, System.out, options);
    }
    System.out.flush();
  }

  /**
   * Parses the command line: the options with {@link JobOptions}, the one input (a word that is
   * neither an option nor an option's value) here. A {@link UsageException} names the bad option
   * and value.
   */
  public static Options parse(String[] args) {
    List<String> optionArgs = new ArrayList<>();
    String input = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-") || !a.startsWith("-")) {
        if (input != null) {
          throw new UsageException("only one input allowed, got '" + input + "' and '" + a + "'");
        }
        input = a;
        continue;
      }
      optionArgs.add(a);
      if (takesValue(a) && i + 1 < args.length && !args[i + 1].startsWith("--")) {
        optionArgs.add(args[++i]);
      }
    }
    JobOptions options =
        JobOptions.parse(NAME, OPTIONS, optionArgs.toArray(new String[0]), Map.of());
    if (input != null
        && !input.equals("-")
        && !options.helpRequested()
        && !Files.isRegularFile(Path.of(input))) {
      throw new UsageException("input file not found: '" + input + "'");
    }
    return new Options(
        options.get(PUBLISHED),
        options.get(LEXICON_DIR),
        input == null ? "-" : input,
        options.helpRequested());
  }

  /** Whether {@code arg} is a known option written without {@code =} that takes a value. */
  private static boolean takesValue(String arg) {
    return arg.startsWith("--")
        && !arg.contains("=")
        && OPTIONS.stream().anyMatch(o -> !o.isFlag() && arg.equals("--" + o.name()));
  }

  /** Processes all lines; returns the number of lines that produced an error object. */
  public static int run(InputStream in, OutputStream out, Options options) throws IOException {
    FigureExtractor extractor =
        options.lexiconDir() == null
            ? FigureExtractor.defaults()
            : FigureExtractor.fromDirectory(options.lexiconDir());
    JsonFactory factory = JSON.getFactory();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int errors = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank()) {
        continue;
      }
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
      JsonNode id = null;
      try (JsonGenerator g = factory.createGenerator(buffer, JsonEncoding.UTF8)) {
        JsonNode row;
        try {
          row = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage());
        }
        if (row == null || !row.isObject()) {
          throw new IllegalArgumentException("not a JSON object");
        }
        id = row.get("id");
        JsonNode text = row.get("text");
        if (text == null || !text.isTextual()) {
          throw new IllegalArgumentException("missing or non-string \"text\"");
        }
        LocalDate published = options.published();
        JsonNode p = row.get("published");
        if (p != null && !p.isNull()) {
          try {
            published = LocalDate.parse(p.asText());
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                "bad \"published\" '" + p.asText() + "', expected YYYY-MM-DD");
          }
        }
        List<Figure> figures = extractor.extract(text.asText(), published);
        g.writeStartObject();
        writeId(g, id);
        g.writeArrayFieldStart("figures");
        for (Figure f : figures) {
          writeFigure(g, f);
        }
        g.writeEndArray();
        g.writeEndObject();
      } catch (IllegalArgumentException e) {
        errors++;
        buffer.reset();
        try (JsonGenerator g = factory.createGenerator(buffer, JsonEncoding.UTF8)) {
          g.writeStartObject();
          writeId(g, id);
          g.writeStringField("error", e.getMessage());
          g.writeEndObject();
        }
      }
      buffer.write('\n');
      buffer.writeTo(out);
    }
    out.flush();
    return errors;
  }

  private static void writeId(JsonGenerator g, JsonNode id) throws IOException {
    g.writeFieldName("id");
    if (id == null) {
      g.writeNull();
    } else {
      g.writeTree(id);
    }
  }

  /** One figure with the keys in the documented order; nulls written as null. */
  static void writeFigure(JsonGenerator g, Figure f) throws IOException {
    g.writeStartObject();
    g.writeNumberField("start", f.start());
    g.writeNumberField("end", f.end());
    g.writeStringField("surface", f.surface());
    g.writeStringField("value", plain(f.value()));
    g.writeStringField("unit", f.unit());
    g.writeStringField("counter", f.counter());
    g.writeStringField("qualifier", f.qualifier());
    g.writeStringField("range_high", f.rangeHigh() == null ? null : plain(f.rangeHigh()));
    g.writeStringField("metric", f.metric());
    g.writeStringField("subject", f.subject());
    g.writeStringField("period", f.period());
    g.writeStringField("period_text", f.periodText());
    g.writeStringField("direction", f.direction());
    g.writeStringField("change_basis", f.changeBasis());
    g.writeFieldName("conversion_of");
    if (f.conversionOf() == null) {
      g.writeNull();
    } else {
      g.writeNumber(f.conversionOf());
    }
    g.writeEndObject();
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** For tests: the usage text printed by {@code --help}. */
  static void printUsage(PrintStream out) {
    out.print(USAGE);
  }
}
