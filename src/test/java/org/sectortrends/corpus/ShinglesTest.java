package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShinglesTest {

  private static final String ARTICLE =
      "국내 반도체 수출이 석 달 연속 늘었다. 산업통상자원부에 따르면 지난달 반도체 수출액은 "
          + "120억 달러로 지난해 같은 달보다 15% 증가했다. 메모리 가격이 오르고 인공지능 서버 수요가 이어진 덕분이다. "
          + "업계는 내년 상반기까지 증가세가 이어질 것으로 내다봤다.";

  private static double similarity(String a, String b) {
    return Shingles.jaccard(Shingles.of(a), Shingles.of(b));
  }

  @Test
  void identicalTextsHaveSimilarityOne() {
    assertEquals(1.0, similarity(ARTICLE, ARTICLE));
    assertEquals(1.0, similarity(ARTICLE, new String(ARTICLE)));
  }

  @Test
  void whitespaceDoesNotMatter() {
    String respaced = ARTICLE.replace(" ", "").replace(".", ".\n\n ");
    assertArrayEquals(Shingles.of(ARTICLE), Shingles.of(respaced));
    assertEquals(1.0, similarity(ARTICLE, respaced));
  }

  @Test
  void smallEditStaysHigh() {
    String edited = ARTICLE.replace("15%", "16%").replace("내다봤다", "전망했다");
    double s = similarity(ARTICLE, edited);
    assertTrue(s >= 0.75 && s < 1.0, "similarity " + s);
    String appended = ARTICLE + " (끝)";
    assertTrue(similarity(ARTICLE, appended) >= 0.9, "similarity " + similarity(ARTICLE, appended));
  }

  @Test
  void unrelatedTextsAreLow() {
    String other =
        "프로야구 개막전이 비로 하루 미뤄졌다. 구단들은 주말 경기 일정을 다시 짜기로 했고 팬들은 환불 절차를 "
            + "문의했다. 기상청은 내일 오후부터 비가 그칠 것이라고 예보했다.";
    assertTrue(similarity(ARTICLE, other) < 0.05, "similarity " + similarity(ARTICLE, other));
  }

  @Test
  void similarityIsSymmetricAndBounded() {
    String edited = ARTICLE.substring(0, ARTICLE.length() / 2);
    double ab = similarity(ARTICLE, edited);
    assertEquals(ab, similarity(edited, ARTICLE));
    assertTrue(ab > 0 && ab < 1, "similarity " + ab);
  }

  @ParameterizedTest
  @CsvSource({"'',0", "'가나다라',0", "'가나 다 라',0", "'가나다라마',1", "'가나다라마바',2", "'aaaaaaa',1"})
  void shingleCountsFollowTheTextLength(String text, int count) {
    assertEquals(count, Shingles.of(text).length);
  }

  @Test
  void indicesAreSortedDistinctAndInRange() {
    int[] s = Shingles.of(ARTICLE + ARTICLE);
    for (int i = 0; i < s.length; i++) {
      assertTrue(s[i] >= 0 && s[i] < Shingles.DIMENSION);
      if (i > 0) {
        assertTrue(s[i] > s[i - 1]);
      }
    }
  }

  @Test
  void emptySetsAreIdenticalAndDisjointFromOthers() {
    assertEquals(1.0, Shingles.jaccard(new int[0], new int[0]));
    assertEquals(0.0, Shingles.jaccard(new int[0], Shingles.of(ARTICLE)));
    assertEquals(0.5, Shingles.jaccard(new int[] {1, 2}, new int[] {1, 2, 3, 4}));
  }

  @ParameterizedTest
  @CsvSource({"'국내 반도체 수출이 석 달 연속 늘었다. 국내 반도체 수출이', 20", "'가 나 다 라 마', 1", "'가나다라', 0", "'', 0"})
  void positionIndicesHoldEveryWindowAndTheSameSetAsOf(String text, int windows) {
    int[] positions = Shingles.indices(text);
    assertEquals(windows, positions.length, "one index per window of five non-space characters");
    assertArrayEquals(
        Shingles.of(text), java.util.Arrays.stream(positions).sorted().distinct().toArray());
  }
}
