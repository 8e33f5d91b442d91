package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDatesTest {

  /** Columns: record value | UTC instant | Seoul calendar date. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      2025-11-26T14:03:00+09:00          | 2025-11-26T05:03:00Z     | 2025-11-26
      2025-11-26T14:03:00+0900           | 2025-11-26T05:03:00Z     | 2025-11-26
      2025-11-26T14:03:00-05:00          | 2025-11-26T19:03:00Z     | 2025-11-27
      2025-11-26T05:03:00Z               | 2025-11-26T05:03:00Z     | 2025-11-26
      2025-11-26T23:30:00Z               | 2025-11-26T23:30:00Z     | 2025-11-27
      2025-11-26T14:30:00Z               | 2025-11-26T14:30:00Z     | 2025-11-26
      2025-11-26T15:00:00Z               | 2025-11-26T15:00:00Z     | 2025-11-27
      2025-11-26T05:03:00.250Z           | 2025-11-26T05:03:00.250Z | 2025-11-26
      2025-11-26T14:03:00                | 2025-11-26T05:03:00Z     | 2025-11-26
      2025-11-26 14:03:00                | 2025-11-26T05:03:00Z     | 2025-11-26
      2025-11-26 01:00 KST               | 2025-11-25T16:00:00Z     | 2025-11-26
      2025-11-26 01:00 UTC               | 2025-11-26T01:00:00Z     | 2025-11-26
      2025-11-26                         | 2025-11-25T15:00:00Z     | 2025-11-26
      2025.11.26 14:03                   | 2025-11-26T05:03:00Z     | 2025-11-26
      2025.11.26                         | 2025-11-25T15:00:00Z     | 2025-11-26
      2025. 11. 26.                      | 2025-11-25T15:00:00Z     | 2025-11-26
      2025. 1. 6.                        | 2025-01-05T15:00:00Z     | 2025-01-06
      2025/11/26                         | 2025-11-25T15:00:00Z     | 2025-11-26
      2025/11/26 09:15:30                | 2025-11-26T00:15:30Z     | 2025-11-26
      2025년 11월 26일                   | 2025-11-25T15:00:00Z     | 2025-11-26
      2025년 11월 26일(수)               | 2025-11-25T15:00:00Z     | 2025-11-26
      2025년 11월 26일 오후 2시 3분      | 2025-11-26T05:03:00Z     | 2025-11-26
      2025년 11월 26일 오후 2시          | 2025-11-26T05:00:00Z     | 2025-11-26
      2025년 11월 26일 오전 9시 30분     | 2025-11-26T00:30:00Z     | 2025-11-26
      2025년 11월 26일 오전 12시         | 2025-11-25T15:00:00Z     | 2025-11-26
      2025년 11월 26일 오전 12시 5분     | 2025-11-25T15:05:00Z     | 2025-11-26
      2025년 11월 26일 오후 12시         | 2025-11-26T03:00:00Z     | 2025-11-26
      2025년 11월 26일 오후 11시 59분    | 2025-11-26T14:59:00Z     | 2025-11-26
      2025년 11월 26일 14시 3분          | 2025-11-26T05:03:00Z     | 2025-11-26
      2025.11.26 오후 2:03               | 2025-11-26T05:03:00Z     | 2025-11-26
      2025-11-26 PM 2:03                 | 2025-11-26T05:03:00Z     | 2025-11-26
      20251126                           | 2025-11-25T15:00:00Z     | 2025-11-26
      202511261403                       | 2025-11-26T05:03:00Z     | 2025-11-26
      20251126T140305                    | 2025-11-26T05:03:05Z     | 2025-11-26
      1764133380                         | 2025-11-26T05:03:00Z     | 2025-11-26
      1764168000                         | 2025-11-26T14:40:00Z     | 2025-11-26
      1764169200                         | 2025-11-26T15:00:00Z     | 2025-11-27
      1764133380123                      | 2025-11-26T05:03:00.123Z | 2025-11-26
      '  2025-11-26  '                   | 2025-11-25T15:00:00Z     | 2025-11-26
      """)
  void readsRecordValues(String value, String instant, String seoulDate) {
    PublishedDate date = PublishedDates.parseRecordValue(value).orElseThrow();
    assertEquals(Instant.parse(instant), date.instant(), "instant");
    assertEquals(LocalDate.parse(seoulDate), date.date(), "Seoul date");
    assertEquals(PublishedDate.FROM_RECORD, date.source());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void blankValuesAreNoDate(String value) {
    assertEquals(Optional.empty(), PublishedDates.parseRecordValue(value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-13-01",
        "2025-02-30",
        "2025-00-10",
        "2025-11-26 25:00",
        "2025-11-26 14:61",
        "2025년 11월 26일 오후 13시",
        "2025년 11월 26일 오전 0시",
        "20251399",
        "2025-11-26T14:03:00+19:00",
        "어제",
        "25:00",
        "2025",
        "11/26/2025",
        "25.11.26",
        "2025-11-26 오후",
        "Nov 26, 2025",
        "123456789",
        "2025-11-26T14:03:00+09:00 extra"
      })
  void rejectsUnreadableValuesNamingThem(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PublishedDates.parseRecordValue(value));
    assertTrue(
        e.getMessage().contains(value.strip()),
        () -> "message should name the value: " + e.getMessage());
  }

  /** Columns: path | Seoul date, or NONE. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      /data/news/2025/11/26/x.txt                        | 2025-11-26
      hdfs://cluster/corpus/2025/11/26/part-0001.jsonl   | 2025-11-26
      s3a://bucket/2024/01/02/03/x.jsonl                 | 2024-01-02
      /data/news/date=2025-11-26/x.txt                   | 2025-11-26
      /data/news/dt=20251126/x.txt                       | 2025-11-26
      /data/news/day=2025-02-03/part.jsonl               | 2025-02-03
      /data/news/year=2025/date=2025-11-26/x.txt         | 2025-11-26
      /data/news/dt=2025-11-26                           | 2025-11-26
      /data/news/wire-20251126.txt                       | 2025-11-26
      /data/news/20251126.jsonl.gz                       | 2025-11-26
      C:\\corpus\\2025\\11\\26\\x.txt                    | 2025-11-26
      /data/2024/05/05/date=2025-11-26/x.txt             | 2025-11-26
      /data/date=2025-13-40/2025/11/26/x.txt             | 2025-11-26
      /data/news/x.txt                                   | NONE
      /data/news/wire-20251399.txt                       | NONE
      /data/news/2025/13/26/x.txt                        | NONE
      /data/news/date=2025-02-30/x.txt                   | NONE
      /data/news/id-120251126.txt                        | NONE
      /data/news/batch-2025112.txt                       | NONE
      /data/news/18991231.txt                            | NONE
      /data/20251126/x.txt                               | NONE
      /data/news/2025/11/x.txt                           | NONE
      """)
  void readsDatesFromPaths(String path, String expected) {
    Optional<PublishedDate> date = PublishedDates.fromPath(path);
    if (expected.equals("NONE")) {
      assertEquals(Optional.empty(), date);
      return;
    }
    LocalDate day = LocalDate.parse(expected);
    assertEquals(day, date.orElseThrow().date());
    assertEquals(day.atStartOfDay(PublishedDates.NEWSROOM_ZONE).toInstant(), date.get().instant());
    assertEquals(PublishedDate.FROM_PATH, date.get().source());
  }

  @Test
  void nullPathHasNoDate() {
    assertEquals(Optional.empty(), PublishedDates.fromPath(null));
  }

  @Test
  void startOfDayIsSeoulMidnight() {
    PublishedDate d =
        PublishedDates.startOfDay(LocalDate.of(2025, 1, 1), PublishedDate.FROM_DEFAULT);
    assertEquals(Instant.parse("2024-12-31T15:00:00Z"), d.instant());
    assertEquals(LocalDate.of(2025, 1, 1), d.date());
    assertEquals(PublishedDate.FROM_DEFAULT, d.source());
  }
}
