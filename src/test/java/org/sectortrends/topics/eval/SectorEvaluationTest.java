package org.sectortrends.topics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sectortrends.text.TermExtractor;
import org.sectortrends.topics.SectorTaxonomy;

/**
 * The hand-labelled sector set of {@code src/test/resources/eval/sectors/} through the project
 * analyzer and the packaged taxonomy: at least 0.90 of the articles get their sector, and earnings
 * articles of non-financial companies no longer go to finance. The real articles are read from
 * ../shared at run time; without it only the written ones are scored.
 */
class SectorEvaluationTest {

  private static final SectorTaxonomy TAXONOMY = SectorTaxonomy.fromClasspath();

  @Test
  void labelledArticlesGetTheirSector() throws Exception {
    List<SectorEvaluation.Labelled> articles = SectorEvaluation.labelled();
    boolean real = Files.exists(SectorEvaluation.WIKINEWS) && Files.exists(SectorEvaluation.YNAT);
    assertTrue(articles.size() >= (real ? 120 : 30), () -> "labelled articles: " + articles.size());
    List<SectorEvaluation.Scored> scored =
        SectorEvaluation.score(articles, TAXONOMY, TermExtractor.shared());
    String report = SectorEvaluation.report(scored, true);
    assertTrue(SectorEvaluation.accuracy(scored) >= 0.90, report);
    long wrongFinance =
        scored.stream().filter(s -> !s.correct() && s.predicted().equals("finance")).count();
    assertEquals(0, wrongFinance, report);
  }

  @Test
  void labelsAreSectorsOfTheTaxonomyAndEverySectorIsRepresented() throws Exception {
    Set<String> gold =
        SectorEvaluation.labelled().stream()
            .map(SectorEvaluation.Labelled::gold)
            .collect(Collectors.toSet());
    assertEquals(Set.copyOf(TAXONOMY.sectorIds()), gold);
  }

  @Test
  void generatedArticlesKeepTheirSector() {
    double accuracy = SectorEvaluation.generatedAccuracy(TAXONOMY, TermExtractor.shared(), 600);
    assertTrue(accuracy >= 0.98, () -> "generated accuracy " + accuracy);
  }

  @Test
  void quotedCsvFieldsMaySpanLinesAndHoldQuotes() {
    List<List<String>> rows = SectorEvaluation.Csv.read("a,b\n1,\"x, \"\"y\"\"\nz\"\n");
    assertEquals(List.of(List.of("a", "b"), List.of("1", "x, \"y\"\nz")), rows);
  }
}
