package org.sectortrends.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

  private static final List<String> INGEST =
      List.of("input", "format", "column-map", "default-date", "out", "run-id");

  @Test
  void suggestsTheNameOneTypoAway() {
    assertEquals(
        Optional.of("out"),
        ClosestName.among("ouput", INGEST),
        "as far from input as from out: the shared start decides");
    assertEquals(Optional.of("format"), ClosestName.among("fromat", INGEST));
    assertEquals(Optional.of("column-map"), ClosestName.among("colum-map", INGEST));
    assertEquals(
        Optional.of("lexicon-dir"),
        ClosestName.among("lexicons", List.of("months", "lexicon-dir", "fx-table")));
  }

  @Test
  void truncatedNamesFindTheirCompletion() {
    assertEquals(Optional.of("default-date"), ClosestName.among("default", INGEST));
    assertEquals(
        Optional.of("stages"), ClosestName.among("stage", List.of("stages", "input", "out")));
  }

  @Test
  void farNamesGetNoSuggestion() {
    assertEquals(Optional.empty(), ClosestName.among("executor-memory", INGEST));
    assertEquals(Optional.empty(), ClosestName.among("zz", INGEST));
  }

  @Test
  void distanceIsLevenshtein() {
    assertEquals(0, ClosestName.distance("out", "out"));
    assertEquals(3, ClosestName.distance("kitten", "sitting"));
    assertEquals(5, ClosestName.distance("", "input"));
  }
}
