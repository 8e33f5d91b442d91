package org.sectortrends.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.sectortrends.testing.RandomKoreanText;
import org.sectortrends.testing.TokenStreamAssert;
import org.sectortrends.testing.TokenStreamAssert.Token;

/**
 * The project's analysis chains on random text ({@link RandomKoreanText}), one analyzer reused for
 * every text as Spark tasks reuse it: no exception, the stream contract and offset rules of {@link
 * TokenStreamAssert}, every span within the text, the final offset at the end of the text, and
 * every term equal to its span lowercased char by char ({@link LowerCaseCharFilter} keeps offsets
 * exact and Nori copies its terms from the text) unless the term map replaced it. Rerun on other
 * texts with {@code -Dsectortrends.randomSeed=N}.
 */
class AnalyzerRandomInputTest {

  private static final NoriResources RESOURCES = NoriResources.fromClasspath();

  @Test
  void topicChainOnRandomText() throws IOException {
    check(
        NoriAnalyzerFactory.topicAnalyzer(RESOURCES),
        RESOURCES.termMap(),
        RandomKoreanText.seed(13L),
        400,
        40);
  }

  @Test
  void topicChainWithATermMapOnRandomText() throws IOException {
    NoriResources mapped = NoriResources.of("", "기자\n", "美 미국\n北 북한\n株 주식\n");
    check(
        NoriAnalyzerFactory.topicAnalyzer(mapped),
        mapped.termMap(),
        RandomKoreanText.seed(17L),
        300,
        40);
  }

  @Test
  void tokenizerAloneOnRandomText() throws IOException {
    check(
        NoriAnalyzerFactory.tokenizerOnly(RESOURCES),
        Map.of(),
        RandomKoreanText.seed(19L),
        300,
        40);
  }

  @Test
  void topicChainOnLongText() throws IOException {
    check(
        NoriAnalyzerFactory.topicAnalyzer(RESOURCES),
        RESOURCES.termMap(),
        RandomKoreanText.seed(23L),
        3,
        3000);
  }

  private static void check(
      Analyzer analyzer, Map<String, String> termMap, long seed, int texts, int pieces)
      throws IOException {
    RandomKoreanText random = new RandomKoreanText(seed);
    try (analyzer) {
      for (int i = 0; i < texts; i++) {
        String text = random.text(1 + i % pieces);
        int index = i;
        java.util.function.Supplier<String> where =
            () -> "text " + index + " of seed " + seed + ": " + RandomKoreanText.quote(text);
        List<Token> tokens;
        int finalOffset;
        try (var stream = analyzer.tokenStream("body", text)) {
          var offset =
              stream.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
          tokens = TokenStreamAssert.tokens(stream);
          finalOffset = offset.endOffset();
        } catch (RuntimeException | AssertionError e) {
          throw new AssertionError("analysis failed on " + where.get(), e);
        }
        assertEquals(text.length(), finalOffset, () -> "final offset of " + where.get());
        for (Token t : tokens) {
          assertTrue(t.endOffset() <= text.length(), () -> t + " passes the end of " + where.get());
          String span = lowerCharByChar(text.substring(t.startOffset(), t.endOffset()));
          if (!t.term().equals(span)) {
            assertEquals(
                termMap.get(span),
                t.term(),
                () -> t + " is neither its span '" + span + "' nor its mapping, in " + where.get());
          }
        }
      }
    }
  }

  private static String lowerCharByChar(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
