package org.sectortrends.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/tables.md documents exactly the declared tables and columns: every table of {@link
 * Tables#ALL} has a {@code ## name} section whose column tables list every column of its schema,
 * and no section or column is documented that is not declared. A section may start from another
 * table's columns with "Same columns as `other`".
 */
class TablesDocTest {

  private static final Pattern HEADING = Pattern.compile("^## ([a-z][a-z0-9_]*)\\s*$");
  private static final Pattern SAME_AS = Pattern.compile("Same columns as `([a-z0-9_]+)`");

  static Map<String, Set<String>> documentedColumns(List<String> lines) {
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    Map<String, String> sameAs = new LinkedHashMap<>();
    String section = null;
    for (String line : lines) {
      Matcher heading = HEADING.matcher(line);
      if (line.startsWith("## ")) {
        section = heading.matches() ? heading.group(1) : null;
        if (section != null) {
          columns.put(section, new LinkedHashSet<>());
        }
        continue;
      }
      if (line.startsWith("# ") || section == null) {
        continue;
      }
      Matcher same = SAME_AS.matcher(line);
      if (same.find()) {
        sameAs.put(section, same.group(1));
      }
      if (line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| column ")) {
        String first = line.substring(1, line.indexOf('|', 1)).strip();
        for (String name : first.split(",")) {
          columns.get(section).add(name.replace("`", "").strip());
        }
      }
    }
    sameAs.forEach(
        (table, other) -> columns.get(table).addAll(columns.getOrDefault(other, Set.of())));
    return columns;
  }

  @Test
  void docsListExactlyTheDeclaredTablesAndColumns() throws Exception {
    Map<String, Set<String>> documented =
        documentedColumns(Files.readAllLines(Path.of("docs/tables.md"), StandardCharsets.UTF_8));
    List<String> problems = new ArrayList<>();
    for (TableSpec table : Tables.ALL) {
      Set<String> doc = documented.get(table.name());
      if (doc == null) {
        problems.add("table " + table.name() + " has no '## " + table.name() + "' section");
        continue;
      }
      Set<String> declared = new TreeSet<>(List.of(table.schema().fieldNames()));
      for (String column : declared) {
        if (!doc.contains(column)) {
          problems.add(table.name() + "." + column + " is not documented");
        }
      }
      for (String column : doc) {
        if (!declared.contains(column)) {
          problems.add(table.name() + "." + column + " is documented but not declared");
        }
      }
    }
    for (String section : documented.keySet()) {
      if (Tables.byName(section).isEmpty()) {
        problems.add("section '## " + section + "' documents no declared table");
      }
    }
    assertEquals(List.of(), problems, "docs/tables.md and Tables.java disagree");
  }

  @Test
  void theParserReadsSharedColumnsAndCommaSeparatedNames() {
    Map<String, Set<String>> doc =
        documentedColumns(
            List.of(
                "## a",
                "| column | type | meaning |",
                "|---|---|---|",
                "| x | string | X |",
                "| `y`, z | bigint | Y and Z |",
                "## b",
                "Same columns as `a`, plus:",
                "| column | type | meaning |",
                "|---|---|---|",
                "| w | int | W |"));
    assertEquals(Set.of("x", "y", "z"), doc.get("a"));
    assertEquals(Set.of("w", "x", "y", "z"), doc.get("b"));
    assertTrue(doc.keySet().containsAll(List.of("a", "b")));
  }
}
