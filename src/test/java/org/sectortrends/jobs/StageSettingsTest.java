package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sectortrends.report.ReportPeriod;
import org.sectortrends.topics.TopicConfig;
import org.sectortrends.trends.PeriodCalendar.PeriodType;

/** The per-stage settings: defaults, the precedence of their sources, and bad values named. */
class StageSettingsTest {

  private static JobOptions parse(SparkJob job, Map<String, String> conf, String... args) {
    return JobOptions.parse(
        job.name(), CommonOptions.withLauncherOptions(job.options()), args, conf);
  }

  private static JobOptions parse(SparkJob job, String... args) {
    return parse(job, Map.of(), args);
  }

  @Test
  void topicsDefaultsAreTheNamedConstants() {
    TopicsSettings s = TopicsSettings.from(parse(new TopicsJob()));
    TopicConfig defaults = TopicConfig.defaults();
    assertEquals(TopicsSettings.DEFAULT_MODE, s.mode());
    assertEquals(TopicsMode.FIT, s.mode());
    assertEquals(TopicsSettings.CHOOSE_K, s.k());
    assertEquals(defaults.kMin(), s.clustering().kMin());
    assertEquals(defaults.kMax(), s.clustering().kMax());
    assertEquals(defaults.algorithm(), s.clustering().algorithm());
    assertEquals(defaults.minDf(), s.clustering().minDf());
    assertEquals(TopicsSettings.DEFAULT_TOP_TERMS, s.topTerms());
    assertEquals(TopicsSettings.DEFAULT_MATCH_THRESHOLD, s.matchThreshold());
    assertEquals(TopicsSettings.DEFAULT_FIT_SAMPLE, s.fitSample());
    assertFalse(s.coldStart());
    assertEquals(Optional.empty(), s.taxonomyFile());
  }

  @Test
  void topicsValuesComeFromTheCommandLineThenTheJobKeyThenTheSharedKeyThenTheDefault() {
    Map<String, String> conf =
        Map.of(
            "spark.sectortrends.topics.mode", "assign",
            "spark.sectortrends.mode", "auto",
            "spark.sectortrends.top-terms", "7",
            "spark.sectortrends.topics.algorithm", "bisecting-kmeans");
    TopicsSettings fromConf = TopicsSettings.from(parse(new TopicsJob(), conf));
    assertEquals(TopicsMode.ASSIGN, fromConf.mode(), "the job's key wins over the shared key");
    assertEquals(7, fromConf.topTerms(), "the shared key wins over the default");
    assertEquals(TopicConfig.Algorithm.BISECTING_KMEANS, fromConf.clustering().algorithm());
    assertEquals(TopicsSettings.DEFAULT_FIT_SAMPLE, fromConf.fitSample(), "no key: the default");

    TopicsSettings fromLine =
        TopicsSettings.from(parse(new TopicsJob(), conf, "--mode", "auto", "--top-terms=12"));
    assertEquals(TopicsMode.AUTO, fromLine.mode(), "the command line wins over every key");
    assertEquals(12, fromLine.topTerms());
  }

  @Test
  void topicsModeDecidesWhetherARunFits() {
    assertTrue(TopicsMode.FIT.fits(true));
    assertTrue(TopicsMode.AUTO.fits(false));
    assertFalse(TopicsMode.AUTO.fits(true));
    assertFalse(TopicsMode.ASSIGN.fits(false));
    assertEquals("auto", TopicsMode.AUTO.toString());
  }

  @Test
  void badChoicesNameTheValueAndTheOption() {
    UsageException mode =
        assertThrows(UsageException.class, () -> parse(new TopicsJob(), "--mode", "refit"));
    assertEquals("Bad value 'refit' for --mode: must be fit, assign or auto", mode.getMessage());
    UsageException algorithm =
        assertThrows(UsageException.class, () -> parse(new TopicsJob(), "--algorithm", "lda"));
    assertEquals(
        "Bad value 'lda' for --algorithm: must be kmeans or bisecting-kmeans",
        algorithm.getMessage());
    UsageException fromConf =
        assertThrows(
            UsageException.class,
            () -> parse(new TopicsJob(), Map.of("spark.sectortrends.topics.mode", "fitt")));
    assertTrue(
        fromConf.getMessage().contains("'fitt'")
            && fromConf.getMessage().contains("spark.sectortrends.topics.mode"),
        fromConf.getMessage());
    UsageException periodType =
        assertThrows(
            UsageException.class,
            () -> TrendsSettings.from(parse(new TrendsJob(), "--period-type", "month", "year")));
    assertEquals(
        "Bad value 'year' for --period-type: expected week, month or quarter",
        periodType.getMessage());
    UsageException month =
        assertThrows(
            UsageException.class,
            () -> TrendsSettings.from(parse(new TrendsJob(), "--months", "2025-13")));
    assertEquals("Bad value '2025-13' for --months: expected YYYY-MM", month.getMessage());
    UsageException reportType =
        assertThrows(UsageException.class, () -> parse(new ReportJob(), "--period-type", "year"));
    assertTrue(
        reportType.getMessage().startsWith("Bad value 'year' for --period-type"),
        reportType.getMessage());
  }

