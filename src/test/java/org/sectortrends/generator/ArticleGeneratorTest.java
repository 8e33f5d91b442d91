package org.sectortrends.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sectortrends.corpus.Shingles;
import org.sectortrends.corpus.TextNormalizer;
import org.sectortrends.generator.GeneratedArticle.Malformation;

class ArticleGeneratorTest {

  private static final int N = 2000;
  private static final GeneratorSettings SETTINGS = GeneratorSettings.of(N, 12, 42);
  private static List<GeneratedArticle> corpus;

  @BeforeAll
  static void generate() {
    ArticleGenerator generator = new ArticleGenerator(SETTINGS);
    corpus = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      corpus.add(generator.generate(i));
    }
  }

  @Test
  void sameSeedGivesTheSameRecordsInAnyOrder() {
    ArticleGenerator again = new ArticleGenerator(SETTINGS);
    for (int i = N - 1; i >= 0; i -= 7) {
      assertEquals(
          CorpusRecords.jsonLine(corpus.get(i)),
          CorpusRecords.jsonLine(again.generate(i)),
          "article " + i);
      assertEquals(corpus.get(i).figures(), again.generate(i).figures());
    }
  }

  @Test
  void anotherSeedGivesOtherArticles() {
    ArticleGenerator other = new ArticleGenerator(GeneratorSettings.of(N, 12, 43));
    int same = 0;
    for (int i = 0; i < 200; i++) {
      if (other.generate(i).body() != null
          && other.generate(i).body().equals(corpus.get(i).body())) {
        same++;
      }
    }
    assertEquals(0, same);
  }

  @Test
  void anyArticleIsGeneratedFromItsIndexAlone() {
    // Random access is what lets tasks generate their range with no shared or accumulated state.
    long far = 5_000_000_000L;
    GeneratedArticle first = new ArticleGenerator(SETTINGS).generate(far);
    ArticleGenerator warmed = new ArticleGenerator(SETTINGS);
    for (int i = 0; i < 50; i++) {
      warmed.generate(i);
    }
    assertEquals(first, warmed.generate(far));
    assertEquals("a5000000000", first.id());
  }

  @Test
  void everyFigureSpanIsExact() {
    int figures = 0;
    for (GeneratedArticle a : corpus) {
      int previousEnd = 0;
      for (TruthFigure f : a.figures()) {
        String body = a.body();
        String span =
            body.substring(
                body.offsetByCodePoints(0, f.start()), body.offsetByCodePoints(0, f.end()));
        assertEquals(f.surface(), span, a.id() + " figure " + f.index());
        assertTrue(f.start() >= previousEnd, "figures in text order without overlap in " + a.id());
        previousEnd = f.end();
        assertEquals(f.index(), a.figures().indexOf(f));
        if (f.conversionOf() != null) {
          TruthFigure restated = a.figures().get(f.conversionOf());
          assertTrue(restated.index() < f.index());
          assertEquals("KRW", f.unit());
          assertNotEquals("KRW", restated.unit());
        }
        if ("range".equals(f.qualifier())) {
          assertTrue(f.rangeHigh().compareTo(f.value()) > 0, f.toString());
        }
        figures++;
      }
    }
    assertTrue(figures > 10 * N, "figures: " + figures);
  }

  @Test
  void bodiesAreAlreadyInTheIngestsNormalForm() {
    // Then the spans index the ingested body as well.
    for (GeneratedArticle a : corpus) {
      if (a.body() != null) {
        assertEquals(a.body(), TextNormalizer.normalizeBody(a.body()), a.id());
      }
    }
  }

  @Test
  void wellFormedBodiesHaveSeveralParagraphsOfRealisticLength() {
    int multiParagraph = 0;
    int wellFormed = 0;
    for (GeneratedArticle a : corpus) {
      if (a.malformed() == null) {
        wellFormed++;
        assertTrue(a.chars() >= 300 && a.chars() <= 3000, a.id() + " has " + a.chars() + " chars");
        if (a.body().split("\n").length >= 3) {
          multiParagraph++;
        }
      }
    }
    assertTrue(multiParagraph > wellFormed * 0.9, multiParagraph + " of " + wellFormed);
  }

  @Test
  void plantedRatesAreRoughlyTheConfiguredOnes() {
    Map<String, Integer> kinds = new HashMap<>();
    EnumMap<Malformation, Integer> malformed = new EnumMap<>(Malformation.class);
    for (GeneratedArticle a : corpus) {
      if (a.duplicateKind() != null) {
        kinds.merge(a.duplicateKind(), 1, Integer::sum);
      }
      if (a.malformed() != null) {
        malformed.merge(a.malformed(), 1, Integer::sum);
      }
    }
    // Expected 40 exact and 40 near copies and 10 malformed records: within about three sigmas.
    assertBetween(kinds.getOrDefault("exact", 0), 20, 60, "exact copies");
    assertBetween(kinds.getOrDefault("near", 0), 20, 60, "near copies");
    assertBetween(
        malformed.values().stream().mapToInt(Integer::intValue).sum(), 2, 22, "malformed");
  }

  @Test
  void copiesRepeatAnEarlierOriginalLater() {
    Map<String, GeneratedArticle> byId = new HashMap<>();
    corpus.forEach(a -> byId.put(a.id(), a));
    for (GeneratedArticle copy : corpus) {
      if (copy.duplicateOf() == null) {
        continue;
      }
      GeneratedArticle original = byId.get(copy.duplicateOf());
      assertNotNull(original, copy.id());
      assertNull(original.duplicateOf());
      assertNull(original.malformed());
      assertTrue(copy.publishedAt().isAfter(original.publishedAt()), copy.id());
      assertEquals(original.sector(), copy.sector());
      if (copy.duplicateKind().equals("exact")) {
        assertEquals(original.body(), copy.body());
      } else {
        assertNotEquals(original.body(), copy.body());
        double jaccard = Shingles.jaccard(Shingles.of(original.body()), Shingles.of(copy.body()));
        assertTrue(jaccard >= 0.9, copy.id() + " similarity " + jaccard);
      }
    }
  }

  @Test
  void unrelatedArticlesAreNotNearDuplicates() {
    double max = 0;
    for (int i = 0; i < 300; i++) {
      GeneratedArticle a = corpus.get(i);
      GeneratedArticle b = corpus.get(i + 1);
      if (a.body() != null
          && b.body() != null
          && a.duplicateOf() == null
          && b.duplicateOf() == null) {
        max = Math.max(max, Shingles.jaccard(Shingles.of(a.body()), Shingles.of(b.body())));
      }
    }
    assertTrue(max < 0.5, "max similarity of neighbours " + max);
  }

  @Test
  void jsonLinesParseExceptTheBrokenOnes() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (GeneratedArticle a : corpus) {
      String line = CorpusRecords.jsonLine(a);
      if (a.malformed() == Malformation.BROKEN_JSON) {
        assertThrows(Exception.class, () -> json.readTree(line), a.id());
      } else if (a.malformed() == Malformation.BLANK_LINE) {
        assertEquals("", line);
      } else {
        JsonNode node = json.readTree(line);
        assertEquals(a.id(), node.get("id").asText());
        assertEquals(a.body(), node.get("body").asText());
        if (a.malformed() == Malformation.BAD_DATE) {
          assertTrue(node.get("published_at").asText().startsWith("9999"));
        }
      }
    }
  }

  @Test
  void textLinesCarryTheBylineAndKeepOffsets() {
    for (GeneratedArticle a : corpus.subList(0, 100)) {
      if (a.malformed() == null) {
        String line = CorpusRecords.textLine(a);
        assertTrue(line.startsWith(a.outlet() + " " + a.reporter() + " 기자 | "));
        String body = line.substring(line.indexOf(" | ") + 3);
        assertEquals(a.chars(), body.codePointCount(0, body.length()));
      }
    }
  }

  @Test
  void vocabularyIsLargeEnough() {
    Vocabulary v = Vocabulary.get();
    assertTrue(v.sectors.size() >= 10);
    assertEquals(
        Set.of(
            "semiconductor",
            "ai",
            "cloud_software",
            "ecommerce_retail",
            "battery_ev_auto",
            "telecom",
            "games_content",
            "bio_pharma",
            "finance",
            "energy_heavy_industry"),
        new HashSet<>(v.sectors.stream().map(Vocabulary.Sector::id).toList()));
    assertTrue(v.sectors.stream().mapToInt(s -> s.companies().size()).sum() >= 200);
    assertTrue(v.outlets.size() >= 30);
    Set<String> seen = new HashSet<>();
    corpus.forEach(a -> seen.add(a.sector()));
    assertEquals(10, seen.size());
  }

  @Test
  void sectorSharesFollowTheirTrends() {
    int[] aiByHalf = new int[2];
    int[] allByHalf = new int[2];
    for (GeneratedArticle a : corpus) {
      int half = a.publishedAt().getMonthValue() <= 6 && a.publishedAt().getYear() == 2025 ? 0 : 1;
      allByHalf[half]++;
      if (a.sector().equals("ai")) {
        aiByHalf[half]++;
      }
    }
    double early = (double) aiByHalf[0] / allByHalf[0];
    double late = (double) aiByHalf[1] / allByHalf[1];
    assertTrue(late > early * 1.3, "AI share " + early + " then " + late);
  }

  @Test
  void figuresComeInEveryStyle() {
    Set<String> units = new HashSet<>();
    Set<String> qualifiers = new HashSet<>();
    boolean decimalUnit = false;
    boolean compact = false;
    boolean signed = false;
    boolean wordMultiple = false;
    for (GeneratedArticle a : corpus) {
      for (TruthFigure f : a.figures()) {
        units.add(f.unit());
        qualifiers.add(String.valueOf(f.qualifier()));
        decimalUnit |= f.surface().matches(".*\\d\\.\\d+조.*");
        compact |= f.surface().matches(".*\\d억\\d+만.*");
        signed |= f.surface().startsWith("△") || f.surface().startsWith("마이너스");
        wordMultiple |= f.surface().equals("두 배") || f.surface().equals("절반");
      }
    }
    assertTrue(
        units.containsAll(
            Arrays.asList(
                "KRW",
                "USD",
                "CNY",
                "JPY",
                "EUR",
                "percent",
                "percent_point",
                "multiple",
                "count",
                "GWh",
                "MW",
                "ton")),
        units.toString());
    assertTrue(
        qualifiers.containsAll(
            Arrays.asList(
                "approx", "at_least", "more_than", "at_most", "less_than", "range", "null")),
        qualifiers.toString());
    assertTrue(decimalUnit && compact && signed && wordMultiple);
  }

  @Test
  void malformedRecordsHaveNoFiguresAndAReason() {
    for (GeneratedArticle a : corpus) {
      if (a.malformed() != null) {
        assertTrue(a.figures().isEmpty());
        assertFalse(a.malformed().reason().isBlank());
      }
    }
  }

  @Test
  void rejectsRatesThatDoNotFit() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SETTINGS.withRates(0.5, 0.3, 0.2));
    assertTrue(e.getMessage().contains("0.5"), e.getMessage());
  }

  private static void assertBetween(int value, int low, int high, String what) {
    assertTrue(
        value >= low && value <= high, what + ": " + value + " not in [" + low + ", " + high + "]");
  }
}
