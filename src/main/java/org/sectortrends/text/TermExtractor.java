package org.sectortrends.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns Korean news text into topic terms: the entry point of all text analysis in the project.
 *
 * <p>What: {@link #terms(String)} returns the terms of a text in order, {@link #termCounts(String)}
 * counts them (the rows of the {@code article_terms} table), {@link #countTokens(String)} runs the
 * bare tokenizer as a cost floor for benchmarks. The chain is described in {@link
 * NoriAnalyzerFactory}.
 *
 * <p>Why a shared instance: a Lucene {@link Analyzer} is not serializable and building one parses
 * the user dictionary. {@link #shared()} builds the extractor once per JVM, lazily, so Spark code
 * calls it inside {@code mapPartitions} on the executor and never ships or rebuilds an analyzer.
 * The extractor is thread-safe: Lucene's analyzer keeps one reusable token stream per thread (its
 * global reuse strategy), so each Spark task thread reuses its own stream and no two threads share
 * one.
 *
 * <pre>{@code
 * // in a Spark job; dictionaryDir is a String captured by the closure, null for the packaged files
 * rows.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
 *   TermExtractor extractor = TermExtractor.shared(dictionaryDir);
 *   ... extractor.termCounts(body) ...
 * }, encoder);
 *
 * TermExtractor.shared().terms("공신부, SK하이닉스에 HBM 투자 요청")  // [공신부, sk하이닉스, hbm, 투자, 요청]
 * }</pre>
 *
 * <p>Known weaknesses: terms are surface nouns, so synonyms (전기차, 전기자동차) and spelling variants (AI,
 * 인공지능) stay separate terms; the quality of terms for unknown names depends on the user dictionary
 * being kept up to date.
 */
public final class TermExtractor {

  private static final Map<Path, TermExtractor> BY_DIRECTORY = new ConcurrentHashMap<>();

  private final Analyzer topicAnalyzer;
  private final Analyzer tokenizerOnly;

  private TermExtractor(NoriResources resources, Analyzer topicAnalyzer) {
    this.topicAnalyzer = topicAnalyzer;
    this.tokenizerOnly = NoriAnalyzerFactory.tokenizerOnly(resources);
  }

  /** A new extractor over the given resources; prefer {@link #shared()} in production code. */
  public static TermExtractor create(NoriResources resources) {
    return new TermExtractor(resources, NoriAnalyzerFactory.topicAnalyzer(resources));
  }

  /**
   * An extractor with another decompound mode and part-of-speech set than the project's; for
   * measuring alternatives (see {@link NoriAnalyzerFactory#topicAnalyzer(NoriResources,
   * KoreanTokenizer.DecompoundMode, Set)}).
   */
  public static TermExtractor create(
      NoriResources resources, KoreanTokenizer.DecompoundMode mode, Set<POS.Tag> tags) {
    return new TermExtractor(resources, NoriAnalyzerFactory.topicAnalyzer(resources, mode, tags));
  }

  /** The JVM-wide extractor over the packaged dictionary and stopwords, built on first use. */
  public static TermExtractor shared() {
    return ClasspathHolder.INSTANCE;
  }

  /**
   * The JVM-wide extractor over the resources in {@code resourceDir}, built on first use per
   * directory; {@code null} or blank means the packaged resources.
   */
  public static TermExtractor shared(String resourceDir) {
    if (resourceDir == null || resourceDir.isBlank()) {
      return shared();
    }
    Path dir = Path.of(resourceDir).toAbsolutePath().normalize();
    return BY_DIRECTORY.computeIfAbsent(dir, d -> create(NoriResources.fromDirectory(d)));
  }

  /** Topic terms of {@code text} in text order, with repeats; empty for null or blank text. */
  public List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    forEachTerm(text, terms::add);
    return terms;
  }

  /** How often each topic term occurs in {@code text}, in order of first occurrence. */
  public Map<String, Integer> termCounts(String text) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    forEachTerm(text, term -> counts.merge(term, 1, Integer::sum));
    return counts;
  }

  /** Calls {@code sink} with each topic term of {@code text}, without collecting them. */
  public void forEachTerm(String text, Consumer<String> sink) {
    if (text == null || text.isBlank()) {
      return;
    }
    try (TokenStream stream = topicAnalyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        sink.accept(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Tokenizing an in-memory string failed", e);
    }
  }

  /**
   * Number of raw Nori tokens in {@code text} (all parts of speech, before any filter): the
   * cheapest full pass over a text, used as the floor in tokenization benchmarks.
   */
  public int countTokens(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    int count = 0;
    try (TokenStream stream = tokenizerOnly.tokenStream("", text)) {
      stream.reset();
      while (stream.incrementToken()) {
        count++;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("Tokenizing an in-memory string failed", e);
    }
    return count;
  }

  private static final class ClasspathHolder {
    static final TermExtractor INSTANCE = create(NoriResources.fromClasspath());
  }
}
