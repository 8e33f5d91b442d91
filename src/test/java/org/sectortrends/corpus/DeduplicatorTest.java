package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;

class DeduplicatorTest {

  private static SparkSession spark;

  private static final String BATTERY =
      "국내 배터리 3사의 3분기 합산 영업이익이 1조2천억 원으로 집계됐다. 북미 전기차 수요가 회복되면서 "
          + "주요 고객사의 주문이 늘었고 원재료 가격 하락으로 수익성도 개선됐다. 업계는 4분기에도 판매량이 "
          + "전 분기 대비 10% 안팎 늘어날 것으로 내다봤다. 다만 유럽 시장의 보조금 축소와 중국 업체의 저가 "
          + "공세는 부담 요인으로 꼽힌다. 한 업계 관계자는 내년 상반기까지 설비 가동률을 80% 이상으로 "
          + "유지하는 것이 목표라고 말했다.";
  private static final String TELECOM =
      "이동통신 3사의 5G 가입자가 3천500만 명을 넘어섰다. 과학기술정보통신부에 따르면 지난달 말 기준 "
          + "5G 가입자는 전월 대비 0.8% 늘었고 전체 이동통신 가입자 가운데 비중은 60%에 이르렀다. 알뜰폰 "
          + "가입자도 같은 기간 12만 명 증가해 요금 경쟁이 이어질 전망이다. 업계는 저가 요금제 출시가 "
          + "가입자 확대를 이끌었다고 분석했다.";
  private static final String GAMES =
      "국내 게임사의 해외 매출 비중이 절반을 넘어섰다. 한 대형 게임사는 3분기 매출 4천억 원 가운데 "
          + "62%를 해외에서 거뒀다고 밝혔다. 신작 출시가 몰린 북미와 유럽 시장에서 이용자가 두 배로 늘었고 "
          + "콘솔 플랫폼 매출도 처음으로 1천억 원을 넘겼다.";

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("DeduplicatorTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Row article(String id, String body, String time) {
    return RowFactory.create(
        id, body, ArticlePreparer.sha256Hex(body), time == null ? null : Timestamp.valueOf(time));
  }

  private static Map<String, Row> mark(List<Row> rows, double threshold) {
    StructType schema =
        new StructType()
            .add(Col.ARTICLE_ID, DataTypes.StringType)
            .add(Col.BODY, DataTypes.StringType)
            .add(Col.CONTENT_HASH, DataTypes.StringType)
            .add(Col.PUBLISHED_AT, DataTypes.TimestampType);
    Map<String, Row> byId = new HashMap<>();
    for (Row row :
        Deduplicator.markDuplicates(spark.createDataFrame(rows, schema), threshold)
            .select(Col.ARTICLE_ID, Col.DUPLICATE_OF, Col.DUPLICATE_KIND, Col.SIMILARITY)
            .collectAsList()) {
      byId.put(row.getString(0), row);
    }
    return byId;
  }

  @Test
  void keepsEarliestOfExactCopiesAndNamesItInTheOthers() {
    Map<String, Row> result =
        mark(
            List.of(
                article("late-copy", BATTERY, "2025-03-02 10:00:00"),
                article("original", BATTERY, "2025-03-01 09:00:00"),
                article("undated-copy", BATTERY, null),
                article("other", TELECOM, "2025-03-01 08:00:00")),
            0.9);
    assertNull(result.get("original").get(1));
    assertNull(result.get("other").get(1));
    assertEquals("original", result.get("late-copy").getString(1));
    assertEquals("exact", result.get("late-copy").getString(2));
    assertEquals(
        "original",
        result.get("undated-copy").getString(1),
        "undated articles sort after dated ones");
  }

  @Test
  void findsLightlyEditedRepublicationButNotRelatedArticles() {
    String edited = BATTERY.replace("말했다", "전했다");
    assertTrue(
        Shingles.jaccard(Shingles.of(BATTERY), Shingles.of(edited)) >= 0.9,
        "fixture: a one-word edit");
    String rewritten = BATTERY.substring(0, BATTERY.indexOf("다만")) + "반면 유럽 시장은 보조금이 줄어 판매가 주춤했다.";
    Map<String, Row> result =
        mark(
            List.of(
                article("first", BATTERY, "2025-05-01 09:00:00"),
                article("edited", edited, "2025-05-01 15:00:00"),
                article("rewritten", rewritten, "2025-05-02 09:00:00"),
                article("telecom", TELECOM, "2025-05-01 10:00:00"),
                article("games", GAMES, "2025-05-01 11:00:00")),
            0.9);
    assertEquals("first", result.get("edited").getString(1));
    assertEquals("near", result.get("edited").getString(2));
    assertTrue(result.get("edited").getDouble(3) >= 0.9);
    assertNull(result.get("rewritten").get(1), "a rewritten third of the text is below 0.9");
    assertNull(result.get("telecom").get(1));
    assertNull(result.get("games").get(1));
    assertNull(result.get("first").get(1));
  }

  @Test
  void lowerThresholdCatchesHeavierEditsAndChainsEndAtAKeptArticle() {
    String edited = BATTERY.replace("1조2천억 원", "1조3천억 원");
    String editedTwice = edited.replace("80% 이상", "85% 이상");
    assertTrue(
        Shingles.jaccard(Shingles.of(BATTERY), Shingles.of(editedTwice)) >= 0.8,
        "fixture: two small edits");
    Map<String, Row> result =
        mark(
            List.of(
                article("a", BATTERY, "2025-06-01 09:00:00"),
                article("b", edited, "2025-06-02 09:00:00"),
                article("c", editedTwice, "2025-06-03 09:00:00"),
                article("c-copy", editedTwice, "2025-06-04 09:00:00")),
            0.8);
    assertNull(result.get("a").get(1));
    assertEquals("a", result.get("b").getString(1));
    assertEquals("a", result.get("c").getString(1));
    assertEquals(
        "a",
        result.get("c-copy").getString(1),
        "an exact copy of a near duplicate points to the kept root");
  }

  @Test
  void manyDistinctArticlesStayDistinct() {
    List<Row> rows = new ArrayList<>();
    String[] sectors = {"반도체", "배터리", "통신", "게임", "바이오", "금융", "조선", "유통"};
    for (int i = 0; i < 120; i++) {
      String body =
          sectors[i % sectors.length]
              + " 업계의 "
              + (i + 1)
              + "번째 소식: 올해 "
              + (i % 12 + 1)
              + "월 매출이 "
              + (1000 + 37 * i)
              + "억 원으로 전년 대비 "
              + (i % 9 + 1)
              + "% 늘었다. "
              + sectors[(i * 5 + 3) % sectors.length]
              + " 분야와의 협력도 "
              + (i * 7 % 13 + 2)
              + "건 진행 중이다. 회사 측은 "
              + (i % 4 + 1)
              + "분기 실적 발표에서 "
              + "신규 투자 계획 "
              + (i * 11 % 17 + 3)
              + "건을 공개할 예정이다.";
      rows.add(article("n" + i, body, "2025-07-01 09:00:00"));
    }
    Map<String, Row> result = mark(rows, 0.9);
    assertEquals(120, result.size());
    long marked = result.values().stream().filter(r -> !r.isNullAt(1)).count();
    assertEquals(0, marked, "template-like but different articles are not duplicates at 0.9");
  }
}
