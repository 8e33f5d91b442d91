package org.sectortrends.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The k criterion on generated sparse documents with a planted number of groups ({@link
 * PlantedGroups}, the fixture of {@link SphericalKMeansTest} with larger term blocks).
 */
class KSelectionTest {

  private static final int TERMS_PER_GROUP = 15;
  private static final int SHARED_TERMS = 8;

  private static PlantedGroups corpus(int groups, int perGroup, int noise, long seed) {
    return PlantedGroups.generate(groups, perGroup, noise, seed, TERMS_PER_GROUP, SHARED_TERMS);
  }

  private static KSelection.Choice choose(PlantedGroups c, int kMin, int kMax) {
    Map<Integer, Double> byK = new LinkedHashMap<>();
    for (int k = kMin; k <= kMax; k++) {
      byK.put(
          k,
          KSelection.stability(
                  c.indices(),
                  c.values(),
                  c.dimension(),
                  k,
                  42L,
                  40,
                  KSelection.DEFAULT_SUBSAMPLES,
                  KSelection.DEFAULT_FRACTION)
              .meanAri());
    }
    return KSelection.choose(byK);
  }

  @ParameterizedTest(name = "{0} groups, noise {1}, seed {2}")
  @CsvSource({"4, 1, 1", "6, 1, 2", "7, 2, 3", "9, 1, 4"})
  void findsThePlantedNumberOfGroupsInsideTheRange(int groups, int noise, long seed) {
    KSelection.Choice choice = choose(corpus(groups, 60, noise, seed), groups - 2, groups + 4);
    assertEquals(groups, choice.k(), choice.stabilities()::toString);
    assertNull(choice.warning(), choice::warning);
  }

  @Test
  void warnsWhenTheChosenKIsTheTopOfTheRange() {
    KSelection.Choice choice = choose(corpus(9, 30, 2, 5), 3, 6);
    assertEquals(6, choice.k(), choice.stabilities()::toString);
    assertTrue(choice.atEdge());
    assertTrue(
        choice.warning().contains("upper edge") && choice.warning().contains("3..6"),
        choice.warning());
  }

  @Test
  void warnsWhenTheChosenKIsTheBottomOfTheRange() {
    KSelection.Choice choice = choose(corpus(3, 40, 2, 6), 3, 7);
    assertEquals(3, choice.k(), choice.stabilities()::toString);
    assertTrue(choice.warning().contains("lower edge"), choice.warning());
  }

  @Test
  void aSingleKIsNoEdge() {
    assertNull(KSelection.choose(Map.of(5, 0.3)).warning());
  }

  @Test
  void stabilitiesWithinFivePercentOfTheBestGoToTheSmallestK() {
    Map<Integer, Double> byK = new LinkedHashMap<>();
    byK.put(4, 0.2);
    byK.put(5, 0.58);
    byK.put(6, 0.60);
    byK.put(7, 0.1);
    assertEquals(5, KSelection.choose(byK).k());
    byK.put(5, 0.56);
    assertEquals(6, KSelection.choose(byK).k());
  }

  @Test
  void adjustedRandIsOneForTheSamePartitionAndAboutZeroByChance() {
    int[] a = {0, 0, 1, 1, 2, 2};
    int[] relabelled = {2, 2, 0, 0, 1, 1};
    assertEquals(1.0, KSelection.adjustedRand(a, relabelled), 1e-12);
    SplittableRandom random = new SplittableRandom(3);
    int[] x = new int[5000];
    int[] y = new int[5000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextInt(5);
      y[i] = random.nextInt(5);
    }
    assertEquals(0.0, KSelection.adjustedRand(x, y), 0.01);
    // a textbook value: {0,0,0,1,1,1} against {0,0,1,1,2,2} gives 0.24242...
    assertEquals(
        8.0 / 33,
        KSelection.adjustedRand(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}),
        1e-12);
  }

  @Test
  void badArgumentsNameTheValue() {
    PlantedGroups c = corpus(3, 10, 1, 1);
    IllegalArgumentException one =
        assertThrows(
            IllegalArgumentException.class,
            () -> KSelection.stability(c.indices(), c.values(), c.dimension(), 3, 1L, 10, 1, 0.8));
    assertTrue(one.getMessage().contains(": 1"), one.getMessage());
    IllegalArgumentException fraction =
        assertThrows(
            IllegalArgumentException.class,
            () -> KSelection.stability(c.indices(), c.values(), c.dimension(), 3, 1L, 10, 4, 1.5));
    assertTrue(fraction.getMessage().contains("1.5"), fraction.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KSelection.choose(Map.of()));
  }
}
