package org.sectortrends.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sectortrends.text.TermExtractor;

class SectorTaxonomyTest {

  private static final SectorTaxonomy TAXONOMY = SectorTaxonomy.fromClasspath();

  @Test
  void packagedTaxonomyHasTheRequiredSectorsWithEnoughKeywords() {
    List<String> required =
        List.of(
            "semiconductor", "ai", "cloud_software", "ecommerce_retail", "battery_ev_auto",
            "telecom", "games_content", "bio_pharma", "finance", "energy_heavy_industry", "other");
    assertTrue(TAXONOMY.sectorIds().containsAll(required), TAXONOMY.sectorIds()::toString);
    for (SectorTaxonomy.Sector sector : TAXONOMY.sectors()) {
      assertTrue(
          sector.keywordWeights().size() >= 25,
          sector.id() + " has " + sector.keywordWeights().size() + " keywords");
    }
  }

  /** A keyword the analyzer never emits can never match; each must come out as itself. */
  @Test
  void everyKeywordIsATermTheAnalyzerEmits() {
    TermExtractor extractor = TermExtractor.shared();
    List<String> unreachable = new ArrayList<>();
    for (SectorTaxonomy.Sector sector : TAXONOMY.sectors()) {
      for (String keyword : sector.keywordWeights().keySet()) {
        List<String> terms = extractor.terms(keyword);
        if (!terms.equals(List.of(keyword))) {
          unreachable.add(sector.id() + ":" + keyword + " -> " + terms);
        }
      }
    }
    assertEquals(List.of(), unreachable);
  }

  @Test
  void packagedTaxonomyIsTheOneInData() {
    assertEquals(
        TAXONOMY.sectors(), SectorTaxonomy.fromFile(Path.of("data", "taxonomy", "sectors.tsv")).sectors());
  }

  /** Headline I wrote | expected sector, through the real analyzer and taxonomy. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SK하이닉스, HBM4 양산 앞당겨…엔비디아 공급 확대           | semiconductor
          삼성전자 파운드리 2나노 공정 수율 개선                    | semiconductor
          생성형AI 경쟁 격화…오픈AI 새 거대언어모델 공개            | ai
          네이버클라우드, 공공 데이터센터 구축 사업 수주             | cloud_software
          랜섬웨어 해킹 피해 급증에 보안 투자 늘린다                | cloud_software
          쿠팡 로켓배송 확대에 대형마트·편의점 매출 감소            | ecommerce_retail
          LG에너지솔루션, 전기차 배터리 리튬인산철 라인 증설        | battery_ev_auto
          현대차·기아 하이브리드 판매 호조                          | battery_ev_auto
          SK텔레콤 5G 요금제 개편…알뜰폰 가입자 이탈                | telecom
          넥슨 신작 모바일게임 흥행…크래프톤도 콘솔 진출            | games_content
          셀트리온 바이오시밀러 FDA 허가…임상 3상 성공              | bio_pharma
          한국은행 기준금리 동결…코스피 상승 마감                   | finance
          HD한국조선해양, LNG 선박 수주…조선업 호황                 | energy_heavy_industry
          한수원 원전 수출 계약, 소형모듈원자로 협력                | energy_heavy_industry
          프로야구 개막전 매진…감독 선수 각오                       | other
          국회 본회의 여야 대치                                     | other
          """)
  void headlinesGetTheirSector(String headline, String sector) {
    Map<String, Integer> counts = TermExtractor.shared().termCounts(headline);
    assertEquals(sector, TAXONOMY.score(counts).sectorId(), counts::toString);
  }

  @Test
  void scoreIsTheWeightShareOnTheWinningSectorsKeywords() {
    Map<String, Integer> terms = new LinkedHashMap<>();
    terms.put("hbm", 2);
    terms.put("삼성전자", 1);
    terms.put("실적", 1);
    SectorScore score = TAXONOMY.score(terms);
    assertEquals("semiconductor", score.sectorId());
    assertEquals("반도체", score.koreanName());
    assertEquals(0.75, score.score(), 1e-9);
    assertEquals(2, score.matchedKeywords());
  }

  @Test
  void keywordWeightsScaleTheirContribution() {
    SectorTaxonomy taxonomy =
        SectorTaxonomy.parse(
            List.of("a\tA\tx:0.5|y", "b\tB\tz:0.25", "other\t기타\t"));
    assertEquals(0.25, taxonomy.score(Map.of("x", 1, "w", 1)).score(), 1e-9);
    assertEquals("a", taxonomy.score(Map.of("x", 1, "z", 1)).sectorId());
    assertEquals("b", taxonomy.score(Map.of("x", 1, "z", 3)).sectorId());
  }

  @Test
  void textsWithoutKeywordsGoToOtherWithZeroScore() {
    SectorScore none = TAXONOMY.score(Map.of("무엇", 3, "어딘가", 1));
    assertEquals(new SectorScore("other", "기타", 0.0, 0), none);
    assertEquals("other", TAXONOMY.score(Map.of()).sectorId());
    assertEquals("other", TAXONOMY.score(Map.of("hbm", 0, "반도체", -1.0)).sectorId());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      textBlock =
          """
          a\\tA\\tx:2           => x:2
          a\\tA\\tx:abc         => x:abc
          a\\tA\\tx|x           => 'x'
          a\\tA                 => a\\tA
          a\\tA\\tx             => other
          """)
  void malformedTaxonomiesAreRejectedNamingTheBadValue(String line, String badValue) {
    List<String> lines = new ArrayList<>(List.of(unescape(line)));
    if (!badValue.equals("other")) {
      lines.add("other\t기타\t");
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SectorTaxonomy.parse(lines));
    assertTrue(e.getMessage().contains(unescape(badValue)), e.getMessage());
  }

  @Test
  void duplicateSectorIdsAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SectorTaxonomy.parse(List.of("a\tA\tx", "a\tA2\ty", "other\t기타\t")));
    assertTrue(e.getMessage().contains("'a'"), e.getMessage());
  }

  @Test
  void loadsFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sectors.tsv");
    Files.writeString(
        file,
        "# test\nsector_id\tkorean_name\tkeywords\nchips\t칩\tHBM|d램\nother\t기타\t날씨\n",
        StandardCharsets.UTF_8);
    SectorTaxonomy taxonomy = SectorTaxonomy.fromFile(file);
    assertEquals(List.of("chips", "other"), taxonomy.sectorIds());
    assertEquals("chips", taxonomy.score(Map.of("hbm", 1)).sectorId());
    assertEquals("other", taxonomy.score(Map.of("날씨", 1)).sectorId());
  }

  @Test
  void survivesJavaSerializationForSparkClosures() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(TAXONOMY);
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      SectorTaxonomy copy = (SectorTaxonomy) in.readObject();
      assertEquals(TAXONOMY.sectors(), copy.sectors());
      assertEquals("finance", copy.score(Map.of("기준금리", 1)).sectorId());
    }
  }

  @Test
  void unknownSectorIdIsNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TAXONOMY.sector("shipping"));
    assertTrue(e.getMessage().contains("shipping"), e.getMessage());
  }

  private static String unescape(String s) {
    return s.replace("\\t", "\t");
  }
}
