package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sectortrends.testing.SharedData;

/**
 * All hand-annotated figures of the four seed articles must be found with exact span, value, unit,
 * qualifier, range and conversion link. The articles and the gold are read at run time; the
 * publication dates are unknown, so none is given.
 */
class SeedGoldTest {

  @Test
  void allGoldFiguresAreFoundExactly() throws IOException {
    List<String> articles =
        Files.readAllLines(
            SharedData.require("seeds/000_473b655a58f8f2ba.txt"), StandardCharsets.UTF_8);
    List<String> goldLines =
        Files.readAllLines(
            SharedData.require("eval/seed/figures-gold.jsonl"), StandardCharsets.UTF_8);
    FigureExtractor extractor = FigureExtractor.defaults();
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    int gold = 0;
    for (String line : goldLines) {
      if (line.isBlank()) {
        continue;
      }
      gold++;
      JsonNode g = json.readTree(line);
      int articleLine = Integer.parseInt(g.get("article").asText().substring("seed-".length()));
      List<Figure> figures = extractor.extract(articles.get(articleLine - 1), null);
      int start = g.get("start").asInt();
      int end = g.get("end").asInt();
      Figure f =
          figures.stream()
              .filter(x -> x.start() == start && x.end() == end)
              .findFirst()
              .orElse(null);
      String label = g.get("article").asText() + " '" + g.get("surface").asText() + "'";
      if (f == null) {
        failures.add(label + ": not found; got " + figures.stream().map(Figure::surface).toList());
        continue;
      }
      check(failures, label, "surface", g.get("surface").asText(), f.surface());
      if (new BigDecimal(g.get("value").asText()).compareTo(f.value()) != 0) {
        failures.add(label + ": value " + f.value().toPlainString());
      }
      check(failures, label, "unit", g.get("unit").asText(), f.unit());
      check(failures, label, "qualifier", text(g.get("qualifier")), f.qualifier());
      check(failures, label, "counter", text(g.get("counter")), f.counter());
      String high = text(g.get("range_high"));
      if (high == null
          ? f.rangeHigh() != null
          : f.rangeHigh() == null || new BigDecimal(high).compareTo(f.rangeHigh()) != 0) {
        failures.add(label + ": range_high " + f.rangeHigh());
      }
      String conversionOf = text(g.get("conversion_of"));
      String actual = f.conversionOf() == null ? null : figures.get(f.conversionOf()).surface();
      check(failures, label, "conversion_of", conversionOf, actual);
    }
    assertEquals(21, gold, "the seed gold has 21 figures");
    assertEquals(List.of(), failures);
  }

  @Test
  void goldFiguresCarryTheirPeriodAndSubject() throws IOException {
    List<String> articles =
        Files.readAllLines(
            SharedData.require("seeds/000_473b655a58f8f2ba.txt"), StandardCharsets.UTF_8);
    FigureExtractor extractor = FigureExtractor.defaults();
    // seed-2: the quarterly report; every figure belongs to the company and the quarter.
    List<Figure> figures = extractor.extract(articles.get(1), java.time.LocalDate.of(2025, 11, 26));
    assertTrue(figures.size() >= 6);
    for (Figure f : figures.subList(0, 6)) {
      assertEquals("알리바바", f.subject(), f.surface());
      assertEquals("2025Q3", f.period(), f.surface());
    }
    assertEquals("revenue", figures.get(0).metric());
    assertEquals("up", figures.get(2).direction());
    assertEquals("yoy", figures.get(2).changeBasis());
    assertEquals("down", figures.get(4).direction());
    assertNotNull(figures.get(5).conversionOf());
  }

  private static void check(
      List<String> failures, String label, String field, String expected, String actual) {
    if (expected == null ? actual != null : !expected.equals(actual)) {
      failures.add(label + ": " + field + " expected " + expected + " but was " + actual);
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
