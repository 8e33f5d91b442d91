package org.sectortrends.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sectortrends.figures.AttributionLexicon.Metric;
import org.sectortrends.figures.CodePointTrie.Match;
import org.sectortrends.figures.PeriodResolver.Mention;

/**
 * Fills metric, subject, period, direction and change basis of the figures of one text.
 *
 * <ul>
 *   <li><b>metric</b>: the nearest metric keyword before the figure in its sentence, else the first
 *       one shortly after it in the same clause ({@code 3천800억 위안을 투자}). A percentage or multiple
 *       that moves a level metric becomes {@code <metric>_growth}.
 *   <li><b>direction</b>: the first direction word after the figure, up to the next figure or the
 *       end of its clause (a connective such as {@code -고}, {@code -며}, {@code -해} or a comma ends
 *       the clause), else an adnominal direction word just before it ({@code 10% 늘어난}); table
 *       arrows (▲, ▼) win.
 *   <li><b>change basis</b>: a basis phrase ({@code 전년 대비}, {@code 전 분기보다}) between the previous
 *       figure and the direction word, for figures that have a direction or are rates.
 *   <li><b>period</b>: the nearest period before the figure in its sentence, else the first after
 *       it, else the period of the previous figure, else the one last mentioned earlier in the
 *       text; {@code 이번 분기} and {@code 같은 기간} resolve to the period mentioned before. A forecast or
 *       plan sentence ({@code -겠다}, {@code 것으로 봤다}) does not carry its period to the next
 *       sentences; a figure of a metric without a period (fines, contracts, prices, capacities:
 *       column six of {@code metrics.tsv}) takes only a period written in its own sentence. A
 *       length of time ({@code 5년간}, {@code 징역 2년}) says how long, not when: a figure whose nearest
 *       period is one has none; a start and a length are one span ({@code 2021년부터 3년간} is {@code
 *       2021..2023}).
 *   <li><b>subject</b>: see {@link SubjectFinder}; carried from the previous figure, else from the
 *       topic of an earlier sentence. A name of the company directory is strong evidence: a phrase
 *       naming one is cut to it ({@code 이로써 SBG}), a phrase without entity evidence ({@code 급 터빈},
 *       {@code 모바일}) gives way to the nearest company or agency named before the figure in its
 *       sentence, and an ordinary noun topic ({@code 도매 판매는}) does not replace a named one carried
 *       from earlier sentences. An agency gives way to the company it acts on ({@code 공정위는 쿠팡에
 *       과징금}), the owner of the metric ({@code IMF는 세계의 성장률을}) or the country written before it
 *       ({@code 대한민국 환경부가}), except for its own metrics (budgets, subsidies, rates); an anaphor
 *       ({@code 회사 측은}, {@code 同社의}) names the company carried as the topic, or the one named last
 *       when the topic is an agency or no entity; a business line before an earnings metric ({@code
 *       여객 매출은}) is the topic company's. Known weaknesses: a generic owner that is right ({@code
 *       전통시장}) also gives way to a company named before it; a company missing from the directory is
 *       not found as the target of an agency's action unless it looks like an organization.
 * </ul>
 *
 * Restatements ({@code conversionOf}) take metric, subject and period of the figure they restate.
 * Stateless between calls; thread-safe.
 */
final class Attributor {

  /**
   * The metric of a measure figure that no keyword names: power is a capacity, a surface an area, a
   * distance a length, a mass in kilograms a weight. Tonnes and energy are left out: they are as
   * often production or sales as capacity.
   */
  private static final java.util.Map<String, String> MEASURE_METRICS =
      java.util.Map.ofEntries(
          java.util.Map.entry("kW", "capacity"),
          java.util.Map.entry("MW", "capacity"),
          java.util.Map.entry("GW", "capacity"),
          java.util.Map.entry("m2", "area"),
          java.util.Map.entry("km2", "area"),
          java.util.Map.entry("ha", "area"),
          java.util.Map.entry("pyeong", "area"),
          java.util.Map.entry("km", "length"),
          java.util.Map.entry("kg", "weight"),
          java.util.Map.entry("hp", "power"));

  private static final int AFTER_METRIC_WINDOW = 25;
  private static final int DIRECTION_WORDS = 6;
  private static final int HEADLINE_MAX = 200;
  private static final int LIST_LOOKBACK_SENTENCES = 2;

  private record Occurrence(int start, int end, Metric metric) {}

  private final AttributionLexicon lexicon;
  private final PeriodResolver periods = new PeriodResolver();
  private final SubjectFinder subjects;

  Attributor(AttributionLexicon lexicon, CompanyDirectory directory) {
    this.lexicon = lexicon;
    this.subjects = new SubjectFinder(lexicon, directory);
  }

  void attribute(int[] t, Sentences sentences, List<Candidate> figures, LocalDate published) {
    subjects.introduce(new String(t, 0, t.length));
    try {
      attributeText(t, sentences, figures, published);
    } finally {
      subjects.forget();
    }
  }

