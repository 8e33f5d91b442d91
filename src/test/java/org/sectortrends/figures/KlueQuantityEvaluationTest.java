package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.sectortrends.figures.eval.KlueQuantityEvaluation;
import org.sectortrends.testing.SharedData;

/**
 * Recall on KLUE-NER quantity spans with money, percent or counter units and precision against all
 * quantity spans, on real news sentences read at run time. The thresholds are what the extractor
 * reaches (recall 0.995, precision 0.983, coverage 0.995 when written), with a little room below.
 */
class KlueQuantityEvaluationTest {

  @Test
  void recallAndPrecisionOnKlueNews() throws IOException {
    KlueQuantityEvaluation evaluation = new KlueQuantityEvaluation(FigureExtractor.defaults());
    KlueQuantityEvaluation.Result r =
        evaluation.evaluate(SharedData.require("eval/klue-ner/wikitree-dev-even.jsonl"), null);
    assertTrue(r.unitQuantities() > 500, "unexpectedly few unit-bearing QT spans: " + r);
    assertTrue(r.recall() >= 0.98, "recall " + r.recall() + " " + r);
    assertTrue(r.precision() >= 0.97, "precision " + r.precision() + " " + r);
    assertTrue(r.coverage() >= 0.98, "coverage " + r.coverage() + " " + r);
  }

  @Test
  void unitBearingSpansAreRecognized() {
    KlueQuantityEvaluation evaluation = new KlueQuantityEvaluation(FigureExtractor.defaults());
    assertTrue(evaluation.carriesUnit("500만원"));
    assertTrue(evaluation.carriesUnit("16명"));
    assertTrue(evaluation.carriesUnit("70%"));
    assertTrue(evaluation.carriesUnit("한 명"));
    assertTrue(evaluation.carriesUnit("5개국"));
    assertFalse(evaluation.carriesUnit("20대"));
    assertFalse(evaluation.carriesUnit("40∼50대"));
    assertFalse(evaluation.carriesUnit("1위"));
    assertFalse(evaluation.carriesUnit("32"));
    assertFalse(evaluation.carriesUnit("제20회"));
    assertFalse(evaluation.carriesUnit("2세대"));
  }
}
