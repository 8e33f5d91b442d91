package org.sectortrends.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who a figure belongs to without a tagger, from Korean particles, lists and word shapes.
 *
 * <ul>
 *   <li>{@link #listName}: the name listed right before a figure ({@code AWS 30%, MS 애저 21%},
 *       {@code 신한금융 4조4609억 원}, {@code TSMC가 71%}).
 *   <li>{@link #headlineName}, {@link #segmentName}: the owner a headline starts with ({@code
 *       SK하이닉스, ...}; {@code 토스 가입자 3천만 돌파}).
 * </ul>
 *
 * Words that can never own a figure, organization suffixes and places come from {@code
 * subject-words.tsv}. The company directory ({@code companies.tsv}) is entity evidence: a name
 * listed before a figure is kept when it is exactly a known alias, even with digits ({@code 예스24
 * 12%}), and {@link #knownName} cuts a phrase to the alias it names ({@code 이로써 SBG} is {@code
 * SBG}). Subjects are reported as written, not as canonical names: the gold and the tables' {@code
 * company_id} resolve them later.
 *
 * <ul>
 *   <li>{@link #beforeMetric}: the noun phrase right before a metric keyword ({@code 소프트웨어 산업 매출은}
 *       gives {@code 소프트웨어 산업}; {@code 알리바바의 3분기 매출은} gives {@code 알리바바}, skipping period words).
 *   <li>{@link #topic}: the first word of a sentence marked with a topic or subject particle
 *       (은/는/이/가, checked against the final consonant so that {@code 화웨이} keeps its 이), with up to
 *       two bare nouns before it ({@code 중국 소프트웨어 시장이}). {@code 화웨이(华为, Huawei)가} yields {@code
 *       화웨이}.
 * </ul>
 *
 * Generic words (회사 측, 전문가, 이는, 업계) and metric keywords are never subjects. Segment heads ({@code
 * 클라우드 부문}) are reported as segments so the caller can keep the company.
 *
 * <p>Known weaknesses: without morphology a noun ending in a particle-like syllable ({@code 인도})
 * ends a noun phrase early; clauses with two companies take the first one.
 */
final class SubjectFinder {

  private static final Set<String> STOP =
      Set.of(
          "이", "그", "이는", "그는", "이들", "이것", "그것", "이번", "이날", "회사", "회사 측", "측", "관계자", "전문가", "업계",
          "업계 관계자", "당국", "결과", "이유", "것", "수", "때", "점", "등", "목표", "계획", "수요", "흐름", "영향", "경쟁",
          "전망", "수준", "방식", "가능성", "문제", "상황", "경우", "기간", "같은 기간", "올해", "지난해", "시장", "기업",
          "정부 관계자", "이용자", "소비자", "투자자", "분석", "설명", "평가", "우려", "기대", "변화", "성장", "증가", "감소", "확대",
          "규모", "비중", "실적", "가격", "전략", "구조", "방안", "정책", "조치", "관련", "최근", "현재", "한편", "특히", "또",
          "또한", "다만", "하지만", "그러나", "이에", "이어", "이후", "시스템", "프로젝트", "모델", "서비스", "제품", "기술", "사업",
          "업체", "기관", "단위");

  /** People are quoted, they do not own figures: a phrase ending in a title is no subject. */
  private static final Set<String> TITLES =
      Set.of(
          "CEO", "CFO", "최고경영자", "회장", "부회장", "대표", "사장", "부사장", "장관", "차관", "대통령", "총리", "의원",
          "위원장", "관계자", "연구원", "애널리스트", "교수", "기자", "대변인", "씨", "청장", "원장", "행장", "총재", "의장",
          "국회의장", "후보", "후보자", "당선인", "당선자", "지사", "도지사", "구청장", "군수", "감독", "선수", "대표이사", "이사장",
          "사무총장", "총장", "판사");

  /** Endings of a division's name written as one word ({@code HE사업본부}, {@code 반도체사업부}). */
  private static final List<String> SEGMENT_SUFFIXES = List.of("사업본부", "사업부", "사업부문", "본부");

  private static final Set<String> SEGMENT_HEADS =
      Set.of("부문", "사업부", "사업부문", "분야", "사업", "부", "측", "기준");

  /** Modifiers that qualify a metric (월간 이용자, 연결 기준 매출) and never name its owner. */
  private static final Set<String> MODIFIERS =
      Set.of(
          "월간", "연간", "일간", "하루", "평균", "일평균", "누적", "합산", "전체", "총", "연결", "별도", "기준", "유료", "무료",
          "신규", "기존", "순", "실질", "명목", "국내", "해외", "분기", "반기", "월", "주간", "최근", "잠정");

  private static final Set<String> NOT_NOUNS =
      Set.of(
          "이번", "같은", "지난", "올해", "지난해", "따르면", "및", "또", "한편", "특히", "이어", "등", "약", "총", "중",
          "모두", "각각", "전년", "동기", "대비", "이날", "현재", "당시", "해당", "관련", "이", "그", "각", "이런", "그런",
          "저", "또한", "다만", "최근", "향후", "앞으로", "다음", "직전", "내년", "작년", "올", "함께", "따라", "통해", "위해",
          "대해", "관련해", "비해", "의해", "가장", "더", "매우", "모든", "여러", "많은");

  /** Endings of particles and connectives that end a noun phrase (서울로부터, 했으나). */
  private static final String[] NON_NOUN_ENDINGS = {
    "부터", "까지", "에서", "으로", "에게", "께서", "라고", "다고", "으나", "지만", "면서", "보다"
  };

  /** How often: 매년 10조엔 is an amount each year, not the year's. */
  private static final Set<String> EVERY_PERIOD =
      Set.of("매년", "매월", "매달", "매일", "매주", "매해", "해마다", "달마다", "분기마다");

  /** Parts of dates that end a noun phrase (9월 셋째 주 서울 아파트, 3월 중순 전통시장). */
  private static final Set<String> PERIOD_PARTS =
      Set.of(
          "주", "첫째", "둘째", "셋째", "넷째", "다섯째", "초", "말", "중순", "초순", "하순", "상순", "들어", "이날", "당일");

  /** Adnominal verb forms before a figure (오른 5만6700원, 늘어난 3조 원). */
  private static final Pattern ADNOMINAL = Pattern.compile(".*([른린진운난친준한된인던]|[^가-힣]는|[받있없하되]는)");

  /** Final syllables of verb and adjective stems before the adnominal endings 은/는. */
  private static final String VERB_STEM_ENDINGS = "하되있없같많높낮크작좋않했됐였다겠렸졌봤왔갔받";

  /** A noun phrase found before a metric keyword; {@code segment} when it names a division. */
  record Phrase(String text, boolean segment) {}

  private final CodePointTrie<AttributionLexicon.Metric> metrics;
  private final Set<String> organizationSuffixes;
  private final Set<String> notSubjects;
  private final Set<String> places;
  private final Set<String> anaphors;
  private final Set<String> genericAcronyms;

  private final CompanyDirectory directory;

  SubjectFinder(AttributionLexicon lexicon, CompanyDirectory directory) {
    this.directory = directory;
    this.metrics = lexicon.metrics;
    this.organizationSuffixes = lexicon.organizationSuffixes;
    this.notSubjects = lexicon.notSubjects;
    this.places = lexicon.places;
    this.anaphors = lexicon.anaphors;
    this.genericAcronyms = lexicon.genericAcronyms;
  }

  /**
   * A name listed right before a figure owns it: {@code 마이크론 21%}, {@code MS 애저 21%}, {@code KT
   * 1040만 명}, {@code TSMC가 71%}, {@code 강남구는 0.31%}. The name is the bare words (or one word with a
   * subject or topic particle) directly before the figure, after {@code floor} (the previous
   * figure); more than one word only when they start right after a comma, a clause end or {@code
   * floor}. A bare name without particle must look like an organization ({@link #hasEntityCue}) or
   * stand in a list ({@code listed}: a comma follows the figure or precedes the name), so that
   * {@code K9 자주포 152문} gives nothing.
   */
  String listName(int[] t, int floor, int figureStart, boolean listed) {
    int e = figureStart;
    if (e == floor || e == 0 || !isGap(t[e - 1])) {
      return null;
    }
    e = wordEndBefore(t, floor, e);
    int s = wordStartBefore(t, floor, e);
    if (s == e) {
      return null;
    }
    String marked = markedStem(t, s, e, floor, false);
    String phrase = marked != null ? stripParen(marked) : new String(t, s, e - s);
    boolean known = isKnownName(phrase);
    if (marked == null
        && !known
        && (!isBareNoun(phrase) || ADNOMINAL.matcher(phrase).matches())
        && !(isListed(t, s, e, floor)
            && phrase.codePoints().allMatch(Character::isLetterOrDigit)
            && !endsWithParticle(phrase)
            && isNoun(phrase))) {
      return null; // 오른 5만6700원: a verb form, not a name; 예스24 is a known one
    }
    if (!isName(phrase)) {
      return null;
    }
    boolean item = startsPhrase(t, floor, s) || clauseEndsBefore(t, floor, s);
    String extended = extendLeft(t, floor, s, phrase, 1);
    if (!extended.equals(phrase)) {
      item = true;
      phrase = extended;
    }
    return marked != null || known || hasEntityCue(phrase) || listed || item ? phrase : null;
  }

  /** The word before {@code s} ends a clause (많았고 신한금융 4조4609억 원). */
  private static boolean clauseEndsBefore(int[] t, int floor, int s) {
    int b = wordEndBefore(t, floor, s);
    int a = wordStartBefore(t, floor, b);
    return a < b && endsClause(new String(t, a, b - a));
  }

  /**
   * {@code phrase}, which starts at {@code start}, with up to {@code max} bare nouns before it
   * ({@code 알리바바 클라우드는}, {@code , 구글 클라우드 12%}) when those words start a phrase (at {@code floor},
   * after a comma or ellipsis, or after a period word such as {@code 중순}); otherwise unchanged, so
   * that {@code 법인을 둔 LG전자는} stays {@code LG전자}. A leading place is dropped ({@code 중국 BYD는} is
   * {@code BYD}).
   */
  private String extendLeft(int[] t, int floor, int start, String phrase, int max) {
    String extended = phrase;
    int p = start;
    int words = 0;
    boolean reaches = startsPhrase(t, floor, p);
    while (!reaches && words < max) {
      int e = wordEndBefore(t, floor, p);
      int b = wordStartBefore(t, floor, e);
      if (b == e) {
        break;
      }
      String w = new String(t, b, e - b);
      if (isPeriodWord(w) || w.equals("따르면")) {
        reaches = true;
        break;
      }
      if (!isBareNoun(w) || notSubjects.contains(w) || MODIFIERS.contains(w) || isMetric(w)) {
        break;
      }
      extended = w + " " + extended;
      words++;
      p = b;
      reaches = startsPhrase(t, floor, p);
    }
    if (!reaches) {
      return phrase;
    }
    while (extended.indexOf(' ') > 0
        && places.contains(extended.substring(0, extended.indexOf(' ')))) {
      extended = extended.substring(extended.indexOf(' ') + 1);
    }
    return extended;
  }

  /**
   * The owner named at the start of a headline: the words before its first comma ({@code SK하이닉스,
   * 3분기 영업익 11조 돌파}, {@code 4대 금융지주, ...}), or null.
   */
  String headlineName(int[] t, int from, int to) {
    int comma = -1;
    int words = 1;
    for (int i = from; i < to; i++) {
      if (t[i] == ',') {
        comma = i;
        break;
      }
      if (isGap(t[i])) {
        words++;
      }
      if (t[i] == '…' || t[i] == '"' || t[i] == '\'' || words > 3) {
        return null;
      }
    }
    if (comma < 0) {
      return null;
    }
    String phrase = new String(t, from, comma - from).strip();
    String[] parts = phrase.split(" ");
    for (String w : parts) {
      if (!isBareNoun(w) && !w.matches("[0-9]+대")) {
        return null;
      }
    }
    return phrase.isEmpty() || !isAcceptable(phrase) ? null : phrase;
  }

  /**
   * The bare noun phrase starting a headline segment ({@code 토스 가입자 3천만 돌파} gives {@code 토스};
   * {@code …SK텔레콤 점유율 47%} gives {@code SK텔레콤}), up to the first metric, modifier or number; null
   * when the segment starts otherwise.
   */
  String segmentName(int[] t, int from, int to) {
    String phrase = "";
    int i = from;
    while (i < to) {
      int s = wordStartAfter(t, i, to);
      i = wordEnd(t, s, to);
      if (s == i) {
        break;
      }
      String w = new String(t, s, i - s);
      if (!isBareNoun(w)
          || MODIFIERS.contains(w)
          || isMetric(w)
          || notSubjects.contains(w)
          || isPeriodWord(w)) {
        i = s;
        break;
      }
      phrase = phrase.isEmpty() ? w : phrase + " " + w;
    }
    if (phrase.isEmpty() || phrase.split(" ").length > 2 || !isAcceptable(phrase)) {
      return null;
    }
    // the name must be followed by what it owns: a metric or a number (코스피 1% 넘게)
    i = wordStartAfter(t, i, to);
    int e = wordEnd(t, i, to);
    String next = new String(t, i, e - i);
    boolean owns =
        !next.isEmpty()
            && (Character.isDigit(next.charAt(0)) || isMetric(next) || MODIFIERS.contains(next));
    return owns ? phrase : null;
  }

  /**
   * The known entity a phrase names, as written in it from the alias on: {@code 이로써 SBG} gives
   * {@code SBG}, {@code 구글 클라우드} stays whole. The entity is the one {@link
   * CompanyDirectory#resolve} picks (companies and agencies before countries and markets, then the
   * longest alias); null when the phrase names none.
   */
  String knownName(String phrase) {
    if (phrase == null || phrase.isEmpty()) {
      return null;
    }
    int[] cps = phrase.codePoints().toArray();
    return knownName(cps, 0, cps.length);
  }

  /** {@link #knownName(String)} of {@code t[from, to)}. */
  String knownName(int[] t, int from, int to) {
    if (from >= to) {
      return null;
    }
    CompanyDirectory.Company company =
        directory.resolve(new String(t, from, to - from)).orElse(null);
    if (company == null) {
      return null;
    }
    CompanyDirectory.Mention named = null;
    for (CompanyDirectory.Mention m : directory.findMentions(t, from, to)) {
      if (m.company().equals(company)) {
        named = m;
      }
    }
    if (named == null) {
      return null;
    }
    // words after the alias continue the name (MS 애저, 알리바바 클라우드, PDD홀딩스); words
    // before it do not (이로써 SBG)
    return new String(t, named.start(), to - named.start()).strip();
  }

  /** The phrase is exactly one alias of the directory, nothing before or after ({@code 예스24}). */
  boolean isKnownName(String phrase) {
    int[] cps = phrase.codePoints().toArray();
    List<CompanyDirectory.Mention> found = directory.findMentions(cps, 0, cps.length);
    return found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == cps.length;
  }

  /**
   * The nearest known company named in {@code t[from, to)}, or null. Countries and markets are left
   * out ({@code 국내}, {@code 코스피} name a scope more often than an owner), and so are agencies: named
   * before a figure they are its source or the authority acting on its owner ({@code IMF는 세계 성장률을
   * -3%로}, {@code 공정위는 쿠팡에 과징금}), rarely its owner.
   */
  String nearestKnown(int[] t, int from, int to) {
    String found = null;
    for (CompanyDirectory.Mention m : directory.findMentions(t, from, to)) {
      if (!m.company().isPlace() && !isAgencyKind(m.company()) && !isVoice(m.company())) {
        found = new String(t, m.start(), m.end() - m.start()).strip();
      }
    }
    return found;
  }

  /**
   * The phrase is exactly a company of the directory (not an agency, a fund, a country or a
   * market).
   */
  boolean isCompany(String phrase) {
    return phrase != null
        && isKnownName(phrase)
        && directory.resolve(phrase).map(c -> c.kind().equals("company")).orElse(false);
  }

  /**
   * A place word ({@code 수도권} is not one; {@code 미국}, {@code 유럽} are) or a country or market of the
   * directory.
   */
  boolean isPlace(String phrase) {
    return places.contains(phrase)
        || directory.resolve(phrase).map(CompanyDirectory.Company::isPlace).orElse(false);
  }

  /**
   * The phrase names a body of the Korean state: a ministry, an office or a service of the
   * directory ({@code 산업통상자원부}, {@code 관세청}, {@code 식품의약품안전처}) or the Bank of Korea. Foreign and
   * international agencies carry a country or are not of one ({@code 미국 연방준비제도}, {@code IMF}), and
   * associations ({@code 한국무역협회}) are not the state.
   */
  boolean isKoreanGovernment(String phrase) {
    return directory
        .resolve(phrase)
        .filter(SubjectFinder::isAgencyKind)
        .map(
            c ->
                c.nameKo().indexOf(' ') < 0
                    && (c.nameKo().endsWith("부")
                        || c.nameKo().endsWith("처")
                        || c.nameKo().endsWith("청")
                        || c.nameKo().equals("한국은행")))
        .orElse(false);
  }

  /** The phrase names an agency of the directory (a regulator, a ministry, a central bank). */
  boolean isAgency(String phrase) {
    return phrase != null
        && directory.resolve(phrase).map(SubjectFinder::isAgencyKind).orElse(false);
  }

  /**
   * The agency named in {@code t[from, to)} whose name is or ends with {@code phrase} ({@code 상무부}
   * of {@code 미국 상무부는}: the subject finder drops a leading country), as written, or null; with a
   * null phrase, the first agency named.
   */
  String agencyNamed(int[] t, int from, int to, String phrase) {
    for (CompanyDirectory.Mention m : directory.findMentions(t, from, to)) {
      if (isAgencyKind(m.company())) {
        String written = new String(t, m.start(), m.end() - m.start()).strip();
        if (phrase == null || written.equals(phrase) || written.endsWith(" " + phrase)) {
          return written;
        }
      }
    }
    return null;
  }

  private static boolean isAgencyKind(CompanyDirectory.Company company) {
    return company.kind().equals("agency");
  }

  /**
   * Entities of kind {@code other}: parties, unions, associations, pollsters, research firms and
   * news media. They speak, survey and estimate in the news; the figures they cite are seldom
   * theirs, so the last resorts of a sentence without an owner pass over them.
   */
  boolean isVoice(String phrase) {
    return phrase != null && directory.resolve(phrase).map(SubjectFinder::isVoice).orElse(false);
  }

  private static boolean isVoice(CompanyDirectory.Company company) {
    return company.kind().equals("other");
  }

  /**
   * Who an action in {@code t[from, to)} is aimed at: the last word marked with 에/에게 ({@code 쿠팡에},
   * {@code CJ제일제당에 부과된}, {@code 5개 은행에}, {@code 식품업체 4곳에도}) that names a company: a known one that
   * is not an agency or a place, a name with an entity cue, or a noun ending in an organization
   * word ({@code 은행}, {@code 업체}). A count of companies ({@code 4곳}, {@code 5개}) stands for the
   * noun before it. Null when none.
   */
  String actedOn(int[] t, int from, int to) {
    String found = null;
    int i = from;
    while (i < to) {
      int s = wordStartAfter(t, i, to);
      i = wordEnd(t, s, to);
      if (s == i) {
        break;
      }
      String w = new String(t, s, i - s);
      String stem = null;
      for (String particle : new String[] {"에게도", "에게는", "에게", "에도", "에는", "에만", "에"}) {
        if (w.endsWith(particle) && w.length() > particle.length()) {
          stem = stripParen(w.substring(0, w.length() - particle.length()));
          break;
        }
      }
      if (stem == null) {
        continue;
      }
      if (stem.matches("[0-9]+(곳|개|개사|사)")) {
        // 식품업체 4곳에도: a count of companies, the noun before it names them
        int e = wordEndBefore(t, from, s);
        int b = wordStartBefore(t, from, e);
        String noun = new String(t, b, e - b);
        if (b < e && isBareNoun(noun) && !isMetric(noun) && !notSubjects.contains(noun)) {
          found = noun;
        }
      } else if (namesCompany(stem)) {
        found = stem;
      } else if (GROUP_NOUNS.contains(stem)) {
        // 농심 등 4개 업체에, 라면 업체 4곳에: companies counted before their noun
        int e = wordEndBefore(t, from, s);
        int b = wordStartBefore(t, from, e);
        String count = b < e ? new String(t, b, e - b) : "";
        if (count.matches("[0-9]+(곳|개|개사)")) {
          found = count + " " + stem;
        }
      }
    }
    return found;
  }

  /**
   * Nouns for companies of a kind, which a count before them makes a group of named ones ({@code 4개
   * 업체}, {@code 건설사 5곳}) and {@code 이들} before them refers to.
   */
  static final List<String> GROUP_NOUNS =
      List.of("업체", "기업", "회사", "건설사", "제약사", "은행", "증권사", "보험사", "손보사", "카드사", "조선사", "사업자");

  /**
   * A known entity that is neither an agency nor a place, a name with an entity cue, or an
   * organization noun.
   */
  private boolean namesCompany(String stem) {
    CompanyDirectory.Company known = directory.resolve(stem).orElse(null);
    if (known != null) {
      return !known.isPlace() && !isAgencyKind(known);
    }
    if (!isBareNoun(stem)
        || isMetric(stem)
        || notSubjects.contains(stem)
        || places.contains(stem)) {
      return false;
    }
    if (hasEntityCue(stem)) {
      return true;
    }
    for (String suffix : organizationSuffixes) {
      if (stem.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The country written right before the agency a phrase names ({@code 대한민국 환경부가}), in {@code
   * t[from, to)}, or null: a national statistic an agency reports belongs to its country when the
   * text names it.
   */
  String countryOfAgency(int[] t, int from, int to, String agency) {
    CompanyDirectory.Company named = directory.resolve(agency).orElse(null);
    if (named == null) {
      return null;
    }
    for (CompanyDirectory.Mention m : directory.findMentions(t, from, to)) {
      if (m.company().equals(named)) {
        int e = wordEndBefore(t, from, m.start());
        if (e == m.start()) {
          continue; // glued to the word before
        }
        int b = wordStartBefore(t, from, e);
        String w = new String(t, b, e - b);
        CompanyDirectory.Company before = directory.resolve(w).orElse(null);
        if (before != null && before.kind().equals("country") || places.contains(w)) {
          return w;
        }
      }
    }
    return null;
  }

  /**
   * Start of the first anaphor word in {@code t[from, to)} that refers back to a company ({@code
   * 회사는}, {@code 이 회사의}, {@code 동사의}, {@code 同社는}, {@code 회사 측은}): the anaphor alone or followed by
   * a particle; -1 when there is none.
   */
  int anaphorAt(int[] t, int from, int to) {
    int i = from;
    while (i < to) {
      int s = wordStartAfter(t, i, to);
      if (s >= to) {
        break;
      }
      i = wordEnd(t, s, to);
      for (String anaphor : anaphors) {
        int n = anaphor.length();
        if (s + n > to || !new String(t, s, n).equals(anaphor)) {
          continue;
        }
        int e = wordEnd(t, s + n, to);
        String rest = new String(t, s + n, e - s - n);
        if (rest.isEmpty() || rest.matches("[은는이가의도와과]|에서는|에서|으로서는|측은|측의")) {
          return s;
        }
      }
    }
    return -1;
  }

  /**
   * The company an anaphor at {@code position} refers to: the last company of the directory (not an
   * agency, a country or a market) named before it in the text, or null.
   */
  String lastCompanyBefore(List<CompanyDirectory.Mention> mentions, int[] t, int position) {
    String found = null;
    for (CompanyDirectory.Mention m : mentions) {
      if (m.end() > position) {
        break;
      }
      if (!m.company().isPlace() && !isAgencyKind(m.company())) {
        found = new String(t, m.start(), m.end() - m.start()).strip();
      }
    }
    return found;
  }

  /**
   * The last entity of the directory named in {@code t[from, to)} that is not an agency (a company,
   * a country, a market), as written; null when none is. Agencies are the sources of what they
   * report. The last resort of a sentence without a subject: {@code 이라크는 ... 73억 달러어치의 무기를}.
   */
  String lastNamed(int[] t, int from, int to) {
    String found = null;
    for (CompanyDirectory.Mention m : directory.findMentions(t, from, to)) {
      if (!isAgencyKind(m.company())
          && !isVoice(m.company())
          && !(m.company().isPlace() && locative(t, m.end(), to))
          && !citedSource(t, m.end(), to)) {
        found = new String(t, m.start(), m.end() - m.start()).strip();
      }
    }
    return found;
  }

  /**
   * The first proper name of {@code t[from, to)} (Nori's proper nouns and Latin names), without its
   * particle ({@code 플린트의}, {@code 삼성서울병원에서는}): the last resort of a sentence whose owner no
   * particle or directory names. Sources ({@code 데일리메일에 따르면}) and people before a title are
   * skipped; null when there is none.
   */
  String firstProperName(int[] t, int from, int to) {
    Matcher m = WORD_WITH_PARTICLE.matcher(new String(t, from, to - from));
    while (m.find()) {
      String stem = m.group(1);
      if (stem.codePointCount(0, stem.length()) < 2
          || citedSource(t, from + m.end(), to)
          || isPeriodWord(stem)
          || STOP.contains(stem)
          || notSubjects.contains(stem)
          || !CommonWords.hasName(stem)
          || CommonWords.endsAsPredicate(stem)
          || isPlace(stem) && !TOPIC_PARTICLES.contains(m.group(2))
          || directory.resolve(stem).map(c -> isVoice(c) || isAgencyKind(c)).orElse(false)) {
        continue; // 일본에서는, 브라질의 헤알화: where, not who; 민주당은: a voice, not an owner
      }
      String rest =
          new String(t, from + m.end(), Math.min(to, from + m.end() + 5) - from - m.end());
      if (TITLES.stream().anyMatch(title -> rest.strip().startsWith(title))) {
        continue; // 정의화 국회의장: a person, decided elsewhere
      }
      return stem;
    }
    return null;
  }

  private static final Pattern WORD_WITH_PARTICLE =
      Pattern.compile(
          "(?<![\\p{IsHangul}A-Za-z0-9])([\\p{IsHangul}A-Za-z0-9]+?)(에서는|에서도|의|은|는|이|가)(?=[\\s,.])");

  /** 영국 일간지에 따르면: the source of a report, not who its figures belong to. */
  private static boolean citedSource(int[] t, int end, int to) {
    String rest = new String(t, end, Math.min(to, end + 20) - end);
    int cut = rest.indexOf(',');
    return (cut < 0 ? rest : rest.substring(0, cut)).contains("따르면");
  }

  /** 일본에서, 미국으로, 중국에: where something happened or went, not who owns it. */
  private static boolean locative(int[] t, int end, int to) {
    String rest = new String(t, end, Math.min(to, end + 2) - end);
    return rest.startsWith("에") || rest.startsWith("으로") || rest.startsWith("로");
  }

  /** Every directory mention of the text, in order, for {@link #lastCompanyBefore}. */
  List<CompanyDirectory.Mention> mentions(int[] t) {
    return directory.findMentions(t, 0, t.length);
  }

  /**
   * Names the text being attributed introduces as companies ({@code 클라우드 기업 람다의}, {@code 리튬 업체
   * 필바라는}); per thread, because one finder serves the tasks of an executor.
   */
  private final ThreadLocal<Set<String>> introduced = ThreadLocal.withInitial(Set::of);

  /** Words for a company that introduce a name right after them. */
  private static final List<String> INTRODUCING_NOUNS =
      List.of("기업", "업체", "회사", "스타트업", "제약사", "개발사", "제조사", "운용사", "자회사", "법인");

  private static final List<String> NAME_PARTICLES =
      List.of(
          "으로", "에서", "에게", "와의", "과의", "의", "은", "는", "이", "가", "과", "와", "에", "를", "을", "로", "도");

  /**
   * Remembers the names {@code text} introduces with a word for a company before them ({@code 미국
   * GPU 클라우드 기업 람다의 지분}): in this text they are entities, although no directory lists them.
   * Ordinary nouns, metrics, titles, periods and words that are never subjects ({@code 회사 사무실},
   * {@code 기업 실적}, {@code 업체 관계자}) are not names; a name Nori reads as an ordinary noun ({@code
   * 람다}) is missed. Call {@link #forget} when the text is done.
   */
  void introduce(String text) {
    Set<String> names = new java.util.HashSet<>();
    for (String noun : INTRODUCING_NOUNS) {
      String marker = " " + noun + " ";
      for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
        char before = at > 0 ? text.charAt(at - 1) : ' ';
        if (!(KoreanNumberParser.isHangulSyllable(before)
            || isAsciiLetter(before)
            || before == ')')) {
          continue; // 국내 기업 ...: a word must describe the company before its noun
        }
        int s = at + marker.length();
        int e = s;
        while (e < text.length()
            && (KoreanNumberParser.isHangulSyllable(text.charAt(e))
                || isAsciiLetter(text.charAt(e))
                || Character.isDigit(text.charAt(e)))) {
          e++;
        }
        boolean closed = e == text.length() || " \n\t,.'\"’”".indexOf(text.charAt(e)) >= 0;
        if (e - s < 2 || e - s > 12 || Character.isDigit(text.charAt(s)) || !closed) {
          continue;
        }
        String word = stripNameParticle(text.substring(s, e));
        if (isIntroducedName(word)) {
          names.add(word);
        }
      }
    }
    introduced.set(names.isEmpty() ? Set.of() : names);
  }

  private static boolean isAsciiLetter(char ch) {
    return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z';
  }

  private static String stripNameParticle(String word) {
    for (String particle : NAME_PARTICLES) {
      if (word.endsWith(particle) && word.length() - particle.length() >= 2) {
        return word.substring(0, word.length() - particle.length());
      }
    }
    return word;
  }

  private boolean isIntroducedName(String word) {
    return word.length() >= 2
        && !isMetric(word)
        && !isPeriodWord(word)
        && !TITLES.contains(word)
        && !STAFF_TITLES.contains(word)
        && !notSubjects.contains(word)
        && !places.contains(word)
        && !CommonWords.endsAsPredicate(word)
        // 회사 사무실, 업체 직원: an ordinary noun after the company word is not its name
        && !CommonWords.isCommon(word);
  }

  /** Drops the names of the text done. */
  void forget() {
    introduced.remove();
  }

  /** A known entity or a phrase with an entity cue: evidence that a phrase names an owner. */
  boolean isEntity(String phrase) {
    return phrase != null && (knownName(phrase) != null || hasEntityCue(phrase));
  }

  /** A word with two Latin letters (SK하이닉스, AWS, TSMC) or an organization suffix (신한금융). */
  boolean hasEntityCue(String phrase) {
    Set<String> names = introduced.get();
    for (String w : phrase.split(" ")) {
      if (names.contains(w)) {
        return true;
      }
      int latin = 0;
      int run = 0;
      for (int k = 0; k <= w.length(); k++) {
        char ch = k < w.length() ? w.charAt(k) : ' ';
        if (ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z') {
          run++;
        } else if (run > 0) {
          // LNG운반선, EV 배터리: an abbreviation of a thing is no name
          if (!genericAcronyms.contains(w.substring(k - run, k).toUpperCase(Locale.ROOT))) {
            latin += run;
          }
          run = 0;
        }
      }
      if (latin >= 2) {
        return true;
      }
      for (String suffix : organizationSuffixes) {
        if (w.length() > suffix.length() && w.endsWith(suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isName(String phrase) {
    return isAcceptable(phrase)
        && !isMetric(phrase)
        && !isPeriodWord(phrase)
        && !MODIFIERS.contains(phrase)
        && !phrase.endsWith("별")
        && !isPerUnit(phrase)
        && !phrase.endsWith("용");
  }

  /** {@code 가입자당}, {@code 달러당}, {@code 1인당}: "per" a unit, not a name (CJ제일제당 is one). */
  /** Units a price is quoted per ({@code 척당}, {@code 평당}, {@code 배럴당}, {@code 달러당}). */
  private static final Set<String> PER_UNITS =
      Set.of(
          "달러", "원", "엔", "유로", "위안", "주", "인", "1인", "명", "건", "개", "톤", "척", "대", "기", "채", "가구",
          "장", "벌", "병", "잔", "그릇", "포기", "마리", "켤레", "배럴", "회", "상자", "평", "리터", "킬로그램", "가마");

  boolean isPerUnit(String w) {
    if (!w.endsWith("당") || w.length() < 2) {
      return false;
    }
    String unit = w.substring(0, w.length() - 1);
    return isMetric(unit)
        || PER_UNITS.contains(unit)
        || unit.chars().anyMatch(Character::isDigit)
        // kWh당, Mcal당: per a unit written in Latin letters
        || !unit.isEmpty() && unit.chars().allMatch(ch -> ch < 128 && Character.isLetter(ch));
  }

  /**
   * The owner marked with 의 before the phrase that starts at {@code phraseStart}, over at most
   * three bare nouns: {@code 중국의 모바일 결제 이용률은} gives {@code 중국} for the phrase {@code 이용률}; null
   * when another word comes first.
   */
  String possessiveOwner(int[] t, int floor, int phraseStart) {
    int p = phraseStart;
    for (int examined = 0; examined < 4; examined++) {
      if (p <= floor || startsPhrase(t, floor, p)) {
        return null;
      }
      int e = wordEndBefore(t, floor, p);
      int s = wordStartBefore(t, floor, e);
      if (s == e) {
        return null;
      }
      String w = new String(t, s, e - s);
      p = s;
      if (w.length() > 1 && w.endsWith("의")) {
        String stem = stripParen(w.substring(0, w.length() - 1));
        return isAcceptable(stem) && isName(stem) ? stem : null;
      }
      if (!isBareNoun(w) && !MODIFIERS.contains(w)) {
        return null;
      }
    }
    return null;
  }

  private static boolean endsClause(String w) {
    int last = w.charAt(w.length() - 1);
    return last == ',' || w.length() >= 2 && "고며".indexOf(last) >= 0;
  }

  static boolean hasFinalConsonant(int syllable) {
    return KoreanNumberParser.isHangulSyllable(syllable) && (syllable - 0xAC00) % 28 != 0;
  }

  /**
   * The noun phrase ending right before {@code keywordStart}, or null: the owner marked with 의
   * ({@code KT클라우드의 같은 기간 매출은}, skipping period words and modifiers), else the bare nouns right
   * before the keyword ({@code 셀트리온 주가는}, {@code 서울 아파트 매매가격은}). Bare nouns keep more than one word
   * only when they start a phrase; a lone place is no owner ({@code 미국 판매는} says where, not who).
   */
  Phrase beforeMetric(int[] t, int floor, int keywordStart) {
    List<String> bare = new ArrayList<>();
    int p = keywordStart;
    if (p > floor && !isGap(t[p - 1])) {
      // keyword glued to a noun (클라우드매출): the noun is the phrase
      int s = wordStartBefore(t, floor, p);
      String glued = new String(t, s, p - s);
      if (isBareNoun(glued)) {
        bare.add(glued);
      }
      p = s;
    }
    boolean boundary = false;
    boolean collecting = true;
    int examined = 0;
    while (examined < 5) {
      if (p <= floor || startsPhrase(t, floor, p)) {
        boundary = true;
        break;
      }
      int e = wordEndBefore(t, floor, p);
      int s = wordStartBefore(t, floor, e);
      if (s == e) {
        boundary = true;
        break;
      }
      String w = new String(t, s, e - s);
      p = s;
      examined++;
      if (isPeriodWord(w) || MODIFIERS.contains(w) && bare.isEmpty()) {
        if (!bare.isEmpty()) {
          boundary = true;
          break;
        }
        continue;
      }
      if (w.length() > 1 && w.endsWith("의")) {
        String stem = stripParen(w.substring(0, w.length() - 1));
        if (!isAcceptable(stem)) {
          break;
        }
        String numbered = numberedGroup(t, floor, s);
        if (numbered != null) {
          stem = numbered + " " + stem; // 4대 금융지주의
        }
        String rest = withoutModifiers(String.join(" ", reverse(bare)));
        String owner = rest.isEmpty() || !isAcceptable(rest) ? stem : stem + " " + rest;
        return new Phrase(owner, false);
      }
      if (notSubjects.contains(w) || places.contains(w)) {
        collecting = false; // 헝가리 법인: look on for an owner marked with 의
        continue;
      }
      if (!isBareNoun(w) || bare.size() >= 3) {
        boundary = endsClause(w) || w.endsWith(",") || w.equals("따르면");
        break;
      }
      if (collecting) {
        bare.add(w);
      }
    }
    if (bare.isEmpty()) {
      return null;
    }
    List<String> words = reverse(bare);
    String phrase =
        withoutModifiers(boundary ? String.join(" ", words) : words.get(words.size() - 1));
    while (phrase.indexOf(' ') > 0 && places.contains(phrase.substring(0, phrase.indexOf(' ')))) {
      phrase = phrase.substring(phrase.indexOf(' ') + 1);
    }
    if (phrase.isEmpty() || places.contains(phrase) || isDestination(phrase)) {
      return null;
    }
    String head = phrase.substring(phrase.lastIndexOf(' ') + 1);
    boolean segment =
        SEGMENT_HEADS.contains(head)
            || SEGMENT_SUFFIXES.stream()
                .anyMatch(x -> head.endsWith(x) && head.length() > x.length());
    if (!segment && !isAcceptable(phrase)) {
      return null;
    }
    return new Phrase(phrase, segment);
  }

  /**
   * {@code 대중국}, {@code 대미국}, {@code 대미}: toward a country (대중국 수출), a destination and not an
   * owner.
   */
  private boolean isDestination(String phrase) {
    if (phrase.length() < 2 || phrase.charAt(0) != '대' || phrase.indexOf(' ') >= 0) {
      return false;
    }
    String rest = phrase.substring(1);
    if (places.contains(rest)) {
      return true;
    }
    CompanyDirectory.Company place = directory.resolve(rest).orElse(null);
    return place != null && place.kind().equals("country") && isKnownName(rest);
  }

  private static List<String> reverse(List<String> words) {
    List<String> out = new ArrayList<>(words);
    java.util.Collections.reverse(out);
    return out;
  }

  /** A numbered group word before {@code s} ({@code 4대} of {@code 4대 금융지주의}), or null. */
  private static String numberedGroup(int[] t, int floor, int s) {
    int e = wordEndBefore(t, floor, s);
    int b = wordStartBefore(t, floor, e);
    String w = new String(t, b, e - b);
    return w.matches("[0-9]+대") ? w : null;
  }

  /** The first subject- or topic-marked noun phrase in [from, to), or null. */
  String topic(int[] t, int from, int to) {
    return topic(t, from, to, false);
  }

  /**
   * The first (or, with {@code last}, the nearest to {@code to}) subject- or topic-marked noun
   * phrase in [from, to): a figure belongs to the nearest one of its own sentence ({@code A는 4조원,
   * B는 3조원}), an article to the first one of a sentence.
   */
  String topic(int[] t, int from, int to, boolean last) {
    String found = null;
    boolean listed = false;
    int i = from;
    while (i < to) {
      int s = wordStartAfter(t, i, to);
      i = wordEnd(t, s, to);
      if (s == i) {
        break;
      }
      String stem = markedStem(t, s, i, from, false);
      if (stem == null || isMetric(stem) || isPeriodWord(stem)) {
        continue;
      }
      if (citedSource(t, i, to)) {
        continue; // SNE리서치가 4일 발표한 자료에 따르면: the source, not what the sentence is about
      }
      if (!last && (opensListItem(t, i, to) || listed && startsWithDigit(t, i, to))) {
        // TSMC가 71%, 삼성전자가 8%: an item of a list, not what the sentence is about; after one,
        // a name right before a figure is the list's next item (KB국민카드가 4120억 원의)
        listed = true;
        continue;
      }
      String np = extendLeft(t, from, s, stem, 2);
      np = withoutModifiers(np);
      if (!np.isEmpty() && isAcceptable(np)) {
        if (!last) {
          return np;
        }
        found = np;
      }
    }
    return found;
  }

  /**
   * The company of the first word of [from, to) marked with the topic particle 은/는 whose stem the
   * directory knows as a company (not an agency, a place or a voice), as the directory names it;
   * null when none. The topic particle marks what the whole sentence is about, while 이/가 may mark
   * the subject of a clause inside it: in {@code 릴리가 임상에 들어가면 대웅제약은 5천만 달러를 받는다} the sentence is
   * about 대웅제약. Null as well when several companies are so marked, or one opens a list.
   */
  String themeCompany(int[] t, int from, int to) {
    String theme = null;
    int i = from;
    while (i < to) {
      int s = wordStartAfter(t, i, to);
      i = wordEnd(t, s, to);
      if (s == i) {
        break;
      }
      int e = i;
      while (e > s && isTrailingPunctuation(t[e - 1])) {
        e--;
      }
      if (e - s < 3 || t[e - 1] != '은' && t[e - 1] != '는' || knownName(t, s, e - 1) == null) {
        continue; // the directory lookup first: most words name no company
      }
      String stem = markedStem(t, s, e, from, false);
      if (stem == null) {
        continue;
      }
      String known = knownName(stem);
      if (known != null
          && isKnownName(known)
          && !isPlace(known)
          && !isAgency(known)
          && !isVoice(known)) {
        if (theme != null || opensListItem(t, i, to)) {
          return null; // CATL은 161GWh, BYD는 70.4GWh: companies compared, none is the theme
        }
        theme = known;
      }
    }
    return theme;
  }

  /**
   * The first word of [from, to) marked with 에서 (에서도, 에서는) whose stem the company directory knows
   * as a company: {@code 옥션에서도 휴대전화 판매량이 245% 늘었다} gives {@code 옥션}. Places and agencies are left
   * out (이라크에서 수주한 공사 is not Iraq's).
   */
  String locativeCompany(int[] t, int from, int to) {
    int i = from;
    while (i < to) {
      int s = wordStartAfter(t, i, to);
      i = wordEnd(t, s, to);
      if (s == i) {
        break;
      }
      String w = stripParen(new String(t, s, i - s));
      for (String marker : new String[] {"에서도", "에서는", "에서"}) {
        if (w.length() > marker.length() && w.endsWith(marker)) {
          String stem = w.substring(0, w.length() - marker.length());
          if (knownName(stem) != null && !isPlace(stem) && !isAgency(stem)) {
            return knownName(stem);
          }
          break;
        }
      }
    }
    return null;
  }

  /**
   * The word after {@code end} is a number closed by a comma ({@code 71%,}), or a number and a unit
   * word closed by one ({@code 3조6450억 원,}): a list item.
   */
  /** The word after {@code end} starts with a digit. */
  private static boolean startsWithDigit(int[] t, int end, int to) {
    int i = wordStartAfter(t, end, to);
    return i < to && Character.isDigit(t[i]);
  }

  private static boolean opensListItem(int[] t, int end, int to) {
    int i = wordStartAfter(t, end, to);
    if (i >= to || !Character.isDigit(t[i])) {
      return false;
    }
    while (i < to && !isGap(t[i]) && t[i] != ',') {
      i++;
    }
    if (i < to && t[i] == ',') {
      return true;
    }
    // 3조6450억 원, 7810억 달러,: a unit written as its own word closes the figure
    int s = wordStartAfter(t, i, to);
    int e = s;
    while (e < to && !isGap(t[e]) && t[e] != ',') {
      e++;
    }
    return e < to && t[e] == ',' && e - s >= 1 && e - s <= 2 && !Character.isDigit(t[s]);
  }

  /** The stem of a word ending in 은/는/이/가/의, or of {@code X(...)가}; null otherwise. */
  private String markedStem(int[] t, int s, int e, int floor, boolean possessive) {
    while (e > s && isTrailingPunctuation(t[e - 1])) {
      e--;
    }
    if (e - s < 2) {
      return null;
    }
    int particle = t[e - 1];
    int before = t[e - 2];
    if (before == ')') {
      if (particle != '가' && particle != '는' && particle != '이' && particle != '은') {
        return null;
      }
      int open = e - 2;
      while (open > floor && t[open] != '(') {
        open--;
      }
      int b = open;
      while (b > floor && !isGap(t[b - 1])) {
        b--;
      }
      return open > b ? new String(t, b, open - b) : null;
    }
    boolean marked =
        switch (particle) {
          case '은', '이' -> hasFinalConsonant(before) || isAsciiLetterOrDigit(before);
          case '는', '가' ->
              KoreanNumberParser.isHangulSyllable(before) && !hasFinalConsonant(before)
                  || isAsciiLetterOrDigit(before);
          case '의' -> possessive;
          default -> false;
        };
    if (!marked) {
      return null;
    }
    String stem = new String(t, s, e - 1 - s);
    if (stem.codePointCount(0, stem.length()) < 2
        || VERB_STEM_ENDINGS.indexOf(stem.charAt(stem.length() - 1)) >= 0
            && !places.contains(stem)
            && !isKnownName(stem)) {
      return null; // 높은, 증가하는, 있다는: adnominal verb forms, not a marked noun (이라크는 is one)
    }
    for (String adverbial :
        new String[] {"에서", "에게", "에", "으로", "로", "까지", "부터", "와", "과", "도", "만"}) {
      if (stem.endsWith(adverbial) && stem.length() > adverbial.length()) {
        return null; // 시장에서는, 업계에서도: a place or scope, not the subject
      }
    }
    // a name ending in digits (이마트24, 예스24, 갤럭시S3) is a name; other digits (3분기는) are not
    boolean numberedName = stem.matches("[가-힣A-Za-z]{2,}[0-9]+");
    for (int k = 0; k < stem.length(); k++) {
      char ch = stem.charAt(k);
      if (Character.isDigit(ch) && !numberedName
          || ch == '"'
          || ch == '\''
          || ch == '“'
          || ch == '‘') {
        return null;
      }
    }
    if ((particle == '는' || particle == '은')
        && CommonWords.isVerbForm(stem + (char) particle)
        && !places.contains(stem)
        && !isKnownName(stem)) {
      return null; // 만드는, 키우는, 이끄는: Nori reads the 는 as a verb's ending, not a particle
    }
    return stem;
  }

  /** Word separators: spaces and the headline ellipsis (돌파…기업가치), which also ends a phrase. */
  static boolean isGap(int c) {
    return c == ' ' || c == '…';
  }

  /** Start of the first word at or after {@code i} (gaps skipped), at most {@code to}. */
  private static int wordStartAfter(int[] t, int i, int to) {
    while (i < to && isGap(t[i])) {
      i++;
    }
    return i;
  }

  /** End of the word starting at {@code s}, at most {@code to}. */
  private static int wordEnd(int[] t, int s, int to) {
    int i = s;
    while (i < to && !isGap(t[i])) {
      i++;
    }
    return i;
  }

  /** End of the last word before {@code p} (gaps skipped backwards), at least {@code floor}. */
  private static int wordEndBefore(int[] t, int floor, int p) {
    while (p > floor && isGap(t[p - 1])) {
      p--;
    }
    return p;
  }

  /** Start of the word ending at {@code e}, at least {@code floor}. */
  private static int wordStartBefore(int[] t, int floor, int e) {
    int s = e;
    while (s > floor && !isGap(t[s - 1])) {
      s--;
    }
    return s;
  }

  /** A phrase may start at {@code p}: the floor, or after a comma, ellipsis or list dot. */
  private static boolean startsPhrase(int[] t, int floor, int p) {
    int q = p;
    while (q > floor && t[q - 1] == ' ') {
      q--;
    }
    return q <= floor || t[q - 1] == ',' || t[q - 1] == '…' || t[q - 1] == '·';
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static String withoutModifiers(String phrase) {
    StringBuilder sb = new StringBuilder();
    for (String w : phrase.split(" ")) {
      if (!w.isEmpty() && !MODIFIERS.contains(w)) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(w);
      }
    }
    return sb.toString();
  }

  private static boolean isTrailingPunctuation(int c) {
    return c == ',' || c == '.' || c == '"' || c == '”' || c == '’' || c == '\'';
  }

  private static String stripParen(String w) {
    int open = w.indexOf('(');
    return open > 0 ? w.substring(0, open) : w;
  }

  /** A division of a company written as one word ({@code HE사업본부}, {@code 반도체사업부}). */
  static boolean isDivisionName(String word) {
    return word.indexOf(' ') < 0
        && SEGMENT_SUFFIXES.stream().anyMatch(x -> word.endsWith(x) && word.length() > x.length());
  }

  static boolean isTitle(String word) {
    return TITLES.contains(word);
  }

  /**
   * The phrase is a person written with 씨 ({@code 김씨}, {@code 박모씨}) and the sentence {@code t[from,
   * to)} reports what the person said: a witness quoted, not an owner of figures. A person with 씨
   * who acts in the sentence may be the one the article is about, and stays.
   */
  boolean isQuotedPerson(String phrase, int[] t, int from, int to) {
    if (phrase == null
        || phrase.indexOf(' ') >= 0
        || phrase.length() < 2
        || phrase.length() > 4
        || !phrase.endsWith("씨")) {
      return false;
    }
    String sentence = new String(t, from, to - from);
    return SPEECH_VERBS.stream().anyMatch(sentence::contains);
  }

  private static final List<String> SPEECH_VERBS =
      List.of("말했다", "밝혔다", "전했다", "설명했다", "강조했다", "덧붙였다", "주장했다", "토로했다");

  /** Titles of officials below the ones of {@link #TITLES}, written as the end of a word. */
  private static final List<String> STAFF_TITLES =
      List.of("팀장", "실장", "국장", "과장", "본부장", "센터장", "소장", "단장", "대변인", "관계자");

  /**
   * The phrase names a person by a title ({@code 이복순 수영구 문화공보팀장}, {@code 김 교수}, {@code 업계 관계자}) and
   * no entity of the directory: someone who speaks in the news. What such a person says in a
   * sentence without figures does not change what the article is about.
   */
  boolean isSpeaker(String phrase) {
    if (phrase == null || knownName(phrase) != null) {
      return false;
    }
    String[] words = phrase.split(" ");
    String last = words[words.length - 1];
    return TITLES.contains(last)
        || words.length > 1
            && (TITLES.stream().anyMatch(title -> title.length() >= 2 && last.endsWith(title))
                || STAFF_TITLES.stream().anyMatch(last::endsWith));
  }

  /**
   * A person named in {@code t[from, to)} as the one the sentence is about or acts on: a name
   * before a title ({@code 정의화 국회의장은}, {@code 박 전 차관에게}) or before 씨 ({@code 권상우 씨는}, {@code
   * 송모(35)씨는}), with a particle. Written as the text names them: a full name alone ({@code 정의화}), a
   * surname with its title ({@code 박 전 차관}), {@code 송모씨}. Null when there is none.
   *
   * <p>Known weakness: a name is one to four syllables that are not an ordinary word, or any three
   * syllables, so a rare noun before a title can be read as a name.
   */
  String person(int[] t, int from, int to) {
    return person(t, from, to, false, false);
  }

  /**
   * The last person named before {@code figureStart} in {@code t[from, figureStart)}, else the
   * first one of the sentence {@code t[from, to)} ({@code 홍준표 후보는 785만 표, 안철수 후보는 699만 표}: each
   * count is the person's named right before it).
   */
  String personBefore(int[] t, int from, int figureStart, int to) {
    String last = person(t, from, figureStart, false, true);
    return last != null ? last : person(t, from, to, false, false);
  }

  /**
   * The person a sentence starts with as its topic or subject ({@code 하 전 사장은 ... 1000만원을 기부}), or
   * null: such a person takes the place of the company the sentences before were about.
   */
  String personTopic(int[] t, int from, int to) {
    return person(t, from, to, true, false);
  }

  /** The first person named in {@code t[from, to)}, or with {@code last} the last one. */
  private String person(int[] t, int from, int to, boolean topicOnly, boolean last) {
    Matcher m = PERSON.matcher(new String(t, from, to - from));
    String found = null;
    while (m.find()) {
      if (topicOnly
          && (m.start() > 12
              || !TOPIC_PARTICLES.contains(m.group(5))
              // 최 사장은 ... 직원 7990명: a company's head speaks for it; a former one does not
              || OFFICERS.contains(m.group(4)) && !"전".equals(m.group(3)))) {
        return null;
      }
      String name = m.group(1);
      String title = m.group(4);
      if (STOP.contains(name)
          || NOT_NOUNS.contains(name)
          || notSubjects.contains(name)
          || places.contains(name)
          || name.endsWith("회")
          || name.endsWith("부")
          || organizationSuffixes.stream().anyMatch(name::endsWith)
          // a three-syllable full name is read by Nori as ordinary words as often as not (정의화
          // as 정의 + 화), and so is a surname before a title (박 as a gourd); 씨 follows names only
          || !title.equals("씨")
              && name.length() != 3
              && name.length() != 1
              && CommonWords.isCommon(name)) {
        continue;
      }
      if (title.equals("씨")) {
        found = m.group(2).isEmpty() ? name + "씨" : name;
      } else if (name.length() >= 2) {
        found = name;
      } else {
        found = name + " " + (m.group(3) == null ? "" : m.group(3) + " ") + title;
      }
      if (!last) {
        return found;
      }
    }
    return found;
  }

  private static final Set<String> TOPIC_PARTICLES = Set.of("은", "는", "이", "가");

  private static final Set<String> OFFICERS = Set.of("회장", "부회장", "사장", "대표");

  private static final Pattern PERSON =
      Pattern.compile(
          "(?<![\\p{IsHangul}A-Za-z0-9])(\\p{IsHangul}{1,4})(?:\\(\\d+[^)]*\\))?( ?)"
              + "(?:(전|현) )?"
              + "(대통령|국회의장|의장|회장|부회장|사장|장관|차관|의원|총리|원장|청장|총재|위원장|감독|선수|씨"
              + "|후보|후보자|당선인|당선자|도지사|지사|구청장|군수)"
              + "(은|는|이|가|의|도|에게|측은|을|를)(?=[\\s,.])");

  /**
   * Words no figure belongs to, whichever rule proposed them: an ordinary word ending in a metric
   * keyword ({@code 관리재정수지}, {@code 매출원가}, {@code 광고·판촉비}) or in the rate suffix 률/율 ({@code 보급률},
   * {@code 진도율}), and a predicate ({@code 비싼}, {@code 올랐는데}). Known names and words with an entity
   * cue are never rejected: Nori reads some company names as ordinary words.
   */
  /** A number with at most a short unit or counter after it ({@code 36,726명}, {@code 3.5%}). */
  /** Word forms of a share that the scanner reads as figures ({@code 절반이}, {@code 과반이}). */
  private static final Set<String> FRACTION_WORDS = Set.of("절반", "과반", "과반수");

  private static final Pattern AMOUNT = Pattern.compile("[0-9][0-9,.]*\\s*[^0-9\\s]{0,2}");

  /**
   * Last morphemes of expenses, fees and taxes ({@code 유류 + 비}, {@code 수수 + 료}, {@code 법인 + 세}).
   */
  private static final Set<String> MONEY_MORPHEMES = Set.of("비", "료", "세");

  boolean notAnOwner(String phrase) {
    if (phrase == null
        || phrase.isBlank()
        || isKnownName(phrase)
        || hasEntityCue(phrase)
        || isPlace(phrase)) {
      return false;
    }
    if (AMOUNT.matcher(phrase).matches() || FRACTION_WORDS.contains(phrase)) {
      return true; // 총 36,726명(69.88%)이 격리해제되어: a figure, not who it belongs to
    }
    String head = phrase.substring(phrase.lastIndexOf(' ') + 1);
    if (TITLES.contains(phrase) || isPeriodWord(head)) {
      return true; // 국회의장 alone (박 전 차관 names a person); 매년, 3분기
    }
    if (CommonWords.isCommon(head)
        && (head.length() >= 2 && (head.endsWith("률") || head.endsWith("율"))
            || endsInMetric(head)
            || MONEY_MORPHEMES.contains(String.valueOf(CommonWords.lastNounMorpheme(head))))) {
      return true; // 유류비, 수수료, 법인세: what is paid, not who
    }
    return phrase.indexOf(' ') < 0
        && !CommonWords.hasName(phrase)
        && CommonWords.endsAsPredicate(phrase);
  }

  private boolean endsInMetric(String word) {
    int[] cps = word.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      CodePointTrie.Match<AttributionLexicon.Metric> m = metrics.longestMatch(cps, i, cps.length);
      if (m != null && m.end() == cps.length) {
        return true;
      }
    }
    return false;
  }

  /** A stem containing a metric keyword (투자비, 월간 매출액) names a metric, not an owner. */
  private boolean isMetric(String stem) {
    int[] cps = stem.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      if (metrics.longestMatch(cps, i, cps.length) != null) {
        return true;
      }
    }
    return false;
  }

  private boolean isAcceptable(String stem) {
    String head = stem.substring(stem.lastIndexOf(' ') + 1);
    int space = stem.indexOf(' ');
    String first = space < 0 ? stem : stem.substring(0, space);
    if (TITLES.contains(head)
        || notSubjects.contains(stem)
        || notSubjects.contains(head)
        || notSubjects.contains(first)
        || head.endsWith("별")
        || isPerUnit(head)) {
      return false;
    }
    return stem.codePointCount(0, stem.length()) >= 2
        && !STOP.contains(stem)
        && !isPeriodWord(stem);
  }

  static boolean isPeriodWord(String w) {
    return w.endsWith("분기")
        || w.endsWith("반기")
        || w.endsWith("월") && w.length() <= 5 && Character.isDigit(w.charAt(0))
        || w.endsWith("년") && w.length() <= 5 && Character.isDigit(w.charAt(0))
        || w.equals("누적")
        || w.equals("이번")
        || w.equals("같은")
        || w.equals("기간")
        || w.equals("올해")
        || w.equals("지난해")
        || w.equals("올")
        || w.equals("작년")
        || w.equals("연간")
        || w.equals("내년")
        || w.equals("금년")
        || w.equals("다음")
        || w.equals("지난달")
        || w.equals("이달")
        || w.equals("전년")
        || EVERY_PERIOD.contains(w)
        || PERIOD_PARTS.contains(w);
  }

  /**
   * The name before a figure stands in a list: a comma closes the previous item or the name opens a
   * phrase after a topic such as 제품별로는 ({@code 신라면 950원, 진라면 850원}).
   */
  private static boolean isListed(int[] t, int s, int e, int floor) {
    return startsPhrase(t, floor, s) || clauseEndsBefore(t, floor, s);
  }

  /** A particle ends the word (FH16에는, 업체는): not a bare name. */
  private static boolean endsWithParticle(String w) {
    for (String particle :
        new String[] {"에는", "에서", "에게", "으로", "는", "은", "이", "가", "을", "를", "의", "에", "도"}) {
      if (w.length() > particle.length() + 1 && w.endsWith(particle)) {
        return true;
      }
    }
    return false;
  }

  /** Nori reads the word as a noun (한진, 롯데칠성), not as a verb form ending alike (오른, 늘어난). */
  private static boolean isNoun(String w) {
    return CommonWords.hasName(w) || CommonWords.isCommon(w);
  }

  static boolean isBareNoun(String w) {
    if (w.isEmpty() || NOT_NOUNS.contains(w)) {
      return false;
    }
    for (int k = 0; k < w.length(); k++) {
      char ch = w.charAt(k);
      boolean ok =
          KoreanNumberParser.isHangulSyllable(ch)
              || (ch >= 'A' && ch <= 'Z')
              || (ch >= 'a' && ch <= 'z')
              || ch == '·'
              || ch == '&';
      if (!ok) {
        return false;
      }
    }
    for (String ending : NON_NOUN_ENDINGS) {
      if (w.endsWith(ending)) {
        return false;
      }
    }
    int last = w.charAt(w.length() - 1);
    if ("을를에의와과도로서며고면던든했해된될할한인적들".indexOf(last) >= 0 && !w.endsWith("법인")) {
      return false;
    }
    if (last == '는' && w.length() >= 2 && hasFinalConsonant(w.charAt(w.length() - 2))) {
      return false; // 받는, 있는: a verb form (a noun takes 은 after a final consonant)
    }
    if (w.length() >= 2) {
      int prev = w.charAt(w.length() - 2);
      if ("은는이가".indexOf(last) >= 0 && isAsciiLetterOrDigit(prev)) {
        return false; // 삼성SDI는, 쿠팡Inc는: a particle after a Latin name
      }
      if ((last == '은' || last == '이') && hasFinalConsonant(prev)) {
        return false;
      }
      if ((last == '는' || last == '가')
          && KoreanNumberParser.isHangulSyllable(prev)
          && !hasFinalConsonant(prev)) {
        return false;
      }
    }
    return true;
  }
}
