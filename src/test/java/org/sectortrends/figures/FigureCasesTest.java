package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of {@code figures/cases.tsv}: every number form, unit, range, qualifier and sign, and
 * the negatives (dates, ages, ranks, model names, law numbers) that must never become figures.
 */
class FigureCasesTest {

  private static final FigureExtractor EXTRACTOR = FigureExtractor.defaults();

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                FigureCasesTest.class.getResourceAsStream("/figures/cases.tsv"),
                StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length != 7) {
          throw new IllegalStateException("cases.tsv line " + lineNo + " needs 7 columns: " + line);
        }
        out.add(Arguments.of(lineNo, c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
      }
    }
    return out.stream();
  }

  @Test
  void tableHasAtLeast300Cases() throws IOException {
    assertTrue(cases().count() >= 300, "cases.tsv should hold at least 300 cases");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void figureCase(
      int line,
      String text,
      String surface,
      String value,
      String unit,
      String qualifier,
      String rangeHigh,
      String counter) {
    List<Figure> figures = EXTRACTOR.extract(text, null);
    if (surface.equals("NONE")) {
      assertEquals(
          List.of(),
          figures.stream().map(Figure::surface).toList(),
          "no figure expected in: " + text);
      return;
    }
    Optional<Figure> match = figures.stream().filter(f -> f.surface().equals(surface)).findFirst();
    assertTrue(
        match.isPresent(),
        "expected figure '"
            + surface
            + "' in: "
            + text
            + " but got "
            + figures.stream().map(Figure::surface).toList());
    Figure f = match.get();
    assertEquals(
        surface,
        text.substring(text.offsetByCodePoints(0, f.start()), text.offsetByCodePoints(0, f.end())),
        "span must cover the surface");
    assertEquals(
        0,
        new BigDecimal(value).compareTo(f.value()),
        "value of " + surface + ": " + f.value().toPlainString());
    assertEquals(unit, f.unit(), "unit of " + surface);
    assertEquals(nullable(qualifier), f.qualifier(), "qualifier of " + surface);
    if (nullable(rangeHigh) == null) {
      assertEquals(null, f.rangeHigh(), "range_high of " + surface);
    } else {
      assertEquals(
          0, new BigDecimal(rangeHigh).compareTo(f.rangeHigh()), "range_high of " + surface);
    }
    assertEquals(nullable(counter), f.counter(), "counter of " + surface);
  }

  private static String nullable(String s) {
    return s.equals("-") ? null : s;
  }
}
