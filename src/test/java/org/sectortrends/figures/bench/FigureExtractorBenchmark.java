package org.sectortrends.figures.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.sectortrends.figures.Figure;
import org.sectortrends.figures.FigureExtractor;

/**
 * Single-thread throughput of {@link FigureExtractor#extract} on dense economic news text ({@code
 * /figures/bench-news.txt}, ten short articles full of figures, one article per call).
 *
 * <p>Run (see docs/extract-figures.md):
 *
 * <pre>
 *   mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *       org.sectortrends.figures.bench.FigureExtractorBenchmark
 * </pre>
 *
 * {@code main} runs JMH and prints chars/s (operations/s times the characters per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class FigureExtractorBenchmark {

  private FigureExtractor extractor;
  private List<String> articles;
  private int next;

  @Setup
  public void setUp() throws IOException {
    extractor = FigureExtractor.defaults();
    articles = articles();
  }

  static List<String> articles() throws IOException {
    try (InputStream in =
        FigureExtractorBenchmark.class.getResourceAsStream("/figures/bench-news.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }

  private org.apache.lucene.analysis.ko.KoreanTokenizer nori;

  /** Nori tokenization of the same articles, the yardstick the issue compares against. */
  @Benchmark
  public int noriTokenizeCorpus() throws IOException {
    if (nori == null) {
      nori = new org.apache.lucene.analysis.ko.KoreanTokenizer();
    }
    int tokens = 0;
    for (String article : articles) {
      nori.setReader(new java.io.StringReader(article));
      nori.reset();
      while (nori.incrementToken()) {
        tokens++;
      }
      nori.end();
      nori.close();
    }
    return tokens;
  }

  /** One pass over all articles; chars per operation = total characters of the corpus. */
  @Benchmark
  public int extractCorpus() {
    int n = 0;
    LocalDate published = LocalDate.of(2025, 11, 26);
    for (String article : articles) {
      List<Figure> figures = extractor.extract(article, published);
      n += figures.size();
    }
    return n;
  }

  public static void main(String[] args) throws RunnerException, IOException {
    long chars = articles().stream().mapToLong(String::length).sum();
    Options options =
        new OptionsBuilder().include(FigureExtractorBenchmark.class.getSimpleName()).build();
    for (RunResult result : new Runner(options).run()) {
      double opsPerSecond = result.getPrimaryResult().getScore();
      System.out.printf(
          "%s: %.0f ops/s x %d chars = %.2f M chars/s on one thread (wall clock)%n",
          result.getParams().getBenchmark(), opsPerSecond, chars, opsPerSecond * chars / 1e6);
    }
    cpuTimeCrossCheck(chars);
  }

  /**
   * The same work timed by the thread's CPU time instead of the wall clock: on a machine shared
   * with other processes the wall clock also counts the time the thread waited for a core, while
   * chars per CPU-second is the throughput of one core.
   */
  static void cpuTimeCrossCheck(long chars) throws IOException {
    FigureExtractorBenchmark bench = new FigureExtractorBenchmark();
    bench.setUp();
    cpuTime("extractCorpus", chars, bench::extractCorpus);
    cpuTime(
        "noriTokenizeCorpus",
        chars,
        () -> {
          try {
            return bench.noriTokenizeCorpus();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static void cpuTime(String name, long chars, java.util.function.IntSupplier work) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < 6; round++) {
      long start = mx.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      int ops = 0;
      while (mx.getCurrentThreadCpuTime() - start < 2_000_000_000L) {
        sink += work.getAsInt();
        ops++;
      }
      double cpu = (mx.getCurrentThreadCpuTime() - start) / 1e9;
      double wall = (System.nanoTime() - wallStart) / 1e9;
      if (round >= 2) {
        System.out.printf(
            "%s cpu-time round %d: %.2f M chars per CPU-second (%.2f M chars/s wall)%n",
            name, round - 1, ops * chars / cpu / 1e6, ops * chars / wall / 1e6);
      }
    }
    System.out.println("(" + name + " checksum " + sink + ")");
  }
}
