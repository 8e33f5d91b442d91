package org.sectortrends.figures;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts figures (money, percentages, percentage points, multiples, counts and industry
 * quantities) from Korean news text, exactly, with what each figure is about.
 *
 * <pre>{@code
 * FigureExtractor extractor = FigureExtractor.defaults();
 * List<Figure> figures = extractor.extract(articleText, LocalDate.of(2025, 11, 26));
 * }</pre>
 *
 * <h2>Supported forms</h2>
 *
 * <ul>
 *   <li>Digits with grouping commas and decimals: {@code 2,478억}, {@code 1.5조}, {@code 13.2%},
 *       {@code 0.25%p}.
 *   <li>Large units 만, 억, 조, 경, 해 with 천, 백, 십, mixed with digits, with or without spaces: {@code
 *       12조 5천104억}, {@code 1614억5600만}, {@code 510억 9천만}, {@code 2경 484조}, {@code 7억1100만명},
 *       {@code 5만 4300원}.
 *   <li>Sino-Korean numerals next to a multiplier ({@code 삼천억 원}, {@code 이십오만 명}); native counting
 *       words before a counter ({@code 한 곳}, {@code 열두 개}, {@code 두 배}); {@code 세 자릿수} (as a growth
 *       rate: at least 100%, {@code 한 자릿수} below 10%); {@code 절반} (50%); {@code 3분의 1} (33.333333%,
 *       approximate).
 *   <li>Ranges {@code 5~6개}, {@code 5-6개}, {@code 3~4%}, {@code 10조~12조 원}, {@code 1천억~2천억 원},
 *       {@code 2~3억 원} (the lower end takes the upper end's large unit) and bands {@code 20%대},
 *       {@code 1조원대} (20..30, 1조..2조): qualifier {@code range} with {@code rangeHigh}.
 *   <li>Qualifiers from {@code qualifiers.tsv}: 약, 대략, 가량, 정도, 안팎 (approx); 이상 (at_least); 초과, 넘는
 *       (more_than); 이하 (at_most); 미만 (less_than); 최대 (at_most), 최소 (at_least); {@code 1천여억 원},
 *       {@code 100여 명}, {@code 수십억 원} (approx, value = the lower bound 10억).
 *   <li>Signs: {@code -3.2%}, {@code 마이너스 3%}, {@code △1.2%} (negative); a signed rate ({@code
 *       +15%}, {@code -3.2%}) and table or headline arrows ({@code ▲3%}, {@code 22%↑}) set the
 *       direction.
 *   <li>Currencies to ISO 4217 from {@code currencies.tsv}: 원 KRW; 달러, $, US$ USD; 홍콩달러 HKD; 대만달러
 *       TWD; 호주달러 AUD; 위안, 元 CNY; 엔, 円 JPY; 유로, € EUR; 파운드, £ GBP; 루피 INR; 동 VND (only in sentences
 *       about 베트남); 코루나 CZK, 즈워티 PLN, 포린트 HUF, 루피아 IDR, 링깃 MYR, 바트 THB, 헤알 BRL, 리얄 SAR, 디르함 AED, 랜드
 *       ZAR (beside 남아), 리라 TRY (beside 튀르키예/터키) and more; a word of several currencies takes the
 *       one whose country is named nearby ({@code 페소} is MXN beside 멕시코, PHP beside 필리핀); English
 *       scale words {@code $1.2 billion}.
 *   <li>Percent: %, 퍼센트, 프로; percentage points: %p, %포인트, 퍼센트포인트, bp (converted: 25bp is 0.25
 *       percent_point), 포인트 next to a rate (else {@code point}, index points).
 *   <li>Money without a currency word right after a money metric keyword: {@code 매출 3조를 돌파}, {@code
 *       연매출 '5조 시대'}, {@code 영업익 1조 육박} (KRW, or the currency of the previous money figure nearby),
 *       or right before one ({@code 외국인 1조 순매수}); counts without a counter after a count metric
 *       ({@code 가입자 3천만 돌파}).
 *   <li>The copula and comparison particles after a unit: {@code 2조 원인 것으로}, {@code 40억 달러였다},
 *       {@code 5120억 원보다}; spaced parts of one number ({@code 7천 6백 10만원}); units of the CJK
 *       compatibility block folded as NFKC ({@code ㎿ ㎾ ㎥ ㎡ ㎏ ㎞}), also before {@code 급} ({@code
 *       17만㎥급}).
 *   <li>Multiples (배), counts with a counter from {@code counters.tsv} (명, 건, 개, 대, 곳, 가구, 척, 채,
 *       개국, 개사 ...), measure units from {@code measure-units.tsv} (톤, GWh, MW, 배럴, TEU, ㎡ ...).
 *   <li>Never figures: dates and periods (2025년, 3분기, 1~10월, 26일), times (10:30, 3시), ages (32세,
 *       20대 여성, 30~40대 남성), ranks and ordinals (3위, 2번째, 제3조, 18대 국회), dotted or hyphenated
 *       compounds (2025.11.26, 02-123-4567, 3-1), numbers glued to Latin letters (S25, GPT-4, A320,
 *       OZ214편), bare numbers without unit (tickers, ages in parentheses), words that merely start
 *       with a numeral or unit (천장, 세계, 원칙, 2경기 is two games), process nodes ({@code 5nm 공정},
 *       {@code 3나노}), kinds ({@code 1인 가구}, {@code 1인당}), idioms with one ({@code 한 번 더}, {@code 한
 *       명의}, {@code 다시 한 번}) and names ({@code 11번가}).
 * </ul>
 *
 * <h2>Attribution</h2>
 *
 * See {@link Attributor}: metric (lexicon, with a {@code _growth} variant), subject (particles,
 * carried across sentences), period (resolved against the publication date by {@link
 * PeriodResolver}), direction, change basis, and {@code conversionOf} for parenthetical
 * restatements ({@link ConversionLinker}).
 *
 * <h2>Known weaknesses</h2>
 *
 * <ul>
 *   <li>Money without a currency word is read only right after a money metric keyword ({@code 매출
 *       3조를 돌파}, in the currency of the previous money figure nearby, else KRW); elsewhere ({@code
 *       3조를 들였다}) it is not a figure.
 *   <li>Hyphen ranges are read only between plain digits directly followed by a unit ({@code 5-6개},
 *       {@code 3-4%}); {@code 1천-2천억 원} is skipped.
 *   <li>{@code 20대} is an age group only before an age noun ({@code 20대 여성}, {@code 30대 초반});
 *       {@code 20대가 늘었다} stays a count of machines.
 *   <li>Subjects come from particles, lists and word shapes, not from a named-entity tagger or a
 *       company directory: a common noun marked as topic ({@code 소매 가격은}) can be taken for an
 *       owner, names with digits ({@code 예스24}) are not recognised, and a topic set by the first
 *       item of a list ({@code TSMC가 71%, 삼성전자가 6.8%}) is carried on.
 *   <li>The scale of {@code 수십억} is vague; the lower bound is reported, marked approx.
 *   <li>Periods: a quarter or half without a year is the latest one begun by the publication date,
 *       which misreads forecasts ({@code 4분기 전망} in May); a figure without a period of its own
 *       takes the previous figure's period, which can carry a period too far.
 *   <li>Metrics are keywords, matched inside words too: a keyword inside an unrelated compound can
 *       name the wrong metric, and a figure whose metric word is missing gets none.
 * </ul>
 *
 * <p>Thread-safe and immutable after construction: all lexicons are compiled into tries in the
 * constructor, and {@link #extract} keeps its state on the stack. Share one instance.
 */
public final class FigureExtractor {

  private final FigureScanner scanner;
  private final ConversionLinker linker = new ConversionLinker();
  private final Attributor attributor;
  private final UnitLexicon units;

  private FigureExtractor(Lexicons lexicons) {
    this.units = new UnitLexicon(lexicons);
    this.scanner =
        new FigureScanner(
            new UnitMatcher(units, lexicons), new QualifierMatcher(new QualifierLexicon(lexicons)));
    this.attributor =
        new Attributor(new AttributionLexicon(lexicons), CompanyDirectory.from(lexicons));
  }

  /** An extractor with the lexicons packaged on the classpath ({@code /lexicons/*.tsv}). */
  public static FigureExtractor defaults() {
    return new FigureExtractor(Lexicons.classpath());
  }

  /**
   * An extractor with the lexicons of a directory laid out like {@code data/lexicons/}; files
   * missing from it are taken from the classpath.
   */
  public static FigureExtractor fromDirectory(Path directory) {
    return new FigureExtractor(Lexicons.directory(directory));
  }

  /**
   * The figures of {@code text} in order of appearance.
   *
   * @param text the text, e.g. a whole article
   * @param published the publication date, used to resolve relative periods; may be null
   */
  public List<Figure> extract(String text, LocalDate published) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    int[] t = codePoints(text);
    List<Candidate> candidates = scanner.scan(t);
    if (candidates.isEmpty()) {
      return List.of();
    }
    Sentences sentences = new Sentences(t);
    for (Candidate c : candidates) {
      c.sentence = sentences.indexOf(c.start);
    }
    linker.link(t, candidates);
    attributor.attribute(t, sentences, candidates, published);
    List<Figure> figures = new ArrayList<>(candidates.size());
    String[] sentenceText = new String[sentences.count()];
    for (Candidate c : candidates) {
      if (sentenceText[c.sentence] == null) {
        int from = sentences.start(c.sentence);
        sentenceText[c.sentence] = new String(t, from, sentences.end(c.sentence) - from).strip();
      }
      figures.add(
          new Figure(
              c.start,
              c.end,
              new String(t, c.start, c.end - c.start),
              c.value,
              c.unit,
              c.counter,
              c.qualifier == null ? null : c.qualifier.id(),
              c.rangeHigh,
              c.metric,
              c.subject,
              c.period,
              c.periodText,
              c.direction,
              c.changeBasis,
              c.conversionOf >= 0 ? c.conversionOf : null,
              sentenceText[c.sentence]));
    }
    return List.copyOf(figures);
  }

  private static int[] codePoints(String text) {
    int n = text.length();
    int[] t = new int[n];
    int k = 0;
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      t[k++] = cp;
      i += Character.charCount(cp);
    }
    return k == n ? t : java.util.Arrays.copyOf(t, k);
  }

  /** True when the word is a counter of the lexicons in use (for evaluations and tools). */
  public boolean isCounter(String word) {
    return units.isCounter(word);
  }

  /** True when the word is a currency word or symbol of the lexicons in use. */
  public boolean isCurrency(String word) {
    return units.isCurrency(word);
  }
}
