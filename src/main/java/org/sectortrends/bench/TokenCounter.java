package org.sectortrends.bench;

/**
 * Counts the analyzer tokens of a text: the unit of work of the tokenize-only floor, the cost every
 * Korean pipeline pays at least once per body. Implementations must be safe to share between the
 * threads of an executor.
 */
@FunctionalInterface
public interface TokenCounter {

  int countTokens(String text);

  /** The project's Nori tokenizer with its user dictionary, built once per JVM. */
  static TokenCounter shared() {
    return org.sectortrends.text.TermExtractor.shared()::countTokens;
  }
}
