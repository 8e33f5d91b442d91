package org.sectortrends.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;

/**
 * Counts tokens with Lucene's {@link KoreanAnalyzer} (Nori with its default user dictionary,
 * decompounding, part-of-speech stop tags and reading forms). One analyzer per JVM: Lucene keeps
 * one token stream per thread inside it, so the dictionary is loaded once and each task reuses
 * its stream instead of building an analyzer per row.
 */
final class KoreanAnalyzerTokenCounter implements TokenCounter {

  static final KoreanAnalyzerTokenCounter INSTANCE = new KoreanAnalyzerTokenCounter();

  private final Analyzer analyzer = new KoreanAnalyzer();

  private KoreanAnalyzerTokenCounter() {}

  @Override
  public int countTokens(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      stream.reset();
      int count = 0;
      while (stream.incrementToken()) {
        count++;
      }
      stream.end();
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot analyze a text of " + text.length() + " chars", e);
    }
  }
}
