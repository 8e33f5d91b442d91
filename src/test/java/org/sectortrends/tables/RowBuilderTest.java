package org.sectortrends.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sectortrends.tables.Tables.Col;

class RowBuilderTest {

  @Test
  void buildsTheRowInSchemaOrderWhateverTheOrderOfTheCalls() {
    Row row =
        Tables.ARTICLE_TERMS
            .row()
            .set(Col.PUBLISHED_MONTH, "2025-11")
            .set(Col.COUNT, 3)
            .set(Col.TERM, "반도체")
            .set(Col.ARTICLE_ID, "a1")
            .build();
    String[] names = Tables.ARTICLE_TERMS.columnNames();
    assertEquals(names.length, row.size());
    for (int i = 0; i < names.length; i++) {
      Object expected =
          switch (names[i]) {
            case Col.ARTICLE_ID -> "a1";
            case Col.TERM -> "반도체";
            case Col.COUNT -> 3;
            case Col.PUBLISHED_MONTH -> "2025-11";
            default -> throw new AssertionError("unexpected column " + names[i]);
          };
      assertEquals(expected, row.get(i), names[i]);
    }
  }

  @Test
  void anUnknownColumnIsNamedWithTheTable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Tables.ARTICLE_TERMS.row().set("tem", "x"));
    assertTrue(e.getMessage().contains("'tem'"), e.getMessage());
    assertTrue(e.getMessage().contains("article_terms"), e.getMessage());
  }

  @Test
  void aMissingColumnIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Tables.ARTICLE_TERMS
                    .row()
                    .set(Col.ARTICLE_ID, "a1")
                    .set(Col.TERM, "t")
                    .set(Col.PUBLISHED_MONTH, "2025-11")
                    .build());
    assertEquals("Row of article_terms without a value for " + Col.COUNT, e.getMessage());
  }

  @Test
  void aColumnSetTwiceIsNamedWithBothValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Tables.ARTICLE_TERMS.row().set(Col.TERM, "a").set(Col.TERM, "b"));
    assertEquals("Column 'term' of article_terms is set twice: 'a' and 'b'", e.getMessage());
  }

  @Test
  void nullIsAValueThatCountsAsSet() {
    StructType schema =
        new StructType().add("x", DataTypes.StringType).add("y", DataTypes.IntegerType);
    Row row = RowBuilder.of("pairs", schema).setNull("x").set("y", 2).build();
    assertNull(row.get(0));
    assertEquals(2, row.get(1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RowBuilder.of("pairs", schema).setNull("x", "x"));
    assertTrue(e.getMessage().contains("set twice"), e.getMessage());
  }
}