  private void attributeText(
      int[] t, Sentences sentences, List<Candidate> figures, LocalDate published) {
    int[] words = subjectText(t);
    List<CompanyDirectory.Mention> named =
        null; // directory mentions, found when an anaphor needs them
    int headlineEnd = headlineEnd(t, sentences);
    String topic = null;
    // the owner a headline starts with (하나투어, 3분기 ...): a name, even where Nori's dictionary
    // reads it as ordinary words (하나 + 투어)
    String protagonist = headlineEnd > 0 ? subjects.headlineName(words, 0, headlineEnd) : null;
    Mention lastPeriod = null;
    Mention lastFigurePeriod = null;
    Candidate previous = null;
    String text = new String(t, 0, t.length);
    boolean survey = mentionsSurvey(text);
    String covered = coveredCompany(text);
    List<String> brokers = covered == null ? List.of() : brokerNames(text);
    String statistician = null; // the first agency an article names, found when needed
    boolean statisticianLooked = false;
    // positions of the figures, so that looking one up does not scan the list each time
    // (an article of thousands of figures would take quadratic time)
    Map<Candidate, Integer> positions = new IdentityHashMap<>();
    for (int i = 0; i < figures.size(); i++) {
      positions.put(figures.get(i), i);
    }
    int scannedSentences = 0;
    int k = 0;
    while (k < figures.size()) {
      int s = figures.get(k).sentence;
      int from = sentences.start(s);
      int to = sentences.end(s);
      for (; scannedSentences < s; scannedSentences++) {
        if (paragraphStarts(t, sentences, scannedSentences)) {
          lastPeriod = lastFigurePeriod;
        }
        if (!isForecast(t, sentences.start(scannedSentences), sentences.end(scannedSentences))) {
          lastPeriod =
              lastResolved(
                  withoutBases(
                      t,
                      periods.find(
                          t,
                          sentences.start(scannedSentences),
                          sentences.end(scannedSentences),
                          published),
                      sentences.start(scannedSentences),
                      sentences.end(scannedSentences)),
                  lastPeriod);
        }
        topic =
            companyOverDivision(
                topic,
                sentenceTopic(
                    words, sentences, scannedSentences, headlineEnd, topic, protagonist, true));
      }
      if (paragraphStarts(t, sentences, s)) {
        // a period merely mentioned (출시된 2009년) carries to the next sentences of its
        // paragraph only; the period of the figures reported goes on
        lastPeriod = lastFigurePeriod;
      }
      scannedSentences = s + 1;
      // a forecast or plan (4분기 운임이 더 내릴 것으로 봤다) names a period that later
      // sentences do not report on: 같은 분기 after it is still the quarter reported
      boolean forecast = isForecast(t, from, to);
      Mention periodBeforeForecast = lastPeriod;
      Mention figurePeriodBeforeForecast = lastFigurePeriod;
      List<Mention> found = resolveAnaphora(periods.find(t, from, to, published), lastPeriod);
      List<Mention> mentions = withoutBases(t, found, from, to);
      List<Occurrence> metrics = metricsIn(t, from, to);
      // the sentence's own subject- or topic-marked phrase, asked by several rules per figure
      String ownTopic = subjects.topic(words, from, to);
      List<Candidate> inSentence = new ArrayList<>();
      while (k < figures.size() && figures.get(k).sentence == s) {
        inSentence.add(figures.get(k++));
      }
      List<Candidate> primaries = new ArrayList<>();
      for (Candidate c : inSentence) {
        if (c.conversionOf < 0) {
          primaries.add(c);
        }
      }
      String previousSubject = null;
      for (int p = 0; p < primaries.size(); p++) {
        Candidate c = primaries.get(p);
        int previousEnd = p == 0 ? from : afterOf(primaries.get(p - 1), figures, positions);
        int after = afterOf(c, figures, positions);
        int nextStart = p + 1 < primaries.size() ? primaries.get(p + 1).start : to;
        List<Occurrence> visible = outsideOtherParentheses(t, metrics, from, c.start, after);
        Occurrence before = metricBefore(t, visible, c.start);
        boolean governs = before != null && metricGoverns(t, before, c.start);
        Occurrence following =
            governs || movesRightAfter(t, after, nextStart)
                ? null
                : metricAfter(
                    visible,
                    after,
                    Math.min(clauseEnd(t, after, nextStart), after + AFTER_METRIC_WINDOW));
        Occurrence metric = following != null ? following : before;
        if ("명".equals(c.counter) && governs) {
          // 직원 9명이 숨졌다: what happened to the people counted says what the count is
          Occurrence event =
              metricAfter(
                  visible,
                  after,
                  Math.min(clauseEnd(t, after, nextStart), after + AFTER_METRIC_WINDOW));
          if (event != null
              && EVENT_METRICS.contains(event.metric.id())
              && !EVENT_METRICS.contains(before.metric.id())
              && !(p + 1 < primaries.size() && metricGoverns(t, event, nextStart))) {
            // 사망자 7명, 실종자 3명: 실종자 names the next count, and 사망자 is an event already
            metric = event;
          }
        }
        if (metric != null && !fits(metric.metric, c)) {
          // 여객 부문 53억 원, 판매량 ... 3만1천500원: a sum of money does not measure a count of
          // people or things, nor a head count an amount of money
          metric = null;
        }
        int directionLimit = nextStart;
        int directionFrom = after;
        // 각각 29%와 18%씩 급감했다, 각각 6.1%, 2.9% 증가했다, 매출은 9.4%, 영업이익은 27.6% 늘었고:
        // coordinated figures, and rates in parallel clauses, share the verb after the last one
        int last =
            runAround(
                primaries,
                p,
                (x, y) ->
                    coordinated(t, afterOf(x, figures, positions), y.start)
                        || c.isRate()
                            && y.isRate()
                            && parallel(t, afterOf(x, figures, positions), y.start))[1];
        if (last > p) {
          directionFrom = afterOf(primaries.get(last), figures, positions);
          directionLimit = last + 1 < primaries.size() ? primaries.get(last + 1).start : to;
        }
        int directionEnd = direction(t, c, directionFrom, directionLimit, previousEnd);
        if (c.direction != null || c.isRate()) {
          c.changeBasis =
              changeBasis(t, previousEnd, c.start, after, Math.max(after, directionEnd));
        }
        if (metric != null
            && !metric.metric.rate()
            && UnitLexicon.Kind.PERCENT.fixedCode().equals(c.unit)
            && c.direction == null
            && partOfWhole(t, previousEnd, c.start, after, clauseEnd(t, after, nextStart))) {
          // 순이익의 38%, 가입자의 70.5%를 차지했다: a part of an amount is a share, not the amount
          c.metric = "share";
        } else if (metric != null) {
          boolean growth = c.isRate() && !metric.metric.rate() && c.direction != null;
          c.metric = growth ? metric.metric.id() + "_growth" : metric.metric.id();
        } else if (previous != null
            && previous.sentence >= s - 1
            && previous.metric != null
            && c.isRate()
            && c.direction != null
            && !previous.isRate()
            && !previous.metric.endsWith("_growth")) {
          // 영업이익은 1조 원이다. 전년 동기 대비 13% 증가했다: the growth of that metric
          c.metric = previous.metric + "_growth";
        } else if (MEASURE_METRICS.containsKey(c.unit)) {
          // 8㎿ 터빈, 4만5천㎡ 부지: without a keyword a measure is what its unit measures
          c.metric = MEASURE_METRICS.get(c.unit);
        } else {
          // 신한지주는 4조5천억원, 하나금융은 3조4천억원: a list continues the last metric
          // of a figure in the same unit, in this or the previous sentence; an expense or a fee
          // named by its own word (유류비가 1460억 원) breaks it, a tax or a share of a list of
          // taxes or shares (법인세 72조 원, 47.3%를 차지) does not
          String shaped =
              metricByShape(
                  t,
                  c,
                  p > 0 ? primaries.get(p - 1) : null,
                  previousEnd,
                  after,
                  clauseEnd(t, after, nextStart));
          // a keyword that cannot measure the figure (팔려 for a sum of money) does not break it
          Candidate same =
              metrics.stream().noneMatch(o -> fits(o.metric, c))
                  ? lastInUnit(figures, positions.get(c), c, s)
                  : null;
          if (same != null
              && same.metric != null
              && (shaped == null || shaped.equals("tax") || shaped.equals("share"))) {
            c.metric = same.metric;
          } else if (shaped != null) {
            c.metric = shaped;
          }
        }
        if (c.metric == null) {
          Occurrence tail = listTailMetric(t, metrics, primaries, p, figures, positions, to);
          if (tail != null
              && fits(tail.metric, c)
              && (!c.isRate() || tail.metric.rate() || c.direction != null)) {
            // 서울 373명, 경기 310명, 부산 32명 등으로 확진자가 나왔다: the word after a list
            // names every item of it
            boolean growth = c.isRate() && !tail.metric.rate() && c.direction != null;
            c.metric = growth ? tail.metric.id() + "_growth" : tail.metric.id();
          }
        }
        if (survey
            && c.direction == null
            && (metric == null || !metric.metric.rate())
            && (!governs || "respondents".equals(c.metric))) {
          if (c.isRate() && !c.unit.equals(UnitLexicon.Kind.PERCENT_POINT.fixedCode())) {
            // 응답자의 31.9%가 '15만원 이상'이라고 답했다, 소비자의 79%는 ... 생각하는 것으로
            // 나타났다: in a survey, a share that does not move is a share of the respondents,
            // whatever the answer is about
            c.metric = "share";
          } else if ("명".equals(c.counter) && (surveyed(t, after, to) || answers(t, from, to))) {
            // 성인 남녀 1,000명을 대상으로, 답한 자영업자가 39%(92명): the people asked
            c.metric = "respondents";
          }
        }
        if (c.metric == null
            && "count".equals(c.unit)
            && c.counter != null
            && THING_COUNTERS.contains(c.counter)) {
          // LNG 운반선 4척을 1조3천억 원에 수주했다: the verb after the price still says what
          // the things counted are
          Occurrence verb = metricAfter(visible, after, clauseEnd(t, after, to));
          if (verb != null
              && fits(verb.metric, c)
              && (!verb.metric.money() && verb.metric.counts()
                  || ORDER_METRICS.contains(verb.metric.id()))) {
            c.metric = verb.metric.id();
          }
        }
        String priced = c.isCurrency() ? pricedItem(t, c.start, after) : null;
        if (priced != null && (subjects.isPlace(priced) || subjects.isEntity(priced))) {
          priced = null; // 아세안(96억 달러)과, 삼성전자(7만2000원): a place's or a company's amount
        }
        if (priced != null && (c.metric == null || !metricMeasuresMoney(c.metric))) {
          // '순금 카네이션 브로치'(3만1천500원): an amount alone in parentheses after a name is
          // its price
          c.metric = "price";
        }
        if (c.isCurrency() && c.metric != null && c.metric.equals("stake")) {
          // 지분 35%를 1억2천만 파운드에 인수: the money paid for a stake is its price
          c.metric = "acquisition";
        }
        if (c.isCurrency() && (soldAt(t, after, nextStart) || boughtAtInList(t, after, to))) {
          // 30만원대에 판매, 160만 엔에 팔렸다: what a thing sells at is its price
          c.metric = "price";
        } else if (c.isCurrency()
            && ("cost".equals(c.metric) || "fees".equals(c.metric))
            && subjects.isPerUnit(wordBefore(t, previousEnd, wordStart(t, previousEnd, c.start)))) {
          // 건당 광고비 250만원: an expense per unit is a price
          c.metric = "price";
        } else if (c.metric == null
            && c.isCurrency()
            && subjects.isPerUnit(wordBefore(t, previousEnd, c.start))) {
          // 개당 9만8천 달러, 톤당 900원: a sum of money per unit is a price; per unit of
          // another currency (달러당 41리라, 100엔당 970원) it is an exchange rate
          String per = wordBefore(t, previousEnd, c.start);
          c.metric =
              CURRENCY_UNITS.stream().anyMatch(u -> per.endsWith(u + "당"))
                  ? "exchange_rate"
                  : "price";
        } else if (c.metric == null && c.isCurrency() && earned(t, after, nextStart)) {
          // 3552억원의 돈을 벌었다: what a company earns is its revenue
          c.metric = "revenue";
        }
        previous = c;
        Mention period = periodFor(mentions, c.start, after, nextStart);
        Mention reference = lastFigurePeriod != null ? lastFigurePeriod : lastPeriod;
        Mention baseOwn = parenthesizedBase(t, found, mentions, c.start);
        if (baseOwn != null) {
          // 1월(4380건)보다, 지난해 조사(33만2천 원)보다: the figure of the base, in its period
          c.period = baseOwn.normalized();
          c.periodText = baseOwn.text();
        } else if (comparisonBase(t, found, mentions, previousEnd, c.start, after)
            && reference != null
            && reference.normalized() != null) {
          // 지난해 같은 분기 4조2791억 원보다, 전년 3조5310억 원보다: the base has the
          // period a year before the one being reported
          c.period = PeriodShift.yearsBack(reference.normalized(), 1);
          c.periodText = null;
        } else if (period != null
            && period.normalized() != null
            && period.normalized().startsWith("P")) {
          // 5년간 1억2500만 달러에 계약, 징역 2년과 벌금 500만원: a length of time says how
          // long, not when; the figure has no period of its own, and the reported one is not
          // carried into it
          c.period = null;
          c.periodText = null;
        } else if (period == null
            && c.metric != null
            && (lexicon.undatedMetrics.contains(c.metric)
                || MEASURE_METRICS.containsValue(c.metric))) {
          // 과징금 1628억 원, 2조 원 규모의 유상증자: an event or a stock has no period
          // unless its own sentence gives one; the reported period goes on after it
          c.period = null;
          c.periodText = null;
        } else {
          if (period == null) {
            period = reference;
          }
          if (period == null || !period.eventDay()) {
            lastFigurePeriod = period; // 지난 6월 9일: the day's month is its sentence's only
          }
          if (period != null) {
            c.period = period.normalized();
            c.periodText = period.text();
          }
        }
        boolean headline = to <= headlineEnd;
        String subject = subjects.listName(words, previousEnd, c.start, listed(t, after));
        if (subject != null
            && "count".equals(c.unit)
            && c.counter != null
            && THING_COUNTERS.contains(c.counter)
            && !subjects.isEntity(subject)
            && !subjects.isPlace(subject)
            && (isFirm(topic != null ? topic : protagonist) || isFirm(ownTopic))) {
          // 삼성중공업의 수주는 LNG운반선 11척, 컨테이너선 4척: the things counted, not their
          // owner, in an article about a company
          subject = null;
        }
        if (subject == null) {
          // 강남구(0.27%), 서초구(0.25%)가 뒤를 이었다: a figure alone in parentheses right after a
          // name is that name's
          subject = parenthesizedOwner(t, c.start, after);
        }
        boolean listItem = subject != null;
        if (subject == null && headline) {
          subject = subjects.headlineName(words, from, to);
        }
        if (subject == null) {
          subject = subjectFor(words, c, governs ? before : null, from);
        }
        if (subject == null && headline) {
          subject = subjects.segmentName(words, segmentStart(t, from, c.start), c.start);
          if (subject == null) {
            subject = subjects.segmentName(words, from, to);
          }
        }
        subject = listItem ? cutToKnown(subject) : preferKnown(subject, words, from, c.start);
        subject =
            companyOfBusinessLine(
                subject, c.metric, topic, subjects.anaphorAt(words, from, c.start) >= 0);
        if (subject == null && previousSubject != null) {
          subject = previousSubject;
        }
        if (subject == null) {
          int anaphor = subjects.anaphorAt(words, from, c.start);
          if (anaphor >= 0
              && (topic == null || subjects.isAgency(topic) || !subjects.isEntity(topic))) {
            // 회사 측은, 이 회사의, 同社의 after a sentence about an agency or a
            // market: the company named last, not the topic carried
            if (named == null) {
              named = subjects.mentions(words);
            }
            subject = subjects.lastCompanyBefore(named, words, anaphor);
          }
        }
        if (subject == null) {
          // 207명 줄어든 외환은행은: the sentence's own named subject, even after the figure,
          // before the one carried from earlier sentences
          if (ownTopic != null
              && entityLike(ownTopic, protagonist)
              && !subjects.isAgency(ownTopic)) {
            subject = ownTopic;
          }
        }
        if (subject == null) {
          // 옥션에서도 판매량이 245% 늘었다: a company named as where the figure happened
          subject = subjects.locativeCompany(words, from, c.start);
        }
        if (subject == null) {
          subject = topic;
        }
        subject = ownerInsteadOfAgency(subject, c.metric, before, words, from, c.start, to);
        if (!listItem
            && subject != null
            && CommonWords.isCommon(subject)
            && !ownsAsGroup(subject)
            && !subjects.isEntity(subject)) {
          // 중국의 모바일 결제 이용률은 71.4%: the owner marked with 의 before the noun
          int at = lastIndexOf(words, subject, from, c.start);
          String owner = at < 0 ? null : subjects.possessiveOwner(words, from, at);
          if (owner != null && (entityLike(owner, protagonist) || subjects.isPlace(owner))) {
            subject = owner;
          }
        }
        if (!listItem
            && !headline
            && subject != null
            && topic != null
            && !subject.equals(topic)
            && !entityLike(subject, protagonist)
            && !ownsAsGroup(subject)
            && !subjects.isPlace(subject)
            && (subjects.isEntity(topic) || topic.equals(protagonist))
            && !subjects.isAgency(topic)
            && !subjects.isPlace(topic)) {
          // 송출객이 19만2천 명, 입국 규제가 풀리고: a thing marked as the subject of its clause
          // does not own the figures of an article about a named entity
          subject = topic;
        }
        if ("fine".equals(c.metric) && !listItem) {
          // CJ제일제당에 부과된 금액이 145억 원: a fine is its target's, whoever the sentence is about
          String target = subjects.actedOn(words, from, c.start);
          if (target != null) {
            subject = cutToKnown(target);
          }
        }
        if (!listItem && subject != null) {
          String buyer = buyerOfStake(words, from, to, subject, protagonist);
          if (buyer != null) {
            // SM엔터테인먼트는 베거스그룹의 지분 35%를 1억2천만 파운드에 인수: the stake
            // and the price are the buyer's
            subject = buyer;
          }
        }
        if (!listItem && sumsSeveral(words, previousEnd, c.start)) {
          // 세 회사의 설비투자 합계는 1천억 달러, SDI와 SK온의 합산 적자: no one company's
          // figure, but the group's when the sentence names it (한국 배터리 3사의 합산 점유율)
          subject = namedGroup(words, from, c.start);
        }
        if (subject != null && subject.length() <= 4) {
          // 3사 of 한국 배터리 3사의: the group as the sentence names it
          String group = namedGroup(words, from, c.start);
          if (group != null && group.endsWith(" " + subject)) {
            subject = group;
          }
        }
        if (covered != null
            && (subject == null
                || isBrokerage(subject, brokers)
                || !subjects.isEntity(subject) && !subjects.isPlace(subject))) {
          // NH투자증권은 HD현대일렉트릭에 대해 ... 목표주가를 52만 원으로: a broker's estimates,
          // targets and quotes are about the company it covers
          subject = covered;
        }
        boolean personal = false;
        if (!listItem && subject != null && subject.equals(topic)) {
          // 하 전 사장은 ... 1000만원을 기부하였다: a person the sentence is about takes the place of
          // the company carried from the sentences before
          String person = subjects.personTopic(words, from, to);
          if (person != null) {
            subject = person;
            personal = true;
          }
        }
        if (subject == null
            || subjects.notAnOwner(subject)
            || subjects.isAgency(subject)
            || !subjects.isEntity(subject) && !subjects.isPlace(subject)) {
          // 권상우 씨는 ... 300억원에 달하는 빌딩, 검찰은 박 전 차관에게 추징금: in a sentence
          // about a person and no company, the figures are the person's
          String person = subjects.personBefore(words, from, c.start, to);
          if (person != null && (!subjects.isEntity(subject) || subjects.isAgency(subject))) {
            subject = person;
            personal = true;
          }
        }
        if (isNationalStatistic(c.metric)
            && (subject == null
                || subjects.notAnOwner(subject)
                || subjects.isKoreanGovernment(subject)
                || isTrade(c.metric)
                    && !subjects.isEntity(subject)
                    && !subjects.isPlace(subject))) {
          // 산업통상자원부는 2월 수출액이 552억 달러로, 반도체 수출은 152억 달러로: a
          // country's statistic, reported by its agency, which stands for it when no country
          // is written
          if (!statisticianLooked) {
            statistician = subjects.agencyNamed(words, 0, words.length, null);
            statisticianLooked = true;
          }
          if (statistician != null) {
            String country = subjects.countryOfAgency(words, 0, words.length, statistician);
            if (country != null) {
              subject = country;
            } else if (subjects.isKoreanGovernment(statistician)) {
              subject = "대한민국";
            }
          }
        }
        if (subject != null
            && topic != null
            && SubjectFinder.isDivisionName(subject)
            && subjects.isEntity(topic)
            && !SubjectFinder.isDivisionName(topic)
            && !subjects.isPlace(topic)
            && !subjects.isAgency(topic)) {
          // HE사업본부 매출은 3조 원: a division's figures are its company's
          subject = topic;
        }
        if (!personal && subjects.notAnOwner(subject)) {
          // 공공하수도보급률은 90.9%, 50% 비싼 142만원: a metric word or a predicate owns nothing;
          // the sentence is about the entity carried from before, if any
          subject =
              topic != null && !topic.equals(subject) && !subjects.notAnOwner(topic) ? topic : null;
        }
        if (priced != null
            && (subject == null || !subjects.isEntity(subject) && !subjects.isPlace(subject))) {
          subject = priced;
        }
        String respective = respectiveOwner(t, primaries, p, figures, positions, from);
        if (respective != null) {
          // CATL은 161GWh, BYD는 70.4GWh로 각각 26%, 21% 성장했다: the figures after 각각 belong,
          // in order, to the owners named before it
          subject = respective;
        }
        if (subject == null && !sumsSeveral(words, previousEnd, c.start)) {
          // a sentence that names no owner by its particles: a quoted title it is about ('태양의
          // 후예'는), a place it is about (이라크는), or the entity it names before the figure
          subject = quotedTopic(words, from, c.start);
          if (subject == null && ownTopic != null && subjects.isPlace(ownTopic)) {
            subject = ownTopic;
          }
          if (subject == null) {
            subject = subjects.lastNamed(words, from, c.start);
          }
          if (subject == null) {
            subject = subjects.firstProperName(words, from, c.start);
          }
        }
        if (!personal
            && !listItem
            && subject != null
            && CommonWords.isCommon(subject)
            && !ownsAsGroup(subject)
            && !subjects.isEntity(subject)
            && !subjects.isPlace(subject)
            && !subject.equals(protagonist)
            && !subject.equals(topic)) {
          // 유류할증료는 5달러, 체납인원이 170명: a thing marked as the subject owns nothing when
          // an entity is at hand: one named before the figure, the first proper name, the entity
          // carried from before
          String entity = subjects.lastNamed(words, from, c.start);
          boolean carried =
              topic != null
                  && !topic.equals(subject)
                  && entityLike(topic, protagonist)
                  && !subjects.isPlace(topic);
          if (entity != null
              && subjects.isPlace(entity)
              && carried
              && new String(words, from, c.start - from).contains(entity + " " + subject)) {
            // 이 가운데 미국 판매는: the place says where the carried entity sold
            entity = topic;
          }
          if (entity == null) {
            entity = subjects.firstProperName(words, from, to);
          }
          if (entity == null && carried) {
            entity = topic;
          }
          if (entity != null) {
            subject = entity;
          }
        }
        if (!listItem) {
          String group = groupAnaphor(words, from, c.start);
          if (group != null) {
            // 이들 업체는 가격을 평균 9% 올렸다: the companies counted before (건설사 5곳)
            subject = group;
          }
        }
        c.subject = listItem ? withoutAdverbTail(subject) : withoutCommonTail(subject);
        previousSubject = c.subject;
      }
      topic =
          companyOverDivision(
              topic,
              sentenceTopic(
                  words, sentences, s, headlineEnd, topic, protagonist, inSentence.isEmpty()));
      lastPeriod = lastResolved(mentions, lastPeriod);
      if (forecast) {
        lastPeriod = periodBeforeForecast;
        lastFigurePeriod = figurePeriodBeforeForecast;
      }
    }
    for (Candidate c : figures) {
      if (c.conversionOf >= 0) {
        Candidate original = figures.get(c.conversionOf);
        c.metric = original.metric;
        c.subject = original.subject;
        c.period = original.period;
        c.periodText = original.periodText;
      }
    }
  }

