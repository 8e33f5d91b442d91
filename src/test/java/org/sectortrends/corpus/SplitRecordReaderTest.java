package org.sectortrends.corpus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SplitRecordReaderTest {

  private static final Instant RUN = Instant.parse("2025-12-01T00:00:00Z");
  private static final Configuration CONF = new Configuration();

  @TempDir Path dir;

  // ---------------------------------------------------------------- JSONL

  @Test
  void readsJsonlWithEveryKindOfBadLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(
        bytes,
        "{\"id\":\"a1\",\"title\":\"제목\",\"body\":\"본문 하나\",\"published_at\":\"2025-11-26\",\"views\":12}\n"); // line 1
    write(bytes, "{\"id\":\"a2\",\"body\":\"깨진 JSON\"\n"); // line 2
    write(bytes, "[1,2,3]\n"); // line 3
    write(bytes, "\n"); // line 4
    write(bytes, "   \t \n"); // line 5
    bytes.write(
        new byte[] {
          '{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'
        }); // line 6
    write(
        bytes,
        "{\"id\":7,\"body\":\"숫자 id\",\"outlet\":null,\"section\":{\"main\":\"IT\"}}\n"); // line 7
    write(bytes, "\"그냥 문자열\"\n"); // line 8
    write(bytes, "null\n"); // line 9
    write(bytes, "{\"body\":\"앞\"}{\"body\":\"뒤\"}\n"); // line 10
    write(bytes, "{\"body\":\"뒤에 글자\"} 꼬리\n"); // line 11
    write(bytes, "{\"body\":\"마지막 줄 줄바꿈 없음\"}"); // line 12
    Path file = file("news.jsonl", bytes.toByteArray());

    List<SourceRecord> records = readWhole(file, InputFormat.JSONL);
    assertEquals(12, records.size());

    SourceRecord first = records.get(0);
    assertFalse(first.isFailed());
    assertEquals(
        Map.of(
            ArticleField.ID,
            "a1",
            ArticleField.TITLE,
            "제목",
            ArticleField.BODY,
            "본문 하나",
            ArticleField.PUBLISHED_AT,
            "2025-11-26"),
        first.fields());
    assertEquals(1L, first.line());
    assertEquals(0L, first.offset());
    assertTrue(first.payload().contains("본문 하나"));
    assertTrue(first.inputFile().endsWith("news.jsonl"));

    assertFailure(records.get(1), QuarantineReason.MALFORMED_JSON, 2);
    assertTrue(records.get(1).payload().contains("깨진 JSON"));
    assertFailure(records.get(2), QuarantineReason.MALFORMED_JSON, 3);
    assertTrue(records.get(2).message().contains("ARRAY"), records.get(2).message());
    assertFailure(records.get(3), QuarantineReason.EMPTY_RECORD, 4);
    assertFailure(records.get(4), QuarantineReason.EMPTY_RECORD, 5);
    assertFailure(records.get(5), QuarantineReason.INVALID_UTF8, 6);
    assertNotNull(records.get(5).rawBytes());
    assertEquals((byte) 0xC3, records.get(5).rawBytes()[9]);

    SourceRecord numeric = records.get(6);
    assertFalse(numeric.isFailed());
    assertEquals("7", numeric.fields().get(ArticleField.ID));
    assertFalse(numeric.fields().containsKey(ArticleField.OUTLET), "JSON null is an absent field");
    assertEquals("{\"main\":\"IT\"}", numeric.fields().get(ArticleField.SECTION));

    assertFailure(records.get(7), QuarantineReason.MALFORMED_JSON, 8);
    assertFailure(records.get(8), QuarantineReason.MALFORMED_JSON, 9);
    assertFailure(records.get(9), QuarantineReason.MALFORMED_JSON, 10);
    assertFailure(records.get(10), QuarantineReason.MALFORMED_JSON, 11);
    assertFalse(records.get(11).isFailed());
    assertEquals(12L, records.get(11).line());

    // Offsets are the byte positions of the line starts.
    byte[] all = bytes.toByteArray();
    List<Long> lineStarts = lineStarts(all);
    for (int i = 0; i < records.size(); i++) {
      assertEquals(lineStarts.get(i), records.get(i).offset(), "offset of line " + (i + 1));
      assertEquals(i + 1L, records.get(i).line());
    }
  }

  @Test
  void columnMapAppliesToJsonKeys() throws IOException {
    Path file = file("mapped.jsonl", "{\"index\":\"9\",\"headline\":\"제목이 본문\"}\n".getBytes(UTF_8));
    IngestSettings settings =
        new IngestSettings(10, 1 << 20, 4096, null, RUN, ColumnMap.parse("id=index,body=headline"));
    List<SourceRecord> records =
        read(new InputSplit(file.toString(), InputFormat.JSONL, 0, -1), settings);
    assertEquals(
        Map.of(ArticleField.ID, "9", ArticleField.BODY, "제목이 본문"), records.get(0).fields());
  }

  @Test
  void crlfLineEndingsAndByteOrderMarkAreDropped() throws IOException {
    byte[] content =
        ("\uFEFF{\"body\":\"첫째\"}\r\n{\"body\":\"둘째\"}\r\n\r\n{\"body\":\"셋째\"}\r\n")
            .getBytes(UTF_8);
    List<SourceRecord> records = readWhole(file("crlf.jsonl", content), InputFormat.JSONL);
    assertEquals(4, records.size());
    assertEquals("첫째", records.get(0).fields().get(ArticleField.BODY));
    assertEquals("{\"body\":\"첫째\"}", records.get(0).payload());
    assertEquals("둘째", records.get(1).fields().get(ArticleField.BODY));
    assertFalse(records.get(1).payload().endsWith("\r"));
    assertFailure(records.get(2), QuarantineReason.EMPTY_RECORD, 3);
    assertEquals("셋째", records.get(3).fields().get(ArticleField.BODY));
    assertEquals(lineStarts(content), records.stream().map(SourceRecord::offset).toList());
  }

  @Test
  void byteOrderMarkOnlyCountsAtTheStartOfTheFile() throws IOException {
    byte[] content = "{\"body\":\"a\"}\n\uFEFF{\"body\":\"b\"}\n".getBytes(UTF_8);
    List<SourceRecord> records = readWhole(file("bom.jsonl", content), InputFormat.JSONL);
    assertFalse(records.get(0).isFailed());
    assertFailure(records.get(1), QuarantineReason.MALFORMED_JSON, 2);
  }

  @Test
  void hugeLineIsReportedWithoutBeingHeldWhole() throws IOException {
    int limit = 1 << 20;
    int huge = 5 << 20;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(bytes, "{\"body\":\"앞 기사\"}\n");
    write(bytes, "{\"body\":\"");
    byte[] filler = new byte[huge];
    Arrays.fill(filler, (byte) 'x');
    bytes.write(filler);
    write(bytes, "\"}\n");
    write(bytes, "{\"body\":\"뒤 기사\"}\n");
    Path file = file("huge.jsonl", bytes.toByteArray());

    IngestSettings settings = new IngestSettings(10, limit, 4096, null, RUN, ColumnMap.identity());
    List<SourceRecord> records =
        read(new InputSplit(file.toString(), InputFormat.JSONL, 0, -1), settings);
    assertEquals(3, records.size());
    assertEquals("앞 기사", records.get(0).fields().get(ArticleField.BODY));
    SourceRecord tooLarge = records.get(1);
    assertFailure(tooLarge, QuarantineReason.RECORD_TOO_LARGE, 2);
    assertTrue(tooLarge.message().contains(String.valueOf(huge + 11L)), tooLarge.message());
    assertTrue(
        tooLarge.payload().length() <= limit,
        "payload holds at most the limit, not the whole line");
    assertTrue(tooLarge.payload().startsWith("{\"body\":\"xxx"));
    assertEquals("뒤 기사", records.get(2).fields().get(ArticleField.BODY));
    assertEquals(3L, records.get(2).line());
    assertEquals(
        bytes.size() - "{\"body\":\"뒤 기사\"}\n".getBytes(UTF_8).length, records.get(2).offset());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r\n"})
  void lineOfExactlyTheLimitIsAccepted(String lineEnd) throws IOException {
    int limit = 1024;
    String body = "y".repeat(limit - "{\"body\":\"\"}".length());
    String line = "{\"body\":\"" + body + "\"}";
    assertEquals(limit, line.getBytes(UTF_8).length);
    Path file = file("limit.jsonl", (line + lineEnd + line + "z" + lineEnd).getBytes(UTF_8));
    IngestSettings settings = new IngestSettings(10, limit, 4096, null, RUN, ColumnMap.identity());
    List<SourceRecord> records =
        read(new InputSplit(file.toString(), InputFormat.JSONL, 0, -1), settings);
    assertEquals(2, records.size());
    assertEquals(body, records.get(0).fields().get(ArticleField.BODY));
    assertFailure(records.get(1), QuarantineReason.RECORD_TOO_LARGE, 2);
  }

  // ---------------------------------------------------------------- compression

  @ParameterizedTest
  @EnumSource(Compression.class)
  void compressedFilesReadLikePlainOnes(Compression compression) throws IOException {
    byte[] plain =
        ("{\"id\":\"1\",\"body\":\"압축 첫째\"}\n\n{\"id\":\"2\",\"body\":\"압축 둘째\"}\n")
            .getBytes(UTF_8);
    String suffix =
        switch (compression) {
          case NONE -> "";
          case GZIP -> ".gz";
          case ZSTD -> ".zst";
        };
    Path file = file("packed.jsonl" + suffix, compress(plain, compression));
    List<SourceRecord> records = readWhole(file, InputFormat.JSONL);
    assertEquals(3, records.size());
    assertEquals("압축 첫째", records.get(0).fields().get(ArticleField.BODY));
    assertFailure(records.get(1), QuarantineReason.EMPTY_RECORD, 2);
    assertEquals("압축 둘째", records.get(2).fields().get(ArticleField.BODY));
    // Offsets count decompressed bytes.
    assertEquals(lineStarts(plain), records.stream().map(SourceRecord::offset).toList());
  }

  @Test
  void truncatedGzipEndsWithOneUnreadableInputRecord() throws IOException {
    StringBuilder text = new StringBuilder();
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      text.append("{\"id\":\"")
          .append(i)
          .append("\",\"body\":\"")
          .append(random.nextLong())
          .append("\"}\n");
    }
    byte[] packed = compress(text.toString().getBytes(UTF_8), Compression.GZIP);
    Path file = file("cut.jsonl.gz", Arrays.copyOf(packed, packed.length / 2));
    List<SourceRecord> records = readWhole(file, InputFormat.JSONL);
    SourceRecord last = records.get(records.size() - 1);
    assertEquals(QuarantineReason.UNREADABLE_INPUT, last.failure());
    assertTrue(
        records.size() > 1 && records.size() < 2000,
        "some records before the break: " + records.size());
    assertTrue(
        records.subList(0, records.size() - 1).stream()
            .noneMatch(r -> r.failure() == QuarantineReason.UNREADABLE_INPUT));
  }

  @Test
  void missingFileIsOneUnreadableInputRecord() {
    List<SourceRecord> records = readWhole(dir.resolve("absent.jsonl"), InputFormat.JSONL);
    assertEquals(1, records.size());
    assertEquals(QuarantineReason.UNREADABLE_INPUT, records.get(0).failure());
  }

  // ---------------------------------------------------------------- CSV, TSV, text

  @Test
  void readsCsvWithHeaderQuotedMultiLineFieldsAndBadRows() throws IOException {
    String csv =
        "\uFEFFid, body ,published_at\r\n" // line 1: header, BOM, spaces
            + "1,\"첫 기사, 쉼표 포함\",2025-11-26\r\n" // line 2
            + "2,\"여러 줄\n둘째 줄\n셋째 줄\",2025-11-27\n" // lines 3-5
            + "3,필드가 모자람\n" // line 6
            + "4,\"그는 \"\"좋다\"\"고 했다\",\n" // line 7
            + "\n" // line 8
            + "5,\"닫힌 뒤\"글자,2025-11-28\n" // line 9
            + "6,27\" 모니터 출하,2025-11-29\n" // line 10
            + "7,\"끝나지 않는 따옴표,2025-11-30\n" // line 11
            + "8,이 줄은 따옴표 안에 들어간다,2025-12-01\n"; // line 12
    Path file = file("table.csv", csv.getBytes(UTF_8));
    List<SourceRecord> records = readWhole(file, InputFormat.CSV);
    assertEquals(8, records.size(), () -> records.toString());

    assertEquals(
        Map.of(
            ArticleField.ID,
            "1",
            ArticleField.BODY,
            "첫 기사, 쉼표 포함",
            ArticleField.PUBLISHED_AT,
            "2025-11-26"),
        records.get(0).fields());
    assertEquals(2L, records.get(0).line());
    assertEquals("여러 줄\n둘째 줄\n셋째 줄", records.get(1).fields().get(ArticleField.BODY));
    assertEquals(3L, records.get(1).line());
    assertFailure(records.get(2), QuarantineReason.MALFORMED_CSV, 6);
    assertTrue(records.get(2).message().contains("2 fields"), records.get(2).message());
    assertEquals("그는 \"좋다\"고 했다", records.get(3).fields().get(ArticleField.BODY));
    assertEquals("", records.get(3).fields().get(ArticleField.PUBLISHED_AT));
    assertEquals(7L, records.get(3).line());
    assertFailure(records.get(4), QuarantineReason.EMPTY_RECORD, 8);
    assertFailure(records.get(5), QuarantineReason.MALFORMED_CSV, 9);
    // A stray quote inside an unquoted field does not swallow the following lines.
    assertFalse(records.get(6).isFailed(), () -> records.get(6).toString());
    assertEquals("27\" 모니터 출하", records.get(6).fields().get(ArticleField.BODY));
    assertEquals(10L, records.get(6).line());
    assertFailure(records.get(7), QuarantineReason.MALFORMED_CSV, 11);
    assertTrue(records.get(7).payload().contains("8,이 줄은"));

    List<Long> starts = lineStarts(csv.getBytes(UTF_8));
    assertEquals(starts.get(1), records.get(0).offset());
    assertEquals(starts.get(2), records.get(1).offset());
    assertEquals(starts.get(5), records.get(2).offset());
  }

  @Test
  void csvRecordSpanningTooManyBytesIsTooLarge() throws IOException {
    String csv = "id,body\n1,\"" + "열린 따옴표 뒤 긴 줄\n".repeat(200) + "2,다음\n";
    IngestSettings settings = new IngestSettings(10, 1024, 4096, null, RUN, ColumnMap.identity());
    List<SourceRecord> records =
        read(
            new InputSplit(
                file("open.csv", csv.getBytes(UTF_8)).toString(), InputFormat.CSV, 0, -1),
            settings);
    assertEquals(QuarantineReason.RECORD_TOO_LARGE, records.get(0).failure());
    assertEquals(2L, records.get(0).line());
  }

  @Test
  void emptyCsvFileHasNoRecords() throws IOException {
    assertEquals(List.of(), readWhole(file("empty.csv", new byte[0]), InputFormat.CSV));
    assertEquals(
        List.of(),
        readWhole(file("header-only.csv", "id,body\n".getBytes(UTF_8)), InputFormat.CSV));
  }

  @Test
  void readsTsvWithoutQuoting() throws IOException {
    String tsv =
        "index\ttitle\tdate\r\n"
            + "1\t\"따옴표\" 그대로\t2025-11-26\r\n"
            + "2\t필드 둘\r\n"
            + "\r\n"
            + "3\t쉼표, 포함\t2025-11-27\n";
    IngestSettings settings =
        new IngestSettings(
            10, 1 << 20, 4096, null, RUN, ColumnMap.parse("id=index,body=title,published_at=date"));
    Path file = file("ynat.tsv", tsv.getBytes(UTF_8));
    List<SourceRecord> records =
        read(new InputSplit(file.toString(), InputFormat.TSV, 0, -1), settings);
    assertEquals(4, records.size());
    // body=title maps the body; the title field still reads its own column, which exists here.
    assertEquals(
        Map.of(
            ArticleField.ID,
            "1",
            ArticleField.BODY,
            "\"따옴표\" 그대로",
            ArticleField.TITLE,
            "\"따옴표\" 그대로",
            ArticleField.PUBLISHED_AT,
            "2025-11-26"),
        records.get(0).fields());
    assertEquals(2L, records.get(0).line());
    assertFailure(records.get(1), QuarantineReason.MALFORMED_CSV, 3);
    assertFailure(records.get(2), QuarantineReason.EMPTY_RECORD, 4);
    assertEquals("쉼표, 포함", records.get(3).fields().get(ArticleField.BODY));
    assertEquals(5L, records.get(3).line());
  }

  @Test
  void readsTextLinesAsBodies() throws IOException {
    byte[] text = "\uFEFF한빛경제 김민준 기자 | 첫째 기사 본문\n\n둘째 기사 본문\r\n".getBytes(UTF_8);
    List<SourceRecord> records = readWhole(file("seeds.txt", text), InputFormat.TEXT);
    assertEquals(3, records.size());
    assertEquals(Map.of(ArticleField.BODY, "한빛경제 김민준 기자 | 첫째 기사 본문"), records.get(0).fields());
    assertFailure(records.get(1), QuarantineReason.EMPTY_RECORD, 2);
    assertEquals(Map.of(ArticleField.BODY, "둘째 기사 본문"), records.get(2).fields());
    assertEquals(lineStarts(text), records.stream().map(SourceRecord::offset).toList());
  }

  @Test
  void iteratorContract() throws IOException {
    Path file = file("one.txt", "한 줄\n".getBytes(UTF_8));
    try (SplitRecordReader reader =
        new SplitRecordReader(
            new InputSplit(file.toString(), InputFormat.TEXT, 0, -1),
            IngestSettings.defaults(RUN),
            CONF)) {
      assertTrue(reader.hasNext());
      assertTrue(reader.hasNext(), "hasNext does not consume");
      assertEquals("한 줄", reader.next().fields().get(ArticleField.BODY));
      assertFalse(reader.hasNext());
      assertThrows(NoSuchElementException.class, reader::next);
    }
  }

  // ---------------------------------------------------------------- byte-range splits

  @ParameterizedTest
  @EnumSource(
      value = InputFormat.class,
      names = {"JSONL", "TEXT"})
  void everyCutOfAFileReadsEachRecordExactlyOnce(InputFormat format) throws IOException {
    byte[] content = mixedLines(format, 60, new Random(42));
    Path file = file("cut." + format.key(), content);
    List<String> whole = keys(readWhole(file, format));
    assertEquals(lineStarts(content).size(), whole.size());

    List<Long> starts = lineStarts(content);
    Random random = new Random(1234);
    for (int trial = 0; trial < 80; trial++) {
      TreeSet<Long> cuts = new TreeSet<>();
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        // Half of the cuts fall exactly on a line start or just before/after one.
        long cut =
            switch (random.nextInt(4)) {
              case 0 -> starts.get(random.nextInt(starts.size()));
              case 1 -> starts.get(random.nextInt(starts.size())) - 1;
              case 2 -> starts.get(random.nextInt(starts.size())) + 1;
              default -> random.nextInt(content.length + 1);
            };
        if (cut > 0 && cut < content.length) {
          cuts.add(cut);
        }
      }
      assertEquals(whole, readInPieces(file, format, content.length, cuts), "cuts " + cuts);
    }
  }

  @Test
  void cutsAtEveryPositionOfASmallFile() throws IOException {
    byte[] content = "가\n\n{\"body\":\"b\"}\r\nccc\nd".getBytes(UTF_8);
    Path file = file("small.jsonl", content);
    List<String> whole = keys(readWhole(file, InputFormat.JSONL));
    assertEquals(5, whole.size());
    for (long a = 1; a < content.length; a++) {
      assertEquals(
          whole,
          readInPieces(file, InputFormat.JSONL, content.length, new TreeSet<>(List.of(a))),
          "cut " + a);
      // Nearby second cuts make tiny ranges that hold no line start; far ones are covered above.
      for (long b = a + 1; b < Math.min(content.length, a + 4); b++) {
        assertEquals(
            whole,
            readInPieces(file, InputFormat.JSONL, content.length, new TreeSet<>(List.of(a, b))),
            "cuts " + a + "," + b);
      }
    }
  }

  @Test
  void splitsInsideAFileDoNotKnowLineNumbers() throws IOException {
    byte[] content = "첫째 줄\n둘째 줄\n셋째 줄\n".getBytes(UTF_8);
    Path file = file("lines.txt", content);
    long second = lineStarts(content).get(1);
    List<SourceRecord> head =
        read(
            new InputSplit(file.toString(), InputFormat.TEXT, 0, second),
            IngestSettings.defaults(RUN));
    List<SourceRecord> tail =
        read(
            new InputSplit(file.toString(), InputFormat.TEXT, second, content.length - second),
            IngestSettings.defaults(RUN));
    assertEquals(List.of(1L, 2L), head.stream().map(SourceRecord::line).toList());
    assertEquals(1, tail.size());
    assertNull(tail.get(0).line());
    assertEquals(lineStarts(content).get(2), tail.get(0).offset());
  }

  @Test
  void tsvSplitsKnowTheHeader() throws IOException {
    StringBuilder tsv = new StringBuilder("id\tbody\n");
    for (int i = 0; i < 200; i++) {
      tsv.append(i).append('\t').append("본문 ").append(i).append('\n');
    }
    byte[] content = tsv.toString().getBytes(UTF_8);
    Path file = file("split.tsv", content);
    List<String> whole = keys(readWhole(file, InputFormat.TSV));
    assertEquals(200, whole.size());
    List<SourceRecord> all = new ArrayList<>();
    for (long start = 0; start < content.length; start += 1000) {
      all.addAll(
          read(
              new InputSplit(
                  file.toString(), InputFormat.TSV, start, Math.min(1000, content.length - start)),
              IngestSettings.defaults(RUN)));
    }
    assertEquals(whole, keys(all));
    assertTrue(all.stream().noneMatch(SourceRecord::isFailed));
    assertEquals("199", all.get(199).fields().get(ArticleField.ID));
  }

  // ---------------------------------------------------------------- helpers

  private static byte[] mixedLines(InputFormat format, int count, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(8);
      String text =
          switch (kind) {
            case 0 -> "";
            case 1 -> "{\"body\":\"깨진";
            case 2 -> "가나다라".repeat(random.nextInt(40));
            default ->
                format == InputFormat.JSONL
                    ? "{\"id\":\""
                        + i
                        + "\",\"body\":\""
                        + "한국어 본문 ".repeat(1 + random.nextInt(10))
                        + "\"}"
                    : i + " 번째 기사 " + "본문".repeat(random.nextInt(20));
          };
      write(out, text + (random.nextBoolean() ? "\r\n" : "\n"));
      if (kind == 4) {
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 'x', '\n'}); // invalid UTF-8
      }
    }
    write(out, "끝 줄 줄바꿈 없음");
    return out.toByteArray();
  }

  private List<String> readInPieces(
      Path file, InputFormat format, long length, TreeSet<Long> cuts) {
    List<SourceRecord> records = new ArrayList<>();
    long start = 0;
    List<Long> bounds = new ArrayList<>(cuts);
    bounds.add(length);
    for (long end : bounds) {
      records.addAll(
          read(
              new InputSplit(file.toString(), format, start, end - start),
              IngestSettings.defaults(RUN)));
      start = end;
    }
    return keys(records);
  }

  /** A record's identity for comparisons: offset, outcome and payload. */
  private static List<String> keys(List<SourceRecord> records) {
    return records.stream()
        .map(
            r ->
                r.offset()
                    + "|"
                    + (r.failure() == null ? r.fields() : r.failure())
                    + "|"
                    + r.payload())
        .toList();
  }

  private static void assertFailure(SourceRecord record, QuarantineReason reason, long line) {
    assertEquals(reason, record.failure(), () -> "reason of " + record);
    assertNull(record.fields());
    assertEquals(line, record.line(), "line");
    assertNotNull(record.message());
  }

  private static List<Long> lineStarts(byte[] content) {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < content.length; i++) {
      if (i == 0 || content[i - 1] == '\n') {
        starts.add((long) i);
      }
    }
    return starts;
  }

  private static byte[] compress(byte[] plain, Compression compression) throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (OutputStream out =
        switch (compression) {
          case NONE -> packed;
          case GZIP -> new GZIPOutputStream(packed);
          case ZSTD -> new ZstdOutputStream(packed);
        }) {
      out.write(plain);
    }
    return packed.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(UTF_8));
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static List<SourceRecord> readWhole(Path file, InputFormat format) {
    return read(new InputSplit(file.toString(), format, 0, -1), IngestSettings.defaults(RUN));
  }

  private static List<SourceRecord> read(InputSplit split, IngestSettings settings) {
    List<SourceRecord> out = new ArrayList<>();
    try (SplitRecordReader reader = new SplitRecordReader(split, settings, CONF)) {
      reader.forEachRemaining(out::add);
    }
    return out;
  }
}
