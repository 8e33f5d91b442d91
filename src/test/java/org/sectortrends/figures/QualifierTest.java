package org.sectortrends.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The qualifier and direction codes: their table values are part of the {@code figures} schema
 * (docs/tables.md), so the enums must keep them, and a lexicon line with an unknown qualifier stops
 * with a message naming it.
 */
class QualifierTest {

  @Test
  void tableValuesOfTheQualifiersAndArrows() {
    assertEquals(
        List.of("approx", "at_least", "more_than", "at_most", "less_than", "range"),
        Arrays.stream(Qualifier.values()).map(Qualifier::id).toList());
    assertEquals(
        List.of("up", "down"),
        Arrays.stream(ArrowDirection.values()).map(ArrowDirection::id).toList());
  }

  @Test
  void rangeComesFromTheNumberNeverFromTheLexicon() {
    assertEquals(Qualifier.AT_LEAST, Qualifier.fromLexicon("at_least"));
    assertNull(Qualifier.fromLexicon("range"));
    assertNull(Qualifier.fromLexicon("AT_LEAST"));
  }

  @Test
  void anUnknownQualifierInTheLexiconIsNamed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(Lexicons.QUALIFIERS), "약\tprefix\tabout\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new QualifierLexicon(Lexicons.directory(dir)));
    assertEquals(
        "unknown qualifier 'about' for 약; expected one of [approx, at_least, more_than, at_most, less_than]",
        e.getMessage());
  }

  @Test
  void unitKindsWithOneTableUnit() {
    assertEquals("percent", UnitLexicon.Unit.of(UnitLexicon.Kind.PERCENT).code());
    assertEquals("percent_point", UnitLexicon.Unit.of(UnitLexicon.Kind.BASIS_POINT).code());
    assertEquals("count", UnitLexicon.Unit.of(UnitLexicon.Kind.COUNT).code());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> UnitLexicon.Unit.of(UnitLexicon.Kind.CURRENCY));
    assertEquals("unit kind CURRENCY has no fixed code", e.getMessage());
  }
}