  /**
   * The entity a sentence is about, carried to the following sentences: its first subject- or
   * topic-marked name ({@code 회사는}, metric words and generic nouns never are), for a headline the
   * name before its first comma or at its start; otherwise the previous topic.
   */
  private String sentenceTopic(
      int[] words,
      Sentences sentences,
      int s,
      int headlineEnd,
      String previous,
      String protagonist,
      boolean withoutFigures) {
    int from = sentences.start(s);
    int to = sentences.end(s);
    String found = subjects.topic(words, from, to);
    String theme = subjects.themeCompany(words, from, to);
    if (theme != null && (found == null || !theme.equals(subjects.knownName(found)))) {
      found = theme;
    }
    if (found == null) {
      found = leadingOwner(words, from, to);
    }
    if (found == null && to <= headlineEnd) {
      found = subjects.headlineName(words, from, to);
      if (found == null) {
        found = subjects.segmentName(words, from, to);
      }
    }
    if (found != null && !subjects.isAgency(found)) {
      String agency = subjects.agencyNamed(words, from, to, found);
      if (agency != null) {
        found = agency; // 미국 상무부는: the agency, not a word of its name
      }
    }
    if (found != null && subjects.isAgency(found)) {
      // 대한민국 환경부가 발표한 ...: the statistics that follow are the country's;
      // 상무부는 삼성전자에 보조금을 ...: the sentences that follow are about the company
      String owner = subjects.countryOfAgency(words, from, to, found);
      if (owner == null) {
        owner = subjects.actedOn(words, from, to);
      }
      if (owner != null) {
        found = owner;
      }
    }
    if (found != null
        && previous != null
        && withoutFigures
        && subjects.isAgency(found)
        && subjects.isEntity(previous)
        && !subjects.isAgency(previous)) {
      // 진흥원은 이번 조치가 업계의 경쟁력을 높일 것으로 기대했다: an agency that only comments,
      // with no figure of its own, does not take the place of the company the article is about
      return previous;
    }
    if (found != null
        && withoutFigures
        && (subjects.isSpeaker(found) || subjects.isQuotedPerson(found, words, from, to))) {
      // 이복순 수영구 문화공보팀장은 "..."라고 말했다: an official speaks; the figures that follow are
      // not the official's
      return previous;
    }
    if (found != null
        && withoutFigures
        && previous != null
        && previous.equals(protagonist)
        && subjects.isCompany(subjects.knownName(found))
        && !previous.equals(subjects.knownName(found))) {
      // 종근당, 길리어드에 기술수출 ... 길리어드는 임상 2상부터 개발을 주도한다: a partner acting in a
      // sentence without figures; the figures that follow are still the headline's company's
      return previous;
    }
    if (found != null && previous != null && subjects.isVoice(found)) {
      // 더불어민주당은 전액 삭감을 예고했다, SNE리서치는 ... 내다봤다: a party, a pollster or a
      // research firm speaks in its sentence; what follows is still about the entity before
      return previous;
    }
    if (found != null) {
      String known = subjects.knownName(found);
      if (known != null) {
        found = known;
      } else if (!subjects.hasEntityCue(found) && subjects.isEntity(previous)
          || !entityLike(found, protagonist)
              && !ownsAsGroup(found)
              && !subjects.isPlace(found)
              && previous != null
              && entityLike(previous, protagonist)) {
        // 도매 판매는 ... after a sentence about a company: an ordinary noun does not
        // replace a named entity as the topic carried on
        found = previous;
      }
    }
    if (found != null
        && previous == null
        && protagonist != null
        && !entityLike(found, protagonist)
        && !ownsAsGroup(found)
        && !subjects.isPlace(found)) {
      // 하나투어, 3분기 송출객 19만 명: the headline's owner, not its first marked noun
      found = protagonist;
    }
    return found != null ? found : previous;
  }

  /**
   * The word right after the figure is a verb of change ({@code 518억 달러로 2.4% 감소했고, 무역수지는}): the
   * figure's clause ends there, and a metric after it is the next clause's.
   */
  private boolean movesRightAfter(int[] t, int after, int limit) {
    int i = after;
    while (i < limit && t[i] == ' ') {
      i++;
    }
    int s = i;
    while (i < limit && t[i] != ' ') {
      i++;
    }
    Match<String> m = s < i ? lexicon.directions.longestMatch(t, s, i) : null;
    return m != null;
  }

  /** What happens to people in a news report: these count people only. */
  private static final Set<String> EVENT_METRICS =
      Set.of("deaths", "injuries", "missing", "rescued", "arrested", "quarantined", "cases");

