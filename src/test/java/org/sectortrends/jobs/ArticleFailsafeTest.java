package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.testing.SparkTestSession;

/**
 * Per-article failure isolation in figures and terms, with a real exception injected for chosen
 * article ids inside the running stage: below the error ratio the run succeeds without those
 * articles and records them in {@code errors}; above it the run fails and the output table keeps
 * its previous contents.
 */
class ArticleFailsafeTest {

  private static SparkSession spark;
  private static String out;
  private static TableStore store;
  private static List<String> ids;

  @TempDir static Path work;

  @BeforeAll
  static void start() throws Exception {
    spark = SparkTestSession.start("ArticleFailsafeTest");
    out = work.resolve("out").toString();
    JobLauncher.execute(
        new IngestJob(),
        spark,
        "--input",
        Path.of("data/sample/jsonl").toAbsolutePath().toString(),
        "--out",
        out);
    store = new TableStore(spark, out + "/tables");
    ids =
        store
            .read(Tables.ARTICLES)
            .select(Col.ARTICLE_ID)
            .orderBy(Col.ARTICLE_ID)
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @AfterEach
  void noInjection() {
    ArticleFailsafe.injectedFailure = null;
  }

  private static long errorRows(String stage, String runId) {
    return store
        .read(Tables.ERRORS)
        .filter(col(Col.STAGE).equalTo(stage).and(col(Col.RUN_ID).equalTo(runId)))
        .count();
  }

  private static Row runRow(String runId) {
    return store.read(Tables.RUNS).filter(col(Col.RUN_ID).equalTo(runId)).first();
  }

  @Test
  void oneFailingArticleIsRecordedAndTheStagesGoOn() throws Exception {
    String failing = ids.get(7);
    ArticleFailsafe.injectedFailure = failing::equals;
    double ratio = 1.5 / ids.size();
    for (String[] stage :
        List.of(
            new String[] {"figures", Tables.FIGURES.name()},
            new String[] {"terms", Tables.ARTICLE_TERMS.name()})) {
      SparkJob job = Main.job(stage[0]);
      String runId = stage[0] + "-one-failure";
      RunSummary summary =
          JobLauncher.execute(
              job,
              spark,
              "--out",
              out,
              "--run-id",
              runId,
              "--max-error-ratio",
              String.valueOf(ratio));
      assertEquals(RunSummary.SUCCEEDED, summary.status());
      assertEquals(1, summary.errors());
      assertEquals(ids.size(), summary.inputRecords());

      TableSpec table = Tables.byName(stage[1]).orElseThrow();
      Dataset<Row> rows = store.read(table);
      assertEquals(
          0,
          rows.filter(col(Col.ARTICLE_ID).equalTo(failing)).count(),
          "no output for the failed article");
      assertEquals(
          ids.size() - 1,
          rows.select(Col.ARTICLE_ID).distinct().count(),
          stage[0] + ": every other article has rows");

      Row error = store.read(Tables.ERRORS).filter(col(Col.RUN_ID).equalTo(runId)).first();
      assertEquals(failing, error.getAs(Col.ARTICLE_ID));
      assertEquals(stage[0], error.getAs(Col.STAGE));
      assertTrue(
          ((String) error.getAs(Col.MESSAGE)).contains("injected failure"),
          (String) error.getAs(Col.MESSAGE));
      assertTrue(
          ((String) error.getAs(Col.STACK_TRACE)).contains("ArticleFailsafe"), "stack trace kept");
      String body =
          store
              .read(Tables.ARTICLES)
              .filter(col(Col.ARTICLE_ID).equalTo(failing))
              .first()
              .getAs(Col.BODY);
      assertTrue(
          body.startsWith((String) error.getAs(Col.INPUT_EXCERPT)),
          "the excerpt is the start of the input");
      assertNotNull(error.getAs(Col.FAILED_AT));
      assertEquals(1L, (long) runRow(runId).getAs(Col.ERRORS));
    }
  }

  @Test
  void moreFailuresThanTheRatioFailTheRunAndLeaveTheTableAsItWas() throws Exception {
    JobLauncher.execute(new FiguresJob(), spark, "--out", out);
    JobLauncher.execute(new TermsJob(), spark, "--out", out);
    long figuresBefore = store.read(Tables.FIGURES).count();
    long termsBefore = store.read(Tables.ARTICLE_TERMS).count();
    Set<String> failing = Set.of(ids.get(1), ids.get(2), ids.get(3));
    ArticleFailsafe.injectedFailure = failing::contains;

    for (String stage : List.of("figures", "terms")) {
      String runId = stage + "-too-many";
      // 3 of the articles fail; the default ratio 0.01 allows at most one of about 240.
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> JobLauncher.execute(Main.job(stage), spark, "--out", out, "--run-id", runId));
      assertTrue(e.getMessage().contains("3 of " + ids.size() + " articles"), e.getMessage());
      assertTrue(e.getMessage().contains("--max-error-ratio"), e.getMessage());
      assertEquals(3, errorRows(stage, runId), "the failures are recorded even when the run fails");
      Row run = runRow(runId);
      assertEquals(RunSummary.FAILED, run.getAs(Col.STATUS));
      assertEquals(3L, (long) run.getAs(Col.ERRORS));
    }
    assertEquals(
        figuresBefore, store.read(Tables.FIGURES).count(), "figures untouched by the failed run");
    assertEquals(
        termsBefore,
        store.read(Tables.ARTICLE_TERMS).count(),
        "article_terms untouched by the failed run");
    assertTrue(
        store.read(Tables.FIGURES).filter(col(Col.ARTICLE_ID).isin(failing.toArray())).count() > 0,
        "the previous rows of the failing articles are still there");
  }
}
