package org.sectortrends.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermExtractorTest {

  private static final TermExtractor EXTRACTOR = TermExtractor.shared();

  /** Sentence | expected terms in order, space-separated (empty: no term survives). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # user dictionary: agency abbreviations stay one token (not 공 + 신부)
          중국 공신부는 반도체 자립을 강조했다                           | 중국 공신부 반도체 자립
          과기정통부와 방통위가 5G 주파수 경매 일정을 공개했다           | 과기정통부 방통위 5g 주파수 경매 일정 공개
          금융위·금감원, 가계부채 관리 방안 발표                         | 금융위 금감원 가계부채 관리 방안
          공정위, 구글에 과징금 부과                                     | 공정위 구글 과징금 부과
          국토부와 산업부 차관 회의                                      | 국토부 산업부 차관 회의
          과학기술정보통신부 장관 취임                                   | 과학기술정보통신부 장관 취임
          # user dictionary: company names in Latin and Hangul, lowercased
          SK하이닉스, 3분기 영업익 7조원…HBM3E 공급 확대                 | sk하이닉스 분기 영업익 hbm3e 공급 확대
          삼성전자가 2나노 파운드리 공정에서 엔비디아 칩을 생산한다      | 삼성전자 나노 파운드리 공정 엔비디아 칩 생산
          LG에너지솔루션은 올해 전고체배터리 양산을 목표로 한다고 밝혔다 | lg에너지솔루션 전고체배터리 양산 목표
          HD한국조선해양, LNG운반선 4척 수주                             | hd한국조선해양 lng 운반선 수주
          카카오톡과 카카오뱅크, 네이버웹툰                              | 카카오톡 카카오뱅크 네이버웹툰
          쿠팡과 11번가, G마켓의 이커머스 경쟁                           | 쿠팡 11번가 g마켓 이커머스 경쟁
          넥슨·크래프톤 신작 게임 출시                                   | 넥슨 크래프톤 신작 게임 출시
          # a short entry must not split the ordinary word that contains it
          하이브리드 차량 판매가 늘자 하이브 주가도 올랐다               | 하이브리드 차량 판매 하이브 주가
          # case does not matter for dictionary entries or Latin words
          Sk하이닉스와 sk하이닉스 그리고 hbm3e와 Hbm3e                    | sk하이닉스 sk하이닉스 hbm3e hbm3e
          OpenAI의 ChatGPT와 Gemini 경쟁                                 | openai chatgpt gemini 경쟁
          # compounds stay whole (decompound mode NONE)
          반도체와 자동차 산업, 국제통화기금 전망                        | 반도체 자동차 산업 국제통화기금
          # numbers, units and counters are dropped
          2024년 1만2천500명, 35.7% 증가                                 | 증가
          한국은행 금통위는 기준금리를 연 3.25%로 동결했다               | 한국은행 금통위 기준금리 동결
          # stopwords: boilerplate and bylines
          이날 관계자는 기자에게 경우에 따라 달라질 수 있다고 말했다     |
          (세종=연합뉴스) 김민수 기자 = 셀트리온이 바이오시밀러 허가를 받았다 | 세종 김민수 셀트리온 바이오시밀러 허가
          """)
  void extractsTopicTerms(String sentence, String expected) {
    List<String> expectedTerms =
        expected == null ? List.of() : Arrays.asList(expected.strip().split("\\s+"));
    assertEquals(expectedTerms, EXTRACTOR.terms(sentence));
  }

  @Test
  void countsRepeatedTermsInFirstOccurrenceOrder() {
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("hbm", 3);
    expected.put("sk하이닉스", 2);
    expected.put("물량", 1);
    expected.put("엔비디아", 1);
    assertEquals(expected, EXTRACTOR.termCounts("HBM은 SK하이닉스가, hbm 물량은 엔비디아로… SK하이닉스 HBM"));
  }

  @Test
  void emptyAndNullTextsHaveNoTerms() {
    assertEquals(List.of(), EXTRACTOR.terms(null));
    assertEquals(List.of(), EXTRACTOR.terms("   "));
    assertEquals(Map.of(), EXTRACTOR.termCounts(""));
    assertEquals(0, EXTRACTOR.countTokens(""));
  }

  @Test
  void rawTokenCountIncludesWhatTheFiltersDrop() {
    String sentence = "삼성전자가 3분기에 영업이익 10조원을 기록했다";
    int raw = EXTRACTOR.countTokens(sentence);
    int kept = EXTRACTOR.terms(sentence).size();
    // 삼성전자/가/3/분기/에/영업이익/10/조/원/을/기록/했/다 : particles, numbers and endings count
    assertEquals(13, raw);
    // 삼성전자, 분기, 영업이익, 기록
    assertEquals(4, kept);
  }

  @Test
  void sharedExtractorIsBuiltOncePerJvm() {
    assertSame(TermExtractor.shared(), TermExtractor.shared());
    assertSame(TermExtractor.shared(), TermExtractor.shared(null));
    assertSame(TermExtractor.shared(), TermExtractor.shared(" "));
  }

  @Test
  void concurrentThreadsGetTheSameTermsAsOneThread() throws Exception {
    List<String> sentences =
        List.of(
            "과기정통부, 5G 요금제 개편",
            "SK하이닉스 HBM4 양산",
            "셀트리온 바이오시밀러 FDA 허가",
            "쿠팡 물류센터 투자 확대",
            "한국은행 기준금리 동결");
    List<List<String>> expected = sentences.stream().map(EXTRACTOR::terms).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int task = 0; task < 8; task++) {
        results.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < sentences.size(); i++) {
                      if (!expected.get(i).equals(EXTRACTOR.terms(sentences.get(i)))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void resourcesFromDirectoryReplaceThePackagedOnes(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("userdict.txt"), "# no entries\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("stopwords.txt"), "자립\n", StandardCharsets.UTF_8);
    TermExtractor withoutDictionary = TermExtractor.shared(dir.toString());
    List<String> terms = withoutDictionary.terms("중국 공신부는 반도체 자립을 강조했다");
    // Without the entry, Nori reads 공신부 as 공 + 신부 (bride): the reason for the dictionary.
    assertTrue(terms.contains("신부"), terms::toString);
    assertFalse(terms.contains("공신부"), terms::toString);
    assertFalse(terms.contains("자립"), terms::toString);
    assertSame(withoutDictionary, TermExtractor.shared(dir.toString()));
    assertNotEquals(TermExtractor.shared(), withoutDictionary);
  }

  @Test
  void termMapFoldsVariantsBeforeStopwords() {
    TermExtractor folding =
        TermExtractor.create(NoriResources.of("공신부\n", "북한\n", "美 미국\n北 북한\n# 中 중국\n"));
    // 北 becomes 북한 and is then dropped as a stopword; the commented 中 entry is inactive.
    assertEquals(List.of("미국", "정상", "미국", "中", "공신부"), folding.terms("美·北 정상, 미국과 中 공신부"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NoriResources.of("", "", "美\n"));
    assertTrue(e.getMessage().contains("美"), e.getMessage());
  }

  /** Decompound mode | sentence | expected terms: the measured alternatives to NONE. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # MIXED adds the parts after each compound; user entries have no parts and stay whole
          MIXED   | 반도체와 자동차 산업, 국제통화기금 전망 | 반도체 도체 자동차 자동 산업 국제통화기금 국제 통화 기금
          MIXED   | 중국 공신부는 반도체 자립을 강조했다     | 중국 공신부 반도체 도체 자립
          # DISCARD keeps only the parts (반 and 차 are stopword fragments)
          DISCARD | 반도체와 자동차 산업, 국제통화기금 전망 | 도체 자동 산업 국제 통화 기금
          DISCARD | 중국 공신부는 반도체 자립을 강조했다     | 중국 공신부 도체 자립
          """)
  void otherDecompoundModesSplitSystemCompoundsButNotUserEntries(
      String mode, String sentence, String expected) {
    TermExtractor extractor =
        TermExtractor.create(
            NoriResources.fromClasspath(),
            org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode.valueOf(mode),
            TopicTermFilter.TOPIC_TAGS);
    assertEquals(Arrays.asList(expected.strip().split("\\s+")), extractor.terms(sentence));
  }

  @Test
  void tagSetDecidesWhichPartsOfSpeechSurvive() {
    TermExtractor foreignWordsOnly =
        TermExtractor.create(
            NoriResources.fromClasspath(),
            NoriAnalyzerFactory.DECOMPOUND_MODE,
            java.util.EnumSet.of(org.apache.lucene.analysis.ko.POS.Tag.SL));
    assertEquals(List.of("ai", "hbm"), foreignWordsOnly.terms("AI 반도체, HBM 공급"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TermExtractor.create(
                    NoriResources.fromClasspath(),
                    NoriAnalyzerFactory.DECOMPOUND_MODE,
                    java.util.EnumSet.noneOf(org.apache.lucene.analysis.ko.POS.Tag.class)));
    assertTrue(e.getMessage().contains("[]"), e.getMessage());
  }

  @Test
  void missingResourceDirectoryIsReportedWithItsPath(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NoriResources.fromDirectory(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
