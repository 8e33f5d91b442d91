package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The driver-side resolution of duplicate decisions, without Spark. */
class DuplicateDecisionsTest {

  private static Timestamp day(int d) {
    return d == 0 ? null : Timestamp.valueOf("2025-03-" + String.format("%02d", d) + " 09:00:00");
  }

  /** "earlier:day>later:similarity" for near pairs, "copy=first" for exact duplicates. */
  private static Map<String, String> decide(String exact, String near) {
    List<Row> exactRows = new ArrayList<>();
    for (String e : exact.isBlank() ? new String[0] : exact.split(" ")) {
      String[] p = e.split("=");
      exactRows.add(RowFactory.create(p[0], p[1]));
    }
    List<Row> pairs = new ArrayList<>();
    for (String n : near.isBlank() ? new String[0] : near.split(" ")) {
      String[] p = n.split("[:>]");
      pairs.add(
          RowFactory.create(p[0], day(Integer.parseInt(p[1])), p[2], Double.parseDouble(p[3])));
    }
    Map<String, String> out = new HashMap<>();
    for (Row d : Deduplicator.decide(exactRows, pairs)) {
      out.put(d.getString(0), d.getString(1) + "/" + d.getString(2) + "/" + d.getDouble(3));
    }
    return out;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "exact copies name the first",
            "b=a c=a",
            "",
            Map.of("b", "a/exact/1.0", "c", "a/exact/1.0")),
        Arguments.of(
            "a chain ends at the kept article",
            "",
            "a:1>b:0.95 b:2>c:0.92",
            Map.of("b", "a/near/0.95", "c", "a/near/0.92")),
        Arguments.of(
            "the earliest similar article wins, the best similarity is kept",
            "",
            "b:2>c:0.97 a:1>c:0.91",
            Map.of("c", "a/near/0.97")),
        Arguments.of(
            "undated earlier articles come last",
            "",
            "u:0>c:0.99 a:5>c:0.91",
            Map.of("c", "a/near/0.99")),
        Arguments.of(
            "an exact copy of a near duplicate points to its root",
            "d=b",
            "a:1>b:0.93",
            Map.of("b", "a/near/0.93", "d", "a/exact/1.0")),
        Arguments.of("nothing to decide", "", "", Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(String name, String exact, String near, Map<String, String> expected) {
    assertEquals(expected, decide(exact, near));
  }
}
