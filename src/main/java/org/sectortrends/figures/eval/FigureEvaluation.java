package org.sectortrends.figures.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code jobs/evaluate-figures GOLD PRED}: scores figures written by {@code jobs/extract-figures}
 * (PRED, one {@code {"id", "figures": [...]}} line per article) against hand-annotated gold figures
 * (GOLD, one figure per line with {@code article}, code-point {@code start}/{@code end}, {@code
 * value}, {@code unit}, {@code qualifier}, {@code range_high}, {@code metric}, {@code subject},
 * {@code period} and {@code conversion_of}; see {@code docs/annotation.md}).
 *
 * <h2>Measures</h2>
 *
 * <ul>
 *   <li><b>found</b>: precision, recall and F1 of figures. A predicted figure matches a gold figure
 *       of the same article when their spans overlap, so a qualifier inside or outside the span
 *       ({@code 약 4조 원} against {@code 4조 원}) is the same figure. Matching is one to one, largest
 *       overlap first.
 *   <li><b>value+unit</b>: share of <em>all</em> gold figures matched with the exact value and unit
 *       (a miss counts as wrong).
 *   <li><b>qualifier</b>, <b>conversion link</b>, <b>subject</b>, <b>metric</b>, <b>period</b>:
 *       accuracy over the matched figures. The qualifier must agree together with {@code
 *       range_high}. A conversion link is right when both sides have none or when the predicted
 *       original is the figure matched to the gold original (gold names the original by its
 *       surface, the nearest such figure before). Subject, metric and period: the gold may list
 *       alternatives separated by {@code |} ({@code -} is null) or be {@code *} (not scored, left
 *       out of the denominator). Subjects are compared after NFKC folding, lower-casing and
 *       removing spaces.
 * </ul>
 *
 * Articles missing from PRED count as articles without figures; PRED error lines are counted and
 * reported. Pure Java, no Spark.
 */
public final class FigureEvaluation {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One gold figure; {@code conversionOf} is the index (in the same article) of the original or -1.
   */
  public record Gold(
      String article,
      int start,
      int end,
      String surface,
      BigDecimal value,
      String unit,
      String qualifier,
      BigDecimal rangeHigh,
      String metric,
      String subject,
      String period,
      int conversionOf) {}

  /** One predicted figure; {@code conversionOf} indexes the article's predicted figures, or -1. */
  public record Predicted(
      int start,
      int end,
      String surface,
      BigDecimal value,
      String unit,
      String qualifier,
      BigDecimal rangeHigh,
      String metric,
      String subject,
      String period,
      int conversionOf) {}

  /** A count of right answers out of a number of scored cases. */
  public record Score(int right, int total) {
    public double rate() {
      return total == 0 ? Double.NaN : (double) right / total;
    }
  }

