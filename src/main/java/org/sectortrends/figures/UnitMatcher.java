package org.sectortrends.figures;

import static org.sectortrends.figures.ScanText.isAlnum;
import static org.sectortrends.figures.ScanText.isLatin;
import static org.sectortrends.figures.ScanText.isParticle;
import static org.sectortrends.figures.ScanText.startsWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.sectortrends.figures.CodePointTrie.Match;
import org.sectortrends.figures.KoreanNumberParser.Parsed;
import org.sectortrends.figures.UnitLexicon.Kind;
import org.sectortrends.figures.UnitLexicon.Unit;

/**
 * Decides the unit of a number found by {@link FigureScanner}: the unit word after it (glued or
 * after one space), a unit implied by the words before it, and the unit written to the table.
 *
 * <ul>
 *   <li>A unit ending in a Hangul syllable must end the word or be followed by a particle: {@code
 *       3조원의} is money, {@code 3원칙} is not ({@link #unitAt}).
 *   <li>{@code 3 대 1} is a score, not three machines; {@code 20대 여성} an age group ({@link
 *       #isAgeGroup}).
 *   <li>{@code 매출 3조를 돌파}: 억 or larger with no unit after a money keyword is money, in the currency
 *       of the previous money figure nearby, else won ({@link #impliedMoney}); {@code 가입자 3천만 돌파}
 *       is a count ({@link #impliedCount}).
 *   <li>{@code 원인 것으로}: the unit 원 before the copula 인, hidden by the rejected word 원인 ({@link
 *       #beforeCopula}).
 *   <li>{@code 포인트} is a percentage point after a rate, else an index point; {@code ¥} is yuan
 *       beside 위안 or 중국 ({@link #tableUnit}).
 * </ul>
 *
 * <p>Known weakness: context words are looked up in a fixed window of code points, not in the
 * sentence, so a keyword of the previous sentence can still count. Immutable and thread-safe.
 */
final class UnitMatcher {

  /** Radius, in code points, of the context a currency needs ({@code 페소} beside 멕시코). */
  static final int CONTEXT = 150;

  /** How far before a number a money or count keyword may stand. */
  private static final int KEYWORD_WINDOW = 12;

  private static final String[] AGE_NOUNS = {
    "여성", "남성", "여자", "남자", "남녀", "청년", "중년", "노인", "직장인", "회사원", "주부", "가장", "환자", "부부",
    "이상", "이하", "초반", "중반", "후반", "연령", "층", "자녀", "아들", "딸", "엄마", "아빠", "가구주", "취업자",
    "미혼", "기혼", "인구", "운전자", "배우", "가수", "씨",
  };

  private final UnitLexicon units;

  /** Money metric keywords (매출, 영업이익, 투자 ...) after which 억/조 alone means money. */
  private final CodePointTrie<Boolean> moneyWords = new CodePointTrie<>();

  /** Metric keywords of numbers of people or things (가입자, 이용자): 3천만 alone after them is a count. */
  private final CodePointTrie<Boolean> countWords = new CodePointTrie<>();

  private final KoreanNumberParser.UnitProbe probe;

  UnitMatcher(UnitLexicon units, Lexicons lexicons) {
    this.units = units;
    for (String[] row : lexicons.rows(Lexicons.METRICS, 2)) {
      if (row.length > 3 && row[3].equalsIgnoreCase("yes")) {
        moneyWords.put(row[0], Boolean.TRUE);
      }
      if (row.length > 4 && row[4].equalsIgnoreCase("yes")) {
        countWords.put(row[0], Boolean.TRUE);
      }
    }
    this.probe =
        new KoreanNumberParser.UnitProbe() {
          @Override
          public boolean unitAt(int[] t, int pos, int limit) {
            Match<Unit> m = UnitMatcher.this.unitAt(t, pos, limit, false);
            return m != null && !m.value().isReject();
          }

          @Override
          public boolean wordAt(int[] t, int pos, int limit) {
            Match<Unit> m = units.suffixAt(t, pos, limit);
            return m != null && m.end() - pos >= 2;
          }
        };
  }

