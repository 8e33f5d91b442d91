package org.sectortrends.corpus;

import java.util.Locale;
import java.util.Optional;

/**
 * The fields an input record can supply. Inputs name them as written here (JSONL keys, CSV headers,
 * Parquet columns) unless {@link ColumnMap} maps them to other column names.
 */
public enum ArticleField {
  ID,
  URL,
  TITLE,
  BODY,
  PUBLISHED_AT,
  OUTLET,
  REPORTER,
  SECTION;

  /** The name used in inputs and in {@code --column-map}: lower case, e.g. {@code published_at}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ArticleField> byKey(String key) {
    for (ArticleField field : values()) {
      if (field.key().equals(key)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
