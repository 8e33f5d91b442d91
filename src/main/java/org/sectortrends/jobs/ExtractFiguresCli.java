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
import java.util.List;

import org.sectortrends.figures.Figure;
import org.sectortrends.figures.FigureExtractor;

/**
 * {@code jobs/extract-figures}: figures of JSONL articles, for people and for evaluation,
 * without Spark start-up. See {@code docs/extract-figures.md} for the formats.
 *
 * <pre>
 *   jobs/extract-figures [--published YYYY-MM-DD] [--lexicons DIR] [FILE|-]
 * </pre>
 * Reads {@code {"id": ..., "text": ..., "published": "YYYY-MM-DD"}} lines and writes one line per
 * input line: {@code {"id": ..., "figures": [...]}}, or {@code {"id": ..., "error": "..."}} for a
 * bad line, after which processing goes on. Blank input lines are skipped. Usage errors print a
 * message naming the option and value and exit with code 2.
 */
public final class ExtractFiguresCli {

    /** Parsed command line. {@code input} is a file path or {@code -} for standard input. */
    public record Options(LocalDate published, Path lexicons, String input, boolean help) {
        public static Options defaults() {
            return new Options(null, null, "-", false);
        }
    }

    static final String USAGE = String.join("\n",
            "usage: extract-figures [--published YYYY-MM-DD] [--lexicons DIR] [FILE|-]",
            "",
            "Reads JSONL lines {\"id\": ..., \"text\": ..., \"published\": \"YYYY-MM-DD\"} and writes one JSONL",
            "line of figures per input line: {\"id\": ..., \"figures\": [...]} or {\"id\": ..., \"error\": \"...\"}.",
            "",
            "options:",
            "  --published YYYY-MM-DD  publication date for lines without \"published\" (default: none;",
            "                          relative periods such as 3분기 or 지난해 then stay unresolved)",
            "  --lexicons DIR          directory with edited lexicon TSV files; missing files come from",
            "                          the packaged defaults (default: the packaged data/lexicons)",
            "  --help                  print this help and exit",
            "  FILE|-                  input file, or - for standard input (default: -)",
            "");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractFiguresCli() {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("extract-figures: " + e.getMessage());
            System.err.println("try --help");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(USAGE);
            return;
        }
        InputStream in = options.input().equals("-") ? System.in : Files.newInputStream(Path.of(options.input()));
        try (in) {
            run(in, System.out, options);
        }
        System.out.flush();
    }

    /** Parses the command line; an IllegalArgumentException names the bad option and value. */
    public static Options parse(String[] args) {
        LocalDate published = null;
        Path lexicons = null;
        String input = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--published" -> published = date(a, value(args, ++i, a));
                case "--lexicons" -> {
                    String dir = value(args, ++i, a);
                    if (!Files.isDirectory(Path.of(dir))) {
                        throw new IllegalArgumentException("option " + a + ": not a directory: '" + dir + "'");
                    }
                    lexicons = Path.of(dir);
                }
                default -> {
                    if (a.startsWith("--published=")) {
                        published = date("--published", a.substring("--published=".length()));
                    } else if (a.startsWith("-") && !a.equals("-")) {
                        throw new IllegalArgumentException("unknown option '" + a + "'");
                    } else if (input != null) {
                        throw new IllegalArgumentException("only one input allowed, got '" + input + "' and '" + a + "'");
                    } else {
                        input = a;
                    }
                }
            }
        }
        if (input != null && !input.equals("-") && !help && !Files.isRegularFile(Path.of(input))) {
            throw new IllegalArgumentException("input file not found: '" + input + "'");
        }
        return new Options(published, lexicons, input == null ? "-" : input, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("option " + option + ": bad date '" + value + "', expected YYYY-MM-DD");
        }
    }

    /** Processes all lines; returns the number of lines that produced an error object. */
    public static int run(InputStream in, OutputStream out, Options options) throws IOException {
        FigureExtractor extractor = options.lexicons() == null
                ? FigureExtractor.defaults() : FigureExtractor.fromDirectory(options.lexicons());
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
                        throw new IllegalArgumentException("bad \"published\" '" + p.asText() + "', expected YYYY-MM-DD");
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
