package org.sectortrends.figures;

import java.util.Set;

/**
 * Finds who a figure belongs to without a tagger, from Korean particles alone.
 *
 * <ul>
 *   <li>{@link #beforeMetric}: the noun phrase right before a metric keyword
 *       ({@code 소프트웨어 산업 매출은} gives {@code 소프트웨어 산업}; {@code 알리바바의 3분기 매출은}
 *       gives {@code 알리바바}, skipping period words).</li>
 *   <li>{@link #topic}: the first word of a sentence marked with a topic or subject particle
 *       (은/는/이/가, checked against the final consonant so that {@code 화웨이} keeps its 이),
 *       with up to two bare nouns before it ({@code 중국 소프트웨어 시장이}). {@code 화웨이(华为, Huawei)가} yields {@code 화웨이}.</li>
 * </ul>
 * Generic words (회사 측, 전문가, 이는, 업계) and metric keywords are never subjects. Segment
 * heads ({@code 클라우드 부문}) are reported as segments so the caller can keep the company.
 *
 * <p>Known weaknesses: without morphology a noun ending in a particle-like syllable
 * ({@code 인도}) ends a noun phrase early; clauses with two companies take the first one.
 */
final class SubjectFinder {

    private static final Set<String> STOP = Set.of(
            "이", "그", "이는", "그는", "이들", "이것", "그것", "이번", "이날", "회사", "회사 측", "측", "관계자", "전문가",
            "업계", "업계 관계자", "당국", "결과", "이유", "것", "수", "때", "점", "등", "목표", "계획", "수요", "흐름",
            "영향", "경쟁", "전망", "수준", "방식", "가능성", "문제", "상황", "경우", "기간", "같은 기간", "올해", "지난해",
            "시장", "기업", "정부 관계자", "이용자", "소비자", "투자자", "분석", "설명", "평가", "우려", "기대", "변화",
            "성장", "증가", "감소", "확대", "규모", "비중", "실적", "가격", "전략", "구조", "방안", "정책", "조치",
            "관련", "최근", "현재", "한편", "특히", "또", "또한", "다만", "하지만", "그러나", "이에", "이어", "이후",
            "시스템", "프로젝트", "모델", "서비스", "제품", "기술", "사업", "업체", "기관", "단위");
    /** People are quoted, they do not own figures: a phrase ending in a title is no subject. */
    private static final Set<String> TITLES = Set.of(
            "CEO", "CFO", "최고경영자", "회장", "부회장", "대표", "사장", "부사장", "장관", "차관", "대통령", "총리", "의원",
            "위원장", "관계자", "연구원", "애널리스트", "교수", "기자", "대변인", "씨", "청장", "원장", "행장", "총재");
    private static final Set<String> SEGMENT_HEADS = Set.of("부문", "사업부", "사업부문", "분야", "사업", "부", "측", "기준");
    /** Modifiers that qualify a metric (월간 이용자, 연결 기준 매출) and never name its owner. */
    private static final Set<String> MODIFIERS = Set.of(
            "월간", "연간", "일간", "하루", "평균", "일평균", "누적", "합산", "전체", "총", "연결", "별도", "기준", "유료",
            "무료", "신규", "기존", "순", "실질", "명목", "국내", "해외", "분기", "반기", "월", "주간", "최근", "잠정");
    private static final Set<String> NOT_NOUNS = Set.of(
            "이번", "같은", "지난", "올해", "지난해", "따르면", "및", "또", "한편", "특히", "이어", "등", "약", "총", "중",
            "모두", "각각", "전년", "동기", "대비", "이날", "현재", "당시", "해당", "관련", "이", "그", "각", "이런", "그런",
            "저", "또한", "다만", "최근", "향후", "앞으로", "다음", "직전", "내년", "작년", "올", "함께", "따라", "통해",
            "위해", "대해", "관련해", "비해", "의해", "가장", "더", "매우", "모든", "여러", "많은");
    /** Endings of particles and connectives that end a noun phrase (서울로부터, 했으나). */
    private static final String[] NON_NOUN_ENDINGS = {"부터", "까지", "에서", "으로", "에게", "께서", "라고", "다고", "으나", "지만", "면서"};

    /** Final syllables of verb and adjective stems before the adnominal endings 은/는. */
    private static final String VERB_STEM_ENDINGS = "하되있없같많높낮크작좋않했됐였다겠렸졌봤왔갔";

    /** A noun phrase found before a metric keyword; {@code segment} when it names a division. */
    record Phrase(String text, boolean segment) {}

    private final CodePointTrie<AttributionLexicon.Metric> metrics;

    SubjectFinder(CodePointTrie<AttributionLexicon.Metric> metrics) {
        this.metrics = metrics;
    }

    static boolean hasFinalConsonant(int syllable) {
        return KoreanNumberParser.isHangulSyllable(syllable) && (syllable - 0xAC00) % 28 != 0;
    }

