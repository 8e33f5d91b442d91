package org.sectortrends.corpus;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which input column supplies each {@link ArticleField}: by default the field's own name; a spec
 * such as {@code id=index,body=title} maps fields to other columns (here, YNAT's TSV whose headline
 * is the only text).
 */
public final class ColumnMap implements Serializable {

  private static final long serialVersionUID = 1L;

  private final EnumMap<ArticleField, String> columns;

  private ColumnMap(EnumMap<ArticleField, String> columns) {
    this.columns = columns;
  }

  public static ColumnMap identity() {
    return parse("");
  }

  /**
   * Parses {@code FIELD=COLUMN[,FIELD=COLUMN...]}.
   *
   * @throws IllegalArgumentException naming the bad entry when a field is unknown or an entry has
   *     no column
   */
  public static ColumnMap parse(String spec) {
    EnumMap<ArticleField, String> columns = new EnumMap<>(ArticleField.class);
    for (ArticleField field : ArticleField.values()) {
      columns.put(field, field.key());
    }
    if (spec == null || spec.isBlank()) {
      return new ColumnMap(columns);
    }
    for (String entry : spec.split(",")) {
      String trimmed = entry.strip();
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw new IllegalArgumentException(
            "Column map entry '" + trimmed + "' is not FIELD=COLUMN");
      }
      String fieldKey = trimmed.substring(0, eq).strip();
      ArticleField field =
          ArticleField.byKey(fieldKey)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Unknown field '"
                              + fieldKey
                              + "' in column map entry '"
                              + trimmed
                              + "'; fields are "
                              + Arrays.stream(ArticleField.values())
                                  .map(ArticleField::key)
                                  .collect(Collectors.joining(", "))));
      columns.put(field, trimmed.substring(eq + 1).strip());
    }
    return new ColumnMap(columns);
  }

  public String columnFor(ArticleField field) {
    return columns.get(field);
  }

  /** Picks the mapped fields out of a record keyed by column name. */
  public EnumMap<ArticleField, String> select(Map<String, String> recordByColumn) {
    EnumMap<ArticleField, String> out = new EnumMap<>(ArticleField.class);
    for (Map.Entry<ArticleField, String> e : columns.entrySet()) {
      String value = recordByColumn.get(e.getValue());
      if (value != null) {
        out.put(e.getKey(), value);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return columns.entrySet().stream()
        .map(e -> e.getKey().key() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
