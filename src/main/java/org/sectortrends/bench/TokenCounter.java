package org.sectortrends.bench;

/**
 * Counts the analyzer tokens of a text: the unit of work of the tokenize-only floor, the cost
 * every Korean pipeline pays at least once per body. Implementations must be safe to share
 * between the threads of an executor.
 */
@FunctionalInterface
public interface TokenCounter {

  int countTokens(String text);

  /**
   * The analyzer the floor measures. Until the project's own term extractor is available this is
   * Lucene's Korean analyzer with its defaults; switching is this one line, e.g.
   * {@code return org.sectortrends.text.TermExtractor.shared()::countTokens;}.
   */
  static TokenCounter shared() {
    return KoreanAnalyzerTokenCounter.INSTANCE;
  }
}
