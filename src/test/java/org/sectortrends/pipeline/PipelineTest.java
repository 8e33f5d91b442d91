package org.sectortrends.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sectortrends.jobs.CommonOptions;
import org.sectortrends.jobs.JobOption;
import org.sectortrends.jobs.JobOptions;
import org.sectortrends.jobs.SparkJob;
import org.sectortrends.jobs.UsageException;
import org.sectortrends.tables.TableSpec;

class PipelineTest {

  @Test
  void everyStageReadsOnlyTablesOfEarlierStagesAndIsNamedAfterItsJob() {
    Set<TableSpec> written = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (Stage stage : Pipeline.STAGES) {
      assertTrue(names.add(stage.name()), "stage names are unique: " + stage.name());
      assertEquals(stage.name(), stage.job().get().name());
      for (TableSpec read : stage.reads()) {
        assertTrue(
            written.contains(read),
            stage.name() + " reads " + read.name() + " before a stage writes it");
      }
      written.addAll(stage.writes());
    }
  }

  @Test
  void stagesRunInRegistryOrderWhateverTheOrderGiven() {
    assertEquals(
        List.of("figures", "terms"),
        PipelineJob.selected("terms,figures").stream().map(Stage::name).toList());
    assertEquals(
        List.of("ingest"), PipelineJob.selected(" ingest ,").stream().map(Stage::name).toList());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PipelineJob.selected("figures,trms"));
    assertTrue(e.getMessage().contains("did you mean terms?"), e.getMessage());
  }

  @Test
  void thePipelineTakesEveryOptionOfEveryStage() {
    List<String> pipeline = new PipelineJob().options().stream().map(JobOption::name).toList();
    for (Stage stage : Pipeline.STAGES) {
      for (JobOption<?> option : stage.job().get().options()) {
        assertTrue(pipeline.contains(option.name()), stage.name() + " --" + option.name());
      }
    }
    assertEquals(pipeline.size(), new HashSet<>(pipeline).size(), "each name once");
  }

  @Test
  void eachStageReceivesOnlyTheOptionsItDeclares() {
    SparkJob pipeline = new PipelineJob();
    JobOptions options =
        JobOptions.parse(
            "pipeline",
            CommonOptions.withLauncherOptions(pipeline.options()),
            new String[] {
              "--input",
              "a",
              "b",
              "--months",
              "2025-01",
              "--k=7",
              "--out",
              "o",
              "--progress",
              "none"
            },
            Map.of());
    SparkJob ingest = Pipeline.stage("ingest").orElseThrow().job().get();
    SparkJob terms = Pipeline.stage("terms").orElseThrow().job().get();
    SparkJob topics = Pipeline.stage("topics").orElseThrow().job().get();
    assertEquals(
        List.of("--input", "a", "b", "--out", "o"), List.of(options.argsFor(ingest.options())));
    assertEquals(
        List.of("--months", "2025-01", "--out", "o"), List.of(options.argsFor(terms.options())));
    assertEquals(
        List.of("--months", "2025-01", "--k=7", "--out", "o"),
        List.of(options.argsFor(topics.options())));
    assertEquals(List.of("--progress", "none"), List.of(options.argsFor(CommonOptions.LAUNCHER)));
  }

  @Test
  void aBadValueForOneStageIsAUsageError() {
    SparkJob pipeline = new PipelineJob();
    assertThrows(
        UsageException.class,
        () ->
            JobOptions.parse("pipeline", pipeline.options(), new String[] {"--k", "x"}, Map.of()));
  }

  /**
   * What a periodic run gives each stage, as a table: command line, then figures, terms, topics,
   * trends.
   */
  @Test
  void periodicRunsProcessOnlyTouchedMonthsUnlessToldOtherwise() {
    String[][] cases = {
      {"", "--incremental", "--incremental", "--incremental --mode auto", "--incremental"},
      {"--refit", "", "", "--mode fit", ""},
      {"--rebuild", "", "", "--mode fit", ""},
      {"--months 2025-01", "", "", "--mode auto", ""},
      {"--mode assign", "--incremental", "--incremental", "--incremental", "--incremental"},
      {"--refit --mode assign", "", "", "", ""},
    };
    SparkJob pipeline = new PipelineJob();
    for (String[] c : cases) {
      String[] args = c[0].isEmpty() ? new String[0] : c[0].split(" ");
      JobOptions options =
          JobOptions.parse(
              "pipeline", CommonOptions.withLauncherOptions(pipeline.options()), args, Map.of());
      String[] stages = {"figures", "terms", "topics", "trends"};
      for (int i = 0; i < stages.length; i++) {
        SparkJob job = Pipeline.stage(stages[i]).orElseThrow().job().get();
        assertEquals(
            c[i + 1],
            String.join(" ", PipelineJob.periodicDefaults(stages[i], job.options(), options)),
            stages[i] + " for '" + c[0] + "'");
      }
      assertEquals(
          List.of(),
          PipelineJob.periodicDefaults(
              "ingest", Pipeline.stage("ingest").orElseThrow().job().get().options(), options));
    }
  }
}
