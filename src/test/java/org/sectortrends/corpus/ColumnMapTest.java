package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnMapTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void blankSpecMapsEveryFieldToItsOwnName(String spec) {
    ColumnMap map = ColumnMap.parse(spec);
    for (ArticleField field : ArticleField.values()) {
      assertEquals(field.key(), map.columnFor(field));
    }
    assertEquals(ColumnMap.identity().toString(), map.toString());
  }

  /** Columns: spec | field | expected column. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      id=index,body=title                | id           | index
      id=index,body=title                | body         | title
      id=index,body=title                | title        | title
      id=index,body=title                | url          | url
      ' published_at = 날짜 , body=본문 ' | published_at | 날짜
      ' published_at = 날짜 , body=본문 ' | body         | 본문
      body=a=b                           | body         | a=b
      body=x,body=y                      | body         | y
      """)
  void mapsFieldsToColumns(String spec, String field, String column) {
    assertEquals(column, ColumnMap.parse(spec).columnFor(ArticleField.byKey(field).orElseThrow()));
  }

  /** Columns: spec | text the message must contain. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      headline=title      | headline
      BODY=text           | BODY
      body                | body
      =text               | =text
      body=               | body=
      'id=index,,body=x'  | ''
      """)
  void rejectsBadEntriesNamingThem(String spec, String named) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ColumnMap.parse(spec));
    assertTrue(e.getMessage().contains("'" + named + "'"), e.getMessage());
  }

  @Test
  void unknownFieldMessageListsTheFields() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ColumnMap.parse("headline=title"));
    assertTrue(e.getMessage().contains("published_at"), e.getMessage());
  }

  @Test
  void selectPicksMappedColumnsAndSkipsAbsentOnes() {
    ColumnMap map = ColumnMap.parse("id=index,body=title");
    EnumMap<ArticleField, String> fields =
        map.select(Map.of("index", "7", "title", "헤드라인", "url", "http://x", "extra", "y"));
    assertEquals(
        Map.of(
            ArticleField.ID,
            "7",
            ArticleField.BODY,
            "헤드라인",
            ArticleField.TITLE,
            "헤드라인",
            ArticleField.URL,
            "http://x"),
        fields);
  }

  @Test
  void toStringRoundTrips() {
    ColumnMap map = ColumnMap.parse("id=index,body=title");
    assertEquals(map.toString(), ColumnMap.parse(map.toString()).toString());
    assertTrue(map.toString().contains("id=index"));
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ColumnMap map = ColumnMap.parse("body=text");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(map);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals("text", ((ColumnMap) in.readObject()).columnFor(ArticleField.BODY));
    }
  }
}
