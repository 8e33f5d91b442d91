package org.sectortrends.pipeline;

import static org.sectortrends.tables.Tables.ARTICLES;
import static org.sectortrends.tables.Tables.ARTICLE_TERMS;
import static org.sectortrends.tables.Tables.ARTICLE_TOPICS;
import static org.sectortrends.tables.Tables.COMPANIES;
import static org.sectortrends.tables.Tables.COMPANY_METRICS;
import static org.sectortrends.tables.Tables.DUPLICATES_TABLE;
import static org.sectortrends.tables.Tables.FIGURES;
import static org.sectortrends.tables.Tables.INVESTMENT_EVENTS_TABLE;
import static org.sectortrends.tables.Tables.QUARANTINE;
import static org.sectortrends.tables.Tables.SECTORS;
import static org.sectortrends.tables.Tables.SECTOR_TRENDS;
import static org.sectortrends.tables.Tables.TERM_TRENDS;
import static org.sectortrends.tables.Tables.TOPICS;
import static org.sectortrends.tables.Tables.TOPIC_TRENDS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sectortrends.jobs.EvaluateTopicsJob;
import org.sectortrends.jobs.FiguresJob;
import org.sectortrends.jobs.IngestJob;
import org.sectortrends.jobs.JobOption;
import org.sectortrends.jobs.ReportJob;
import org.sectortrends.jobs.TermsJob;
import org.sectortrends.jobs.TopicsJob;
import org.sectortrends.jobs.TrendsJob;

/**
 * The pipeline's stages, in the order they run: the one list that the {@code pipeline} job, the
 * command line's job list ({@code Main}), {@code jobs/run-all} (through the {@code pipeline} job),
 * {@code bench} and the documentation follow. A new stage is one line here; its job's options
 * become options of the {@code pipeline} job by themselves.
 */
public final class Pipeline {

  /** Every stage, in order; a stage reads only tables written by stages before it. */
  public static final List<Stage> STAGES =
      List.of(
          new Stage(
              "ingest", List.of(), List.of(ARTICLES, DUPLICATES_TABLE, QUARANTINE), IngestJob::new),
          new Stage("figures", List.of(ARTICLES), List.of(FIGURES), FiguresJob::new),
          new Stage("terms", List.of(ARTICLES), List.of(ARTICLE_TERMS), TermsJob::new),
          new Stage(
              "topics",
              List.of(ARTICLES, ARTICLE_TERMS),
              List.of(TOPICS, ARTICLE_TOPICS),
              TopicsJob::new),
          new Stage(
              "trends",
              List.of(ARTICLES, FIGURES, ARTICLE_TERMS, TOPICS, ARTICLE_TOPICS),
              List.of(
                  SECTORS,
                  COMPANIES,
                  SECTOR_TRENDS,
                  TOPIC_TRENDS,
                  TERM_TRENDS,
                  COMPANY_METRICS,
                  INVESTMENT_EVENTS_TABLE),
              TrendsJob::new),
          new Stage(
              "evaluate-topics",
              List.of(ARTICLES, ARTICLE_TOPICS),
              List.of(),
              EvaluateTopicsJob::new),
          new Stage(
              "report",
              List.of(
                  ARTICLES,
                  FIGURES,
                  TOPICS,
                  SECTOR_TRENDS,
                  TOPIC_TRENDS,
                  TERM_TRENDS,
                  COMPANY_METRICS,
                  INVESTMENT_EVENTS_TABLE),
              List.of(),
              ReportJob::new));

  private Pipeline() {}

  public static List<String> names() {
    return STAGES.stream().map(Stage::name).toList();
  }

  public static Optional<Stage> stage(String name) {
    return STAGES.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The options of every stage's job, each name once (the first stage declaring it describes it in
   * the help); each stage still parses the values with its own declaration.
   */
  public static List<JobOption<?>> stageOptions() {
    Map<String, JobOption<?>> byName = new LinkedHashMap<>();
    for (Stage stage : STAGES) {
      for (JobOption<?> option : stage.job().get().options()) {
        byName.putIfAbsent(option.name(), option);
      }
    }
    return new ArrayList<>(byName.values());
  }
}
