package org.sectortrends.figures.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sectortrends.generator.ArticleGenerator;
import org.sectortrends.generator.GeneratedArticle;
import org.sectortrends.generator.GeneratorSettings;
import org.sectortrends.generator.TruthFigure;

/**
 * Writes generated articles and their truth figures in the formats of {@code extract-figures} input
 * and {@code evaluate-figures} gold, so the extractor can be scored on the synthetic corpus without
 * Spark:
 *
 * <pre>
 *   java -cp ... org.sectortrends.figures.eval.GeneratedFigureGold 3000 7 articles.jsonl gold.jsonl
 *   jobs/extract-figures articles.jsonl > pred.jsonl
 *   jobs/evaluate-figures gold.jsonl pred.jsonl
 * </pre>
 *
 * Only well-formed originals are written (no duplicates, no malformed records), over 12 months. The
 * generator names some units and metrics its own way ({@code ton} for {@code t}), so value and
 * unit, metric and subject are lower than on hand-annotated gold; the scores are for comparing
 * extractor versions.
 */
public final class GeneratedFigureGold {

  private GeneratedFigureGold() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: GeneratedFigureGold ARTICLES SEED ARTICLES_OUT GOLD_OUT");
      System.exit(2);
      return;
    }
    long count = Long.parseLong(args[0]);
    ObjectMapper json = new ObjectMapper();
    ArticleGenerator generator =
        new ArticleGenerator(
            GeneratorSettings.of(count, 12, Long.parseLong(args[1])).withRates(0, 0, 0));
    try (PrintWriter articles =
            new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8));
        PrintWriter gold =
            new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
      for (long i = 0; i < count; i++) {
        GeneratedArticle a = generator.generate(i);
        if (a.malformed() != null || a.duplicateOf() != null) {
          continue;
        }
        ObjectNode article = json.createObjectNode();
        article.put("id", a.id());
        article.put("published", a.publishedAt().toLocalDate().toString());
        article.put("text", a.body());
        articles.println(json.writeValueAsString(article));
        for (TruthFigure f : a.figures()) {
          ObjectNode g = json.createObjectNode();
          g.put("article", a.id());
          g.put("start", f.start());
          g.put("end", f.end());
          g.put("surface", f.surface());
          g.put("value", f.value().toPlainString());
          g.put("unit", f.unit());
          g.put("counter", f.counter());
          g.put("qualifier", f.qualifier());
          g.put("range_high", f.rangeHigh() == null ? null : f.rangeHigh().toPlainString());
          g.put("metric", f.metric());
          g.put("subject", f.subject());
          g.put("period", f.period());
          g.put(
              "conversion_of",
              f.conversionOf() == null ? null : a.figures().get(f.conversionOf()).surface());
          gold.println(json.writeValueAsString(g));
        }
      }
    }
  }
}
