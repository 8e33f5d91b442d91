package org.sectortrends.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputFormatTest {

  /** Columns: file name | format or NONE | compression. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      news.jsonl            | JSONL   | NONE
      news.ndjson           | JSONL   | NONE
      news.json             | JSONL   | NONE
      news.jsonl.gz         | JSONL   | GZIP
      NEWS.JSONL.GZ         | JSONL   | GZIP
      news.jsonl.gzip       | JSONL   | GZIP
      news.jsonl.zst        | JSONL   | ZSTD
      news.jsonl.zstd       | JSONL   | ZSTD
      table.csv             | CSV     | NONE
      table.CSV.zst         | CSV     | ZSTD
      table.tsv             | TSV     | NONE
      table.tab             | TSV     | NONE
      table.tsv.gz          | TSV     | GZIP
      part-0.parquet        | PARQUET | NONE
      part-0.parq           | PARQUET | NONE
      seeds.txt             | TEXT    | NONE
      seeds.text            | TEXT    | NONE
      seeds.txt.gz          | TEXT    | GZIP
      seeds.txt.zst         | TEXT    | ZSTD
      README.md             | NONE    | NONE
      archive.gz            | NONE    | GZIP
      archive.zst           | NONE    | ZSTD
      _SUCCESS              | NONE    | NONE
      csv                   | NONE    | NONE
      data.csv.bak          | NONE    | NONE
      data.gz.csv           | CSV     | NONE
      """)
  void detectsFormatAndCompressionFromFileNames(
      String fileName, String format, String compression) {
    Optional<InputFormat> expected =
        format.equals("NONE") ? Optional.empty() : Optional.of(InputFormat.valueOf(format));
    assertEquals(expected, InputFormat.fromFileName(fileName));
    assertEquals(Compression.valueOf(compression), Compression.fromFileName(fileName));
  }

  @ParameterizedTest
  @CsvSource({"jsonl,JSONL", "JSONL,JSONL", "Csv,CSV", "tsv,TSV", "parquet,PARQUET", "text,TEXT"})
  void parsesFormatOption(String value, InputFormat expected) {
    assertEquals(expected, InputFormat.parse(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "json ", "txt", ""})
  void rejectsUnknownFormatNamingIt(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InputFormat.parse(value));
    assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(InputFormat.class)
  void keyRoundTrips(InputFormat format) {
    assertEquals(format, InputFormat.parse(format.key()));
    assertEquals(
        format == InputFormat.JSONL || format == InputFormat.TEXT || format == InputFormat.TSV,
        format.lineSplittable(),
        "CSV may hold line breaks in quotes and Parquet is not line based");
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void compressionWrapsStreamsTransparently(Compression compression) throws IOException {
    byte[] text = "한 줄\n두 줄\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (OutputStream out =
        switch (compression) {
          case NONE -> packed;
          case GZIP -> new GZIPOutputStream(packed);
          case ZSTD -> new ZstdOutputStream(packed);
        }) {
      out.write(text);
    }
    try (InputStream in = compression.wrap(new ByteArrayInputStream(packed.toByteArray()))) {
      assertArrayEquals(text, in.readAllBytes());
    }
  }
}
