package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Metric, subject, period, direction, change basis and conversion links on sentences of our own.
 */
class AttributionTest {

  private static final FigureExtractor EXTRACTOR = FigureExtractor.defaults();
  private static final LocalDate PUBLISHED = LocalDate.of(2025, 11, 26);

  private static Figure figure(List<Figure> figures, String surface) {
    return figures.stream()
        .filter(f -> f.surface().equals(surface))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no figure '"
                        + surface
                        + "' in "
                        + figures.stream().map(Figure::surface).toList()));
  }

  @Test
  void earningsSentenceGetsMetricGrowthDirectionAndBasis() {
    List<Figure> f =
        EXTRACTOR.extract(
            "가나전자의 3분기 매출은 5조 2천억 원으로 전년 동기 대비 8.5% 증가했다. 영업이익은 4천억 원으로 전 분기보다 3% 줄었다.", PUBLISHED);
    Figure revenue = figure(f, "5조 2천억 원");
    assertEquals("revenue", revenue.metric());
    assertEquals("가나전자", revenue.subject());
    assertEquals("2025Q3", revenue.period());
    assertEquals("3분기", revenue.periodText());
    assertNull(revenue.direction());
    Figure growth = figure(f, "8.5%");
    assertEquals("revenue_growth", growth.metric());
    assertEquals("up", growth.direction());
    assertEquals("yoy", growth.changeBasis());
    Figure profit = figure(f, "4천억 원");
    assertEquals("operating_profit", profit.metric());
    assertEquals("가나전자", profit.subject(), "subject carried to the next sentence");
    assertEquals("2025Q3", profit.period(), "period carried to the next sentence");
    Figure drop = figure(f, "3%");
    assertEquals("operating_profit_growth", drop.metric());
    assertEquals("down", drop.direction());
    assertEquals("qoq", drop.changeBasis());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "수출은 전월 대비 4% 늘었다.|4%|up|mom",
        "수출은 전년보다 4% 감소했다.|4%|down|yoy",
        "수출은 작년 같은 기간보다 4% 하락했다.|4%|down|yoy",
        "수출은 4% 급증했다.|4%|up|",
        "수출이 4% 뒷걸음질쳤다.|4%|down|",
        "수출 비중은 4%다.|4%||",
        "전년 대비 늘어난 3조 원을 기록했다.|3조 원|up|yoy",
      })
  void directionAndBasis(String text, String surface, String direction, String basis) {
    Figure f = figure(EXTRACTOR.extract(text, PUBLISHED), surface);
    assertEquals(direction, f.direction(), "direction");
    assertEquals(basis, f.changeBasis(), "change basis");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "시가총액은 500조 원이다.|500조 원|market_cap",
        "시장점유율은 35%다.|35%|market_share",
        "순이익은 200억 원이다.|200억 원|net_income",
        "영업이익률은 12%로 개선됐다.|12%|operating_margin",
        "수주액은 3조 원이다.|3조 원|orders",
        "출하량은 120만 대였다.|120만 대|shipments",
        "이용자는 300만 명이다.|300만 명|users",
        "회사는 공장에 2조 원을 투자한다.|2조 원|investment",
        "회사는 1천억 원 규모의 배당을 한다.|1천억 원|dividend",
        "그는 100만 원을 받았다.|100만 원|",
      })
  void metricFromTheLexicon(String text, String surface, String metric) {
    assertEquals(metric, figure(EXTRACTOR.extract(text, PUBLISHED), surface).metric());
  }

  @ParameterizedTest(name = "{0} @ {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "3분기 매출은 1조 원이다.|2025-11-26|2025Q3|3분기",
        "4분기 매출은 1조 원이다.|2026-02-10|2025Q4|4분기",
        "지난해 4분기 매출은 1조 원이다.|2025-11-26|2024Q4|지난해 4분기",
        "2023년 매출은 1조 원이다.|2025-11-26|2023|2023년",
        "2024년 3분기 매출은 1조 원이다.|2025-11-26|2024Q3|2024년 3분기",
        "1~10월 누적 매출은 1조 원이다.|2025-12-01|2025-01..2025-10|1~10월 누적",
        "올해 상반기 매출은 1조 원이다.|2025-11-26|2025H1|올해 상반기",
        "하반기 매출은 1조 원이다.|2025-03-02|2024H2|하반기",
        "지난 4월 매출은 1조 원이다.|2025-03-02|2024-04|지난 4월",
        "작년 매출은 1조 원이다.|2025-11-26|2024|작년",
        "내년 예산은 1조 원이다.|2025-11-26|2026|내년",
        "향후 5년간 1조 원을 투자한다.|2025-11-26|2026..2030|향후 5년간",
        // a length of time says how long, not when: no period, and none carried into the figure
        "3년간 1조 원을 투자한다.|2025-11-26||",
        "6개월간 1조 원을 썼다.|2025-11-26||",
        "2021년부터 3년간 1조 원을 투자했다.|2025-11-26|2021..2023|2021년부터 3년간",
        "지난달 매출은 1조 원이다.|2025-11-26|2025-10|지난달",
        "이달 매출은 1조 원이다.|2025-11-26|2025-11|이달",
        "지난 6월 9일 하루 매출이 1조 원이었다.|2025-11-26|2025-06|지난 6월 9일",
        "지난 9일부터 23일까지 손해는 1조 원이다.|2025-11-26|2025-11|지난 9일",
        "지난 28일 하루 매출이 1조 원이었다.|2025-11-26|2025-10|지난 28일",
        "2024년 3월부터 6개월간 1조 원을 썼다.|2025-11-26|2024-03..2024-08|2024년 3월부터 6개월간",
      })
  void periodsResolveAgainstThePublicationDate(
      String text, String published, String period, String periodText) {
    Figure f = figure(EXTRACTOR.extract(text, LocalDate.parse(published)), "1조 원");
    assertEquals(period, f.period());
    assertEquals(periodText, f.periodText());
  }

  @Test
  void withoutPublicationDateRelativePeriodsStayUnresolved() {
    Figure f = figure(EXTRACTOR.extract("3분기 매출은 1조 원이다.", null), "1조 원");
    assertNull(f.period());
    assertEquals("3분기", f.periodText());
    assertEquals("2023", figure(EXTRACTOR.extract("2023년 매출은 1조 원이다.", null), "1조 원").period());
  }

  @Test
  void dayDatesAreNotPeriodsAndAnaphoraTakesThePreviousPeriod() {
    List<Figure> f =
        EXTRACTOR.extract("25일 발표에 따르면 다라물산의 2분기 매출은 800억 원이다. 같은 기간 순이익은 90억 원이다.", PUBLISHED);
    assertEquals("2025Q2", figure(f, "800억 원").period());
    assertEquals("2025Q2", figure(f, "90억 원").period());
    assertEquals("2분기", figure(f, "90억 원").periodText());
  }

  @Test
  void subjectsFromParticlesAndCarriedAcrossSentences() {
    List<Figure> f =
        EXTRACTOR.extract(
            "라마바(LMB)가 새 공장을 짓는다. 총 투자비는 1조 원이다. 회사 측은 직원 300명을 새로 뽑는다고 말했다. "
                + "한편 사아자는 매출 2천억 원을 올렸다.",
            PUBLISHED);
    assertEquals("라마바", figure(f, "1조 원").subject());
    assertEquals("라마바", figure(f, "300명").subject());
    assertEquals("사아자", figure(f, "2천억 원").subject());
  }

  @Test
  void segmentsKeepTheCompanyAndNounPhrasesBeforeMetrics() {
    List<Figure> f =
        EXTRACTOR.extract("차카타는 실적을 발표했다. 클라우드 부문 매출은 30% 늘었다. 국내 반도체 산업 수출은 100억 달러다.", PUBLISHED);
    assertEquals("차카타", figure(f, "30%").subject());
    // 국내 qualifies the metric, it does not own it
    assertEquals("반도체 산업", figure(f, "100억 달러").subject());
  }

  @Test
  void parentheticalRestatementsAreLinkedNeverSummed() {
    List<Figure> f =
        EXTRACTOR.extract(
            "파하는 300억 위안(약 5조 7천억 원)을 벌었고 39달러(한화 약 5만 3100원)짜리 상품과 "
                + "2억 달러(약 2천700억 원, 14억 위안)를 들였다. 매출은 1조 원(1조 원)이다.",
            PUBLISHED);
    assertEquals(0, figure(f, "약 5조 7천억 원").conversionOf());
    int dollars = f.indexOf(figure(f, "39달러"));
    assertEquals(dollars, figure(f, "약 5만 3100원").conversionOf());
    int twoHundred = f.indexOf(figure(f, "2억 달러"));
    assertEquals(twoHundred, figure(f, "약 2천700억 원").conversionOf());
    assertEquals(twoHundred, figure(f, "14억 위안").conversionOf());
    assertNull(figure(f, "300억 위안").conversionOf());
    long sameCurrencyLinks =
        f.stream()
            .filter(
                x ->
                    x.unit().equals("KRW")
                        && x.surface().equals("1조 원")
                        && x.conversionOf() != null)
            .count();
    assertEquals(0, sameCurrencyLinks, "a same-currency repetition is not a conversion");
    Figure conversion = figure(f, "약 5조 7천억 원");
    assertEquals(figure(f, "300억 위안").subject(), conversion.subject());
    assertEquals(figure(f, "300억 위안").metric(), conversion.metric());
  }

  @Test
  void theSentenceIsKeptAsEvidence() {
    List<Figure> f = EXTRACTOR.extract("첫 문장이다. 매출은 3조 원이다. 마지막 문장이다.", PUBLISHED);
    assertEquals("매출은 3조 원이다.", figure(f, "3조 원").sentence());
  }

  @Test
  void offsetsAreCodePoints() {
    String text = "𝐀 매출 3조 원";
    Figure f = figure(EXTRACTOR.extract(text, null), "3조 원");
    assertEquals(5, f.start());
    assertEquals(9, f.end());
  }

  @Test
  void editedLexiconsFromADirectoryOverrideTheDefaults(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("metrics.tsv"), "# test lexicon\n거래액\tgmv\tlevel\n");
    FigureExtractor custom = FigureExtractor.fromDirectory(dir);
    assertEquals("gmv", figure(custom.extract("거래액은 5조 원이다.", null), "5조 원").metric());
    assertEquals(
        null,
        figure(custom.extract("매출은 5조 원이다.", null), "5조 원").metric(),
        "the directory's metrics replace the packaged metrics");
    assertEquals(
        "KRW",
        figure(custom.extract("매출은 5조 원이다.", null), "5조 원").unit(),
        "files missing from the directory come from the classpath");
  }

  @Test
  void extractorIsSafeToShareBetweenThreads() throws Exception {
    String text = "가나전자의 3분기 매출은 5조 2천억 원으로 8.5% 증가했다.";
    List<Figure> expected = EXTRACTOR.extract(text, PUBLISHED);
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger mismatches =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int i = 0; i < 4; i++) {
      Thread th =
          new Thread(
              () -> {
                for (int k = 0; k < 2000; k++) {
                  if (!EXTRACTOR.extract(text, PUBLISHED).equals(expected)) {
                    mismatches.incrementAndGet();
                  }
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertEquals(0, mismatches.get());
  }

  @Test
  void listsOfCompaniesContinueTheMetricAndTakeTheNearestSubject() {
    List<Figure> f =
        EXTRACTOR.extract(
            "가나지주의 3분기 누적 순이익은 5조1천억원이다. 다라지주는 4조5천억원, 마바금융은 3조4천억원으로 집계됐다.", PUBLISHED);
    assertEquals("net_income", figure(f, "4조5천억원").metric());
    assertEquals("다라지주", figure(f, "4조5천억원").subject());
    assertEquals("마바금융", figure(f, "3조4천억원").subject());
    // 3분기 누적 is cumulative through the third quarter
    assertEquals("2025Q1..2025Q3", figure(f, "3조4천억원").period());
  }

  @Test
  void signedRatesAndQuarterRanges() {
    List<Figure> f = EXTRACTOR.extract("영업익 3,200억원(+15%)을 냈다. 1~3분기 누적 수출은 50억 달러다.", PUBLISHED);
    assertEquals("up", figure(f, "+15%").direction());
    assertEquals("operating_profit_growth", figure(f, "+15%").metric());
    assertEquals("2025Q1..2025Q3", figure(f, "50억 달러").period());
    assertEquals("1~3분기 누적", figure(f, "50억 달러").periodText());
    assertEquals(
        "down", figure(EXTRACTOR.extract("수익률은 -3.2%였다.", PUBLISHED), "-3.2%").direction());
    assertEquals("down", figure(EXTRACTOR.extract("국제유가 2.2%↓", PUBLISHED), "2.2%").direction());
  }

  @Test
  void knownCompanyNamesAreEntityEvidence() {
    // a listed name with digits is kept when the directory knows it
    List<Figure> list = EXTRACTOR.extract("오픈마켓 거래액 점유율은 11번가 38%, 가나마켓 31%로 집계됐다.", PUBLISHED);
    assertEquals("11번가", figure(list, "38%").subject());
    // an adverb before a known name is not part of the subject
    List<Figure> adverb = EXTRACTOR.extract("이로써 SBG의 지분율은 11%로 높아졌다.", PUBLISHED);
    assertEquals("SBG", figure(adverb, "11%").subject());
    // an ordinary noun topic does not replace the company the paragraph is about
    List<Figure> carried =
        EXTRACTOR.extract("삼성전자는 3분기 매출 79조 원을 기록했다. 메모리 업황이 좋아졌다. 영업이익은 12조 원이었다.", PUBLISHED);
    assertEquals("삼성전자", figure(carried, "12조 원").subject());
  }

  @Test
  void aListItemIsNotTheTopicOfTheNextSentence() {
    List<Figure> f =
        EXTRACTOR.extract(
            "파운드리 시장에서 가나반도체는 점유율을 높였다. 점유율은 다라전자가 61%, 가나반도체가 12%였다. " + "매출은 3분기 20조 원으로 늘었다.",
            PUBLISHED);
    assertEquals("다라전자", figure(f, "61%").subject());
    assertEquals("가나반도체", figure(f, "20조 원").subject());
  }
}
