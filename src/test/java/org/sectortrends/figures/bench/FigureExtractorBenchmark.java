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
 * Single-thread throughput of {@link FigureExtractor#extract} on dense economic news text
 * ({@code /figures/bench-news.txt}, ten short articles full of figures, one article per call).
 *
 * <p>Run (see docs/extract-figures.md):
 * <pre>
 *   mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *       org.sectortrends.figures.bench.FigureExtractorBenchmark
 * </pre>
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
        try (InputStream in = FigureExtractorBenchmark.class.getResourceAsStream("/figures/bench-news.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
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
        Options options = new OptionsBuilder().include(FigureExtractorBenchmark.class.getSimpleName()).build();
        for (RunResult result : new Runner(options).run()) {
            double opsPerSecond = result.getPrimaryResult().getScore();
            System.out.printf("%s: %.0f ops/s x %d chars = %.2f M chars/s on one thread%n",
                    result.getParams().getBenchmark(), opsPerSecond, chars, opsPerSecond * chars / 1e6);
        }
    }
}