  /** What the number parser asks while reading a number: does a unit or a unit word start here? */
  KoreanNumberParser.UnitProbe probe() {
    return probe;
  }

  /**
   * The unit word at {@code p}, glued or after one space. A unit ending in a Hangul syllable must
   * end the word (or be followed by a particle), so 원칙 is not 원 and 대학 is not 대. Rejected words
   * ({@code 년}, {@code 위}) are returned as they are.
   */
  Match<Unit> unitAt(int[] t, int p, int n, boolean allowSpace) {
    Match<Unit> m = units.suffixAt(t, p, n);
    if (m == null && allowSpace && p < n && t[p] == ' ') {
      m = units.suffixAt(t, p + 1, n);
    }
    if (m == null || m.value().isReject()) {
      return m;
    }
    int e = m.end();
    int last = t[e - 1];
    if (KoreanNumberParser.isHangulSyllable(last)
        && e < n
        && KoreanNumberParser.isHangulSyllable(t[e])
        && !isParticle(t[e])) {
      return null;
    }
    if (isLatin(last) && e < n && isAlnum(t[e])) {
      return null;
    }
    if (m.value().kind() == Kind.COUNT && "대".equals(m.value().counter())) {
      int r = KoreanNumberParser.skipSpace(t, e, n);
      if (r < n && KoreanNumberParser.isAsciiDigit(t[r])) {
        return null; // 3 대 1 is a score
      }
    }
    return m;
  }

  /** True when a currency word starts at {@code p} (천원: a lone 천 may be a number before it). */
  boolean currencyAt(int[] t, int p) {
    Match<Unit> m = unitAt(t, p, t.length, false);
    return m != null && m.value().kind() == Kind.CURRENCY;
  }

  /** The currency symbol or code before a number at {@code i} ({@code $}, {@code US$}), or null. */
  Match<Unit> prefixAt(int[] t, int i) {
    return units.prefixAt(t, i, t.length);
  }

  boolean mayStartPrefix(int codePoint) {
    return units.mayStartPrefix(codePoint);
  }

  /**
   * The unit itself or, for a currency whose context word is missing, the next currency of the same
   * surface whose word is present ({@code 페소}: MXN beside 멕시코, PHP beside 필리핀); null when none is
   * allowed.
   */
  Unit allowedInContext(int[] t, int at, Unit unit) {
    return units.firstAllowed(
        unit, u -> u.requires() == null || ScanText.windowContains(t, at, CONTEXT, u.requires()));
  }

  /**
   * The unit code of the figure: {@code 포인트} after a rate is {@code percent_point}, a {@code ¥}
   * figure beside 위안 or 중국 is {@code CNY}; otherwise the unit's own code.
   */
  String tableUnit(int[] t, int spanStart, Unit unit) {
    if (unit.kind() == Kind.POINT) {
      return rateContext(t, spanStart) ? Kind.PERCENT_POINT.fixedCode() : Kind.POINT.fixedCode();
    }
    if (unit.kind() == Kind.CURRENCY
        && unit.code().equals("JPY")
        && t[spanStart] == '¥'
        && ScanText.windowContains(t, spanStart, CONTEXT, "위안", "중국")) {
      return "CNY";
    }
    return unit.code();
  }

  /** The value in the table unit: basis points become percentage points; null stays null. */
  static BigDecimal tableValue(Unit unit, BigDecimal value) {
    if (value == null || unit.kind() != Kind.BASIS_POINT) {
      return value;
    }
    return value.movePointLeft(2);
  }

