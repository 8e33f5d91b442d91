package org.sectortrends.text.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sectortrends.text.TermExtractor;

/**
 * Single-thread tokenization speed: characters and tokens per second for the bare Nori tokenizer
 * ({@link TermExtractor#countTokens}) and for the full topic-term chain ({@link
 * TermExtractor#termCounts}).
 *
 * <p>Run after {@code mvn -o -q test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   org.sectortrends.text.bench.TokenizationBenchmark [seconds-per-measurement] [extra.tsv column]
 * </pre>
 *
 * <p>The built-in text is a set of business-news style paragraphs written for this benchmark (long
 * sentences, company names, figures). With a TSV path and a column index, the texts of that column
 * are measured as well (for example a headline corpus read at run time).
 *
 * <p>A plain timing loop rather than JMH: the work per call is milliseconds, far above timer
 * resolution, and the loop warms up for the same duration it measures.
 */
public final class TokenizationBenchmark {

  static final List<String> ARTICLES =
      List.of(
          "SK하이닉스가 3분기 영업이익 7조원을 넘기며 사상 최대 실적을 냈다. 고대역폭메모리 HBM3E의"
              + " 엔비디아 공급 물량이 늘었고, 범용 D램 가격도 두 분기 연속 올랐다. 회사는 내년 상반기"
              + " HBM4 양산을 앞당기고 청주 신규 공장에 20조원을 투자하겠다고 밝혔다. 증권가에서는"
              + " 메모리 업황 회복이 이어지면 연간 영업이익이 30조원에 이를 것으로 내다봤다.",
          "과학기술정보통신부는 5G 주파수 추가 할당 계획을 발표했다. 과기정통부는 통신 3사의"
              + " 28㎓ 대역 투자 실적이 부족하다고 보고, 신규 사업자 유치를 위해 할당 대가를 낮추기로"
              + " 했다. SK텔레콤과 KT, LG유플러스는 요금제 개편과 알뜰폰 도매대가 인하 요구에 대해"
              + " 신중한 입장을 보였다.",
          "LG에너지솔루션과 삼성SDI, SK온이 북미 전기차 수요 둔화에 대응해 에너지저장장치(ESS)"
              + " 사업을 키운다. 리튬인산철(LFP) 배터리 라인을 새로 깔고, 전고체배터리 시제품은"
              + " 2027년 양산을 목표로 한다. 현대차와 기아는 하이브리드 판매가 늘면서 2분기 합산"
              + " 매출 70조원을 기록했다.",
          "셀트리온은 자가면역질환 치료제 바이오시밀러가 미국 식품의약국(FDA) 허가를 받았다고"
              + " 밝혔다. 삼성바이오로직스는 글로벌 제약사와 1조5천억원 규모의 위탁개발생산(CDMO)"
              + " 계약을 맺었고, 유한양행은 폐암 신약의 임상 3상 결과를 학회에서 발표한다.",
          "한국은행 금융통화위원회는 기준금리를 연 3.25%로 동결했다. 가계부채 증가세와 원·달러"
              + " 환율 불안이 이유다. 코스피는 외국인 매도에 1.2% 내린 2,580에 마감했고, 코스닥은"
              + " 이차전지 종목 약세로 2% 넘게 떨어졌다. 금융위원회와 금융감독원은 공매도 제도"
              + " 개선안을 다음 달 내놓는다.",
          "쿠팡이 물류센터 추가 건립에 3조원을 투입한다. 알리익스프레스와 테무 등 중국 이커머스의"
              + " 공세에 맞서 로켓배송 지역을 넓히려는 것이다. 11번가와 G마켓은 수수료 인하로 입점"
              + " 판매자를 붙잡고 있고, 대형마트와 편의점은 신선식품 배송 서비스를 강화하고 있다.",
          "HD한국조선해양과 한화오션, 삼성중공업이 올해 들어 액화천연가스(LNG) 운반선 40척을"
              + " 수주했다. 두산에너빌리티는 소형모듈원자로(SMR) 주기기 제작을 맡았고, 한국전력은"
              + " 전력망 투자를 위해 전기요금 인상을 정부에 요청했다.",
          "넥슨의 신작 게임이 출시 첫 주 매출 1위에 올랐다. 크래프톤은 배틀그라운드 후속작을"
              + " 콘솔로 내놓고, 엔씨소프트는 리니지 지식재산권(IP)을 활용한 모바일게임을 준비 중이다."
              + " 네이버웹툰은 웹툰 원작 드라마의 흥행으로 해외 매출이 늘었다.");

  private TermExtractor extractor;

  public static void main(String[] args) throws IOException {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
    TokenizationBenchmark benchmark = new TokenizationBenchmark();
    long start = System.nanoTime();
    benchmark.extractor = TermExtractor.shared();
    System.out.printf("build shared extractor: %.0f ms%n", (System.nanoTime() - start) / 1e6);
    benchmark.measure("written articles", ARTICLES, seconds);
    if (args.length > 2) {
      benchmark.measure(args[1], readColumn(Path.of(args[1]), Integer.parseInt(args[2])), seconds);
    }
  }

  private void measure(String name, List<String> texts, double seconds) {
    long chars = texts.stream().mapToLong(String::length).sum();
    System.out.printf("%s: %d texts, %d chars%n", name, texts.size(), chars);
    report("  tokenizer only ", texts, chars, seconds, extractor::countTokens);
    report("  topic terms    ", texts, chars, seconds, t -> extractor.termCounts(t).size());
  }

  private static void report(
      String label,
      List<String> texts,
      long charsPerPass,
      double seconds,
      java.util.function.ToIntFunction<String> work) {
    runFor(texts, seconds, work); // warm-up
    long[] result = runFor(texts, seconds, work);
    long passes = result[0];
    long tokens = result[1];
    double elapsed = result[2] / 1e9;
    System.out.printf(
        "%s %,12.0f chars/s %,12.0f tokens/s (%d passes)%n",
        label, passes * charsPerPass / elapsed, tokens / elapsed, passes);
  }

  /** Returns {passes, tokens, nanos}. */
  private static long[] runFor(
      List<String> texts, double seconds, java.util.function.ToIntFunction<String> work) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    long passes = 0;
    long tokens = 0;
    do {
      for (String text : texts) {
        tokens += work.applyAsInt(text);
      }
      passes++;
    } while (System.nanoTime() < deadline);
    return new long[] {passes, tokens, System.nanoTime() - start};
  }

  private static List<String> readColumn(Path tsv, int column) throws IOException {
    List<String> texts = new ArrayList<>();
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split("\t");
      if (fields.length > column) {
        texts.add(fields[column]);
      }
    }
    return texts;
  }
}
