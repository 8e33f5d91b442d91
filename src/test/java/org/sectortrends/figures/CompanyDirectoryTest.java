package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subject resolution and mention scanning over the packaged company directory. */
class CompanyDirectoryTest {

  private static final CompanyDirectory DIRECTORY = CompanyDirectory.defaults();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NONE",
      value = {
        // particles stripped
        "삼성SDI는|samsung_sdi",
        "CATL은|catl",
        "TSMC는|tsmc",
        "오픈AI가 내놓|openai",
        "SAP는 클라우드|sap",
        // adverbs and other words around the alias
        "이로써 SBG|softbank_group",
        "발표 직후 엔비디아|nvidia",
        "발표 이후 삼성바이오로직스|samsung_biologics",
        // aliases folded: case, spaces, Korean, English, abbreviations
        "MS|microsoft",
        "ms|microsoft",
        "마이크로소프트|microsoft",
        "Microsoft|microsoft",
        "소프트뱅크그룹|softbank_group",
        "SK 하이닉스|sk_hynix",
        "하이닉스|sk_hynix",
        "현대차|hyundai_motor",
        "한은|bok",
        "한국은행 금융통화위원회|bok",
        "국민연금|nps",
        "비전펀드|softbank_vision_fund",
        // segments, products and places after the company; the longest alias wins
        "삼성SDS 클라우드 부문|samsung_sds",
        "삼성전자 파운드리 사업부|samsung_electronics",
        "SK하이닉스 HBM|sk_hynix",
        "중국 알리바바|alibaba",
        "대만 TSMC|tsmc",
        "현대차그룹 미국 전기차|hyundai_motor_group",
        "하이브 자회사 위버스컴퍼니|weverse",
        "구글 모회사 알파벳|alphabet",
        // countries and markets only as the whole subject
        "미국|us",
        "미국은|us",
        "중국|china",
        "미국 전기차|NONE",
        "한국 게임사들|NONE",
        // no company
        "사업부|NONE",
        "메타버스|NONE",
        "애플리케이션|NONE",
        "반도체|NONE",
        "정부|NONE",
        "MSCI|NONE",
      })
  void resolvesSubjects(String subject, String expected) {
    assertEquals(expected, DIRECTORY.resolveId(subject), subject);
  }

  @Test
  void findsMentionsWithCodePointSpans() {
    String text = "엔비디아와의 계약으로 SK하이닉스와 삼성전자가 HBM을 공급하고, 메타버스 사업은 메타가 접었다.";
    List<CompanyDirectory.Mention> mentions = DIRECTORY.findMentions(text);
    assertEquals(
        List.of("nvidia", "sk_hynix", "samsung_electronics", "meta"),
        mentions.stream().map(m -> m.company().id()).toList());
    CompanyDirectory.Mention first = mentions.get(0);
    assertEquals(0, first.start());
    assertEquals(4, first.end());
    CompanyDirectory.Mention hynix = mentions.get(1);
    assertEquals("SK하이닉스", text.substring(hynix.start(), hynix.end()));
  }

  @Test
  void mentionSpansCountCodePointsAndSpacesInsideAliases() {
    String text = "𝐀 SK 하이닉스는";
    CompanyDirectory.Mention m = DIRECTORY.findMentions(text).get(0);
    int[] cps = text.codePoints().toArray();
    assertEquals("SK 하이닉스", new String(cps, m.start(), m.end() - m.start()));
  }

  @Test
  void directoryCoversAtLeastThreeHundredEntitiesOfTheTaxonomy() {
    assertTrue(DIRECTORY.companies().size() >= 300, "entities: " + DIRECTORY.companies().size());
    Set<String> sectors =
        DIRECTORY.companies().stream()
            .map(CompanyDirectory.Company::sectorId)
            .collect(Collectors.toSet());
    assertTrue(
        sectors.containsAll(
            Set.of(
                "semiconductor",
                "ai",
                "cloud_software",
                "ecommerce_retail",
                "battery_ev_auto",
                "telecom",
                "games_content",
                "bio_pharma",
                "finance",
                "energy_heavy_industry")),
        sectors.toString());
    Set<String> kinds =
        DIRECTORY.companies().stream()
            .map(CompanyDirectory.Company::kind)
            .collect(Collectors.toSet());
    assertTrue(kinds.containsAll(Set.of("company", "agency", "fund")), kinds.toString());
  }

  @Test
  void sharedAliasIsRejectedNamingBothEntities(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve(CompanyDirectory.FILE),
        "company_id\tname_ko\tname_en\tsector_id\tkind\taliases\n"
            + "a\t가나\tGana\tother\tcompany\tGN\n"
            + "b\t다라\tDara\tother\tcompany\tgn\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CompanyDirectory.fromDirectory(dir));
    assertTrue(
        e.getMessage().contains("'gn' of b") && e.getMessage().contains("alias of a"),
        e.getMessage());
  }

  @Test
  void unknownKindIsRejected(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(CompanyDirectory.FILE), "a\t가나\tGana\tother\tcorp\t\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CompanyDirectory.fromDirectory(dir));
    assertTrue(e.getMessage().contains("'corp'"), e.getMessage());
  }
}
