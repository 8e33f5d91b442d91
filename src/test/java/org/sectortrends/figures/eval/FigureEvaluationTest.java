package org.sectortrends.figures.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sectortrends.figures.eval.FigureEvaluation.Result;

/** The scorer on tiny hand-made gold and prediction lines. */
class FigureEvaluationTest {

  // Article a: "알파는 매출 약 4조 원(30억 달러)을 올렸다. 베타 12%, 감마 8%."
  private static final List<String> GOLD =
      List.of(
          gold("a", 7, 13, "약 4조 원", "4000000000000", "KRW", null, "revenue", "알파", "2025Q3", null),
          gold(
              "a",
              14,
              20,
              "30억 달러",
              "3000000000",
              "USD",
              null,
              "revenue",
              "알파",
              "2025Q3",
              "약 4조 원"),
          gold("a", 30, 33, "12%", "12", "percent", null, "market_share", "베타|베타전자", "*", null),
          gold("a", 37, 39, "8%", "8", "percent", null, "market_share", "감마", "2025Q3|-", null));

  @Test
  void perfectPredictionScoresOneEverywhere() {
    String pred =
        pred(
            "a",
            fig(7, 13, "약 4조 원", "4000000000000", "KRW", "approx", "revenue", "알파", "2025Q3", null),
            fig(14, 20, "30억 달러", "3000000000", "USD", null, "revenue", "알파", "2025Q3", 0),
            fig(30, 33, "12%", "12", "percent", null, "market_share", "베타전자", "2025", null),
            fig(37, 39, "8%", "8", "percent", null, "market_share", "감마", null, null));
    Result r = FigureEvaluation.evaluate(GOLD, List.of(pred));
    assertEquals(1.0, r.f1(), 1e-9);
    assertEquals(4, r.valueAndUnit().right());
    assertEquals(4, r.conversion().right());
    assertEquals(4, r.subject().right(), "alternatives and spacing are accepted");
    // 12% is not scored for period (*); 8% accepts null through "-"
    assertEquals(3, r.period().total());
    assertEquals(3, r.period().right());
    // the gold has no qualifier on 약 4조 원, the prediction says approx
    assertEquals(3, r.qualifier().right());
  }

  @Test
  void qualifierInsideOrOutsideTheSpanIsTheSameFigure() {
    String pred =
        pred(
            "a", fig(9, 13, "4조 원", "4000000000000", "KRW", null, "revenue", "알파", "2025Q3", null));
    Result r = FigureEvaluation.evaluate(GOLD.subList(0, 1), List.of(pred));
    assertEquals(1, r.matched());
    assertEquals(1.0, r.f1(), 1e-9);
  }

  @Test
  void missesSpuriousFiguresAndWrongFieldsAreCounted() {
    String pred =
        pred(
            "a",
            fig(
                7,
                13,
                "약 4조 원",
                "4000000000000",
                "KRW",
                null,
                "operating_profit",
                "알파는",
                "2025Q3",
                null),
            fig(14, 20, "30억 달러", "3000000000", "KRW", null, "revenue", "알파", "2024", null),
            fig(40, 44, "99명", "99", "count", null, null, null, null, null));
    Result r = FigureEvaluation.evaluate(GOLD, List.of(pred));
    assertEquals(2, r.matched());
    assertEquals(2.0 / 3, r.precision(), 1e-9);
    assertEquals(2.0 / 4, r.recall(), 1e-9);
    assertEquals(1, r.valueAndUnit().right(), "USD read as KRW is wrong; misses count as wrong");
    assertEquals(4, r.valueAndUnit().total());
    assertEquals(1, r.conversion().right(), "the restatement lost its link");
    assertEquals(1, r.metric().right(), "operating_profit for revenue is wrong");
    assertEquals(1, r.subject().right(), "a particle left on the subject is wrong");
    assertEquals(1, r.period().right());
    assertTrue(
        r.disagreements().stream().anyMatch(d -> d.startsWith("missed") && d.contains("12%")));
    assertTrue(
        r.disagreements().stream().anyMatch(d -> d.startsWith("spurious") && d.contains("99명")));
  }

