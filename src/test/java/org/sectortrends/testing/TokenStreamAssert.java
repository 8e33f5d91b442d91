package org.sectortrends.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Full-output assertions for token streams, in the manner of Lucene's {@code
 * BaseTokenStreamTestCase.assertTokenStreamContents} (the test framework is not a dependency):
 * every token's text, start and end offset and position increment, and the final offset after
 * {@code end()}, checked in one pass that also follows the stream contract (reset, incrementToken
 * until false, end, close) and the offset rules every consumer relies on.
 *
 * <pre>{@code
 * try (TokenStream ts = analyzer.tokenStream("f", "美 국채")) {
 *   TokenStreamAssert.assertTokenStreamContents(ts,
 *       new String[] {"미국", "국채"}, new int[] {0, 2}, new int[] {1, 4}, new int[] {1, 1}, 4);
 * }
 * }</pre>
 */
public final class TokenStreamAssert {

  private TokenStreamAssert() {}

  /** One token as a consumer sees it. */
  public record Token(
      String term, int startOffset, int endOffset, int positionIncrement, int positionLength) {}

  /**
   * Consumes {@code ts} (reset, all tokens, end, close) and checks its whole output. Arrays may be
   * null to skip that attribute; {@code finalOffset} null skips the final offset. Whatever is
   * given, offsets must be non-negative, start &lt;= end, start offsets must not go backwards, the
   * first position increment must be at least 1 and no end offset may pass the final offset.
   */
  public static void assertTokenStreamContents(
      TokenStream ts,
      String[] terms,
      int[] startOffsets,
      int[] endOffsets,
      int[] positionIncrements,
      Integer finalOffset)
      throws IOException {
    assertNotNull(terms, "expected terms");
    List<Token> tokens = new ArrayList<>();
    int end = consume(ts, tokens);
    String actual = tokens.toString();
    assertEquals(terms.length, tokens.size(), () -> "token count; tokens were " + actual);
    for (int i = 0; i < terms.length; i++) {
      Token t = tokens.get(i);
      String where = "token " + i + " of " + actual;
      assertEquals(terms[i], t.term(), "term of " + where);
      if (startOffsets != null) {
        assertEquals(startOffsets[i], t.startOffset(), "start offset of " + where);
      }
      if (endOffsets != null) {
        assertEquals(endOffsets[i], t.endOffset(), "end offset of " + where);
      }
      if (positionIncrements != null) {
        assertEquals(
            positionIncrements[i], t.positionIncrement(), "position increment of " + where);
      }
    }
    if (finalOffset != null) {
      assertEquals(finalOffset.intValue(), end, () -> "final offset; tokens were " + actual);
    }
  }

  /** {@link #assertTokenStreamContents} on the stream {@code analyzer} makes of {@code text}. */
  public static void assertAnalyzesTo(
      Analyzer analyzer,
      String text,
      String[] terms,
      int[] startOffsets,
      int[] endOffsets,
      int[] positionIncrements)
      throws IOException {
    assertTokenStreamContents(
        analyzer.tokenStream("f", text),
        terms,
        startOffsets,
        endOffsets,
        positionIncrements,
        text.length());
  }

  /**
   * All tokens of {@code ts}, after checking the stream contract and offset rules (see {@link
   * #assertTokenStreamContents}); the stream is closed afterwards.
   */
  public static List<Token> tokens(TokenStream ts) throws IOException {
    List<Token> tokens = new ArrayList<>();
    consume(ts, tokens);
    return tokens;
  }

  /** Reads every token into {@code into}; returns the final end offset. */
  private static int consume(TokenStream ts, List<Token> into) throws IOException {
    try (ts) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      int lastStart = 0;
      while (ts.incrementToken()) {
        Token t =
            new Token(
                term.toString(),
                offset.startOffset(),
                offset.endOffset(),
                increment.getPositionIncrement(),
                length.getPositionLength());
        int index = into.size();
        int previousStart = lastStart;
        java.util.function.Supplier<String> where =
            () -> "token " + index + " " + t + " after " + into;
        assertTrue(t.startOffset() >= 0, () -> "negative start offset: " + where.get());
        assertTrue(t.startOffset() <= t.endOffset(), () -> "start after end: " + where.get());
        assertTrue(
            t.startOffset() >= previousStart, () -> "start offset went backwards: " + where.get());
        assertTrue(
            t.positionIncrement() >= (index == 0 ? 1 : 0),
            () -> "position increment: " + where.get());
        assertTrue(t.positionLength() >= 1, () -> "position length: " + where.get());
        assertFalse(t.term().isEmpty(), () -> "empty term: " + where.get());
        lastStart = t.startOffset();
        into.add(t);
      }
      ts.end();
      int end = offset.endOffset();
      for (Token t : into) {
        if (t.endOffset() > end) {
          fail("end offset " + t.endOffset() + " of " + t + " passes the final offset " + end);
        }
      }
      return end;
    }
  }
}