  @Test
  void conflictingTopicOptionsAreOneUsageError() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> TopicsSettings.from(parse(new TopicsJob(), "--k-min", "9", "--k-max", "4")));
    assertTrue(e.getMessage().startsWith("Bad topic options: "), e.getMessage());
  }

  @Test
  void trendsSettingsHoldEnumsAndMonthsInOrder() {
    TrendsSettings defaults = TrendsSettings.from(parse(new TrendsJob()));
    assertEquals(TrendsSettings.DEFAULT_PERIOD_TYPES, defaults.periodTypes());
    assertEquals(TrendsSettings.DEFAULT_BASELINE_PERIODS, defaults.baselinePeriods());
    assertEquals(TrendsSettings.DEFAULT_MIN_SUPPORT, defaults.minSupport());
    assertTrue(defaults.months().isEmpty());

    TrendsSettings given =
        TrendsSettings.from(
            parse(
                new TrendsJob(),
                Map.of("spark.sectortrends.trends.min-support", "5"),
                "--period-type",
                "quarter",
                "month",
                "quarter",
                "--months",
                "2025-11",
                "2025-09",
                "--lexicon-dir",
                "lex"));
    assertEquals(
        List.of(PeriodType.QUARTER, PeriodType.MONTH),
        given.periodTypes(),
        "each type once, in the order given");
    assertEquals(
        List.of(YearMonth.of(2025, 9), YearMonth.of(2025, 11)), List.copyOf(given.months()));
    assertEquals(5, given.minSupport());
    assertEquals(Optional.of("lex"), given.lexiconDir());
  }

  @Test
  void reportSettingsCheckThePeriodAgainstItsType() {
    ReportSettings defaults = ReportSettings.from(parse(new ReportJob()));
    assertEquals(ReportSettings.DEFAULT_PERIOD_TYPE, defaults.periodType());
    assertEquals(Optional.empty(), defaults.period());

    ReportSettings quarter =
        ReportSettings.from(
            parse(new ReportJob(), "--period-type", "quarter", "--period", "2025Q4"));
    assertEquals(ReportPeriod.Type.QUARTER, quarter.periodType());
    assertEquals("2025Q4", quarter.period().orElseThrow().label());

    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                ReportSettings.from(
                    parse(new ReportJob(), "--period-type", "month", "--period", "2025Q4")));
    assertTrue(
        e.getMessage().startsWith("Bad value '2025Q4' for --period with --period-type month"),
        e.getMessage());
  }

  @Test
  void figuresAndTermsSettings() {
    FiguresSettings figures =
        FiguresSettings.from(
            parse(
                new FiguresJob(),
                Map.of("spark.sectortrends.fx-table", "fx.csv"),
                "--max-error-ratio",
                "0.2"));
    assertEquals(Optional.empty(), figures.lexiconDir());
    assertEquals(Optional.of("fx.csv"), figures.fxTable());
    assertEquals(0.2, figures.maxErrorRatio());

    TermsSettings terms =
        TermsSettings.from(
            parse(new TermsJob(), Map.of("spark.sectortrends.terms.nori-dir", "nori")));
    assertEquals(Optional.of("nori"), terms.noriDir());
    assertEquals(ArticleFailsafe.DEFAULT_MAX_ERROR_RATIO, terms.maxErrorRatio());
  }

  @Test
  void ingestSettingsSplitDriverAndRecordSettings() {
    java.time.Instant started = java.time.Instant.parse("2025-12-01T00:00:00Z");
    IngestJobSettings defaults = IngestJobSettings.from(parse(new IngestJob()), started);
    assertEquals(IngestJobSettings.DEFAULT_INPUT, defaults.inputs());
    assertEquals(Optional.empty(), defaults.format());
    assertEquals(
        IngestJobSettings.DEFAULT_NEAR_DUPLICATE_THRESHOLD, defaults.nearDuplicateThreshold());
    assertEquals(IngestJobSettings.DEFAULT_MAX_QUARANTINE_RATIO, defaults.maxQuarantineRatio());
    assertFalse(defaults.rebuild());
    // ColumnMap has no equals: the records compare by their field texts.
    assertEquals(
        org.sectortrends.corpus.IngestSettings.defaults(started).toString(),
        defaults.records().toString());

    IngestJobSettings given =
        IngestJobSettings.from(
            parse(
                new IngestJob(),
                Map.of("spark.sectortrends.ingest.split-mb", "3"),
                "--input",
                "a.jsonl",
                "b.csv",
                "--format",
                "csv",
                "--min-body-chars",
                "20",
                "--rebuild"),
            started);
    assertEquals(List.of("a.jsonl", "b.csv"), given.inputs());
    assertEquals(Optional.of(org.sectortrends.corpus.InputFormat.CSV), given.format());
    assertEquals(3L << 20, given.splitBytes());
    assertEquals(20, given.records().minBodyChars());
    assertTrue(given.rebuild());
  }
}