  /** Whether a figure's unit suits what the metric measures: money or a count. */
  private static boolean fits(AttributionLexicon.Metric metric, Candidate c) {
    if (MEASURE_METRICS.containsKey(c.unit) && metric.money()) {
      return false; // 설비용량 1.5GW, 약 220km: a power, an area or a length is never money
    }
    if (c.counter != null && COUNTER_METRICS.containsKey(c.counter) && !metric.counts()) {
      return false; // 발전량 4300GWh로 110만 가구가 쓰는: the households, not the power
    }
    if (EVENT_METRICS.contains(metric.id())) {
      // 차량 2대를 검거, 17.6%가 체포: people are counted, not cars, and a share that does not
      // move is no count of arrests
      return "명".equals(c.counter) || c.isRate() && c.direction != null;
    }
    if (c.isCurrency()) {
      return metric.money() || !metric.counts();
    }
    if (c.unit.equals("count") && "명".equals(c.counter)) {
      return !metric.money(); // 4척 수주 counts ships ordered; 19만 명 is never a sum of money
    }
    return true;
  }

  /**
   * A name followed by ordinary nouns is the name: {@code 한국가스공사 민수용 도시가스}, {@code 손보사 자동차보험} and
   * {@code 대한민국 전기} own their figures as {@code 한국가스공사}, {@code 손보사}, {@code 대한민국}. Markets ({@code
   * 클라우드 인프라 시장}) and groups of organizations ({@code 중국 조선사들}) keep their words.
   */
  private String withoutCommonTail(String subject) {
    if (subject == null || ownsAsGroup(subject)) {
      return subject;
    }
    int space = subject.indexOf(' ');
    if (space < 0) {
      return subject;
    }
    String head = subject.substring(0, space);
    String rest = subject.substring(space + 1);
    if (ADVERB_TAILS.contains(rest)) {
      return head; // GS건설 역시: the name, not the adverb after it
    }
    if (SubjectFinder.isTitle(rest.substring(rest.lastIndexOf(' ') + 1))) {
      // 자유한국당 홍준표 후보, 정의화 국회의장: a full name without its party and title; 박 전
      // 차관: a surname keeps its title
      String[] words = subject.split(" ");
      String name = words[words.length - 2];
      if (words.length >= 2
          && name.codePointCount(0, name.length()) >= 2
          && name.codePointCount(0, name.length()) <= 4
          && name.codePoints().allMatch(KoreanNumberParser::isHangulSyllable)
          && !name.equals("전")
          && !subjects.isEntity(name)
          && !subjects.isPlace(name)
          && !CommonWords.isCommon(name)) {
        return name;
      }
      return subject;
    }
    if (head.endsWith("산")) {
      return subject; // 중국산 철강: where a thing was made, not who owns it
    }
    boolean named = subjects.isEntity(head) || subjects.isPlace(head) || CommonWords.hasName(head);
    if (!named || !CommonWords.isCommon(rest)) {
      return subject;
    }
    for (String kind : ORGANIZATION_KINDS) {
      if (rest.endsWith(kind)) {
        return subject;
      }
    }
    return head;
  }

  /**
   * The group {@code 이들 업체} (이들 기업, 이들 은행, ...) refers to when it is the subject of the clause
   * before a figure at {@code figureStart}, in the sentence starting at {@code from}: the last
   * count of such companies written before ({@code 건설사 5곳}, {@code 4개 업체}, {@code 식품업체 4곳}), else
   * the phrase itself. Null when the clause has no such subject, or names a company after it.
   */
  private String groupAnaphor(int[] t, int from, int figureStart) {
    String clause = new String(t, from, figureStart - from);
    Matcher m = GROUP_ANAPHOR.matcher(clause);
    if (!m.find()) {
      return null;
    }
    int after = from + m.end();
    if (subjects.nearestKnown(t, after, figureStart) != null) {
      return null;
    }
    String group = null;
    Matcher named = COUNTED_GROUP.matcher(new String(t, 0, from));
    while (named.find()) {
      group = named.group(1) != null ? named.group(1) : named.group(2);
    }
    return group != null ? group : m.group(1).strip();
  }

  private static final String GROUP_NOUN =
      "[\\p{IsHangul}]*(?:" + String.join("|", SubjectFinder.GROUP_NOUNS) + ")";

  private static final Pattern GROUP_ANAPHOR =
      Pattern.compile("(?:^|\\s)(이들 " + GROUP_NOUN + ")(?:은|는|이|가|도)\\s");

  private static final Pattern COUNTED_GROUP =
      Pattern.compile(
          "(?<![\\p{IsHangul}])("
              + GROUP_NOUN
              + " [0-9]+(?:곳|개사))|(?<![0-9])([0-9]+개 "
              + GROUP_NOUN
              + ")");

  private static String withoutAdverbTail(String subject) {
    int space = subject == null ? -1 : subject.lastIndexOf(' ');
    return space > 0 && ADVERB_TAILS.contains(subject.substring(space + 1))
        ? subject.substring(0, space)
        : subject;
  }

  /** Adverbs that can follow a name before its particle-less figure (GS건설 역시 2800억 원). */
  private static final Set<String> ADVERB_TAILS =
      Set.of("역시", "또한", "또", "모두", "각각", "마저", "조차", "만", "도", "이미", "또다시");

  /** Words that end a phrase naming organizations, not a thing of the named one (중국 조선사들). */
  private static final List<String> ORGANIZATION_KINDS =
      List.of("사", "사들", "들", "업체", "기업", "은행", "그룹", "공사", "정부", "당국", "부", "청", "처", "원");

  /** Only a conjunction lies between two figures: {@code 29%와 18%씩}, {@code 3%, 5%}. */
  private static boolean coordinated(int[] t, int after, int nextStart) {
    String gap = new String(t, after, Math.max(0, nextStart - after)).strip();
    return COORDINATORS.contains(gap);
  }

  /**
   * The gap between two figures is a comma and one word marked with 은/는/도 ({@code 매출은 9.4%, 영업이익은
   * 27.6% 늘었고}): two clauses that share the verb after the second figure.
   */
  private static boolean parallel(int[] t, int after, int nextStart) {
    String gap = new String(t, after, Math.max(0, nextStart - after)).strip();
    if (!gap.startsWith(",")) {
      return false;
    }
    String word = gap.substring(1).strip();
    return !word.isEmpty()
        && word.indexOf(' ') < 0
        && word.length() <= 8
        && (word.endsWith("은") || word.endsWith("는") || word.endsWith("도"));
  }

  private static final Set<String> COORDINATORS = Set.of("와", "과", "및", ",", "·", "또는", "이나", "나");

  /**
   * {@code 79달러(약 8만 8660원)에 킨지 1개와 실린더 2개, 155달러에 ...를 구매할 수 있다}: an amount with 에 in a sentence
   * whose last verb buys or sells, as in a list of offers. Amounts that reach or stop at a level
   * ({@code 300억원에 달하는}, {@code 5%에 그쳤다}) are not prices.
   */
  private static boolean boughtAtInList(int[] t, int after, int to) {
    int i = pastRestatement(t, after, to);
    if (i >= to || t[i] != '에' || i + 1 < to && t[i + 1] != ' ') {
      return false;
    }
    String rest = new String(t, i + 1, to - i - 1);
    if (REACHES.matcher(rest.strip()).lookingAt()) {
      return false;
    }
    String end = rest.substring(Math.max(0, rest.length() - 16));
    return end.contains("구매") || end.contains("구입") || end.contains("판매") || end.contains("팔");
  }

  private static final Pattern REACHES =
      Pattern.compile("달하|달한|이르|이른|불과|그치|그쳤|육박|상당|해당|머물|따르|대해|대한|비해");

  /**
   * The position after a restatement in parentheses that follows a figure ({@code 160만 엔(약 1800만
   * 원)에}), or after the closing parenthesis when the restatement is already behind {@code after}.
   */
  private static int pastRestatement(int[] t, int after, int limit) {
    int i = after;
    if (i < limit && t[i] == '(') {
      while (i < limit && t[i] != ')') {
        i++;
      }
      return i + 1;
    }
    return i < limit && t[i] == ')' ? i + 1 : i;
  }

  /**
   * The figure is followed by 에 and a verb of selling or pricing: {@code 142만원에 판매}, {@code 160만 엔에
   * 팔렸다}, {@code 5만원에 책정}.
   */
  private static boolean soldAt(int[] t, int after, int limit) {
    // 160만 엔(약 1800만 원)에 팔렸다: the restatement sits between the price and its verb
    int i = pastRestatement(t, after, limit);
    if (i >= limit || t[i] != '에') {
      return false;
    }
    i++;
    while (i < limit && t[i] == ' ') {
      i++;
    }
    String rest = new String(t, i, Math.min(limit, i + 4) - i);
    for (String verb : SELLING_VERBS) {
      if (rest.startsWith(verb)) {
        return true;
      }
    }
    return false;
  }

  /** The word right before the figure, or "" when none follows {@code floor}. */
  /** The start of the word right before {@code figureStart}, or {@code floor}. */
  private static int wordStart(int[] t, int floor, int figureStart) {
    int e = figureStart;
    while (e > floor && t[e - 1] == ' ') {
      e--;
    }
    while (e > floor && t[e - 1] != ' ') {
      e--;
    }
    return e;
  }

  private static String wordBefore(int[] t, int floor, int figureStart) {
    int e = figureStart;
    while (e > floor && t[e - 1] == ' ') {
      e--;
    }
    int s = wordStart(t, floor, e);
    return new String(t, s, e - s);
  }

  /**
   * The metric of a figure that no keyword names, read from the shape of its words: a count of
   * votes ({@code 1342만 표}); a percentage of a whole ({@code 참여자의 41.82%가}, {@code 유기동물 중 30%가},
   * {@code 53.5%를 차지했다}) is a share; an amount of money after an expense, a fee, a tax or a price
   * named by its last morpheme ({@code 유류비가}, {@code 수수료는}, {@code 법인세}, {@code 시판가는}), which no
   * list of keywords can hold. Null when none of these fits.
   *
   * <p>Known weakness: the expense morpheme 비 is recognised only where Nori splits it off ({@code
   * 유류 + 비}); 대비, 설비 and 경비 are single words and never read as costs.
   */
  /** Counters that say alone what is counted: votes, seats, hospital beds, households, shares. */
  private static final Map<String, String> COUNTER_METRICS =
      Map.of("표", "votes", "석", "seats", "병상", "beds", "가구", "households", "주", "shares");

  private static String metricByShape(
      int[] t, Candidate c, Candidate before, int floor, int after, int clauseEnd) {
    if ("count".equals(c.unit) && c.counter != null && COUNTER_METRICS.containsKey(c.counter)) {
      return COUNTER_METRICS.get(c.counter); // 1342만 표, 180석, 300병상
    }
    String rest = new String(t, after, Math.max(0, clauseEnd - after));
    if (c.isRate() && !c.unit.equals(UnitLexicon.Kind.PERCENT_POINT.fixedCode())) {
      if (before != null
          && c.direction == null
          && "count".equals(before.unit)
          && c.start > 0
          && t[c.start - 1] == '('
          && floor >= c.start - 1) {
        // 1342만3800표(41.08%), 194명(60.2%): a percentage right after a count is its share
        return "votes".equals(before.metric) ? "vote_share" : "share";
      }
      if (c.direction != null) {
        // 산업용 6.4%, 농업용 3% 인상되었고: what is raised or cut by a percentage is a price
        return rest.contains("인상") || rest.contains("인하") ? "price_growth" : null;
      }
      String word = wordBefore(t, floor, c.start);
      return partOfWhole(t, floor, c.start, after, clauseEnd)
              || word.equals("중")
              || word.equals("가운데")
          ? "share"
          : null;
    }
    if (!c.isCurrency()) {
      return null;
    }
    String word = wordBefore(t, floor, c.start);
    String next = rest.stripLeading();
    if (next.startsWith(")")) {
      next = next.substring(1).stripLeading();
    }
    if (next.startsWith("짜리")
        || next.startsWith("하는")
        || PRICE_ADJECTIVES.contains(word)
        || word.endsWith("에") && isPerUnitWord(word.substring(0, word.length() - 1))) {
      // 1천원짜리 아침, 10위안 하는 볶음밥, 50% 비싼 142만원, 한 그릇에 10위안: a price
      return "price";
    }
    String stem = word.replaceFirst("(은|는|이|가|을|를|도|로|으로|만|인)$", "");
    if (stem.codePointCount(0, stem.length()) < 2
        || !stem.codePoints().allMatch(Character::isLetter)) {
      return null;
    }
    if (!stem.equals(word) && stem.length() >= 3 && stem.endsWith("가")) {
      return "price"; // 시판가는, 공모가를: Nori reads the price morpheme as a particle
    }
    String last = CommonWords.lastNounMorpheme(stem);
    if (last == null) {
      return null;
    }
    return switch (last) {
      case "비" -> "cost";
      case "료" -> "price";
      case "세" -> "tax";
      default -> null;
    };
  }

