package org.sectortrends.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in SQL files are exactly what the table declarations generate. */
class SqlViewsTest {

  private static final String REGENERATE =
      " is not what Tables.java generates; regenerate it: java -cp target/classes:target/spark-runtime/jars/* "
          + "org.sectortrends.tables.SqlViews";

  @Test
  void duckdbFileIsGeneratedFromTheDeclarations() throws Exception {
    assertEquals(
        SqlViews.duckdb(),
        Files.readString(Path.of("sql/duckdb.sql"), StandardCharsets.UTF_8),
        "sql/duckdb.sql" + REGENERATE);
  }

  @Test
  void trinoFileIsGeneratedFromTheDeclarations() throws Exception {
    assertEquals(
        SqlViews.trino(),
        Files.readString(Path.of("sql/trino.sql"), StandardCharsets.UTF_8),
        "sql/trino.sql" + REGENERATE);
  }

  @Test
  void everyTableAndColumnIsInBothFiles() {
    String duckdb = SqlViews.duckdb();
    String trino = SqlViews.trino();
    for (TableSpec table : Tables.ALL) {
      assertTrue(duckdb.contains("CREATE OR REPLACE VIEW " + table.name() + " AS"), table.name());
      assertTrue(
          trino.contains("CREATE TABLE IF NOT EXISTS hive.sector_trends." + table.name() + " ("),
          table.name());
      for (String column : table.schema().fieldNames()) {
        assertTrue(trino.contains("  " + column + " "), table.name() + "." + column);
      }
    }
  }
}
