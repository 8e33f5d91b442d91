package org.sectortrends.text;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Lowercases text before Nori sees it, so that user dictionary entries match regardless of case.
 *
 * <p>Why before the tokenizer and not after: Nori looks words up in the user dictionary
 * case-sensitively, so {@code SK하이닉스} in the dictionary would miss {@code Sk하이닉스} in a text and the
 * lowercased taxonomy keyword {@code sk하이닉스} could never be checked against the analyzer.
 * Lowercasing both the dictionary ({@link NoriResources#userDictionary()}) and the input makes
 * every case variant one entry. Nori's segmentation of Latin runs does not depend on case.
 *
 * <p>Example: {@code "HBM3E와 iPhone"} reaches the tokenizer as {@code "hbm3e와 iphone"}.
 *
 * <p>Known weakness: lowercasing is done char by char ({@link Character#toLowerCase(char)}), which
 * keeps offsets exact but skips the few characters whose lowercase form has a different length (for
 * example the Turkish dotted capital I); such characters pass unchanged.
 */
final class LowerCaseCharFilter extends CharFilter {

  LowerCaseCharFilter(Reader input) {
    super(input);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int read = input.read(buffer, offset, length);
    for (int i = offset; i < offset + read; i++) {
      buffer[i] = Character.toLowerCase(buffer[i]);
    }
    return read;
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }
}
