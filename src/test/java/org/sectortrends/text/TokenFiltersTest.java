package org.sectortrends.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sectortrends.testing.TokenStreamAssert.assertAnalyzesTo;
import static org.sectortrends.testing.TokenStreamAssert.assertTokenStreamContents;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.junit.jupiter.api.Test;

/**
 * Every token with its offsets and position increment, for each filter of the analysis chain alone
 * and for the chain: offsets must keep pointing at the original text whatever a filter changes, and
 * a dropped token must leave its position behind (phrase and proximity queries on the terms depend
 * on it).
 */
class TokenFiltersTest {

  private static Tokenizer whitespace(Reader reader) {
    Tokenizer tokenizer = new WhitespaceTokenizer();
    tokenizer.setReader(reader);
    return tokenizer;
  }

  /** Nori without user dictionary and without filters, as the chain builds it. */
  private static Tokenizer nori(String text) {
    Tokenizer tokenizer =
        new KoreanTokenizer(
            TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
            null,
            NoriAnalyzerFactory.DECOMPOUND_MODE,
            false,
            true);
    tokenizer.setReader(new StringReader(text));
    return tokenizer;
  }

  @Test
  void lowerCaseCharFilterLowersEveryCharAndKeepsOffsets() throws IOException {
    String text = "HBM3E와 iPhone SK하이닉스";
    assertTokenStreamContents(
        whitespace(new LowerCaseCharFilter(new StringReader(text))),
        new String[] {"hbm3e와", "iphone", "sk하이닉스"},
        new int[] {0, 7, 14},
        new int[] {6, 13, 20},
        new int[] {1, 1, 1},
        20);
  }

  @Test
  void lowerCaseCharFilterLeavesSurrogatePairsAndHangulAlone() throws IOException {
    // U+1D400 (a mathematical capital A) is two chars; lowering char by char must not split or
    // change it
    String text = "𝐀BC 😀X 가나";
    assertTokenStreamContents(
        whitespace(new LowerCaseCharFilter(new StringReader(text))),
        new String[] {"𝐀bc", "😀x", "가나"},
        new int[] {0, 5, 9},
        new int[] {4, 8, 11},
        new int[] {1, 1, 1},
        11);
  }

  @Test
  void lowerCaseCharFilterHonoursTheBufferOffset() throws IOException {
    char[] buffer = "......".toCharArray();
    int read = new LowerCaseCharFilter(new StringReader("ABc")).read(buffer, 2, 4);
    assertEquals(3, read);
    assertArrayEquals("..abc.".toCharArray(), buffer);
  }

  @Test
  void termMapFilterReplacesTermsAndKeepsTheirOffsets() throws IOException {
    TokenStream stream =
        new TermMapFilter(
            whitespace(new StringReader("美 증시 北 朴 與野")), Map.of("美", "미국", "北", "북한", "與", "여당"));
    // the canonical term is longer than its span: offsets still name the written variant
    assertTokenStreamContents(
        stream,
        new String[] {"미국", "증시", "북한", "朴", "與野"},
        new int[] {0, 2, 5, 7, 9},
        new int[] {1, 4, 6, 8, 11},
        new int[] {1, 1, 1, 1, 1},
        11);
  }

  @Test
  void termMapFilterLooksUpOnceAndPassesEverythingWithAnEmptyMap() throws IOException {
    assertTokenStreamContents(
        new TermMapFilter(whitespace(new StringReader("a b c")), Map.of("a", "b", "b", "c")),
        new String[] {"b", "c", "c"},
        new int[] {0, 2, 4},
        new int[] {1, 3, 5},
        new int[] {1, 1, 1},
        5);
    assertTokenStreamContents(
        new TermMapFilter(whitespace(new StringReader("美 北")), Map.of()),
        new String[] {"美", "北"},
        new int[] {0, 2},
        new int[] {1, 3},
        new int[] {1, 1},
        3);
  }

  @Test
  void topicTermFilterKeepsNounsAndLeavesThePositionsOfWhatItDrops() throws IOException {
    // 삼성전자/NNP 가/J 반도체/NNG 에/J 3/SN 조/NR 원/NNBC 을/J 투자/NNG 했/XSV 다/E
    assertTokenStreamContents(
        new TopicTermFilter(nori("삼성전자가 반도체에 3조 원을 투자했다")),
        new String[] {"삼성전자", "반도체", "투자"},
        new int[] {0, 6, 17},
        new int[] {4, 9, 19},
        new int[] {1, 2, 6},
        21);
  }

  @Test
  void topicTermFilterDropsLoneLatinLettersNumbersAndDependentNouns() throws IOException {
    // 美/NNG G/SL 5/SN G/SL HBM/SL 것/NNB 北/NNG
    assertTokenStreamContents(
        new TopicTermFilter(nori("美 G 5G HBM 것 北")),
        new String[] {"美", "HBM", "北"},
        new int[] {0, 7, 13},
        new int[] {1, 10, 14},
        new int[] {1, 4, 2},
        14);
  }

  @Test
  void topicTermFilterWithAnotherTagSet() throws IOException {
    assertTokenStreamContents(
        new TopicTermFilter(nori("美 G 5G HBM 것 北"), EnumSet.of(POS.Tag.NNB)),
        new String[] {"것"},
        new int[] {11},
        new int[] {12},
        new int[] {6},
        14);
  }

  @Test
  void theTopicChainWithTheProjectResources() throws IOException {
    Analyzer analyzer = NoriAnalyzerFactory.topicAnalyzer(NoriResources.fromClasspath());
    // 공신부 and SK하이닉스 are user dictionary words; 발표 is a stopword, 3 a number
    assertAnalyzesTo(
        analyzer,
        "공신부는 SK하이닉스의 HBM 3분기 실적을 발표했다",
        new String[] {"공신부", "sk하이닉스", "hbm", "분기", "실적"},
        new int[] {0, 5, 13, 18, 21},
        new int[] {3, 11, 16, 20, 23},
        new int[] {1, 2, 2, 2, 1});
  }

  @Test
  void theTopicChainMapsVariantsAndDropsStopwordsKeepingPositions() throws IOException {
    Analyzer analyzer =
        NoriAnalyzerFactory.topicAnalyzer(NoriResources.of("", "증시\n", "美 미국\n北 북한\n"));
    // 美/NNG 증시/NNG(stopword) 北/NNG 와/J HBM/SL
    assertAnalyzesTo(
        analyzer,
        "美 증시 北와 HBM",
        new String[] {"미국", "북한", "hbm"},
        new int[] {0, 5, 8},
        new int[] {1, 6, 11},
        new int[] {1, 2, 2});
  }
}
