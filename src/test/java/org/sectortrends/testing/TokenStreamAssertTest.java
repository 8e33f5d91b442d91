package org.sectortrends.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The assertion helper fails on every kind of wrong output it claims to check. */
class TokenStreamAssertTest {

  private static Tokenizer tokens(String text) {
    Tokenizer tokenizer = new WhitespaceTokenizer();
    tokenizer.setReader(new StringReader(text));
    return tokenizer;
  }

  @Test
  void acceptsTheRightOutput() throws IOException {
    TokenStreamAssert.assertTokenStreamContents(
        tokens("ab  c"),
        new String[] {"ab", "c"},
        new int[] {0, 4},
        new int[] {2, 5},
        new int[] {1, 1},
        5);
  }

  @Test
  void failsOnAnyWrongValue() {
    String[] terms = {"ab", "c"};
    int[] starts = {0, 4};
    int[] ends = {2, 5};
    int[] increments = {1, 1};
    assertThrows(
        AssertionFailedError.class,
        () ->
            TokenStreamAssert.assertTokenStreamContents(
                tokens("ab  c"), new String[] {"ab", "d"}, starts, ends, increments, 5));
    assertThrows(
        AssertionFailedError.class,
        () ->
            TokenStreamAssert.assertTokenStreamContents(
                tokens("ab  c"), terms, new int[] {0, 3}, ends, increments, 5));
    assertThrows(
        AssertionFailedError.class,
        () ->
            TokenStreamAssert.assertTokenStreamContents(
                tokens("ab  c"), terms, starts, new int[] {2, 4}, increments, 5));
    assertThrows(
        AssertionFailedError.class,
        () ->
            TokenStreamAssert.assertTokenStreamContents(
                tokens("ab  c"), terms, starts, ends, new int[] {1, 2}, 5));
    assertThrows(
        AssertionFailedError.class,
        () ->
            TokenStreamAssert.assertTokenStreamContents(
                tokens("ab  c"), terms, starts, ends, increments, 6));
    assertThrows(
        AssertionFailedError.class,
        () ->
            TokenStreamAssert.assertTokenStreamContents(
                tokens("ab  c d"), terms, starts, ends, increments, 7));
  }

  @Test
  void failsOnOffsetsGoingBackwards() {
    Tokenizer backwards =
        new Tokenizer() {
          private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
          private final org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
              addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
          private int emitted;

          @Override
          public boolean incrementToken() {
            clearAttributes();
            if (emitted == 2) {
              return false;
            }
            term.append("x");
            int start = emitted == 0 ? 3 : 1;
            offset.setOffset(start, start + 1);
            emitted++;
            return true;
          }

          @Override
          public void reset() throws IOException {
            super.reset();
            emitted = 0;
          }
        };
    backwards.setReader(new StringReader("xxxx"));
    AssertionFailedError e =
        assertThrows(AssertionFailedError.class, () -> TokenStreamAssert.tokens(backwards));
    assertTrue(e.getMessage().contains("went backwards"), e.getMessage());
  }
}
