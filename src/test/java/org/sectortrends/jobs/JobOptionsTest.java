package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobOptionsTest {

  private static final String JOB = "ingest";

  private static final JobOption<List<String>> INPUT =
      JobOption.list("input", "PATH", List.of("data/sample"), "Inputs");
  private static final JobOption<String> FORMAT =
      JobOption.string("format", "FORMAT", null, "Input format");
  private static final JobOption<String> OUT = JobOption.string("out", "DIR", "out", "Output root");
  private static final JobOption<Integer> MIN_CHARS =
      JobOption.integer("min-body-chars", 10, 1, 1000, "Minimum body length");
  private static final JobOption<Double> THRESHOLD =
      JobOption.decimal("near-duplicate-threshold", 0.9, 0.01, 1.0, "Jaccard threshold");
  private static final JobOption<LocalDate> DEFAULT_DATE =
      JobOption.date("default-date", "Date of undated records");
  private static final JobOption<Boolean> DRY_RUN = JobOption.flag("dry-run", "Plan only");
  private static final JobOption<Optional<String>> MODE =
      JobOption.parsed(
          "mode",
          "MODE",
          Optional.empty(),
          s -> {
            if (!s.equals("fast") && !s.equals("full")) {
              throw new IllegalArgumentException("mode is fast or full");
            }
            return Optional.of(s);
          },
          "Processing mode");

  private static final List<JobOption<?>> SPECS =
      List.of(INPUT, FORMAT, OUT, MIN_CHARS, THRESHOLD, DEFAULT_DATE, DRY_RUN, MODE);

  private static JobOptions parse(String... args) {
    return JobOptions.parse(JOB, SPECS, args, Map.of());
  }

  private static JobOptions parseWithConf(Map<String, String> conf, String... args) {
    return JobOptions.parse(JOB, SPECS, args, conf);
  }

  @Test
  void defaultsApplyWhenNothingIsGiven() {
    JobOptions o = parse();
    assertEquals(List.of("data/sample"), o.get(INPUT));
    assertNull(o.get(FORMAT));
    assertEquals("out", o.get(OUT));
    assertEquals(10, o.get(MIN_CHARS));
    assertEquals(0.9, o.get(THRESHOLD));
    assertNull(o.get(DEFAULT_DATE));
    assertEquals(false, o.get(DRY_RUN));
    assertEquals(Optional.empty(), o.get(MODE));
    assertFalse(o.helpRequested());
  }

  @Test
  void readsSeparateAndInlineValues() {
    JobOptions o =
        parse(
            "--out",
            "/tmp/run",
            "--min-body-chars=25",
            "--near-duplicate-threshold",
            "0.85",
            "--default-date=2025-11-26",
            "--mode",
            "fast",
            "--format=a=b");
    assertEquals("/tmp/run", o.get(OUT));
    assertEquals(25, o.get(MIN_CHARS));
    assertEquals(0.85, o.get(THRESHOLD));
    assertEquals(LocalDate.of(2025, 11, 26), o.get(DEFAULT_DATE));
    assertEquals(Optional.of("fast"), o.get(MODE));
    assertEquals("a=b", o.get(FORMAT), "only the first '=' separates name and value");
  }

  @Test
  void multiValuedOptionTakesValuesUpToTheNextOption() {
    JobOptions o = parse("--input", "a.jsonl", "b/", "s3a://bucket/c/*.txt", "--format", "jsonl");
    assertEquals(List.of("a.jsonl", "b/", "s3a://bucket/c/*.txt"), o.get(INPUT));
    assertEquals("jsonl", o.get(FORMAT));
  }

  @Test
  void multiValuedOptionMayBeRepeatedAndInline() {
    assertEquals(
        List.of("a", "b", "c"), parse("--input", "a", "--input=b", "--input", "c").get(INPUT));
  }

  @ParameterizedTest
  @CsvSource({
    "--dry-run,true",
    "--dry-run=true,true",
    "--dry-run=false,false",
    "--dry-run=TRUE,true"
  })
  void flagsNeedNoValue(String arg, boolean expected) {
    assertEquals(expected, parse(arg, "--out", "x").get(DRY_RUN));
  }

  @ParameterizedTest
  @CsvSource({"--dry-run=yes,yes", "--dry-run=1,1", "--dry-run=,''"})
  void flagWithABadValueIsRejected(String arg, String value) {
    UsageException e = assertThrows(UsageException.class, () -> parse(arg));
    assertTrue(
        e.getMessage().contains("--dry-run") && e.getMessage().contains("'" + value + "'"),
        e.getMessage());
  }

  @Test
  void helpIsRecognised() {
    assertTrue(parse("--help").helpRequested());
    assertTrue(parse("--out", "x", "-h").helpRequested());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      --output             | '--output'
      --outt=x             | '--outt'
      --Out                | '--Out'
      -o                   | '-o'
      stray                | 'stray'
      --                   | '--'
      """)
  void unknownOptionsAreNamed(String arg, String named) {
    UsageException e = assertThrows(UsageException.class, () -> parse(arg, "value"));
    assertTrue(e.getMessage().contains(named), e.getMessage());
    assertEquals(2, UsageException.EXIT_CODE);
  }

  /** Columns: option | bad value. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      min-body-chars            | ten
      min-body-chars            | 0
      min-body-chars            | 1001
      min-body-chars            | 2.5
      min-body-chars            | 99999999999
      near-duplicate-threshold  | high
      near-duplicate-threshold  | 1.5
      near-duplicate-threshold  | 0
      near-duplicate-threshold  | NaN
      default-date              | 2025-02-30
      default-date              | 26.11.2025
      default-date              | yesterday
      mode                      | slow
      """)
  void badValuesNameOptionAndValue(String option, String value) {
    for (String[] args :
        List.of(new String[] {"--" + option, value}, new String[] {"--" + option + "=" + value})) {
      UsageException e = assertThrows(UsageException.class, () -> parse(args));
      assertTrue(e.getMessage().contains("--" + option), e.getMessage());
      assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource({"--out", "--min-body-chars", "--input", "--default-date"})
  void missingValuesAreReported(String option) {
    UsageException atEnd = assertThrows(UsageException.class, () -> parse(option));
    assertTrue(atEnd.getMessage().contains(option), atEnd.getMessage());
    UsageException beforeOption =
        assertThrows(UsageException.class, () -> parse(option, "--dry-run"));
    assertTrue(beforeOption.getMessage().contains(option), beforeOption.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      --out a --out b
      --out=a --out b
      --out a --out=b
      --out=a --out=b
      --min-body-chars 5 --min-body-chars=6
      """)
  void singleValuedOptionGivenTwiceIsAnError(String line) {
    UsageException e = assertThrows(UsageException.class, () -> parse(line.split(" ")));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
    assertTrue(e.getMessage().contains(line.split("[ =]")[0]), e.getMessage());
  }

  // ---------------------------------------------------------------- Spark configuration fallback

  @Test
  void commandLineWinsOverJobConfWhichWinsOverGlobalConfWhichWinsOverDefault() {
    Map<String, String> conf = new HashMap<>();
    conf.put("spark.sectortrends.ingest.min-body-chars", "20");
    conf.put("spark.sectortrends.min-body-chars", "30");
    conf.put("spark.sectortrends.out", "/global/out");
    conf.put("spark.sectortrends.topics.near-duplicate-threshold", "0.5"); // another job's setting
    conf.put("spark.sectortrends.ingest.input", "x.jsonl, y.csv ,,z.txt");
    conf.put("spark.sectortrends.ingest.dry-run", "true");

    assertEquals(40, parseWithConf(conf, "--min-body-chars", "40").get(MIN_CHARS));
    JobOptions fromConf = parseWithConf(conf);
    assertEquals(20, fromConf.get(MIN_CHARS));
    assertEquals("/global/out", fromConf.get(OUT));
    assertEquals(0.9, fromConf.get(THRESHOLD));
    assertEquals(List.of("x.jsonl", "y.csv", "z.txt"), fromConf.get(INPUT));
    assertEquals(true, fromConf.get(DRY_RUN));
    assertEquals(List.of("cli"), parseWithConf(conf, "--input", "cli").get(INPUT));

    conf.remove("spark.sectortrends.ingest.min-body-chars");
    assertEquals(30, parseWithConf(conf).get(MIN_CHARS));
    conf.remove("spark.sectortrends.min-body-chars");
    assertEquals(10, parseWithConf(conf).get(MIN_CHARS));
  }

  @ParameterizedTest
  @CsvSource({"spark.sectortrends.ingest.min-body-chars", "spark.sectortrends.min-body-chars"})
  void badConfValueNamesTheConfKey(String key) {
    UsageException e = assertThrows(UsageException.class, () -> parseWithConf(Map.of(key, "many")));
    assertTrue(e.getMessage().contains(key), e.getMessage());
    assertTrue(e.getMessage().contains("'many'"), e.getMessage());
    assertTrue(e.getMessage().contains("--min-body-chars"), e.getMessage());
  }

  @Test
  void badFlagInConfNamesTheConfKey() {
    UsageException e =
        assertThrows(
            UsageException.class, () -> parseWithConf(Map.of("spark.sectortrends.dry-run", "yes")));
    assertTrue(e.getMessage().contains("spark.sectortrends.dry-run"), e.getMessage());
  }

  @Test
  void commandLineValueIsUsedEvenWhenTheConfValueIsBad() {
    assertEquals(
        12,
        parseWithConf(Map.of("spark.sectortrends.min-body-chars", "many"), "--min-body-chars", "12")
            .get(MIN_CHARS));
  }

  // ---------------------------------------------------------------- usage and describe

  @Test
  void usageListsEveryOptionWithItsDefault() {
    String usage = JobOptions.usage(JOB, "Reads a corpus.", SPECS);
    assertTrue(usage.startsWith("Usage: ingest [options]"), usage);
    assertTrue(usage.contains("Reads a corpus."));
    for (JobOption<?> spec : SPECS) {
      String line =
          usage
              .lines()
              .filter(l -> l.startsWith("  --" + spec.name() + " "))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no line for --" + spec.name() + " in\n" + usage));
      assertTrue(line.contains(spec.description()), line);
      assertTrue(line.contains("(default: "), line);
    }
    assertLine(usage, "--input", "PATH...", "(default: data/sample)");
    assertLine(usage, "--format", "FORMAT", "(default: none)");
    assertLine(usage, "--out", "DIR", "(default: out)");
    assertLine(usage, "--min-body-chars", "N", "(default: 10)");
    assertLine(usage, "--near-duplicate-threshold", "X", "(default: 0.9)");
    assertLine(usage, "--default-date", "YYYY-MM-DD", "(default: none)");
    assertLine(usage, "--dry-run", "Plan only", "(default: off)");
    assertLine(usage, "--mode", "MODE", "(default: none)");
    assertTrue(usage.contains("--help"));
    assertTrue(usage.contains("spark.sectortrends.ingest.<option>"));
  }

  @Test
  void ingestUsageShowsReadableDefaults() {
    IngestJob ingest = new IngestJob();
    String usage = JobOptions.usage(ingest.name(), ingest.summary(), ingest.options());
    for (JobOption<?> spec : ingest.options()) {
      assertTrue(
          usage.contains("  --" + spec.name() + " "),
          () -> "--" + spec.name() + " missing in\n" + usage);
    }
    assertLine(usage, "--format", "(default: none)");
    assertLine(usage, "--input", "(default: data/sample)");
    assertLine(usage, "--near-duplicate-threshold", "(default: 0.9)");
    assertLine(usage, "--max-record-bytes", "(default: 1048576)");
    assertFalse(usage.contains("Optional"), usage);
    assertEquals(
        ingest.options().size(), usage.lines().filter(l -> l.contains("(default: ")).count());
  }

  @Test
  void describeListsEffectiveValues() {
    String d = parse("--input", "a", "b", "--min-body-chars", "12").describe();
    assertTrue(d.contains("input=a,b"), d);
    assertTrue(d.contains("min-body-chars=12"), d);
    assertTrue(d.contains("out=out"), d);
    assertFalse(d.contains("format="), d);
  }

  @Test
  void getOfAForeignOptionFails() {
    JobOption<String> foreign = JobOption.string("foreign", "X", "x", "Not declared");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parse().get(foreign));
    assertTrue(e.getMessage().contains("--foreign"));
  }

  @ParameterizedTest
  @CsvSource({"Out", "out_dir", "-out", "1out", "''"})
  void optionNamesAreLowerCaseWords(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JobOption.string(name, "X", null, "d"));
    assertTrue(e.getMessage().contains(name));
  }

  private static void assertLine(String usage, String option, String... parts) {
    String line =
        usage.lines().filter(l -> l.startsWith("  " + option + " ")).findFirst().orElseThrow();
    for (String part : parts) {
      assertTrue(line.contains(part), () -> "'" + part + "' missing in: " + line);
    }
  }
}
