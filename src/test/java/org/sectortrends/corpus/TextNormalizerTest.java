package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextNormalizerTest {

  @Test
  void composesDecomposedHangulJamo() {
    String composed = "반도체 수출이 늘었다";
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
    assertTrue(decomposed.length() > composed.length(), "the test input must really be decomposed");
    assertEquals(composed, TextNormalizer.normalizeBody(decomposed));
    assertEquals(composed, TextNormalizer.normalizeLine(decomposed));
  }

  @Test
  void nullStaysNullAndBlankBecomesEmpty() {
    assertNull(TextNormalizer.normalizeBody(null));
    assertNull(TextNormalizer.normalizeLine(null));
    assertEquals("", TextNormalizer.normalizeBody(" \t\n \u200B\uFEFF "));
    assertEquals("", TextNormalizer.normalizeLine(""));
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        // full-width digits, signs and brackets
        Arguments.of("영업이익 １２３％ 증가", "영업이익 123% 증가"),
        Arguments.of("（주）한빛전자", "(주)한빛전자"),
        Arguments.of("ＡＩ　반도체", "AI 반도체"), // ideographic space too
        Arguments.of("가격＄５，０００", "가격$5,000"),
        // control, zero-width, soft hyphen, byte-order mark
        Arguments.of("반\u200B도체", "반도체"),
        Arguments.of("\uFEFF클라우드 매출", "클라우드 매출"),
        Arguments.of("배터\u00ADri", "배터ri"),
        Arguments.of("전\u0000기\u0007차", "전기차"),
        Arguments.of("통\u200C신\u200D사\u2060", "통신사"),
        Arguments.of("금리\u0085인상", "금리\n인상"), // NEL is a line break
        // whitespace
        Arguments.of("  삼중   공백\t\t탭  ", "삼중 공백 탭"),
        Arguments.of("첫 줄\r\n둘째 줄", "첫 줄\n둘째 줄"),
        Arguments.of("첫 문단\n\n\n\n둘째 문단", "첫 문단\n둘째 문단"),
        Arguments.of("문단 끝   \n   다음 문단", "문단 끝\n다음 문단"),
        Arguments.of("\n\n앞뒤 빈 줄\n\n", "앞뒤 빈 줄"),
        Arguments.of("\u00A0줄바꿈 없는\u00A0공백\u2003", "줄바꿈 없는 공백"),
        // HTML
        Arguments.of("<p>첫 문단</p><p>둘째 문단</p>", "첫 문단\n둘째 문단"),
        Arguments.of("한 줄<br>다음 줄<br/>셋째 줄<BR />끝", "한 줄\n다음 줄\n셋째 줄\n끝"),
        Arguments.of("<div class=\"body\"><b>굵게</b> 쓴 글</div>", "굵게 쓴 글"),
        Arguments.of("R&amp;D 투자", "R&D 투자"),
        Arguments.of("&#49;&#x31;&#X32;위", "112위"),
        Arguments.of("삼성&nbsp;&nbsp;전자", "삼성 전자"),
        Arguments.of("&lt;속보&gt; &quot;상승&quot;", "<속보> \"상승\""),
        Arguments.of("&unknownent; 유지", "&unknownent; 유지"),
        Arguments.of("본문<script type=\"text/javascript\">var a = 1 < 2;</script> 계속", "본문 계속"),
        Arguments.of("<style>p { color: red; }</style>기사 본문", "기사 본문"),
        Arguments.of("<SCRIPT>alert('x')</SCRIPT>본문", "본문"),
        Arguments.of("<!-- 주석 -->본문", "본문"),
        // kept as they are
        Arguments.of("a < b 이고 c > d", "a < b 이고 c > d"),
        Arguments.of("면적 84㎡ 아파트", "면적 84㎡ 아파트"),
        Arguments.of("① 첫째 ② 둘째", "① 첫째 ② 둘째"),
        Arguments.of("AT&T 와 P&G", "AT&T 와 P&G"),
        Arguments.of("이모지 😀 유지", "이모지 😀 유지"));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void normalizesBodies(String input, String expected) {
    assertEquals(expected, TextNormalizer.normalizeBody(input));
  }

  @ParameterizedTest
  @MethodSource("bodies")
  void lineFormIsTheBodyFormWithBreaksAsSpaces(String input, String expectedBody) {
    assertEquals(expectedBody.replace('\n', ' '), TextNormalizer.normalizeLine(input));
  }

  @Test
  void lineFormNeverContainsBreaks() {
    String line = TextNormalizer.normalizeLine("제목\r\n부제\u2028다른 줄\u2029끝\n");
    assertEquals("제목 부제 다른 줄 끝", line);
    assertFalse(line.contains("\n"));
  }

  @Test
  void isIdempotent() {
    bodies()
        .forEach(
            a -> {
              String once = TextNormalizer.normalizeBody((String) a.get()[0]);
              // Entity decoding may reveal text like "<속보>" that looks like a tag; the expected
              // forms above do not, so a second pass changes nothing.
              if (!once.contains("<")) {
                assertEquals(once, TextNormalizer.normalizeBody(once));
              }
            });
  }
}
