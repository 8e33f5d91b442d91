package org.sectortrends.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.jobs.JobLauncher;
import org.sectortrends.jobs.RunSummary;
import org.sectortrends.jobs.UsageException;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;

/**
 * End to end: the whole pipeline in one session on a small corpus, a subset, and failing stages.
 */
class PipelineJobTest {

  private static SparkSession spark;

  @TempDir static Path work;

  private static final Map<String, String[]> WORDS =
      new TreeMap<>(
          Map.of(
              "semiconductor", new String[] {"반도체", "메모리", "파운드리", "웨이퍼", "HBM", "삼성전자", "SK하이닉스"},
              "telecom", new String[] {"통신", "가입자", "요금제", "5G", "SK텔레콤", "KT", "알뜰폰"},
              "bio_pharma", new String[] {"바이오", "신약", "임상", "셀트리온", "의약품", "항체", "치료제"}));

  @BeforeAll
  static void start() throws Exception {
    spark = SparkTestSession.start("PipelineJobTest");
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String[]> sector : WORDS.entrySet()) {
      String[] w = sector.getValue();
      for (int i = 0; i < 12; i++) {
        String body =
            w[i % w.length]
                + " 부문 매출이 "
                + (100 + i)
                + "억원으로 "
                + (i + 3)
                + "% 늘었다. "
                + w[(i + 1) % w.length]
                + "와 "
                + w[(i + 2) % w.length]
                + " 관련 투자가 이어졌다. "
                + w[(i + 3) % w.length]
                + " 시장 전망도 밝다.";
        lines.add(
            "{\"id\":\""
                + sector.getKey()
                + "-"
                + i
                + "\",\"published_at\":\"2025-0"
                + (1 + i % 3)
                + "-10\",\"section\":\""
                + sector.getKey()
                + "\",\"title\":\""
                + w[i % w.length]
                + " 소식 "
                + i
                + "\",\"body\":\""
                + body
                + "\"}");
      }
    }
    Files.createDirectories(work.resolve("in"));
    Files.write(work.resolve("in/articles.jsonl"), lines, StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void runsEveryStageInOneSessionAndRecordsEachStage() throws Exception {
    String out = work.resolve("all").toString();
    RunSummary summary =
        JobLauncher.execute(
            new PipelineJob(),
            spark,
            "--input",
            work.resolve("in").toString(),
            "--out",
            out,
            "--k",
            "3",
            "--min-df",
            "2",
            "--run-id",
            "nightly",
            "--progress",
            "none");
    assertEquals(36, summary.inputRecords());
    assertTrue(summary.message().startsWith("stages: ingest "), summary.message());

    TableStore store = new TableStore(spark, out + "/tables");
    // This corpus has no copies and no bad records: ingest has no rows for duplicates and
    // quarantine, and a table without rows may have no directory yet.
    java.util.Set<String> empty =
        java.util.Set.of(Tables.DUPLICATES_TABLE.name(), Tables.QUARANTINE.name());
    for (Stage stage : Pipeline.STAGES) {
      for (var table : stage.writes()) {
        assertTrue(
            store.exists(table) || empty.contains(table.name()),
            stage.name() + " wrote " + table.name());
      }
    }
    assertEquals(0, store.read(Tables.DUPLICATES_TABLE).count());
    assertEquals(36, store.read(Tables.ARTICLE_TOPICS).count());
    assertTrue(
        store.read(Tables.FIGURES).count() >= 36, "each body has a money and a percentage figure");
    // One runs row per stage, each with its own run id derived from --run-id, and the pipeline's.
    Map<String, String> runs =
        store.read(Tables.RUNS).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs(Col.JOB),
                    r -> r.<String>getAs(Col.RUN_ID) + " " + r.getAs(Col.STATUS)));
    for (String stage : Pipeline.names()) {
      assertEquals("nightly-" + stage + " succeeded", runs.get(stage));
    }
    assertEquals("nightly succeeded", runs.get("pipeline"));
    assertEquals(1, store.read(Tables.ARTICLES).select(Col.RUN_ID).distinct().count());
    assertEquals("nightly-ingest", store.read(Tables.ARTICLES).first().getAs(Col.RUN_ID));
  }

  @Test
  void runsOnlyTheNamedStages() throws Exception {
    String out = work.resolve("subset").toString();
    JobLauncher.execute(
        new PipelineJob(),
        spark,
        "--input",
        work.resolve("in").toString(),
        "--out",
        out,
        "--stages",
        "terms,ingest",
        "--progress",
        "none");
    TableStore store = new TableStore(spark, out + "/tables");
    assertTrue(store.exists(Tables.ARTICLE_TERMS));
    assertFalse(store.exists(Tables.FIGURES));
    List<String> jobs =
        store
            .read(Tables.RUNS)
            .filter(col(Col.JOB).notEqual("pipeline"))
            .select(Col.JOB)
            .orderBy(Col.STARTED_AT)
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    assertEquals(List.of("ingest", "terms"), jobs, "in pipeline order");
  }

  @Test
  void aStageThatCannotRunNamesItself() {
    String out = work.resolve("empty").toString();
    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                JobLauncher.execute(
                    new PipelineJob(),
                    spark,
                    "--out",
                    out,
                    "--stages",
                    "figures",
                    "--progress",
                    "none"));
    assertTrue(
        e.getMessage().startsWith("stage figures stopped the pipeline: No articles table"),
        e.getMessage());
  }

  @Test
  void aFailingStageStopsThePipelineAfterTheStagesBeforeIt() {
    String out = work.resolve("failing").toString();
    Exception e =
        assertThrows(
            PipelineJob.StageFailedException.class,
            () ->
                JobLauncher.execute(
                    new PipelineJob(),
                    spark,
                    "--input",
                    work.resolve("in").toString(),
                    "--out",
                    out,
                    "--stages",
                    "ingest,figures",
                    "--fx-table",
                    work.resolve("no-such-fx.csv").toString(),
                    "--progress",
                    "none"));
    assertTrue(e.getMessage().startsWith("stage figures failed: "), e.getMessage());
    TableStore store = new TableStore(spark, out + "/tables");
    assertTrue(store.exists(Tables.ARTICLES), "ingest ran before");
    List<Row> failed =
        store.read(Tables.RUNS).filter(col(Col.STATUS).equalTo("failed")).collectAsList();
    assertEquals(
        List.of("figures", "pipeline"),
        failed.stream().map(r -> r.<String>getAs(Col.JOB)).sorted().toList());
  }
}
