package org.sectortrends.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the packaged dictionary files against the analyzer that uses them. */
class NoriResourcesTest {

  private static final Path DATA = Path.of("data", "nori");

  @Test
  void userDictionaryIsLargeAndFreeOfDuplicates() throws IOException {
    List<String> entries = entries(DATA.resolve(NoriResources.USER_DICTIONARY_FILE));
    assertTrue(entries.size() >= 150, "only " + entries.size() + " entries");
    Set<String> seen = new HashSet<>();
    List<String> duplicates = new ArrayList<>();
    for (String entry : entries) {
      if (!seen.add(entry.toLowerCase())) {
        duplicates.add(entry);
      }
    }
    assertEquals(List.of(), duplicates);
  }

  /**
   * Every entry is either emitted whole as one term (or as the canonical term the term map gives
   * it) or dropped whole as a stopword.
   */
  @Test
  void everyUserDictionaryEntryIsOneTermOrAStopword() throws IOException {
    NoriResources resources = NoriResources.fromClasspath();
    TermExtractor extractor = TermExtractor.create(resources);
    List<String> broken = new ArrayList<>();
    for (String entry : entries(DATA.resolve(NoriResources.USER_DICTIONARY_FILE))) {
      String term = resources.termMap().getOrDefault(entry.toLowerCase(), entry.toLowerCase());
      List<String> expected = resources.stopwords().contains(term) ? List.of() : List.of(term);
      List<String> actual = extractor.terms(entry);
      if (!expected.equals(actual)) {
        broken.add(entry + " -> " + actual);
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void stopwordsAreLowercasedAndIncludeNewsBoilerplate() {
    Set<String> stopwords = NoriResources.fromClasspath().stopwords();
    for (String word : List.of("기자", "뉴스", "오늘", "이날", "관계자", "경우", "때문", "연합뉴스")) {
      assertTrue(stopwords.contains(word), word);
    }
    assertTrue(NoriResources.of("", "# comment\nABC\n\n").stopwords().contains("abc"));
  }

  @Test
  void packagedFilesAreTheOnesInData() throws IOException {
    assertEquals(
        Set.copyOf(NoriResources.fromClasspath().stopwords()),
        Set.copyOf(NoriResources.fromDirectory(DATA).stopwords()));
  }

  private static List<String> entries(Path file) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String entry = line.strip();
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        entries.add(entry.split("\\s+")[0]);
      }
    }
    return entries;
  }
}
