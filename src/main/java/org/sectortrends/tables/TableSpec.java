package org.sectortrends.tables;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One output table: its directory name under {@code DIR/tables/}, its full schema (partition
 * columns included, last) and how a job replaces its contents.
 *
 * <p>Instances are declared only in {@link Tables}; jobs refer to them, never to column strings of
 * their own.
 */
public final class TableSpec {

  /** How a run writes the table. */
  public enum WriteMode {
    /** Dynamic partition overwrite: a run replaces exactly the partitions it produces rows for. */
    OVERWRITE_PARTITIONS,
    /** The run's rows are added; earlier rows stay. */
    APPEND,
    /** The whole table is replaced atomically (written aside, then swapped in). */
    REPLACE
  }

  private final String name;
  private final StructType schema;
  private final List<String> partitionColumns;
  private final WriteMode writeMode;

  TableSpec(String name, StructType schema, WriteMode writeMode, String... partitionColumns) {
    this.name = Objects.requireNonNull(name, "name");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.writeMode = Objects.requireNonNull(writeMode, "writeMode");
    this.partitionColumns = List.of(partitionColumns);
    for (String partition : partitionColumns) {
      if (!Arrays.asList(schema.fieldNames()).contains(partition)) {
        throw new IllegalArgumentException(
            "Partition column " + partition + " is not in the schema of table " + name);
      }
    }
  }

  public String name() {
    return name;
  }

  public StructType schema() {
    return schema;
  }

  public List<String> partitionColumns() {
    return partitionColumns;
  }

  public WriteMode writeMode() {
    return writeMode;
  }

  /** A builder of one row of this table, by column name ({@link RowBuilder}). */
  public RowBuilder row() {
    return RowBuilder.of(this);
  }

  /** Column names in schema order, partition columns included. */
  public String[] columnNames() {
    return schema.fieldNames();
  }

  /** Schema without the partition columns, as stored inside the Parquet files. */
  public StructType dataSchema() {
    StructType data = new StructType();
    for (StructField field : schema.fields()) {
      if (!partitionColumns.contains(field.name())) {
        data = data.add(field);
      }
    }
    return data;
  }

  @Override
  public String toString() {
    return name;
  }
}
