package org.sectortrends.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Builds one row of a declared schema by column name, so that a row cannot silently shift when a
 * column is added to or moved in a {@link Tables} declaration.
 *
 * <pre>
 *   Row row = Tables.ARTICLE_TERMS.row()
 *       .set(Col.ARTICLE_ID, id).set(Col.TERM, term).set(Col.COUNT, 3).set(Col.PUBLISHED_MONTH, "2025-11")
 *       .build();
 * </pre>
 *
 * <p>Every column is set exactly once, a {@code null} included: a name the schema does not have, a
 * column set twice or one left out fails with an {@link IllegalArgumentException} that names the
 * column and the table. The values are not checked against the column types; Spark does that when
 * it encodes the row.
 *
 * <p>Cost: a name lookup (a hash map inside {@link StructType}) per value and one array per row;
 * the builders are meant for rows made one at a time inside {@code mapPartitions} or on the driver.
 * A builder is not thread-safe and builds one row.
 */
public final class RowBuilder {

  private final String table;
  private final StructType schema;
  private final Object[] values;
  private final boolean[] set;
  private int setCount;

  private RowBuilder(String table, StructType schema) {
    this.table = Objects.requireNonNull(table, "table");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.values = new Object[schema.size()];
    this.set = new boolean[schema.size()];
  }

  /** A builder for a row of {@code table}'s full schema (partition columns included). */
  public static RowBuilder of(TableSpec table) {
    return new RowBuilder(table.name(), table.schema());
  }

  /**
   * A builder for a row of an internal schema that is not a table (e.g. the working rows of a
   * stage); {@code name} only serves the error messages.
   */
  public static RowBuilder of(String name, StructType schema) {
    return new RowBuilder(name, schema);
  }

  /** Sets one column; its name must be in the schema and not yet set. */
  public RowBuilder set(String column, Object value) {
    Option<Object> index = schema.getFieldIndex(column);
    if (index.isEmpty()) {
      throw new IllegalArgumentException(
          "Column '"
              + column
              + "' is not a column of "
              + table
              + " ("
              + String.join(", ", schema.fieldNames())
              + ")");
    }
    int i = (Integer) index.get();
    if (set[i]) {
      throw new IllegalArgumentException(
          "Column '"
              + column
              + "' of "
              + table
              + " is set twice: '"
              + values[i]
              + "' and '"
              + value
              + "'");
    }
    set[i] = true;
    values[i] = value;
    setCount++;
    return this;
  }

  /** Sets each of {@code columns} to null. */
  public RowBuilder setNull(String... columns) {
    for (String column : columns) {
      set(column, null);
    }
    return this;
  }

  /** The row, in schema order; fails naming every column that was not set. */
  public Row build() {
    if (setCount != values.length) {
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < set.length; i++) {
        if (!set[i]) {
          missing.add(schema.fields()[i].name());
        }
      }
      throw new IllegalArgumentException(
          "Row of " + table + " without a value for " + String.join(", ", missing));
    }
    return RowFactory.create(values.clone());
  }
}
