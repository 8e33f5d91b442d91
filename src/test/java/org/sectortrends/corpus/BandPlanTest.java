package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandPlanTest {

  @ParameterizedTest(name = "threshold {0} -> {1} bands of {2}")
  @CsvSource({
    "0.90, 7, 6",
    "0.95, 4, 6",
    "1.00, 1, 6",
    "0.80, 18, 6",
    "0.70, 20, 4",
    "0.50, 19, 2",
  })
  void plansTheLargestBandThatKeepsRecall(double threshold, int bands, int rows) {
    Deduplicator.BandPlan plan = Deduplicator.BandPlan.forThreshold(threshold);
    assertEquals(bands, plan.bands());
    assertEquals(rows, plan.rows());
    assertTrue(
        plan.candidateProbability(threshold) >= Deduplicator.BandPlan.TARGET_RECALL,
        "recall at the threshold");
  }

  @ParameterizedTest
  @CsvSource({"0.05", "0.01"})
  void veryLowThresholdsFallBackToSingleValueBands(double threshold) {
    Deduplicator.BandPlan plan = Deduplicator.BandPlan.forThreshold(threshold);
    assertEquals(Deduplicator.BandPlan.MAX_BANDS, plan.bands());
    assertEquals(1, plan.rows());
  }

  @ParameterizedTest
  @CsvSource({"0.13", "0.2", "0.3"})
  void unrelatedArticlesRarelyBecomeCandidatesAtTheDefault(double jaccard) {
    assertTrue(Deduplicator.BandPlan.forThreshold(0.9).candidateProbability(jaccard) < 0.01);
  }
}
