package org.sectortrends.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sectortrends.testing.SharedData;

/**
 * Term quality on real headlines (the YNAT corpus in the shared directory, read at run time and
 * skipped when absent). Prints the most frequent terms for review and guards against the failures
 * that a stopword or part-of-speech change can bring back.
 */
class YnatTermQualityTest {

  private static final String CORPUS = "corpora/ynat-headlines/ynat-train-even.tsv";

  private static List<String> headlines;
  private static Map<String, Integer> documentFrequency;
  private static int withoutTerms;

  @BeforeAll
  static void analyzeCorpus() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require(CORPUS), StandardCharsets.UTF_8);
    headlines = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      headlines.add(line.split("\t")[1]);
    }
    documentFrequency = new HashMap<>();
    TermExtractor extractor = TermExtractor.shared();
    for (String headline : headlines) {
      Map<String, Integer> counts = extractor.termCounts(headline);
      if (counts.isEmpty()) {
        withoutTerms++;
      }
      counts.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
    }
  }

  private static List<String> top(int n) {
    return documentFrequency.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Test
  void nearlyEveryHeadlineKeepsTerms() {
    System.out.printf(
        "YNAT: %d headlines, %d without terms, vocabulary %d%n",
        headlines.size(), withoutTerms, documentFrequency.size());
    System.out.println(
        "top 50: "
            + top(50).stream()
                .map(t -> t + ":" + documentFrequency.get(t))
                .collect(Collectors.joining(" ")));
    assertTrue(withoutTerms < headlines.size() / 1000, withoutTerms + " headlines lost all terms");
  }

  @Test
  void boilerplateAndFragmentsStayOutOfTheTopTerms() {
    List<String> top = top(100);
    List<String> unwanted =
        top.stream()
            .filter(
                t ->
                    NoriResources.fromClasspath().stopwords().contains(t)
                        || t.chars().noneMatch(Character::isLetter)
                        || List.of("게시판", "그래픽", "종합", "속보", "포토", "전", "후", "익").contains(t))
            .toList();
    assertEquals(List.of(), unwanted);
  }

  @Test
  void userDictionaryWordsAppearWhole() {
    // Frequent in the corpus, and split into fragments without the user dictionary.
    for (String term : List.of("5g", "영업익", "특징주", "카카오톡")) {
      assertTrue(documentFrequency.getOrDefault(term, 0) >= 5, term);
    }
  }
}