  /**
   * 포인트 after a rate (금리, 점유율, a % figure earlier in the sentence) is a percentage point; otherwise
   * (코스피 30포인트) it is an index point. Looks back to the start of the sentence.
   */
  private static boolean rateContext(int[] t, int at) {
    int from = Math.max(0, at - 60);
    for (int i = at - 1; i >= from; i--) {
      int c = t[i];
      if (c == '.' && i + 1 < at && t[i + 1] == ' ') {
        return false; // the previous sentence ended
      }
      if (c == '%' || c == '률' || c == '율') {
        return true;
      }
      if (c == '금' && i + 1 < at && t[i + 1] == '리') {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code 원인 것으로}, {@code 원인지}: the unit followed by the copula 인, which the rejected word {@code
   * 원인} (cause) hides. Only right after a number, and only before 것, 셈, 데, 만큼 or the endings 지/데/가;
   * returns the unit without the 인, or null.
   */
  Match<Unit> beforeCopula(int[] t, int p, Match<Unit> rejected) {
    int e = rejected.end();
    if (t[e - 1] != '인') {
      return null;
    }
    int from = p < t.length && t[p] == ' ' ? p + 1 : p;
    Match<Unit> shorter = units.suffixAt(t, from, e - 1);
    if (shorter == null || shorter.end() != e - 1 || shorter.value().isReject()) {
      return null;
    }
    int n = t.length;
    boolean copula =
        e >= n
            || !KoreanNumberParser.isHangulSyllable(t[e]) && t[e] != ' '
            || t[e] == '지'
            || t[e] == '데'
            || t[e] == '가';
    if (!copula && t[e] == ' ') {
      int q = e + 1;
      copula =
          startsWith(t, q, "것")
              || startsWith(t, q, "셈")
              || startsWith(t, q, "데")
              || startsWith(t, q, "만큼")
              || startsWith(t, q, "상태")
              || startsWith(t, q, "수준");
    }
    return copula ? shorter : null;
  }

  /**
   * {@code 매출 3조를 돌파}: a number with 억 or larger and no unit, right after a money metric keyword,
   * is money in the currency of the previous money figure nearby ({@code found} so far), else won.
   */
  Unit impliedMoney(int[] t, int start, int end, Parsed parsed, List<Candidate> found) {
    if (!parsed.arabic()
        || parsed.lowestLargeExponent() < 8
        || (end < t.length && (KoreanNumberParser.isAsciiDigit(t[end]) || isLatin(t[end])))) {
      return null;
    }
    int from = Math.max(0, start - KEYWORD_WINDOW);
    boolean money = false;
    for (int i = from; i < start && !money; i++) {
      if (t[i] == '.' || t[i] == '\n') {
        from = i + 1;
      }
      Match<Boolean> m = moneyWords.longestMatch(t, i, start);
      money = m != null && i >= from;
    }
    if (!money) {
      // 외국인 1조 순매수, 1조 매출: the money keyword as the next word
      int q = end < t.length && t[end] == ' ' ? end + 1 : end;
      Match<Boolean> after = q < t.length ? moneyWords.longestMatch(t, q, t.length) : null;
      money = after != null && q > end;
    }
    if (!money) {
      return null;
    }
    String currency = "KRW";
    if (!found.isEmpty()) {
      Candidate previous = found.get(found.size() - 1);
      if (previous.isCurrency() && start - previous.end < CONTEXT) {
        currency = previous.unit;
      }
    }
    return new Unit(Kind.CURRENCY, currency, null, null, false);
  }

  /**
   * {@code 878억이 소비된}, {@code 5억 민사소송}, {@code 2천억 시리즈C 유치}: a number that ends in 억 or 조, with no
   * unit and no keyword of a count before it, is an amount of won, as Korean news writes sums of
   * money without their currency. Not when a noun of people or things follows ({@code 14억 인구},
   * {@code 1억 뷰}, {@code 46억 년}), nor when other letters are glued to it.
   */
  Unit impliedWon(int[] t, int start, int end, Parsed parsed) {
    if (!parsed.arabic() || parsed.lowestLargeExponent() < 8 || end == 0 || t[end - 1] != '억') {
      return null;
    }
    int q = end;
    while (q < t.length && KoreanNumberParser.isHangulSyllable(t[q])) {
      q++;
    }
    String glued = new String(t, end, q - end);
    if (!glued.isEmpty() && !AMOUNT_PARTICLES.contains(glued)) {
      return null;
    }
    if (q < t.length && (KoreanNumberParser.isAsciiDigit(t[q]) || isLatin(t[q]))) {
      return null;
    }
    if (glued.isEmpty() && q < t.length && t[q] == ' ') {
      int w = q + 1;
      int e = w;
      while (e < t.length && KoreanNumberParser.isHangulSyllable(t[e])) {
        e++;
      }
      String next = new String(t, w, e - w);
      for (String noun : NOT_AMOUNT_NOUNS) {
        if (next.startsWith(noun)) {
          return null;
        }
      }
    }
    return new Unit(Kind.CURRENCY, "KRW", null, null, false);
  }

  /** Particles and endings that may follow a bare amount of won. */
  private static final Set<String> AMOUNT_PARTICLES =
      Set.of(
          "이", "가", "을", "를", "은", "는", "의", "에", "으로", "로", "도", "만", "이나", "까지", "씩", "가량", "정도",
          "이다", "이며", "이고", "에서", "으로부터", "에는", "에도", "이상", "이하", "미만", "대로");

  /** Nouns after a bare number with 억 or 조 that make it a count or a length of time, not won. */
  private static final List<String> NOT_AMOUNT_NOUNS =
      List.of(
          "인구", "인", "명", "국민", "중국인", "인도인", "뷰", "회", "년", "광년", "마리", "그루", "개", "장", "권", "표",
          "주", "가구", "세대", "건", "배럴", "톤", "킬로", "도", "분", "초", "시간", "일", "달", "개월", "주년", "번",
          "차례", "바이트", "화소", "픽셀", "단어", "글자", "자", "쪽", "줄", "곳", "대", "척", "벌", "켤레", "알", "병",
          "잔", "포기");

  /**
   * {@code 가입자 3천만 돌파}, {@code 이용자는 2천500만을 넘었다}: a number with 만 or larger and no unit shortly
   * after a keyword of a count metric (column 5 of metrics.tsv) is a count without a counter.
   */
  Unit impliedCount(int[] t, int start, int end, Parsed parsed) {
    if (!parsed.arabic()
        || parsed.lowestLargeExponent() < 4
        || end < t.length && (KoreanNumberParser.isAsciiDigit(t[end]) || isLatin(t[end]))) {
      return null;
    }
    int from = Math.max(0, start - KEYWORD_WINDOW);
    for (int i = start - 1; i >= from; i--) {
      if (t[i] == '.' || t[i] == '\n' || t[i] == ',') {
        from = i + 1;
        break;
      }
    }
    for (int i = from; i < start; i++) {
      if (countWords.longestMatch(t, i, start) != null) {
        return Unit.of(Kind.COUNT);
      }
    }
    return null;
  }

  /** {@code 20대 여성}, {@code 30~40대 남성}: an age group, not twenty machines. */
  static boolean isAgeGroup(
      int[] t,
      BigDecimal value,
      BigDecimal high,
      int numberEnd,
      Parsed parsed,
      Unit unit,
      int unitEnd) {
    if (unit.kind() != Kind.COUNT
        || !"대".equals(unit.counter())
        || parsed.lowestLargeExponent() >= 0
        || t[unitEnd - 1] != '대'
        || unitEnd - 1 != numberEnd) {
      return false;
    }
    if (!isDecade(value) || high != null && !isDecade(high)) {
      return false;
    }
    int q = KoreanNumberParser.skipSpace(t, unitEnd, t.length);
    for (String noun : AGE_NOUNS) {
      if (startsWith(t, q, noun)) {
        return true;
      }
    }
    // 30대 A씨: a person described by age group
    return q + 1 < t.length && isLatin(t[q]) && t[q + 1] == '씨';
  }

  private static boolean isDecade(BigDecimal v) {
    int i = v.intValue();
    return v.scale() <= 0 && i >= 10 && i <= 90 && i % 10 == 0;
  }
}