  /**
   * The percentage at {@code [start, after)} is a part of a whole: the word before it is a genitive
   * ({@code 순이익의 38%}) or its clause says it takes up ({@code 70.5%를 차지했다}).
   */
  private static boolean partOfWhole(int[] t, int floor, int start, int after, int clauseEnd) {
    String word = wordBefore(t, floor, start);
    if (word.codePointCount(0, word.length()) >= 2 && word.endsWith("의")) {
      return true;
    }
    return new String(t, after, Math.max(0, clauseEnd - after)).contains("차지");
  }

  /** Adjectives of price before an amount ({@code 비싼 142만원}, {@code 저렴한 9900원}). */
  private static final Set<String> PRICE_ADJECTIVES = Set.of("비싼", "싼", "저렴한", "값싼", "비싸진", "싸진");

  /** Units an amount is paid for with 에 ({@code 한 그릇에}, {@code 1개에}, {@code 병에}). */
  private static boolean isPerUnitWord(String word) {
    return PAID_PER_UNITS.contains(word);
  }

  private static final Set<String> PAID_PER_UNITS =
      Set.of("그릇", "개", "병", "잔", "장", "벌", "켤레", "마리", "포기", "상자", "봉지", "인분", "통");

  /** Metrics of a country's economy, whose figures an agency reports for the country. */
  private static final Set<String> NATIONAL_STATISTICS =
      Set.of(
          "exports",
          "imports",
          "trade_balance",
          "gdp",
          "gdp_growth",
          "consumer_prices",
          "prices",
          "unemployment_rate",
          "employment_rate",
          "employed",
          "unemployed",
          "tax_revenue",
          "fiscal_balance",
          "fx_reserves",
          "population");

  /** Exports and imports by item (반도체 수출): the item is a line of the country's trade. */
  private static boolean isTrade(String metric) {
    return metric.startsWith("exports")
        || metric.startsWith("imports")
        || metric.startsWith("trade_");
  }

  private static boolean isNationalStatistic(String metric) {
    if (metric == null) {
      return false;
    }
    return NATIONAL_STATISTICS.contains(
        metric.endsWith("_growth") ? metric.substring(0, metric.length() - 7) : metric);
  }

  private static final Pattern QUOTED_TOPIC =
      Pattern.compile("['‘\"“]([^'’\"”]{2,30})['’\"”](?:은|는|이|가|의) ");

  /** A title in quotes marked as the topic before the figure: {@code '태양의 후예'는}. */
  private static String quotedTopic(int[] t, int from, int to) {
    Matcher m = QUOTED_TOPIC.matcher(new String(t, from, to - from));
    return m.find() ? m.group(1).strip() : null;
  }

  /**
   * The owner of figure {@code p} of a group after 각각 ({@code 각각 26%, 21%}): as many owners as the
   * group has figures, taken in order from the distinct owners of the sentence's figures before the
   * group; null when the figure is not in such a group or the owners do not add up.
   */
  private String respectiveOwner(
      int[] t,
      List<Candidate> primaries,
      int p,
      List<Candidate> figures,
      Map<Candidate, Integer> positions,
      int from) {
    int[] run =
        runAround(primaries, p, (a, b) -> coordinated(t, afterOf(a, figures, positions), b.start));
    int first = run[0];
    int last = run[1];
    int floor = first == 0 ? from : afterOf(primaries.get(first - 1), figures, positions);
    if (!wordBefore(t, floor, primaries.get(first).start).equals("각각")) {
      return null;
    }
    int size = last - first + 1;
    if (size < 2) {
      return null;
    }
    List<String> owners = new ArrayList<>();
    for (int k = 0; k < first; k++) {
      String owner = primaries.get(k).subject;
      if (owner != null && !owners.contains(owner)) {
        owners.add(owner);
      }
    }
    return owners.size() >= size ? owners.get(owners.size() - size + (p - first)) : null;
  }

  private static final Pattern NAMED_GROUP =
      Pattern.compile(
          "((?:[\\p{IsHangul}A-Za-z]+ ){0,2}[\\p{IsHangul}A-Za-z]*\\d+(?:개사|사|곳|개 업체))의 ");

  /** A group of companies named with its size before the figure: {@code 한국 배터리 3사의}. */
  private static String namedGroup(int[] t, int from, int to) {
    Matcher m = NAMED_GROUP.matcher(new String(t, from, to - from));
    String found = null;
    while (m.find()) {
      found = m.group(1).strip();
    }
    return found;
  }

  /**
   * The name a money figure alone in parentheses follows ({@code '허브플라워 24K금장미'(5만2천500원)}, {@code
   * 갤럭시 S25(115만원)}): the quoted name, else the word before the parenthesis; null when the figure
   * is not alone in parentheses or a restatement ({@code 7억 유로(약 1조 원)} is linked as a conversion
   * before this is asked).
   */
  private static String pricedItem(int[] t, int start, int after) {
    int open = start - 1;
    while (open >= 0 && t[open] == ' ') {
      open--;
    }
    int close = after;
    while (close < t.length && t[close] == ' ') {
      close++;
    }
    if (open < 1 || t[open] != '(' || close >= t.length || t[close] != ')') {
      return null;
    }
    int e = open;
    int q = t[e - 1];
    if (q == '\'' || q == '’' || q == '"' || q == '”') {
      int s = e - 2;
      while (s >= 0 && t[s] != '\'' && t[s] != '‘' && t[s] != '"' && t[s] != '“') {
        s--;
      }
      return s >= 0 && e - 1 - (s + 1) >= 2 ? new String(t, s + 1, e - 1 - (s + 1)).strip() : null;
    }
    int s = e;
    while (s > 0 && t[s - 1] != ' ' && t[s - 1] != '(' && t[s - 1] != ',') {
      s--;
    }
    String word = new String(t, s, e - s);
    return word.codePointCount(0, word.length()) >= 2 && CommonWords.hasName(word) ? word : null;
  }

  /**
   * The name a figure stands after in parentheses, alone ({@code 강남구(0.27%)}, {@code 그랜저(8106대)},
   * {@code SK하이닉스(25%)}), when it is a name: a proper noun of Nori, a known entity or a place. A
   * period ({@code 1월(4380건)}, {@code 직전 주(0.11%)}) or an ordinary word ({@code 해외유입(5193명)}) owns
   * nothing here; null then.
   */
  private String parenthesizedOwner(int[] t, int start, int after) {
    int open = start;
    if (open > 0 && t[open - 1] == '·') {
      // 유럽연합(EU·52억 달러): the name's abbreviation may stand before the figure
      open--;
      while (open > 0 && start - open < 12 && t[open - 1] != '(' && t[open - 1] != ' ') {
        open--;
      }
    }
    String word = pricedItem(t, open, after);
    if (word == null || word.indexOf(' ') >= 0 && !subjects.isEntity(word)) {
      return null;
    }
    if (SubjectFinder.isPeriodWord(word)
        || subjects.notAnOwner(word)
        || CommonWords.endsAsPredicate(word)
        || !(subjects.isEntity(word) || subjects.isPlace(word) || CommonWords.hasName(word))) {
      return null;
    }
    return word;
  }

  /** Metrics that are sums of money on their own (revenue, cost); a price does not replace them. */
  private boolean metricMeasuresMoney(String metric) {
    return !metric.equals("sales_volume") && lexicon.moneyMetric(metric);
  }

  /** A named entity that is neither a place nor an agency: a company or a group. */
  private boolean isFirm(String name) {
    return name != null
        && subjects.isEntity(name)
        && !subjects.isPlace(name)
        && !subjects.isAgency(name);
  }

  /**
   * A sentence about a division ({@code HE사업본부는}) does not replace its company as the topic: the
   * anaphors after it ({@code 회사 측은}) still mean the company.
   */
  private String companyOverDivision(String previous, String next) {
    return next != null
            && previous != null
            && SubjectFinder.isDivisionName(next)
            && subjects.isEntity(previous)
            && !subjects.isPlace(previous)
            && !subjects.isAgency(previous)
        ? previous
        : next;
  }

  /** Metrics of money that also count the things they are about (4척 수주, 10대 판매). */
  private static final Set<String> ORDER_METRICS =
      Set.of("orders", "sales_volume", "production", "shipments", "exports", "imports", "contract");

  /** Counters of things (ships, cars, machines), whose list names say what is counted. */
  private static final Set<String> THING_COUNTERS =
      Set.of("척", "대", "기", "개", "벌", "채", "량", "편", "장", "권", "병", "톤");

  /** Words of a broker's report on a company (목표주가, 투자의견). */
  private static final Pattern ANALYST_REPORT = Pattern.compile("목표주가|목표가|투자의견");

  /**
   * {@code X에 대해} (또는 {@code X에 대한}), else {@code X의 목표주가}, in an article with a target price or an
   * investment opinion: the company a broker's report covers, or null.
   */
  private String coveredCompany(String text) {
    if (!ANALYST_REPORT.matcher(text).find()) {
      return null;
    }
    for (String[] markers : new String[][] {COVERED, COVERED_TARGET}) {
      for (String name : wordsBefore(text, markers)) {
        if (subjects.isEntity(name) && !isBrokerageName(name)) {
          String known = subjects.knownName(name);
          return known != null ? known : name;
        }
      }
    }
    return null;
  }

