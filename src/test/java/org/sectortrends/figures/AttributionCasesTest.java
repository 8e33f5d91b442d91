package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Subject, metric and period per phenomenon, one row per case in {@code
 * src/test/resources/figures/attribution-cases.tsv} (text, publication date, figure surface, field,
 * expected value).
 */
class AttributionCasesTest {

  private static final FigureExtractor EXTRACTOR = FigureExtractor.defaults();

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (InputStream in =
        AttributionCasesTest.class.getResourceAsStream("/figures/attribution-cases.tsv")) {
      assertNotNull(in, "attribution-cases.tsv on the test class path");
      int line = 0;
      for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        line++;
        if (row.isBlank() || row.startsWith("#")) {
          continue;
        }
        String[] c = row.split("\t");
        if (c.length != 5) {
          throw new IllegalStateException(
              "attribution-cases.tsv line " + line + ": 5 columns expected, got " + c.length);
        }
        out.add(Arguments.of(line, c[0].replace("\\n", "\n"), c[1], c[2], c[3], c[4]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "line {0}: {4} of {3}")
  @MethodSource("cases")
  void attribution(
      int line, String text, String published, String surface, String field, String expected) {
    List<Figure> figures = EXTRACTOR.extract(text, LocalDate.parse(published));
    Figure figure =
        figures.stream().filter(f -> f.surface().equals(surface)).findFirst().orElse(null);
    assertNotNull(
        figure,
        "no figure '"
            + surface
            + "' in: "
            + text
            + " (got "
            + figures.stream().map(Figure::surface).toList()
            + ")");
    String actual =
        switch (field) {
          case "subject" -> figure.subject();
          case "metric" -> figure.metric();
          case "period" -> figure.period();
          default -> throw new IllegalStateException("line " + line + ": unknown field " + field);
        };
    assertEquals(
        expected.equals("-") ? null : expected,
        actual,
        field + " of '" + surface + "' in: " + text);
  }
}
