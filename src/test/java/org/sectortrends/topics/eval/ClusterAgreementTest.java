package org.sectortrends.topics.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClusterAgreementTest {

  @Test
  void renamedClassesAgreeCompletely() {
    ClusterAgreement a = new ClusterAgreement().add(7, "경제", 30).add(3, "스포츠", 20).add(5, "정치", 10);
    assertEquals(1.0, a.nmi(), 1e-12);
    assertEquals(1.0, a.purity(), 1e-12);
  }

  @Test
  void independentLabelingsShareNoInformation() {
    ClusterAgreement a =
        new ClusterAgreement().add(0, "x", 25).add(0, "y", 25).add(1, "x", 25).add(1, "y", 25);
    assertEquals(0.0, a.nmi(), 1e-12);
    assertEquals(0.5, a.purity(), 1e-12);
  }

  /** Values computed by hand with I = H(C) + H(G) - H(C,G) and natural logarithms. */
  @Test
  void mixedClusteringsMatchHandComputedValues() {
    ClusterAgreement small =
        new ClusterAgreement().add("A", "x", 2).add("B", "x", 1).add("B", "y", 1);
    assertEquals(0.3437110184854508, small.nmi(), 1e-12);
    assertEquals(0.75, small.purity(), 1e-12);

    ClusterAgreement three =
        new ClusterAgreement()
            .add(0, "a", 5)
            .add(0, "b", 1)
            .add(1, "b", 4)
            .add(1, "c", 1)
            .add(2, "c", 3)
            .add(2, "a", 1);
    assertEquals(0.5420323029390143, three.nmi(), 1e-12);
    assertEquals(0.8, three.purity(), 1e-12);
    assertEquals(15, three.total());
  }

  @Test
  void repeatedCellsAccumulate() {
    ClusterAgreement once = new ClusterAgreement().add(0, "a", 4).add(1, "b", 2).add(1, "a", 2);
    ClusterAgreement split =
        new ClusterAgreement()
            .add(0, "a", 1)
            .add(0, "a", 3)
            .add(1, "b", 2)
            .add(1, "a", 1)
            .add(1, "a", 1);
    assertEquals(once.nmi(), split.nmi(), 1e-15);
    assertEquals(once.purity(), split.purity(), 1e-15);
  }

  @Test
  void singleGroupOnBothSidesIsFullAgreementAndEmptyIsAnError() {
    assertEquals(1.0, new ClusterAgreement().add(0, "a", 9).nmi(), 1e-12);
    assertThrows(IllegalStateException.class, () -> new ClusterAgreement().nmi());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ClusterAgreement().add(0, "a", -2));
    assertEquals(true, e.getMessage().contains("-2"));
  }
}