  /** All measures of one evaluation, with the disagreements for inspection. */
  public record Result(
      int goldFigures,
      int predictedFigures,
      int matched,
      int predictionErrors,
      Score valueAndUnit,
      Score qualifier,
      Score conversion,
      Score subject,
      Score metric,
      Score period,
      List<String> disagreements) {
    public double precision() {
      return predictedFigures == 0 ? 0 : (double) matched / predictedFigures;
    }

    public double recall() {
      return goldFigures == 0 ? 0 : (double) matched / goldFigures;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private FigureEvaluation() {}

  public static void main(String[] args) throws IOException {
    boolean verbose = false;
    List<String> files = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--verbose") || a.equals("-v")) {
        verbose = true;
      } else if (a.equals("--help") || a.equals("-h")) {
        System.out.println("usage: evaluate-figures [--verbose] GOLD PRED");
        System.out.println("  GOLD  gold figures, one JSON object per line (docs/annotation.md)");
        System.out.println("  PRED  output of jobs/extract-figures for the same articles");
        return;
      } else if (a.startsWith("-")) {
        usage("unknown option '" + a + "'");
        return;
      } else {
        files.add(a);
      }
    }
    if (files.size() != 2) {
      usage("expected GOLD and PRED files, got " + files.size() + " file argument(s)");
      return;
    }
    for (String f : files) {
      if (!Files.isRegularFile(Path.of(f))) {
        usage("file not found: '" + f + "'");
        return;
      }
    }
    Result result;
    try {
      result =
          evaluate(
              Files.readAllLines(Path.of(files.get(0)), StandardCharsets.UTF_8),
              Files.readAllLines(Path.of(files.get(1)), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      System.err.println("evaluate-figures: " + e.getMessage());
      System.exit(1);
      return;
    }
    print(result, System.out, verbose);
  }

  private static void usage(String message) {
    System.err.println("evaluate-figures: " + message);
    System.err.println("usage: evaluate-figures [--verbose] GOLD PRED");
    System.exit(2);
  }

  /** Scores predicted lines against gold lines (both JSONL; blank lines are skipped). */
  public static Result evaluate(List<String> goldLines, List<String> predictedLines) {
    Map<String, List<Gold>> gold = readGold(goldLines);
    Map<String, List<Predicted>> predicted = new LinkedHashMap<>();
    int errors = readPredicted(predictedLines, predicted);
    int goldCount = 0;
    int predictedCount = 0;
    int matchedCount = 0;
    int[] valueUnit = new int[2];
    int[] qualifier = new int[2];
    int[] conversion = new int[2];
    int[] subject = new int[2];
    int[] metric = new int[2];
    int[] period = new int[2];
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, List<Predicted>> e : predicted.entrySet()) {
      if (gold.containsKey(e.getKey())) {
        predictedCount += e.getValue().size();
      }
    }
    for (Map.Entry<String, List<Gold>> e : gold.entrySet()) {
      String article = e.getKey();
      List<Gold> gs = e.getValue();
      List<Predicted> ps = predicted.getOrDefault(article, List.of());
      goldCount += gs.size();
      int[] match = match(gs, ps);
      int[] goldOf = new int[ps.size()];
      java.util.Arrays.fill(goldOf, -1);
      for (int i = 0; i < gs.size(); i++) {
        if (match[i] >= 0) {
          goldOf[match[i]] = i;
        }
      }
      for (int i = 0; i < gs.size(); i++) {
        Gold g = gs.get(i);
        String label = article + " '" + g.surface() + "'";
        valueUnit[1]++;
        if (match[i] < 0) {
          notes.add("missed     " + label);
          continue;
        }
        matchedCount++;
        Predicted p = ps.get(match[i]);
        boolean vu = g.value().compareTo(p.value()) == 0 && g.unit().equals(p.unit());
        count(
            valueUnit,
            vu,
            notes,
            "value/unit",
            label,
            g.value().toPlainString() + " " + g.unit(),
            p.value().toPlainString() + " " + p.unit());
        boolean q = same(g.qualifier(), p.qualifier()) && sameNumber(g.rangeHigh(), p.rangeHigh());
        qualifier[1]++;
        count(
            qualifier,
            q,
            notes,
            "qualifier",
            label,
            g.qualifier() + rangeText(g.rangeHigh()),
            p.qualifier() + rangeText(p.rangeHigh()));
        int predictedOriginal = p.conversionOf();
        boolean c =
            g.conversionOf() < 0
                ? predictedOriginal < 0
                : predictedOriginal >= 0
                    && predictedOriginal < goldOf.length
                    && goldOf[predictedOriginal] == g.conversionOf();
        conversion[1]++;
        count(
            conversion,
            c,
            notes,
            "conversion",
            label,
            g.conversionOf() < 0 ? "none" : gs.get(g.conversionOf()).surface(),
            predictedOriginal < 0 || predictedOriginal >= ps.size()
                ? "none"
                : ps.get(predictedOriginal).surface());
        field(subject, g.subject(), p.subject(), true, notes, "subject", label);
        field(metric, g.metric(), p.metric(), false, notes, "metric", label);
        field(period, g.period(), p.period(), false, notes, "period", label);
      }
      for (int j = 0; j < ps.size(); j++) {
        if (goldOf[j] < 0) {
          notes.add("spurious   " + article + " '" + ps.get(j).surface() + "'");
        }
      }
    }
    return new Result(
        goldCount,
        predictedCount,
        matchedCount,
        errors,
        score(valueUnit),
        score(qualifier),
        score(conversion),
        score(subject),
        score(metric),
        score(period),
        List.copyOf(notes));
  }

  private static Score score(int[] counts) {
    return new Score(counts[0], counts[1]);
  }

  private static void count(
      int[] counts,
      boolean right,
      List<String> notes,
      String what,
      String label,
      String expected,
      String actual) {
    if (right) {
      counts[0]++;
    } else {
      notes.add(
          String.format(
              Locale.ROOT, "%-10s %s: gold %s, predicted %s", what, label, expected, actual));
    }
  }

  private static void field(
      int[] counts,
      String gold,
      String predicted,
      boolean subject,
      List<String> notes,
      String what,
      String label) {
    if (gold != null && gold.equals("*")) {
      return;
    }
    counts[1]++;
    boolean right = false;
    for (String alternative : (gold == null ? "-" : gold).split("\\|")) {
      String a = alternative.equals("-") ? null : alternative;
      if (a == null
          ? predicted == null
          : predicted != null
              && (subject ? fold(a).equals(fold(predicted)) : a.equals(predicted))) {
        right = true;
        break;
      }
    }
    count(counts, right, notes, what, label, gold, predicted);
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .replaceAll("\\s+", "")
        .toLowerCase(Locale.ROOT);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static String rangeText(BigDecimal high) {
    return high == null ? "" : ".." + high.toPlainString();
  }

  /**
   * One-to-one matching of overlapping spans: the pairs with the largest overlap are taken first,
   * ties go to the earlier gold figure. Returns, per gold figure, the predicted index or -1.
   */
  static int[] match(List<Gold> gold, List<Predicted> predicted) {
    int[] match = new int[gold.size()];
    java.util.Arrays.fill(match, -1);
    boolean[] used = new boolean[predicted.size()];
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < gold.size(); i++) {
      for (int j = 0; j < predicted.size(); j++) {
        int overlap =
            Math.min(gold.get(i).end(), predicted.get(j).end())
                - Math.max(gold.get(i).start(), predicted.get(j).start());
        if (overlap > 0) {
          pairs.add(new int[] {overlap, i, j});
        }
      }
    }
    pairs.sort(
        (x, y) ->
            x[0] != y[0]
                ? Integer.compare(y[0], x[0])
                : x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(x[2], y[2]));
    for (int[] p : pairs) {
      if (match[p[1]] < 0 && !used[p[2]]) {
        match[p[1]] = p[2];
        used[p[2]] = true;
      }
    }
    return match;
  }

  static Map<String, List<Gold>> readGold(List<String> lines) {
    Map<String, List<Gold>> out = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line : lines) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = object(line, "gold line " + lineNumber);
      String where = "gold line " + lineNumber;
      String article = required(n, "article", where);
      List<Gold> figures = out.computeIfAbsent(article, k -> new ArrayList<>());
      String surface = required(n, "surface", where);
      String original = text(n.get("conversion_of"));
      int conversionOf = -1;
      if (original != null) {
        for (int i = figures.size() - 1; i >= 0 && conversionOf < 0; i--) {
          if (figures.get(i).surface().equals(original)) {
            conversionOf = i;
          }
        }
        if (conversionOf < 0) {
          throw new IllegalArgumentException(
              where
                  + ": conversion_of '"
                  + original
                  + "' names no earlier gold figure of article "
                  + article);
        }
      }
      figures.add(
          new Gold(
              article,
              integer(n, "start", where),
              integer(n, "end", where),
              surface,
              number(n, "value", where),
              required(n, "unit", where),
              text(n.get("qualifier")),
              optionalNumber(n, "range_high", where),
              text(n.get("metric")),
              text(n.get("subject")),
              text(n.get("period")),
              conversionOf));
    }
    return out;
  }

  /** Reads extract-figures output; returns the number of error lines. */
  static int readPredicted(List<String> lines, Map<String, List<Predicted>> out) {
    int errors = 0;
    int lineNumber = 0;
    for (String line : lines) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String where = "prediction line " + lineNumber;
      JsonNode n = object(line, where);
      String id = text(n.get("id"));
      if (n.has("error")) {
        errors++;
        continue;
      }
      if (id == null) {
        throw new IllegalArgumentException(where + ": no \"id\"");
      }
      JsonNode figures = n.get("figures");
      if (figures == null || !figures.isArray()) {
        throw new IllegalArgumentException(where + ": no \"figures\" array for id '" + id + "'");
      }
      List<Predicted> list = new ArrayList<>();
      for (JsonNode f : figures) {
        JsonNode conversion = f.get("conversion_of");
        list.add(
            new Predicted(
                integer(f, "start", where),
                integer(f, "end", where),
                text(f.get("surface")),
                number(f, "value", where),
                required(f, "unit", where),
                text(f.get("qualifier")),
                optionalNumber(f, "range_high", where),
                text(f.get("metric")),
                text(f.get("subject")),
                text(f.get("period")),
                conversion == null || conversion.isNull() ? -1 : conversion.asInt()));
      }
      if (out.put(id, list) != null) {
        throw new IllegalArgumentException(where + ": id '" + id + "' appears twice");
      }
    }
    return errors;
  }

  private static JsonNode object(String line, String where) {
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(where + ": not a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
    }
  }

  private static String required(JsonNode n, String field, String where) {
    String v = text(n.get(field));
    if (v == null) {
      throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
    }
    return v;
  }

  private static int integer(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToInt()) {
      throw new IllegalArgumentException(
          where + ": \"" + field + "\" must be an integer, got " + v);
    }
    return v.asInt();
  }

  private static BigDecimal number(JsonNode n, String field, String where) {
    BigDecimal v = optionalNumber(n, field, where);
    if (v == null) {
      throw new IllegalArgumentException(where + ": missing \"" + field + "\"");
    }
    return v;
  }

  private static BigDecimal optionalNumber(JsonNode n, String field, String where) {
    String v = text(n.get(field));
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where + ": \"" + field + "\" is not a number: '" + v + "'");
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  /** Prints the measures as a table, and with {@code verbose} every disagreement. */
  public static void print(Result r, PrintStream out, boolean verbose) {
    out.printf(
        Locale.ROOT,
        "gold figures %d, predicted %d, matched %d%s%n",
        r.goldFigures(),
        r.predictedFigures(),
        r.matched(),
        r.predictionErrors() > 0 ? ", prediction error lines " + r.predictionErrors() : "");
    out.printf(Locale.ROOT, "%-34s %s%n", "measure", "value");
    out.printf(
        Locale.ROOT,
        "%-34s %.3f (precision %.3f, recall %.3f)%n",
        "figures found F1",
        r.f1(),
        r.precision(),
        r.recall());
    line(out, "exact value and unit (all gold)", r.valueAndUnit());
    line(out, "qualifier (matched)", r.qualifier());
    line(out, "conversion link (matched)", r.conversion());
    line(out, "subject (matched)", r.subject());
    line(out, "metric (matched)", r.metric());
    line(out, "period (matched)", r.period());
    if (verbose) {
      out.println();
      r.disagreements().forEach(out::println);
    }
  }

  private static void line(PrintStream out, String name, Score s) {
    out.printf(Locale.ROOT, "%-34s %.3f (%d/%d)%n", name, s.rate(), s.right(), s.total());
  }
}
