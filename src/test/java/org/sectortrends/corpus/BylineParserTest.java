package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylineParserTest {

  /**
   * Columns: input body; expected outlet; expected reporter; expected body ('\n' written as \\n).
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      nullValues = "NULL",
      textBlock =
          """
      # bar prefix with and without outlet
      한빛경제 김민준 기자 | 반도체 수출이 석 달 연속 늘었다.;      한빛경제;     김민준;        반도체 수출이 석 달 연속 늘었다.
      김민준 기자 | 반도체 수출이 석 달 연속 늘었다.;               NULL;         김민준;        반도체 수출이 석 달 연속 늘었다.
      한빛경제 김민준 기자ㅣ배터리 업황이 살아났다.;               한빛경제;     김민준;        배터리 업황이 살아났다.
      누리 경제신문 박서윤 특파원 | 뉴욕 증시가 올랐다.;             누리 경제신문; 박서윤;        뉴욕 증시가 올랐다.
      한빛경제 정하늘 선임기자 | 통신 요금이 내렸다.;               한빛경제;     정하늘;        통신 요금이 내렸다.
      # bracket prefix
      [한빛경제 김민준 기자] 클라우드 매출이 두 배가 됐다.;          한빛경제;     김민준;        클라우드 매출이 두 배가 됐다.
      [김민준 기자] 클라우드 매출이 두 배가 됐다.;                   NULL;         김민준;        클라우드 매출이 두 배가 됐다.
      [ 김민준 기자 ]클라우드 매출이 두 배가 됐다.;                  NULL;         김민준;        클라우드 매출이 두 배가 됐다.
      # wire-service prefix
      (서울=누리통신) 이서연 기자 = 코스피가 2% 올랐다.;             누리통신;     이서연;        코스피가 2% 올랐다.
      (부산=누리통신) 이서연 특파원= 조선 수주가 늘었다.;             누리통신;     이서연;        조선 수주가 늘었다.
      # several reporters
      한빛경제 김민준·이서연 기자 | 전기차 판매가 줄었다.;           한빛경제;     김민준·이서연; 전기차 판매가 줄었다.
      [김민준, 이서연 기자] 전기차 판매가 줄었다.;                   NULL;         김민준, 이서연; 전기차 판매가 줄었다.
      # trailing byline lines
      전기차 판매가 줄었다.\\n김민준 기자 minjun@example.com;          NULL;         김민준;        전기차 판매가 줄었다.
      전기차 판매가 줄었다.\\n한빛경제 김민준 기자 minjun@example.com; 한빛경제;     김민준;        전기차 판매가 줄었다.
      전기차 판매가 줄었다.\\n김민준 기자 (minjun@example.com);        NULL;         김민준;        전기차 판매가 줄었다.
      전기차 판매가 줄었다.\\n한빛경제 김민준 기자(minjun.kim@example.co.kr); 한빛경제; 김민준;      전기차 판매가 줄었다.
      전기차 판매가 줄었다. 김민준 기자 minjun@example.com;            NULL;         김민준;        전기차 판매가 줄었다.
      판매가 줄었다고 밝혔다 김민준 기자 minjun@example.com;           NULL;         김민준;        판매가 줄었다고 밝혔다
      전기차 판매가 줄었다.\\n김민준·이서연 기자 team@example.com;     NULL;         김민준·이서연; 전기차 판매가 줄었다.
      첫 문단이다.\\n둘째 문단이다.\\n김민준 기자 minjun@example.com;   NULL;         김민준;        첫 문단이다.\\n둘째 문단이다.
      # prefix and trailing line together: the prefix names the reporter, the trailing line is removed
      김민준 기자 | 전기차 판매가 줄었다.\\n한빛경제 김민준 기자 minjun@example.com; 한빛경제; 김민준; 전기차 판매가 줄었다.
      """)
  void findsBylines(String input, String outlet, String reporter, String body) {
    Byline byline = BylineParser.parse(unescape(input));
    assertEquals(outlet, byline.outlet(), "outlet");
    assertEquals(reporter, byline.reporter(), "reporter");
    assertEquals(unescape(body), byline.body(), "body");
    assertTrue(byline.found());
  }

  /** Bodies without a byline, including ones that merely mention a reporter: returned unchanged. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "반도체 수출이 석 달 연속 늘었다.",
        "김민준 기자가 현장에서 확인한 결과 공장은 멈춰 있었다.",
        "업계는 김민준 기자의 보도 이후 대책을 내놨다. 한빛경제 보도에 따르면 매출은 늘었다.",
        "문의는 김민준 기자 minjun@example.com 으로 하면 된다고 회사는 밝혔다.",
        "[단독] 전기차 판매가 줄었다.",
        "(서울=누리통신) 코스피가 2% 올랐다.",
        "한빛경제 | 반도체 수출이 늘었다.",
        "기자 | 이름 없는 기자 표기",
        "연락처: minjun@example.com",
        "a < b 이고 가격은 ㅣ 표시로 나뉜다."
      })
  void leavesBodiesWithoutBylineUnchanged(String body) {
    Byline byline = BylineParser.parse(body);
    assertNull(byline.outlet());
    assertNull(byline.reporter());
    assertEquals(body, byline.body());
    assertFalse(byline.found());
  }

  @Test
  void mentionOfReporterMidTextIsNotCutWhenBylineFollows() {
    String body = "김민준 기자가 취재했다. 공장 가동률은 90%였다.\n이서연 기자 seoyeon@example.com";
    Byline byline = BylineParser.parse(body);
    assertEquals("이서연", byline.reporter());
    assertEquals("김민준 기자가 취재했다. 공장 가동률은 90%였다.", byline.body());
  }

  @Test
  void sentenceEndIsNotTakenForAnOutlet() {
    Byline byline = BylineParser.parse("공장 가동률은 90%였다.\n끝났다. 김민준 기자 minjun@example.com");
    assertNull(byline.outlet());
    assertEquals("김민준", byline.reporter());
    assertEquals("공장 가동률은 90%였다.\n끝났다.", byline.body());
  }

  @Test
  void bodyThatIsOnlyATrailingBylineBecomesEmpty() {
    Byline plain = BylineParser.parse("김민준 기자 minjun@example.com");
    assertEquals("김민준", plain.reporter());
    assertEquals("", plain.body());
    Byline withOutlet = BylineParser.parse("한빛경제 김민준 기자 minjun@example.com");
    assertEquals("한빛경제", withOutlet.outlet());
    assertEquals("김민준", withOutlet.reporter());
    assertEquals("", withOutlet.body());
  }

  @Test
  void nullAndEmptyBodies() {
    assertEquals(Byline.none(null), BylineParser.parse(null));
    assertEquals(Byline.none(""), BylineParser.parse(""));
  }

  private static String unescape(String s) {
    return s == null ? null : s.replace("\\n", "\n");
  }
}