  /**
   * The words written right before any of {@code markers} in {@code text}, in text order ({@code
   * HD현대일렉트릭} of {@code HD현대일렉트릭에 대해}). Found with {@code indexOf}: a pattern with a greedy name
   * before the marker would be tried from every letter of the text.
   */
  private static List<String> wordsBefore(String text, String[] markers) {
    java.util.TreeMap<Integer, String> found = new java.util.TreeMap<>();
    for (String marker : markers) {
      for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
        int b = at;
        while (b > 0 && isNameChar(text.charAt(b - 1))) {
          b--;
        }
        if (b < at) {
          found.put(b, text.substring(b, at));
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  private static boolean isNameChar(char ch) {
    return KoreanNumberParser.isHangulSyllable(ch)
        || ch >= 'A' && ch <= 'Z'
        || ch >= 'a' && ch <= 'z'
        || ch >= '0' && ch <= '9'
        || ch == '&';
  }

  private static final String[] COVERED = {"에 대해", "에 대한"};

  /** {@code 펄어비스의 목표주가를}: the company whose target is set. */
  private static final String[] COVERED_TARGET = {"의 목표주가", "의 목표가", "의 투자의견"};

  private static boolean isBrokerageName(String name) {
    return name.endsWith("증권") || name.endsWith("證") || name.endsWith("리서치");
  }

  /**
   * A brokerage, by its name ({@code NH투자증권}) or by the first letters the subject finder kept of it
   * ({@code NH} of {@code NH투자증권은}).
   */
  private static boolean isBrokerage(String subject, List<String> brokers) {
    return isBrokerageName(subject) || brokers.stream().anyMatch(b -> b.startsWith(subject));
  }

  /** The brokerages an article names ({@code NH투자증권}, {@code KB증권}). */
  private static List<String> brokerNames(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = BROKER_WORD.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static final Pattern BROKER_WORD =
      Pattern.compile("([\\p{IsHangul}A-Za-z]+(?:증권|證|리서치))");

  /** Words that make an article report a survey or a poll. */
  private static final List<String> SURVEY_WORDS = List.of("설문", "여론조사", "응답자", "조사 대상");

  private static boolean mentionsSurvey(String text) {
    return SURVEY_WORDS.stream().anyMatch(text::contains);
  }

  /** Verbs and nouns of answering: the sentence reports what respondents said. */
  private static final List<String> ANSWER_WORDS =
      List.of("응답", "답했", "답변", "꼽았", "꼽혔", "선택했", "택했", "찬성", "반대", "대답");

  private static boolean answers(int[] t, int from, int to) {
    String sentence = new String(t, from, to - from);
    return ANSWER_WORDS.stream().anyMatch(sentence::contains);
  }

  private static int indexOf(int[] t, int c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (t[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static final Pattern ASKED =
      Pattern.compile("\\)?(?:[을를]? ?(?:대상으로|상대로|조사|설문)|[이가] (?:응답|답했|설문|조사에 응))");

  /** A head count right before 을/를 대상으로 or 이/가 응답: the people a survey asked. */
  private static boolean surveyed(int[] t, int after, int to) {
    String rest = new String(t, after, Math.min(to, after + 12) - after);
    if (rest.startsWith("(")) {
      // 532명(남녀 각 266명)을 대상으로
      int close = indexOf(t, ')', after, to);
      rest = close < 0 ? rest : new String(t, close, Math.min(to, close + 12) - close);
    }
    return ASKED.matcher(rest).lookingAt();
  }

  /** Units of money whose "per" (달러당 41리라) makes an exchange rate, not a price. */
  private static final List<String> CURRENCY_UNITS = List.of("달러", "엔", "유로", "위안", "원");

  /** A verb of earning follows the figure within a few words: 벌었다, 벌어들였다. */
  private static boolean earned(int[] t, int after, int limit) {
    String rest = new String(t, after, Math.max(0, Math.min(limit, after + 14) - after));
    return rest.contains("벌었") || rest.contains("벌어들") || rest.contains("벌어 들");
  }

  private static final List<String> SELLING_VERBS =
      List.of("판매", "팔", "출시", "책정", "출고", "나왔", "내놓", "선보", "구매", "구입", "거래", "매입");

  /**
   * In a sentence that buys a stake ({@code A는 B의 지분 N%를 ... 인수}), the buyer A when {@code subject}
   * is the company whose shares are bought; null otherwise.
   */
  private String buyerOfStake(int[] t, int from, int to, String subject, String protagonist) {
    String sentence = new String(t, from, to - from);
    if (!sentence.contains(subject + "의 지분")) {
      return null;
    }
    boolean buys = false;
    for (String verb : BUYING_VERBS) {
      buys |= sentence.contains(verb);
    }
    if (!buys) {
      return null;
    }
    String buyer = subjects.topic(t, from, to);
    return buyer != null && !buyer.equals(subject) && entityLike(buyer, protagonist) ? buyer : null;
  }

  private static final List<String> BUYING_VERBS = List.of("인수", "취득", "매입", "사들");

  /** A word of [from, to) says the figure adds up several owners (합계, 합산, 합친, 총합). */
  private static boolean sumsSeveral(int[] t, int from, int to) {
    String text = new String(t, from, to - from);
    for (String word : SUM_WORDS) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> SUM_WORDS = List.of("합계", "합산", "합친", "합한", "총합");

  /** Where {@code phrase} last starts in {@code t} within [from, to), or -1. */
  private static int lastIndexOf(int[] t, String phrase, int from, int to) {
    int[] p = phrase.codePoints().toArray();
    for (int i = to - p.length; i >= from; i--) {
      boolean match = true;
      for (int j = 0; j < p.length && match; j++) {
        match = t[i + j] == p[j];
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A phrase that names an entity: a company of the directory or with an entity cue, the headline's
   * owner, or a phrase with a proper noun or foreign letters ({@link CommonWords}).
   */
  private boolean entityLike(String phrase, String protagonist) {
    return phrase != null
        && (subjects.isEntity(phrase) || phrase.equals(protagonist) || CommonWords.hasName(phrase));
  }

  /**
   * Ordinary words that do own figures: markets and industries (택배 시장), groups of the economy (정부,
   * 외국인 순매수, 은행권, 수도권), currencies (리라화) and pairs of them (원·달러).
   */
  private static boolean ownsAsGroup(String phrase) {
    for (String head : GROUP_HEADS) {
      if (phrase.endsWith(head)) {
        return true;
      }
    }
    return GROUPS.contains(phrase)
        || phrase.indexOf('·') >= 0
        || phrase.endsWith("화") && phrase.length() <= 4;
  }

  private static final List<String> GROUP_HEADS = List.of("시장", "산업", "업계", "업종", "권");

  private static final Set<String> GROUPS =
      Set.of("세계", "정부", "외국인", "개인", "기관", "지방", "국내", "해외", "가계");

  /**
   * Metrics an agency owns when it is named as their subject: its budget, the subsidies and
   * investments it hands out, the rates a central bank sets, the taxes it collects.
   */
  private static final java.util.Set<String> AGENCY_METRICS =
      java.util.Set.of(
          "budget",
          "subsidy",
          "investment",
          "base_rate",
          "interest_rate",
          "tax_revenue",
          "loans",
          "funding");

  /**
   * An agency (공정위, 금감원, 환경부) named as a figure's subject is mostly the authority acting on its
   * owner or the source of a statistic: a fine imposed on a company belongs to the company ({@code
   * 공정위는 쿠팡에 과징금 1628억 원}, the company marked with 에 before the figure), a figure about a company
   * it speaks of to that company (the nearest company named before the figure), a national
   * statistic to the country written before the agency ({@code 대한민국 환경부가 발표한}). When nothing else
   * is named, or the metric is the agency's own ({@link #AGENCY_METRICS}), the agency stays: a
   * ministry's statistic without a country named stands for the country.
   */
  private String ownerInsteadOfAgency(
      String subject,
      String metric,
      Occurrence metricBefore,
      int[] words,
      int from,
      int figureStart,
      int to) {
    if (subject == null) {
      // 美 상무부, 삼성전자에 보조금 47억 달러: no owner found, but an agency acts on a company
      return subjects.agencyNamed(words, from, figureStart, null) != null
          ? subjects.actedOn(words, from, figureStart)
          : null;
    }
    boolean agency =
        subjects.isAgency(subject) || subjects.agencyNamed(words, from, to, subject) != null;
    if (!agency || metric != null && AGENCY_METRICS.contains(metric)) {
      return subject;
    }
    String owner = subjects.actedOn(words, from, figureStart);
    if (owner == null && metricBefore != null) {
      // IMF는 올해 세계의 성장률을 -3.0%로 전망했다: the owner of the metric, not the forecaster
      SubjectFinder.Phrase phrase = subjects.beforeMetric(words, from, metricBefore.start);
      if (phrase != null && !phrase.segment() && !subjects.isAgency(phrase.text())) {
        owner = phrase.text();
      }
    }
    if (owner == null) {
      owner = subjects.nearestKnown(words, from, figureStart);
    }
    if (owner == null) {
      owner = subjects.countryOfAgency(words, from, to, subject);
    }
    if (owner == null) {
      return subject;
    }
    String known = subjects.knownName(owner);
    return known != null ? known : owner;
  }

  /** Metrics a company reports for itself and for each of its business lines. */
  private static final java.util.Set<String> EARNINGS_METRICS =
      java.util.Set.of(
          "revenue",
          "operating_profit",
          "operating_loss",
          "net_income",
          "net_loss",
          "sales_volume");

  /**
   * An ordinary noun before an earnings metric in an article about a company names one of its
   * business lines ({@code 여객 매출은}, {@code 화물 매출은}, {@code 할인점 매출은}): the figure is the company's;
   * so is any figure of a sentence that speaks of the company by an anaphor ({@code 회사 측은 4분기 화물
   * 운임이 5%가량 더 내릴 것으로}). Only a single Hangul word with no entity evidence (no alias, no
   * organization suffix, not a place; {@code 갤럭시S3} is a product) gives way, and only to a company
   * of the directory carried as the topic; a region or market written as the owner ({@code 수도권})
   * stays.
   */
  private String companyOfBusinessLine(
      String subject, String metric, String topic, boolean anaphor) {
    if (subject == null
        || topic == null
        || subject.equals(topic)
        || !subject.chars().allMatch(KoreanNumberParser::isHangulSyllable)) {
      return subject;
    }
    String base =
        metric == null
            ? ""
            : metric.endsWith("_growth")
                ? metric.substring(0, metric.length() - "_growth".length())
                : metric;
    if (!(anaphor || EARNINGS_METRICS.contains(base))
        || subjects.isEntity(subject)
        || subjects.isPlace(subject)
        || !subjects.isCompany(topic)) {
      return subject;
    }
    return topic;
  }

  /**
   * A listed name ({@code 사조대림 43억 원}) keeps its place in the list; only an alias in it is cut out.
   */
  private String cutToKnown(String subject) {
    String known = subjects.knownName(subject);
    return known != null ? known : subject;
  }

  /**
   * A known alias is strong evidence of an owner: a phrase naming one is reported as the alias
   * ({@code 이로써 SBG} is {@code SBG}), and a phrase without any entity evidence gives way to the
   * nearest company or agency named before the figure in its sentence.
   */
  private String preferKnown(String subject, int[] words, int from, int figureStart) {
    if (subject != null) {
      String known = subjects.knownName(subject);
      if (known != null) {
        return known;
      }
    }
    if (subject != null && !subjects.hasEntityCue(subject)) {
      String near = subjects.nearestKnown(words, from, figureStart);
      if (near != null) {
        return near;
      }
    }
    return subject;
  }

  /**
   * The owner of the sentence's first metric when it opens the sentence ({@code 현대제철의 지난해 영업이익은},
   * {@code 서울 아파트 평균 매매가는}); not one further in ({@code 자회사 LG에너지솔루션의 영업이익은} keeps the parent as
   * the topic).
   */
  private String leadingOwner(int[] words, int from, int to) {
    List<Occurrence> metrics = metricsIn(words, from, to);
    if (metrics.isEmpty()) {
      return null;
    }
    SubjectFinder.Phrase owner = subjects.beforeMetric(words, from, metrics.get(0).start);
    if (owner == null || owner.segment()) {
      return null;
    }
    String sentence = new String(words, from, to - from);
    int at = sentence.indexOf(owner.text().split(" ")[0]);
    if (at < 0) {
      return null;
    }
    String before = sentence.substring(0, at).strip();
    String last = before.substring(before.lastIndexOf(' ') + 1);
    boolean opens = before.isEmpty() || before.endsWith(",") || SubjectFinder.isPeriodWord(last);
    return opens ? owner.text() : null;
  }

  /**
   * The text as seen by the subject finder: headline separators ({@code …}) and list dots after a
   * figure ({@code 30%·MS 애저 21%}) become spaces, so that words end there. Same length as {@code
   * t}, so offsets agree.
   */
  private static int[] subjectText(int[] t) {
    int[] w = t;
    for (int i = 0; i < t.length; i++) {
      boolean dot =
          t[i] == '·'
              && i > 0
              && !KoreanNumberParser.isHangulSyllable(t[i - 1])
              && !Character.isLetter(t[i - 1]);
      if (t[i] == '…' || dot) {
        if (w == t) {
          w = t.clone();
        }
        w[i] = ' ';
      }
    }
    return w;
  }

  /**
   * End of the headline: the first line when the text has more than one line and its first sentence
   * is the whole line; -1 when there is no headline.
   */
  private static int headlineEnd(int[] t, Sentences sentences) {
    int newline = -1;
    for (int i = 0; i < t.length && i <= HEADLINE_MAX; i++) {
      if (t[i] == '\n') {
        newline = i;
        break;
      }
    }
    if (newline <= 0 || sentences.count() < 2) {
      return -1;
    }
    return sentences.end(0) >= newline ? sentences.end(0) : -1;
  }

  /** Start of the headline segment holding {@code position} (segments end at … and ,). */
  private static int segmentStart(int[] t, int from, int position) {
    int i = position;
    while (i > from && t[i - 1] != '…' && t[i - 1] != ',') {
      i--;
    }
    return i;
  }

  /** A comma or list dot follows the figure: it is an item of a list (마이크론 21%, 삼성전자 17%). */
  private static boolean listed(int[] t, int after) {
    int i = after;
    while (i < t.length && t[i] == ' ') {
      i++;
    }
    return i < t.length && (t[i] == ',' || t[i] == '·');
  }

  /** Endings of a sentence that forecasts or announces a plan rather than reports. */
  private static final String[] FORECAST_MARKERS = {
    "겠다", "것으로 봤다", "것으로 본다", "것으로 내다봤다", "것으로 예상", "것으로 전망", "계획이다", "방침이다"
  };

  /**
   * The sentence {@code t[from, to)} forecasts or announces a plan ({@code 줄이겠다고 밝혔다}, {@code 내릴
   * 것으로 봤다}).
   */
  private static boolean isForecast(int[] t, int from, int to) {
    String sentence = new String(t, from, to - from);
    for (String marker : FORECAST_MARKERS) {
      if (sentence.contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /** A newline lies between sentence {@code s} and the one before it. */
  private static boolean paragraphStarts(int[] t, Sentences sentences, int s) {
    if (s == 0) {
      return false;
    }
    for (int i = sentences.start(s - 1); i < sentences.start(s) && i < t.length; i++) {
      if (t[i] == '\n') {
        return true;
      }
    }
    return false;
  }

  /**
   * The mentions that are not part of a change basis: {@code 지난해 같은 기간보다 41% 증가} and {@code 전년 동기
   * 대비} name what a change is measured against, not the figure's period.
   */
  /** A period word followed by 보다, 대비, 에 비해: the basis of a comparison. */
  private static boolean comparedWith(int[] t, int end, int to) {
    int i = end;
    while (i < to && t[i] == ' ') {
      i++;
    }
    // 1월(4380건)보다, 지난해 조사(33만2천 원)보다: the base's figure in parentheses, after the
    // period or after one word that names what was measured then
    int j = i;
    while (j < to && j - i < 4 && KoreanNumberParser.isHangulSyllable(t[j])) {
      j++;
    }
    int open = j < to && t[j] == '(' ? j : end < to && t[end] == '(' ? end : -1;
    if (open >= 0) {
      int close = open;
      while (close < to && t[close] != ')') {
        close++;
      }
      if (close < to) {
        i = close + 1;
        while (i < to && t[i] == ' ') {
          i++;
        }
      }
    }
    String rest = new String(t, i, Math.min(to, i + 4) - i);
    return rest.startsWith("보다") || rest.startsWith("대비") || rest.startsWith("에 비해");
  }

  /**
   * The period mention, taken out as the base of a comparison, that a figure alone in parentheses
   * belongs to: the mention ends right before the parenthesis or one word before it ({@code
   * 1월(4380건)보다}, {@code 지난해 조사(33만2천 원)보다}). Null otherwise.
   */
  private static Mention parenthesizedBase(
      int[] t, List<Mention> found, List<Mention> kept, int figureStart) {
    int open = figureStart - 1;
    if (open < 0 || t[open] != '(') {
      return null;
    }
    for (Mention m : found) {
      if (kept.contains(m)
          || m.normalized() == null
          || m.end() > open
          || new String(t, m.start(), open - m.start()).contains("같은")
          || new String(t, m.start(), open - m.start()).contains("동기")) {
        continue; // 지난해 같은 기간(4870억 원)보다: a year before the reported period, see below
      }
      int i = m.end();
      while (i < open && t[i] == ' ') {
        i++;
      }
      int word = i;
      while (i < open && KoreanNumberParser.isHangulSyllable(t[i])) {
        i++;
      }
      if (i == open && i - word <= 4) {
        return m;
      }
    }
    return null;
  }

  private List<Mention> withoutBases(int[] t, List<Mention> mentions, int from, int to) {
    if (mentions.isEmpty()) {
      return mentions;
    }
    List<int[]> bases = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Match<String> m = lexicon.changeBases.longestMatch(t, i, to);
      if (m != null) {
        bases.add(new int[] {i, m.end()});
        i = m.end() - 1;
      }
    }
    for (Mention m : mentions) {
      if (comparedWith(t, m.end(), to)) {
        // 2022년보다 25% 늘렸다, 2022년 대비: the year compared with, not the figure's
        bases.add(new int[] {m.start(), m.end()});
      }
    }
    if (bases.isEmpty()) {
      return mentions;
    }
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      boolean inBasis = false;
      for (int[] b : bases) {
        if (m.start() < b[1] && b[0] < m.end()) {
          inBasis = true;
          break;
        }
      }
      if (!inBasis) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * The figure is the base of a comparison with the previous year: {@code 보다}, {@code 대비} or {@code
   * 에 비해} follows it, and a year-before word ({@code 전년}, {@code 지난해 같은 분기}) stands right before
   * it, with no other figure in between.
   */
  private static boolean comparisonBase(
      int[] t, List<Mention> found, List<Mention> kept, int floor, int start, int after) {
    boolean inParentheses =
        start > floor && t[start - 1] == '(' && after < t.length && t[after] == ')';
    int a = inParentheses ? after + 1 : after; // 지난해 같은 기간(4870억 원)보다
    boolean compared =
        PeriodResolver.startsWith(t, a, "보다", t.length)
            || PeriodResolver.startsWith(t, a, " 대비", t.length)
            || PeriodResolver.startsWith(t, a, "에 비해", t.length);
    if (!compared) {
      return false;
    }
    int b = inParentheses ? start - 1 : start;
    while (b > floor && t[b - 1] == ' ') {
      b--;
    }
    for (String w : new String[] {"전년", "작년", "지난해", "전년도"}) {
      int s = b - w.length();
      if (s >= floor && PeriodResolver.startsWith(t, s, w, t.length)) {
        return true;
      }
    }
    for (Mention m : found) {
      // a mention taken out as a basis (지난해 같은 분기) ends right before the figure
      if (m.end() == b && !kept.contains(m)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The last earlier figure of the two sentences before {@code s}, or of {@code s}, in the unit of
   * {@code c} and on a comparable scale.
   */
  /**
   * The metric named right after a list that figure {@code p} of {@code primaries} belongs to: at
   * least two figures in one unit, one after the other, each gap a comma and at most three words
   * ({@code 서울 373명, 경기 310명, 부산 32명 등으로 확진자가 나왔다}). The metric must start within {@link
   * #AFTER_METRIC_WINDOW} of the list's last figure, in its clause. Null when the figure is in no
   * list, when no metric follows it, or when the last figure takes 로 (a new value ends the clause).
   */
  private static Occurrence listTailMetric(
      int[] t,
      List<Occurrence> metrics,
      List<Candidate> primaries,
      int p,
      List<Candidate> figures,
      Map<Candidate, Integer> positions,
      int to) {
    int[] run = runAround(primaries, p, (a, b) -> listed(t, a, b, figures, positions));
    int first = run[0];
    int last = run[1];
    if (first == last) {
      return null;
    }
    int end = afterOf(primaries.get(last), figures, positions);
    if (end < to && (t[end] == '로' || t[end] == '으' && end + 1 < to && t[end + 1] == '로')) {
      return null; // 4분위가 3.1%로 소득이 낮을수록: the list ends its clause with a new value
    }
    int limit = last + 1 < primaries.size() ? primaries.get(last + 1).start : to;
    return metricAfter(metrics, end, Math.min(clauseEnd(t, end, limit), end + AFTER_METRIC_WINDOW));
  }

  /**
   * The first and last index of the run of {@code primaries} around {@code p} in which each figure
   * is {@code joined} to the next one.
   */
  private static int[] runAround(
      List<Candidate> primaries,
      int p,
      java.util.function.BiPredicate<Candidate, Candidate> joined) {
    int first = p;
    while (first > 0 && joined.test(primaries.get(first - 1), primaries.get(first))) {
      first--;
    }
    int last = p;
    while (last + 1 < primaries.size()
        && joined.test(primaries.get(last), primaries.get(last + 1))) {
      last++;
    }
    return new int[] {first, last};
  }

  /** Two figures in one unit stand next to each other in a list: a comma and up to three words. */
  private static boolean listed(
      int[] t,
      Candidate a,
      Candidate b,
      List<Candidate> figures,
      Map<Candidate, Integer> positions) {
    if (!a.unit.equals(b.unit) || !java.util.Objects.equals(a.counter, b.counter)) {
      return false;
    }
    int from = afterOf(a, figures, positions);
    if (from >= b.start || t[from] != ',') {
      return false;
    }
    int words = 0;
    int i = from + 1;
    while (i < b.start) {
      while (i < b.start && t[i] == ' ') {
        i++;
      }
      int s = i;
      while (i < b.start && t[i] != ' ') {
        i++;
      }
      if (i > s) {
        words++;
        if (endsClause(t, s, i)) {
          return false;
        }
      }
    }
    return words <= 3;
  }

  private Candidate lastInUnit(List<Candidate> figures, int index, Candidate c, int s) {
    for (int i = index - 1; i >= 0; i--) {
      Candidate f = figures.get(i);
      if (f.sentence < s - LIST_LOOKBACK_SENTENCES) {
        break;
      }
      if (f.sentence < s
          && f.metric != null
          && lexicon.undatedMetrics.contains(f.metric)
          && !(isListOfParts(figures, index, c, s)
              && f.value != null
              && c.value != null
              && c.value.compareTo(f.value) <= 0)) {
        // an event (과징금 1조4천억 원, a contract) is one amount: a later sentence continues
        // it only as a breakdown, a list of parts no larger than it (은행별로는 A 8600억 원,
        // B 2800억 원); a lone amount after it (a product's price) is something else
        continue;
      }
      if (f.conversionOf < 0
          && f.unit.equals(c.unit)
          && java.util.Objects.equals(f.counter, c.counter)
          && f.metric != null
          && comparable(f.value, c.value)) {
        return f;
      }
    }
    return null;
  }

  /**
   * Whether the sentence of {@code c} lists at least two amounts in its unit (not restatements).
   */
  private static boolean isListOfParts(List<Candidate> figures, int index, Candidate c, int s) {
    int inUnit = 0;
    for (int i = index; i >= 0 && figures.get(i).sentence == s; i--) {
      inUnit += figures.get(i).conversionOf < 0 && figures.get(i).unit.equals(c.unit) ? 1 : 0;
    }
    for (int i = index + 1; i < figures.size() && figures.get(i).sentence == s; i++) {
      inUnit += figures.get(i).conversionOf < 0 && figures.get(i).unit.equals(c.unit) ? 1 : 0;
    }
    return inUnit >= 2;
  }

  /**
   * Items of one list measure the same thing on a similar scale (4조5천억원, 3조4천억원): two amounts a
   * thousand times apart (과징금 300억 원, then 950원 for a product) are not.
   */
  private static boolean comparable(java.math.BigDecimal a, java.math.BigDecimal b) {
    if (a == null || b == null || a.signum() == 0 || b.signum() == 0) {
      return true;
    }
    double ratio = Math.abs(a.doubleValue() / b.doubleValue());
    return ratio < 1000 && ratio > 0.001;
  }

  /** End of a figure together with the restatements that follow it. */
  private static int afterOf(
      Candidate c, List<Candidate> figures, Map<Candidate, Integer> positions) {
    int end = c.end;
    int index = positions.get(c);
    for (int i = index + 1; i < figures.size() && figures.get(i).conversionOf == index; i++) {
      end = figures.get(i).end;
    }
    return end;
  }

  private static Mention lastResolved(List<Mention> mentions, Mention fallback) {
    Mention last = fallback;
    for (Mention m : mentions) {
      if ((!m.anaphoric() || m.normalized() != null) && !m.eventDay()) {
        last = m;
      }
    }
    return last;
  }

  private static List<Mention> resolveAnaphora(List<Mention> mentions, Mention previous) {
    List<Mention> out = new ArrayList<>(mentions.size());
    Mention last = previous;
    for (Mention m : mentions) {
      if (m.anaphoric()) {
        if (last == null) {
          continue;
        }
        m = new Mention(m.start(), m.end(), last.text(), last.normalized(), true);
      }
      out.add(m);
      last = m;
    }
    return out;
  }

  private static Mention periodFor(List<Mention> mentions, int start, int after, int nextStart) {
    Mention best = null;
    for (Mention m : mentions) {
      if (m.end() <= start) {
        best = m;
      }
    }
    if (best == null) {
      for (Mention m : mentions) {
        if (m.start() >= after && m.start() < nextStart) {
          return m;
        }
      }
    }
    return best;
  }

  /**
   * The metric keywords of [from, to), longest first. A growth-rate word right after a level metric
   * ({@code 매출 성장률}, {@code 영업이익 증가율}) is that metric's growth.
   */
  private List<Occurrence> metricsIn(int[] t, int from, int to) {
    List<Occurrence> raw = rawMetricsIn(t, from, to);
    List<Occurrence> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Occurrence o = raw.get(i);
      if (i > 0 && o.metric.rate() && o.metric.id().equals("growth_rate")) {
        Occurrence level = raw.get(i - 1);
        if (!level.metric.rate()
            && o.start - level.end <= 1
            && !level.metric.id().endsWith("_growth")) {
          out.set(
              out.size() - 1,
              new Occurrence(level.start, o.end, new Metric(level.metric.id() + "_growth", true)));
          continue;
        }
      }
      out.add(o);
    }
    return out;
  }

  private List<Occurrence> rawMetricsIn(int[] t, int from, int to) {
    List<Occurrence> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      Match<Metric> m =
          KoreanNumberParser.isHangulSyllable(t[i]) || t[i] < 0x80
              ? lexicon.metrics.longestMatch(t, i, to)
              : null;
      if (m != null) {
        out.add(new Occurrence(i, m.end(), m.value()));
        i = m.end();
      } else {
        i++;
      }
    }
    return out;
  }

  /**
   * The metric keywords that may name a figure at {@code [start, end)}: a keyword inside
   * parentheses with a number that do not hold the figure speaks of the figure in them ({@code
   * 무궁화위성 2호(1500억 투자)는 40억 4천만원에}: 투자 is the 1500억's, not the 40억's).
   */
  private static List<Occurrence> outsideOtherParentheses(
      int[] t, List<Occurrence> metrics, int from, int start, int end) {
    List<Occurrence> out = null;
    for (int k = 0; k < metrics.size(); k++) {
      Occurrence o = metrics.get(k);
      int open = -1;
      for (int i = o.start - 1; i >= from; i--) {
        if (t[i] == ')') {
          break;
        }
        if (t[i] == '(') {
          open = i;
          break;
        }
      }
      int close = -1;
      if (open >= 0) {
        for (int i = o.end; i < t.length && t[i] != '\n'; i++) {
          if (t[i] == '(') {
            break;
          }
          if (t[i] == ')') {
            close = i;
            break;
          }
        }
      }
      boolean number = false;
      for (int i = open + 1; i < close; i++) {
        number |= Character.isDigit(t[i]);
      }
      // a gloss without a number (평균매출(ARPU)은) is the keyword's own apposition
      boolean elsewhere = close >= 0 && number && !(open < start && end <= close);
      if (elsewhere && out == null) {
        out = new ArrayList<>(metrics.subList(0, k));
      } else if (!elsewhere && out != null) {
        out.add(o);
      }
    }
    return out == null ? metrics : out;
  }

  /**
   * The nearest metric before {@code start} that can name a figure there: not one in a phrase of
   * cause or of a part ({@code 데이터센터 수요에 힘입어 4310억 원}, {@code FC-BGA 공급 확대로 5624억 원의 매출}, {@code
   * 계약금 6500만 달러를 포함해 최대 8억6천만 달러}). A headline's ellipsis is no boundary: {@code 4척 수주…1조3천억 원}
   * goes on about the order.
   */
  private static Occurrence metricBefore(int[] t, List<Occurrence> metrics, int start) {
    Occurrence best = null;
    for (Occurrence o : metrics) {
      if (o.end <= start && !causeBetween(t, o.end, start)) {
        best = o;
      }
    }
    return best;
  }

  /**
   * Within six words after {@code from}, a word ends a phrase of cause ({@code 확대로}), and the
   * keyword ending at {@code from} is not marked as the clause's subject or topic ({@code 매출은 수요
   * 증가로 3조 원}: the revenue is the figure's).
   */
  private static boolean causeBetween(int[] t, int from, int to) {
    int e = from;
    while (e < to && t[e] != ' ') {
      e++;
    }
    int last = t[e - 1];
    if (e > from && "은는이가도".indexOf(last) >= 0) {
      return false;
    }
    int words = 0;
    int i = from;
    while (i < to && words < 6) {
      int s = i;
      while (i < to && t[i] != ' ') {
        i++;
      }
      if (i > s) {
        String word = new String(t, s, i - s);
        if (CAUSE.matcher(word).find()) {
          return true;
        }
        if ("은는이가".indexOf(word.charAt(word.length() - 1)) >= 0) {
          return false; // 계약 규모는 계약금 ...를 포함해: the keyword's phrase is the topic
        }
        words++;
      }
      while (i < to && t[i] == ' ') {
        i++;
      }
    }
    return false;
  }

  /**
   * The end of a word that makes the phrase before it a cause of what follows, or a part included
   * in or left out of it ({@code 계약금 6500만 달러를 포함해 최대 8억6천만 달러}).
   */
  private static final Pattern CAUSE =
      Pattern.compile(
          "(힘입어|덕분에|덕에|탓에|인해|여파로|영향으로|효과로|확대로|증가로|감소로|둔화로|호조로|부진으로"
              + "|회복으로|급증으로|급감으로|수요로|우려로|포함해|포함하여|포함한|제외한|제외하면)[,]?$");

  private static Occurrence metricAfter(List<Occurrence> metrics, int from, int to) {
    for (Occurrence o : metrics) {
      if (o.start >= from && o.start < to) {
        return o;
      }
    }
    return null;
  }

  /** Sets the direction; returns the end of the direction word (or {@code after} when none). */
  private int direction(int[] t, Candidate c, int after, int nextStart, int previousEnd) {
    if (c.arrowDirection != null) {
      c.direction = c.arrowDirection;
      return after;
    }
    int i = after;
    int words = 0;
    while (i < nextStart && words < DIRECTION_WORDS) {
      while (i < nextStart && t[i] == ' ') {
        i++;
      }
      int s = i;
      while (i < nextStart && t[i] != ' ') {
        i++;
      }
      if (s == i) {
        break;
      }
      words++;
      for (int j = s; j < i; j++) {
        Match<String> m = lexicon.directions.longestMatch(t, j, i);
        if (m != null) {
          c.direction = m.value();
          return m.end();
        }
      }
      if (endsClause(t, s, i)) {
        break;
      }
    }
    // An adnominal direction word right before the figure: 전년보다 10% 늘어난 5조 원.
    int e = c.start;
    while (e > previousEnd && t[e - 1] == ' ') {
      e--;
    }
    int s = e;
    while (s > previousEnd && t[s - 1] != ' ') {
      s--;
    }
    if (e > s && "한된난린진운은인".indexOf(t[e - 1]) >= 0) {
      for (int j = s; j < e; j++) {
        Match<String> m = lexicon.directions.longestMatch(t, j, e);
        if (m != null) {
          c.direction = m.value();
          break;
        }
      }
    }
    return after;
  }

  /** End of the clause that starts at {@code from}: after its first clause-ending word. */
  private static int clauseEnd(int[] t, int from, int limit) {
    int i = from;
    while (i < limit) {
      while (i < limit && t[i] == ' ') {
        i++;
      }
      int s = i;
      while (i < limit && t[i] != ' ') {
        i++;
      }
      if (i > s && endsClause(t, s, i) && "데며고".indexOf(t[i - 1]) >= 0) {
        return i;
      }
    }
    return limit;
  }

  private static boolean endsClause(int[] t, int s, int e) {
    int last = t[e - 1];
    if (last == ',' || last == '.' || last == ';') {
      return true;
    }
    return e - s >= 2 && "고며해서면데나여".indexOf(last) >= 0;
  }

  private String changeBasis(int[] t, int beforeFrom, int beforeTo, int afterFrom, int afterTo) {
    String basis = scan(lexicon.changeBases, t, beforeFrom, beforeTo);
    return basis != null ? basis : scan(lexicon.changeBases, t, afterFrom, afterTo);
  }

  private static String scan(CodePointTrie<String> trie, int[] t, int from, int to) {
    String found = null;
    for (int i = from; i < to; i++) {
      Match<String> m = trie.longestMatch(t, i, to);
      if (m != null) {
        found = m.value();
        i = m.end() - 1;
      }
    }
    return found;
  }

  private String subjectFor(int[] t, Candidate c, Occurrence metric, int from) {
    if (metric != null) {
      SubjectFinder.Phrase phrase = subjects.beforeMetric(t, from, metric.start);
      if (phrase != null && !phrase.segment()) {
        return phrase.text();
      }
    }
    return subjects.topic(t, from, c.start, true);
  }

  /**
   * The metric word governs the figure: it is close (at most four words before it), no clause ends
   * in between, and it carries a topic/subject particle or directly precedes the figure.
   */
  private static boolean metricGoverns(int[] t, Occurrence metric, int figureStart) {
    int e = metric.end;
    while (e < figureStart && t[e] != ' ') {
      e++;
    }
    int last = t[e - 1];
    boolean marked = "은는이가도의".indexOf(last) >= 0 || e == metric.end;
    int words = 0;
    int i = e;
    while (i < figureStart) {
      while (i < figureStart && t[i] == ' ') {
        i++;
      }
      int s = i;
      while (i < figureStart && t[i] != ' ') {
        i++;
      }
      if (i > s && i < figureStart) {
        words++;
        if (endsClause(t, s, i) || t[i - 1] == '"' || t[i - 1] == '”') {
          return false;
        }
      }
    }
    // 비중을 40% 이상으로 끌어올려: the object right before its new value names it too
    boolean object = "을를".indexOf(last) >= 0 && words == 0;
    return marked && words <= 4 || object;
  }
}
