package org.sectortrends.figures.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.sectortrends.figures.Figure;
import org.sectortrends.figures.FigureExtractor;

/**
 * Scores the figure extractor against the quantity (QT) spans of KLUE-NER news sentences ({@code
 * {"id", "text", "spans": [{"start", "end", "tag", "surface"}]}}, code-point offsets).
 *
 * <ul>
 *   <li><b>Recall</b> over the QT spans that carry a money, percent or counter unit: the span's
 *       surface ends with a currency word of the lexicon, {@code %}, {@code 퍼센트}, {@code 프로} or a
 *       counter of the lexicon, right after a numeral. Age groups ({@code 20대}, {@code 40∼50대}) are
 *       ages and {@code 제20회} is an ordinal; both are left out. A span is found when a figure
 *       overlaps it.
 *   <li><b>Precision</b> against all QT spans (ages, ranks, scores and measures included): a figure
 *       is correct when it overlaps a QT span.
 * </ul>
 *
 * <b>Coverage</b> is the share of found spans that one figure covers completely, a proxy for
 * reading the whole numeral ({@code 3만 8천여 명}, not {@code 8천여 명}).
 *
 * <p>KLUE's QT covers more than figures (ranks, ages, ordinals) and marks no unit-less bare numbers
 * consistently, which is why recall is measured on the unit-bearing subset only.
 *
 * <p>Run: {@code java -cp target/classes:<jackson jars>
 * org.sectortrends.figures.eval.KlueQuantityEvaluation FILE [--verbose]}; with {@code --verbose}
 * misses and unmatched figures are listed.
 */
public final class KlueQuantityEvaluation {

  /** The scores of one run. */
  public record Result(
      int sentences,
      int goldQuantities,
      int unitQuantities,
      int unitQuantitiesFound,
      int unitQuantitiesCovered,
      int figures,
      int figuresOnQuantity) {
    public double recall() {
      return unitQuantities == 0 ? 0 : (double) unitQuantitiesFound / unitQuantities;
    }

    /** Share of found unit-bearing spans that one figure covers completely (no cut numerals). */
    public double coverage() {
      return unitQuantitiesFound == 0 ? 0 : (double) unitQuantitiesCovered / unitQuantitiesFound;
    }

    public double precision() {
      return figures == 0 ? 0 : (double) figuresOnQuantity / figures;
    }
  }

  private static final Pattern AGE_GROUP = Pattern.compile("([1-9]0대?\\s?[~∼]\\s?)?[1-9]0대");
  private static final Pattern NUMERAL =
      Pattern.compile(
          ".*[0-9][0-9,.]*\\s?[만억조경천백십]*\\s?여?|.*[일이삼사오육칠팔구십백천만억조경]+"
              + "|(.*\\s)?(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두|스무|서른|마흔|쉰)");

  private final FigureExtractor extractor;
  private final ObjectMapper json = new ObjectMapper();

  public KlueQuantityEvaluation(FigureExtractor extractor) {
    this.extractor = extractor;
  }

  public Result evaluate(Path file, PrintStream details) throws IOException {
    int sentences = 0;
    int gold = 0;
    int unitGold = 0;
    int unitFound = 0;
    int unitCovered = 0;
    int figures = 0;
    int figuresOk = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        String text = row.get("text").asText();
        sentences++;
        List<int[]> quantities = new ArrayList<>();
        List<String> surfaces = new ArrayList<>();
        for (JsonNode span : row.get("spans")) {
          if ("QT".equals(span.get("tag").asText())) {
            quantities.add(new int[] {span.get("start").asInt(), span.get("end").asInt()});
            surfaces.add(span.get("surface").asText());
          }
        }
        List<Figure> found = extractor.extract(text, null);
        gold += quantities.size();
        for (int q = 0; q < quantities.size(); q++) {
          if (!carriesUnit(surfaces.get(q))) {
            continue;
          }
          unitGold++;
          int[] span = quantities.get(q);
          boolean hit = found.stream().anyMatch(f -> f.start() < span[1] && span[0] < f.end());
          if (hit) {
            unitFound++;
            boolean covered =
                found.stream().anyMatch(f -> f.start() <= span[0] && span[1] <= f.end());
            if (covered) {
              unitCovered++;
            } else if (details != null) {
              details.println("PARTIAL\t" + surfaces.get(q) + "\t" + text);
            }
          } else if (details != null) {
            details.println("MISS\t" + surfaces.get(q) + "\t" + text);
          }
        }
        for (Figure f : found) {
          figures++;
          boolean ok = quantities.stream().anyMatch(s -> f.start() < s[1] && s[0] < f.end());
          if (ok) {
            figuresOk++;
          } else if (details != null) {
            details.println(
                "EXTRA\t"
                    + f.surface()
                    + "\t"
                    + f.value().toPlainString()
                    + " "
                    + f.unit()
                    + "\t"
                    + text);
          }
        }
      }
    }
    return new Result(sentences, gold, unitGold, unitFound, unitCovered, figures, figuresOk);
  }

  /** True when a gold surface is a numeral followed by a currency, percent or counter word. */
  public boolean carriesUnit(String surface) {
    String s = surface.strip();
    if (AGE_GROUP.matcher(s).matches() || s.startsWith("제")) {
      return false; // age groups and ordinals (제20회) are not counts
    }
    for (int cut = Math.min(6, s.length() - 1); cut >= 1; cut--) {
      String unit = s.substring(s.length() - cut).strip();
      String head = s.substring(0, s.length() - cut).strip();
      if (head.isEmpty() || !NUMERAL.matcher(head).matches()) {
        continue;
      }
      if (unit.equals("%")
          || unit.equals("퍼센트")
          || unit.equals("프로")
          || extractor.isCurrency(unit)
          || extractor.isCounter(unit)) {
        return true;
      }
    }
    return false;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args[0].startsWith("--")) {
      System.err.println("usage: KlueQuantityEvaluation FILE [--verbose]");
      System.exit(2);
    }
    boolean verbose = args.length > 1 && args[1].equals("--verbose");
    KlueQuantityEvaluation evaluation = new KlueQuantityEvaluation(FigureExtractor.defaults());
    Result r = evaluation.evaluate(Path.of(args[0]), verbose ? System.out : null);
    System.out.printf(
        "sentences %d, QT spans %d, QT spans with money/percent/counter units %d%n",
        r.sentences(), r.goldQuantities(), r.unitQuantities());
    System.out.printf(
        "recall    %.4f (%d/%d)%n", r.recall(), r.unitQuantitiesFound(), r.unitQuantities());
    System.out.printf(
        "precision %.4f (%d/%d)%n", r.precision(), r.figuresOnQuantity(), r.figures());
    System.out.printf(
        "coverage  %.4f (%d/%d found spans lie wholly inside one figure)%n",
        r.coverage(), r.unitQuantitiesCovered(), r.unitQuantitiesFound());
  }
}
