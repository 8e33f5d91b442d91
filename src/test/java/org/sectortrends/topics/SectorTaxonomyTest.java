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
            "semiconductor",
            "ai",
            "cloud_software",
            "ecommerce_retail",
            "battery_ev_auto",
            "telecom",
            "games_content",
            "bio_pharma",
            "finance",
            "energy_heavy_industry",
            "other");
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
        TAXONOMY.sectors(),
        SectorTaxonomy.fromFile(Path.of("data", "taxonomy", "sectors.tsv")).sectors());
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
          조선민주주의인민공화국 조선중앙통신 미사일 발사 발표       | other
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
    SectorScore score = SectorTaxonomy.keywordsOnlyFromClasspath().score(terms);
    assertEquals("semiconductor", score.sectorId());
    assertEquals("반도체", score.koreanName());
    assertEquals(0.75, score.score(), 1e-9);
    assertEquals(2, score.matchedKeywords());
  }

  /**
   * Earnings and market vocabulary is every listed company's, not finance's: the company named
   * decides. Headlines and leads I wrote, of the kinds that went to finance before.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          현대차 2분기 영업이익 4조원…주가 강세, 배당 확대            | battery_ev_auto
          LG화학 3분기 순이익 감소…코스피 약세에 주가 하락            | energy_heavy_industry
          쿠팡 분기 매출 10조원 돌파, 뉴욕증시 상장 후 최대            | ecommerce_retail
          키움증권 현대제철 실적 부진…목표주가 하향                   | energy_heavy_industry
          키움증권 2분기 순이익 증가…위탁매매 수수료 늘어             | finance
          신한카드 상반기 순이익 감소…연체 늘어                       | finance
          특징주 셀트리온 실적 호조에 강세                            | bio_pharma
          SK텔레콤 1분기 영업익 4천억원…2% 증가                       | telecom
          """)
  void aCompanysEarningsGoToTheCompanysSector(String headline, String sector) {
    Map<String, Integer> counts = TermExtractor.shared().termCounts(headline);
    assertEquals(sector, TAXONOMY.score(counts).sectorId(), counts::toString);
  }

  /**
   * Korean clubs carry their owners' names; amid sports vocabulary the name is one keyword, not a
   * company.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          여자농구 우리은행 시즌 우승…감독 눈물                        | other
          프로배구 한국전력 감독 사의…구단 새 코치 선임                | other
          GS칼텍스 홈 경기 시즌 첫 매진, 배구 열기                     | other
          """)
  void companiesNamedInSportsNewsAreClubsNotSectors(String headline, String sector) {
    Map<String, Integer> counts = TermExtractor.shared().termCounts(headline);
    assertEquals(sector, TAXONOMY.score(counts).sectorId(), counts::toString);
  }

  @Test
  void anEntityOutweighsThreeKeywordsOfAnotherSectorTimesItsWeight() {
    SectorTaxonomy taxonomy =
        withOneTermEntities(
            List.of("a\tA\tx|y|z", "b\tB\tw", "other\t기타\tq"),
            "company_id\tname_ko\tsector_id\tweight",
            "acme\t에이크미\tb\t1",
            "halfco\t하프코\tb\t0.5");
    // 3 keywords of a against one company of b: tie at 3, the sector listed first wins
    assertEquals("a", taxonomy.score(Map.of("x", 1, "y", 1, "z", 1, "에이크미", 1)).sectorId());
    assertEquals("b", taxonomy.score(Map.of("x", 1, "y", 1, "에이크미", 1)).sectorId());
    // weight 0.5: worth 1.5 keywords
    assertEquals("a", taxonomy.score(Map.of("x", 1, "y", 1, "하프코", 1)).sectorId());
    SectorScore alone = taxonomy.score(Map.of("에이크미", 1, "w", 1, "n", 1));
    // evidence 3 + 1 over the total 3 + 1 + 1
    assertEquals(0.8, alone.score(), 1e-9);
    // amid more 'other' vocabulary than b's, the company is half a keyword: other 1 vs b 0.5
    assertEquals("other", taxonomy.score(Map.of("q", 1, "에이크미", 1)).sectorId());
  }

  /** A taxonomy of the given sector lines and entity lines whose names are one term each. */
  private static SectorTaxonomy withOneTermEntities(List<String> sectors, String... entityLines) {
    return SectorTaxonomy.parse(sectors)
        .withEntities(
            SectorTaxonomy.parseEntities(List.of(entityLines), name -> List.of(name), null));
  }

  @Test
  void multiTermNamesCountWhereAllTheirTermsOccur() {
    SectorTaxonomy taxonomy =
        SectorTaxonomy.parse(List.of("a\tA\tx", "b\tB\tw", "other\t기타\t"))
            .withEntities(
                SectorTaxonomy.parseEntities(
                    List.of("sector_id\tname_en", "b\tBig Co"),
                    name -> List.of(name.toLowerCase(java.util.Locale.ROOT).split(" ")),
                    null));
    assertEquals("b", taxonomy.score(Map.of("big", 1, "co", 1, "x", 2)).sectorId());
    assertEquals("a", taxonomy.score(Map.of("big", 1, "x", 2)).sectorId());
  }

  @Test
  void aMultiTermNameInTwoFilesCountsOnceWithTheFirstRow() {
    List<String> split = List.of("sector_id\tname_en\tweight", "b\tBig Co\t0.3");
    List<String> shared = List.of("sector_id\tname_en\tkind", "b\tBig Co\tcompany");
    java.util.function.Function<String, List<String>> words =
        name -> List.of(name.toLowerCase(java.util.Locale.ROOT).split(" "));
    List<SectorTaxonomy.Entity> both =
        new java.util.ArrayList<>(SectorTaxonomy.parseEntities(split, words, null));
    both.addAll(SectorTaxonomy.parseEntities(shared, words, null));
    SectorTaxonomy taxonomy =
        SectorTaxonomy.parse(List.of("a\tA\tx", "b\tB\tw", "other\t기타\t")).withEntities(both);
    // Big Co at 0.3 is 0.9 of a keyword: less than two keywords of a; counted again at full
    // weight from the second file it would be 3.9
    assertEquals("a", taxonomy.score(Map.of("big", 1, "co", 1, "x", 2)).sectorId());
  }

  @Test
  void aSourceNamedWithAFullCompanyIsNoEvidence() {
    SectorTaxonomy taxonomy =
        withOneTermEntities(
            List.of("a\tA\tx", "f\tF\ty", "other\t기타\t"),
            "company_id\tname_ko\tsector_id\tweight",
            "carco\t카코\ta\t1",
            "broker\t브로커증권\tf\t0.3");
    // alone, the broker is 0.9 of a keyword of f
    assertEquals("f", taxonomy.score(Map.of("브로커증권", 1, "y", 1)).sectorId());
    // with a company of a, a note on that company: f keeps its keywords only, 3 against 3, and
    // the sector listed first wins the tie (with the broker, f would have 3.9)
    assertEquals("a", taxonomy.score(Map.of("브로커증권", 1, "카코", 1, "y", 3)).sectorId());
  }

  @Test
  void entitiesOfKindOtherAreNoEvidence() {
    List<SectorTaxonomy.Entity> entities =
        SectorTaxonomy.parseEntities(
            List.of(
                "company_id\tname_ko\tname_en\tsector_id\tkind\taliases",
                "tv\t티비방송\t\tb\tother\t",
                "acme\t에이크미\t\tb\tcompany\t"),
            name -> List.of(name),
            null);
    assertEquals(List.of("acme"), entities.stream().map(e -> e.companyId()).toList());
  }

  /**
   * The loader reads the shared company list's columns too: company_id, name_ko, name_en,
   * sector_id, aliases.
   */
  @Test
  void entityFilesAreReadByTheirHeaderWithAliasesAndOptionalWeight() {
    List<SectorTaxonomy.Entity> entities =
        SectorTaxonomy.parseEntities(
            List.of(
                "# comment",
                "company_id\tname_ko\tname_en\tsector_id\taliases",
                "sk_hynix\tSK하이닉스\tSK hynix\tsemiconductor\t하이닉스;hynix",
                "nobody\t어느회사\t\t\t"),
            TermExtractor.shared()::terms,
            null);
    assertEquals(
        List.of("sk하이닉스", "하이닉스", "hynix"),
        entities.stream().filter(e -> e.terms().size() == 1).map(e -> e.terms().get(0)).toList());
    assertEquals(List.of("sk", "hynix"), entities.get(1).terms());
    assertTrue(
        entities.stream().allMatch(e -> e.sectorId().equals("semiconductor") && e.weight() == 1.0));
    assertTrue(entities.stream().allMatch(e -> e.companyId().equals("sk_hynix")));
  }

  /**
   * companies.tsv has a kind column: agencies and funds count half, countries and `other` entities
   * not at all.
   */
  @Test
  void theKindOfAnEntityGivesItsWeight() {
    List<SectorTaxonomy.Entity> entities =
        SectorTaxonomy.parseEntities(
            List.of(
                "company_id\tname_ko\tname_en\tsector_id\tkind\taliases",
                "acme\t에이크미\t\tb\tcompany\t",
                "fsc\t금융위\t\tfinance\tagency\t",
                "nps\t국민연금\t\tfinance\tfund\t",
                "korea\t한국\t\tother\tcountry\t",
                "group\t큰그룹\t\tother\tcompany\t"),
            name -> List.of(name),
            null);
    assertEquals(
        List.of("acme 1.0", "fsc 0.5", "nps 0.5"),
        entities.stream().map(e -> e.companyId() + " " + e.weight()).toList());
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SectorTaxonomy.parseEntities(
                    List.of("sector_id\tname_ko\tkind", "b\t에이크미\tplanet"),
                    name -> List.of(name),
                    null));
    assertTrue(bad.getMessage().contains("'planet'"), bad.getMessage());
  }

  @Test
  void namesTheAnalyzerKeepsOnlyInPartAreRejectedOrSetAside() {
    List<String> lines = List.of("company_id\tname_en\tsector_id", "skcc\tSK C&C\tcloud_software");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SectorTaxonomy.parseEntities(lines, TermExtractor.shared()::terms, null));
    assertTrue(e.getMessage().contains("SK C&C"), e.getMessage());
    List<String> unusable = new ArrayList<>();
    assertEquals(
        List.of(), SectorTaxonomy.parseEntities(lines, TermExtractor.shared()::terms, unusable));
    assertEquals(List.of("SK C&C"), unusable);
  }

  @Test
  void badEntityRowsNameTheValue() {
    IllegalArgumentException weight =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SectorTaxonomy.parseEntities(
                    List.of("sector_id\tname_ko\tweight", "finance\t은행이\t2"),
                    name -> List.of(name),
                    null));
    assertTrue(weight.getMessage().contains("'2'"), weight.getMessage());
    IllegalArgumentException header =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SectorTaxonomy.parseEntities(
                    List.of("name_ko\tsector"), name -> List.of(name), null));
    assertTrue(header.getMessage().contains("sector_id"), header.getMessage());
    IllegalArgumentException sector =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SectorTaxonomy.keywordsOnlyFromClasspath()
                    .withEntities(
                        SectorTaxonomy.parseEntities(
                            List.of("sector_id\tname_ko", "shipping\t해운사"),
                            name -> List.of(name),
                            null)));
    assertTrue(sector.getMessage().contains("shipping"), sector.getMessage());
  }

  @Test
  void packagedEntitiesAreUsableAndInKnownSectors() {
    List<SectorTaxonomy.Entity> entities = TAXONOMY.entities();
    assertTrue(entities.size() >= 250, () -> "entities: " + entities.size());
    for (String sector : TAXONOMY.sectorIds()) {
      if (!sector.equals("other")) {
        assertTrue(entities.stream().filter(e -> e.sectorId().equals(sector)).count() >= 8, sector);
      }
    }
  }

  @Test
  void keywordWeightsScaleTheirContribution() {
    SectorTaxonomy taxonomy =
        SectorTaxonomy.parse(List.of("a\tA\tx:0.5|y", "b\tB\tz:0.25", "other\t기타\t"));
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
