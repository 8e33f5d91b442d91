package org.sectortrends.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The periods of a period table that one run recomputed, and so replaces: every period of some
 * period types ({@code wholeTypes}), and the listed periods of others ({@code periods}). Rows of
 * other periods stay as an earlier run wrote them.
 *
 * <p>Examples: a full {@code trends} run with the default types recomputes {@code wholeTypes(week,
 * month, quarter)}; one for {@code --months 2025-11} recomputes {@code periods(week:
 * 2025-W44..2025-W49, month: 2025-11, quarter: 2025Q4)}.
 */
public record RecomputedPeriods(Set<String> wholeTypes, Map<String, Set<String>> periods) {

  public RecomputedPeriods {
    wholeTypes = Set.copyOf(wholeTypes);
    Map<String, Set<String>> copy = new TreeMap<>();
    periods.forEach((type, labels) -> copy.put(type, Set.copyOf(labels)));
    for (String type : wholeTypes) {
      copy.remove(type);
    }
    periods = Map.copyOf(copy);
  }

  /** Every period of the given types. */
  public static RecomputedPeriods wholeTypes(Iterable<String> types) {
    Set<String> all = new TreeSet<>();
    types.forEach(all::add);
    return new RecomputedPeriods(all, Map.of());
  }

  /** Only the listed periods, by period type. */
  public static RecomputedPeriods only(Map<String, ? extends Set<String>> periods) {
    return new RecomputedPeriods(Set.of(), Map.copyOf(periods));
  }

  /** Every period type that has recomputed periods. */
  public Set<String> types() {
    Set<String> all = new TreeSet<>(wholeTypes);
    all.addAll(periods.keySet());
    return all;
  }

  /** Whether the row of {@code (type, period)} was recomputed. */
  public boolean covers(String type, String period) {
    return wholeTypes.contains(type) || periods.getOrDefault(type, Set.of()).contains(period);
  }

  /** The rows of a period table that lie in recomputed periods. */
  public List<Row> keep(TableSpec table, List<Row> rows) {
    int type = table.schema().fieldIndex(Tables.Col.PERIOD_TYPE);
    int period = table.schema().fieldIndex(Tables.Col.PERIOD);
    List<Row> kept = new ArrayList<>();
    for (Row r : rows) {
      if (covers(r.getString(type), r.getString(period))) {
        kept.add(r);
      }
    }
    return kept;
  }

  /** The rows (with {@code period_type} and {@code period}) that lie in recomputed periods. */
  public Dataset<Row> keep(Dataset<Row> rows) {
    return rows.filter(coversColumn());
  }

  /** {@link #covers} as a condition on a table's {@code period_type} and {@code period} columns. */
  Column coversColumn() {
    Column any = lit(false);
    if (!wholeTypes.isEmpty()) {
      any = any.or(col(Tables.Col.PERIOD_TYPE).isin(wholeTypes.toArray()));
    }
    for (Map.Entry<String, Set<String>> e : periods.entrySet()) {
      any =
          any.or(
              col(Tables.Col.PERIOD_TYPE)
                  .equalTo(e.getKey())
                  .and(col(Tables.Col.PERIOD).isin(e.getValue().toArray())));
    }
    return any;
  }
}