    /** The noun phrase ending right before {@code keywordStart}, or null. */
    Phrase beforeMetric(int[] t, int floor, int keywordStart) {
        String phrase = "";
        int words = 0;
        int p = keywordStart;
        if (p > floor && t[p - 1] != ' ') {
            // keyword glued to a noun (클라우드매출): the noun is the phrase
            int s = p;
            while (s > floor && t[s - 1] != ' ') {
                s--;
            }
            String glued = new String(t, s, p - s);
            if (isBareNoun(glued)) {
                phrase = glued;
                words++;
            }
            p = s;
        }
        while (words < 3 && p > floor) {
            int e = p;
            while (e > floor && t[e - 1] == ' ') {
                e--;
            }
            int s = e;
            while (s > floor && t[s - 1] != ' ') {
                s--;
            }
            if (s == e) {
                break;
            }
            String w = new String(t, s, e - s);
            p = s;
            if (isPeriodWord(w)) {
                continue;
            }
            if (w.length() > 1 && w.endsWith("의")) {
                String stem = stripParen(w.substring(0, w.length() - 1));
                if (!isAcceptable(stem)) {
                    break;
                }
                String owner = withoutModifiers(phrase.isEmpty() ? stem : stem + " " + phrase);
                return owner.isEmpty() ? null : new Phrase(owner, false);
            }
            if (!isBareNoun(w)) {
                break;
            }
            phrase = phrase.isEmpty() ? w : w + " " + phrase;
            words++;
        }
        phrase = withoutModifiers(phrase);
        if (phrase.isEmpty()) {
            return null;
        }
        String head = phrase.substring(phrase.lastIndexOf(' ') + 1);
        boolean segment = SEGMENT_HEADS.contains(head);
        if (!segment && !isAcceptable(phrase)) {
            return null;
        }
        return new Phrase(phrase, segment);
    }

    /** The first subject- or topic-marked noun phrase in [from, to), or null. */
    String topic(int[] t, int from, int to) {
        return topic(t, from, to, false);
    }

    /**
     * The first (or, with {@code last}, the nearest to {@code to}) subject- or topic-marked noun
     * phrase in [from, to): a figure belongs to the nearest one of its own sentence
     * ({@code A는 4조원, B는 3조원}), an article to the first one of a sentence.
     */
    String topic(int[] t, int from, int to, boolean last) {
        String found = null;
        int i = from;
        while (i < to) {
            while (i < to && t[i] == ' ') {
                i++;
            }
            int s = i;
            while (i < to && t[i] != ' ') {
                i++;
            }
            if (i == s) {
                break;
            }
            String stem = markedStem(t, s, i, from, false);
            if (stem == null || isMetric(stem) || isPeriodWord(stem)) {
                continue;
            }
            String np = stem;
            int words = 0;
            int p = s;
            while (words < 2 && p > from) {
                int e = p;
                while (e > from && t[e - 1] == ' ') {
                    e--;
                }
                int b = e;
                while (b > from && t[b - 1] != ' ') {
                    b--;
                }
                if (b == e) {
                    break;
                }
                String w = new String(t, b, e - b);
                if (!isBareNoun(w) || isPeriodWord(w)) {
                    break;
                }
                np = w + " " + np;
                words++;
                p = b;
            }
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
            while (b > floor && t[b - 1] != ' ') {
                b--;
            }
            return open > b ? new String(t, b, open - b) : null;
        }
        boolean marked = switch (particle) {
            case '은', '이' -> hasFinalConsonant(before);
            case '는', '가' -> KoreanNumberParser.isHangulSyllable(before) && !hasFinalConsonant(before)
                    || (before >= 'A' && before <= 'Z');
            case '의' -> possessive;
            default -> false;
        };
        if (!marked) {
            return null;
        }
        String stem = new String(t, s, e - 1 - s);
        if (stem.codePointCount(0, stem.length()) < 2 || VERB_STEM_ENDINGS.indexOf(stem.charAt(stem.length() - 1)) >= 0) {
            return null; // 높은, 증가하는, 있다는: adnominal verb forms, not a marked noun
        }
        for (String adverbial : new String[] {"에서", "에게", "에", "으로", "로", "까지", "부터", "와", "과", "도", "만"}) {
            if (stem.endsWith(adverbial) && stem.length() > adverbial.length()) {
                return null; // 시장에서는, 업계에서도: a place or scope, not the subject
            }
        }
        for (int k = 0; k < stem.length(); k++) {
            char ch = stem.charAt(k);
            if (Character.isDigit(ch) || ch == '"' || ch == '\'' || ch == '“' || ch == '‘') {
                return null;
            }
        }
        return stem;
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

    private static boolean isAcceptable(String stem) {
        String head = stem.substring(stem.lastIndexOf(' ') + 1);
        if (TITLES.contains(head)) {
            return false;
        }
        return stem.codePointCount(0, stem.length()) >= 2 && !STOP.contains(stem) && !isPeriodWord(stem);
    }

    static boolean isPeriodWord(String w) {
        return w.endsWith("분기") || w.endsWith("반기") || w.endsWith("월") && w.length() <= 5 && Character.isDigit(w.charAt(0))
                || w.endsWith("년") && w.length() <= 5 && Character.isDigit(w.charAt(0))
                || w.equals("누적") || w.equals("이번") || w.equals("같은") || w.equals("기간") || w.equals("올해")
                || w.equals("지난해") || w.equals("올") || w.equals("작년") || w.equals("연간") || w.equals("내년")
                || w.equals("금년") || w.equals("다음") || w.equals("지난달") || w.equals("이달") || w.equals("전년");
    }

    static boolean isBareNoun(String w) {
        if (w.isEmpty() || NOT_NOUNS.contains(w)) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            char ch = w.charAt(k);
            boolean ok = KoreanNumberParser.isHangulSyllable(ch) || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')
                    || ch == '·' || ch == '&';
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
        if ("을를에의와과도로서며고면던든했해된될할한인적들".indexOf(last) >= 0) {
            return false;
        }
        if (w.length() >= 2) {
            int prev = w.charAt(w.length() - 2);
            if ((last == '은' || last == '이') && hasFinalConsonant(prev)) {
                return false;
            }
            if ((last == '는' || last == '가') && KoreanNumberParser.isHangulSyllable(prev) && !hasFinalConsonant(prev)) {
                return false;
            }
        }
        return true;
    }
}