  @Test
  void conversionLinkMustPointAtTheMatchedOriginal() {
    String pred =
        pred(
            "a",
            fig(0, 2, "알파", "1", "count", null, null, null, null, null),
            fig(7, 13, "약 4조 원", "4000000000000", "KRW", "approx", "revenue", "알파", "2025Q3", null),
            fig(14, 20, "30억 달러", "3000000000", "USD", null, "revenue", "알파", "2025Q3", 0));
    Result r = FigureEvaluation.evaluate(GOLD.subList(0, 2), List.of(pred));
    assertEquals(1, r.conversion().right(), "linked to an unmatched figure, not to 약 4조 원");
  }

  @Test
  void oneToOneMatchingTakesTheLargestOverlap() {
    // one prediction covering two gold figures matches only the one it overlaps most
    String pred =
        pred(
            "a",
            fig(7, 21, "약 4조 원(30억 달러)", "4000000000000", "KRW", null, null, null, null, null));
    Result r = FigureEvaluation.evaluate(GOLD.subList(0, 2), List.of(pred));
    assertEquals(1, r.matched());
    assertEquals(1, r.valueAndUnit().right());
  }

  @Test
  void articlesMissingFromThePredictionAndErrorLinesCountAsNothingFound() {
    Result r = FigureEvaluation.evaluate(GOLD, List.of("{\"id\":\"a\",\"error\":\"bad line\"}"));
    assertEquals(0, r.matched());
    assertEquals(1, r.predictionErrors());
    assertEquals(0, r.f1());
  }

  @Test
  void badInputNamesTheLineAndTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FigureEvaluation.evaluate(List.of("{\"article\":\"a\",\"start\":0}"), List.of()));
    assertTrue(e.getMessage().contains("gold line 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FigureEvaluation.evaluate(
                    List.of(gold("a", 0, 2, "1%", "x1", "percent", null, null, null, null, null)),
                    List.of()));
    assertTrue(e.getMessage().contains("'x1'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FigureEvaluation.evaluate(
                    List.of(gold("a", 0, 2, "1%", "1", "percent", null, null, null, null, "2%")),
                    List.of()));
    assertTrue(e.getMessage().contains("conversion_of '2%'"), e.getMessage());
  }

  @Test
  void printedReportListsEveryMeasure() {
    Result r = FigureEvaluation.evaluate(GOLD, List.of());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FigureEvaluation.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    String out = bytes.toString(StandardCharsets.UTF_8);
    for (String measure :
        new String[] {
          "figures found F1",
          "exact value and unit",
          "qualifier",
          "conversion link",
          "subject",
          "metric",
          "period",
          "missed"
        }) {
      assertTrue(out.contains(measure), measure + " in\n" + out);
    }
  }

  private static String gold(
      String article,
      int start,
      int end,
      String surface,
      String value,
      String unit,
      String qualifier,
      String metric,
      String subject,
      String period,
      String conversionOf) {
    return "{\"article\":"
        + q(article)
        + ",\"start\":"
        + start
        + ",\"end\":"
        + end
        + ",\"surface\":"
        + q(surface)
        + ",\"value\":"
        + q(value)
        + ",\"unit\":"
        + q(unit)
        + ",\"counter\":null,\"qualifier\":"
        + q(qualifier)
        + ",\"range_high\":null,\"metric\":"
        + q(metric)
        + ",\"subject\":"
        + q(subject)
        + ",\"period\":"
        + q(period)
        + ",\"conversion_of\":"
        + q(conversionOf)
        + "}";
  }

  private static String fig(
      int start,
      int end,
      String surface,
      String value,
      String unit,
      String qualifier,
      String metric,
      String subject,
      String period,
      Integer conversionOf) {
    return "{\"start\":"
        + start
        + ",\"end\":"
        + end
        + ",\"surface\":"
        + q(surface)
        + ",\"value\":"
        + q(value)
        + ",\"unit\":"
        + q(unit)
        + ",\"counter\":null,\"qualifier\":"
        + q(qualifier)
        + ",\"range_high\":null,\"metric\":"
        + q(metric)
        + ",\"subject\":"
        + q(subject)
        + ",\"period\":"
        + q(period)
        + ",\"conversion_of\":"
        + (conversionOf == null ? "null" : conversionOf)
        + "}";
  }

  private static String pred(String id, String... figures) {
    return "{\"id\":" + q(id) + ",\"figures\":[" + String.join(",", figures) + "]}";
  }

  private static String q(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
