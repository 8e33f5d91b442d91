package org.sectortrends.text;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Replaces a term by its canonical spelling from {@code data/nori/termmap.txt}, so that variants of
 * one name become one feature.
 *
 * <p>Why: headlines abbreviate countries, parties and institutions with one Chinese character (美,
 * 北, 與) while article bodies spell them out (미국, 북한, 여당); without folding, the two spellings are
 * unrelated features and the same story splits across topics.
 *
 * <p>Example: {@code 美} becomes {@code 미국}, {@code 北} becomes {@code 북한}.
 *
 * <p>Known weakness: one-to-one replacement only, without context: an entry must be unambiguous in
 * news text (朴 and 文 are surnames of many people and are deliberately not mapped).
 */
public final class TermMapFilter extends TokenFilter {

  private final Map<String, String> canonical;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public TermMapFilter(TokenStream input, Map<String, String> canonical) {
    super(input);
    this.canonical = canonical;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!canonical.isEmpty()) {
      String replacement = canonical.get(term.toString());
      if (replacement != null) {
        term.setEmpty().append(replacement);
      }
    }
    return true;
  }
}
