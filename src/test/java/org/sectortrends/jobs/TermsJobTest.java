package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;

/**
 * The {@code terms} job on its own: three ingested articles in two months, then the terms of each
 * article with their counts, month partitions, and no particles, endings or numbers among them.
 */
class TermsJobTest {

  private static SparkSession spark;

  @TempDir static Path work;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.start("TermsJobTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void everyArticleGetsItsContentTermsWithCountsInItsMonth() throws Exception {
    Path input = work.resolve("articles.jsonl");
    Files.write(
        input,
        List.of(
            "{\"id\":\"chip\",\"published_at\":\"2025-10-02\",\"title\":\"반도체 수출 회복\","
                + "\"body\":\"반도체 수출이 석 달 만에 늘었다. 메모리 반도체 가격이 오르면서 수출 물량도 늘었다.\"}",
            "{\"id\":\"bank\",\"published_at\":\"2025-10-20\",\"title\":\"은행 대출 금리 인하\","
                + "\"body\":\"시중 은행들이 주택담보대출 금리를 0.2%포인트 내렸다. 은행은 대출 수요가 줄었다고 밝혔다.\"}",
            "{\"id\":\"ship\",\"published_at\":\"2025-11-05\",\"title\":\"조선사 수주\","
                + "\"body\":\"조선사들이 액화천연가스 운반선을 잇달아 수주했다. 조선 업황은 내년에도 밝다.\"}"),
        StandardCharsets.UTF_8);
    String out = work.resolve("out").toString();
    JobLauncher.execute(new IngestJob(), spark, "--input", input.toString(), "--out", out);
    RunSummary summary = JobLauncher.execute(new TermsJob(), spark, "--out", out);
    assertEquals(RunSummary.SUCCEEDED, summary.status());
    assertEquals(3, summary.inputRecords());

    TableStore store = new TableStore(spark, out + "/tables");
    Map<String, String> sourceOf = new HashMap<>();
    for (Row row :
        store.read(Tables.ARTICLES).select(Col.ARTICLE_ID, Col.SOURCE_ID).collectAsList()) {
      sourceOf.put(row.getString(0), row.getString(1));
    }
    Map<String, Map<String, Integer>> terms = new TreeMap<>();
    Map<String, String> monthOf = new HashMap<>();
    for (Row row :
        store
            .read(Tables.ARTICLE_TERMS)
            .select(Col.ARTICLE_ID, Col.TERM, Col.COUNT, Col.PUBLISHED_MONTH)
            .collectAsList()) {
      String source = sourceOf.get(row.getString(0));
      terms.computeIfAbsent(source, k -> new TreeMap<>()).put(row.getString(1), row.getInt(2));
      monthOf.put(source, row.getString(3));
    }

    assertEquals(
        List.of("bank", "chip", "ship"), List.copyOf(terms.keySet()), "every article has terms");
    assertEquals(Map.of("chip", "2025-10", "bank", "2025-10", "ship", "2025-11"), monthOf);
    // Title and body count together: 반도체 is in the title once and the body twice.
    assertEquals(3, terms.get("chip").get("반도체"), terms.get("chip").toString());
    assertEquals(3, terms.get("chip").get("수출"), terms.get("chip").toString());
    assertTrue(terms.get("bank").containsKey("은행"), terms.get("bank").toString());
    assertTrue(terms.get("bank").containsKey("대출"), terms.get("bank").toString());
    assertTrue(terms.get("ship").containsKey("수주"), terms.get("ship").toString());
    for (Map<String, Integer> counts : terms.values()) {
      for (String term : counts.keySet()) {
        assertFalse(term.matches(".*\\d.*"), "a number is not a term: " + term);
        assertFalse(
            term.matches("(이|가|은|는|을|를|에|도|들|다|했다)"),
            "a particle or ending is not a term: " + term);
      }
    }
  }
}
