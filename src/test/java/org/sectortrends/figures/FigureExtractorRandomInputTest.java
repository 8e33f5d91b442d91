package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sectortrends.testing.RandomKoreanText;

/**
 * The extractor on random text ({@link RandomKoreanText}): it never throws, and every figure it
 * returns is well formed: its span lies within the text, its surface is the text at its offsets
 * (code points), spans come in order without overlapping, a conversion points to an earlier figure
 * and an upper end comes with the qualifier {@code range}. Rerun on other texts with {@code
 * -Dsectortrends.randomSeed=N}.
 */
class FigureExtractorRandomInputTest {

  private static final FigureExtractor EXTRACTOR = FigureExtractor.defaults();

  @Test
  void manyShortTexts() {
    long seed = RandomKoreanText.seed(20261207L);
    RandomKoreanText random = new RandomKoreanText(seed);
    for (int i = 0; i < 1500; i++) {
      check(
          random.text(1 + i % 60),
          i % 3 == 0 ? null : LocalDate.of(2025, 1 + i % 12, 1 + i % 28),
          seed,
          i);
    }
  }

  @Test
  void aFewLongTexts() {
    long seed = RandomKoreanText.seed(7L);
    RandomKoreanText random = new RandomKoreanText(seed);
    for (int i = 0; i < 6; i++) {
      check(random.text(4000), LocalDate.of(2025, 11, 26), seed, i);
    }
  }

  @Test
  void longRunsOfOnePiece() {
    String[] pieces = {
      "1", "1,", "1.", "1-", "조", "억원", "%", "만", "약 ", "~", "△", "▲3", "3~", "十", "일", "㎿", "😀",
      " ", "\n", "3조", "3조원대", "두 배", "마이너스", "1/", "$1", "US$", "-1", "1분의", "절반"
    };
    for (String piece : pieces) {
      // about 20,000 chars each; a run of figures without a sentence end (3조원대3조원대...) is one
      // sentence of thousands of figures, which attribution handles in time quadratic in their
      // number
      check(piece.repeat(20_000 / piece.length()), LocalDate.of(2025, 1, 1), 0, -1);
    }
  }

  private static void check(String text, LocalDate published, long seed, int index) {
    List<Figure> figures;
    try {
      figures = EXTRACTOR.extract(text, published);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "extract threw on text "
              + index
              + " of seed "
              + seed
              + ": "
              + RandomKoreanText.quote(text),
          e);
    }
    int[] cps = text.codePoints().toArray();
    int previousEnd = 0;
    for (int f = 0; f < figures.size(); f++) {
      Figure figure = figures.get(f);
      int at = f;
      java.util.function.Supplier<String> where =
          () ->
              "figure "
                  + at
                  + " "
                  + figure
                  + " of text "
                  + index
                  + " of seed "
                  + seed
                  + ": "
                  + RandomKoreanText.quote(text);
      if (figure.start() < 0 || figure.end() > cps.length || figure.start() >= figure.end()) {
        fail("span outside the text (" + cps.length + " code points): " + where.get());
      }
      assertEquals(
          new String(cps, figure.start(), figure.end() - figure.start()), figure.surface(), where);
      int previous = previousEnd;
      assertTrue(figure.start() >= previous, () -> "overlaps the previous figure: " + where.get());
      previousEnd = figure.end();
      assertNotNull(figure.sentence(), where);
      if (figure.conversionOf() != null) {
        assertTrue(
            figure.conversionOf() >= 0 && figure.conversionOf() < at,
            () -> "conversion of a later figure: " + where.get());
      }
      if (figure.rangeHigh() != null) {
        assertEquals(
            "range", figure.qualifier(), where); // an upper end comes only with a range or band
      }
    }
  }
}
