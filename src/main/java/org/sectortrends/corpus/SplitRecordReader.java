package org.sectortrends.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads the records of one {@link InputSplit} of a line-based or CSV file, lazily, as {@link
 * SourceRecord}s. Every problem becomes a failed record that names the file, the line or byte
 * offset and the reason; none is thrown, so a bad record never fails the job. If the input itself
 * breaks (a truncated gzip stream), one {@code unreadable_input} record stands for the rest.
 *
 * <p>Line numbers are known only for ranges that start at byte 0 (whole files and first ranges);
 * byte offsets are always known, counted in the decompressed stream.
 */
public final class SplitRecordReader implements Iterator<SourceRecord>, Closeable {

  // Two objects on one line, or text after the object, would otherwise lose everything after the
  // first.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final InputSplit split;
  private final IngestSettings settings;
  private final Configuration conf;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  private InputStream stream;
  private LineReader lines;
  private long end;
  private long lineNumber;
  private boolean lineNumbersKnown;
  private List<String> header;
  private SourceRecord next;
  private boolean done;

  public SplitRecordReader(InputSplit split, IngestSettings settings, Configuration conf) {
    this.split = split;
    this.settings = settings;
    this.conf = conf;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = advance();
      if (next == null) {
        done = true;
        closeQuietly();
      }
    }
    return next != null;
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SourceRecord record = next;
    next = null;
    return record;
  }

  private SourceRecord advance() {
    try {
      if (lines == null) {
        open();
      }
      return readRecord();
    } catch (IOException | RuntimeException e) {
      done = true;
      closeQuietly();
      long offset = lines == null ? split.start() : lines.position();
      return SourceRecord.failed(
          split.path(),
          null,
          offset,
          QuarantineReason.UNREADABLE_INPUT,
          "Input could not be read past byte " + offset + ": " + e,
          null,
          null);
    }
  }

  private void open() throws IOException {
    Path path = new Path(split.path());
    FileSystem fs = path.getFileSystem(conf);
    Compression compression = Compression.fromFileName(path.getName());
    if (split.format() == InputFormat.CSV || split.format() == InputFormat.TSV) {
      header = readHeader(fs, path, compression);
    }
    FSDataInputStream raw = fs.open(path, 1 << 16);
    if (split.start() > 0) {
      raw.seek(split.start());
    }
    stream = compression.wrap(raw);
    lines = new LineReader(stream, split.start(), settings.maxRecordBytes());
    end = split.wholeFile() ? Long.MAX_VALUE : split.start() + split.length();
    if (split.start() > 0) {
      lines.skipPartialLine();
      lineNumbersKnown = false;
    } else {
      lineNumbersKnown = true;
      if (header != null) {
        lines.next();
        lineNumber = 1;
      }
    }
  }

  private List<String> readHeader(FileSystem fs, Path path, Compression compression)
      throws IOException {
    try (InputStream in = compression.wrap(fs.open(path))) {
      LineReader reader = new LineReader(in, 0, settings.maxRecordBytes());
      LineReader.Line first = reader.next();
      if (first == null) {
        return List.of();
      }
      String text = stripBom(new String(first.bytes(), StandardCharsets.UTF_8));
      List<String> names =
          split.format() == InputFormat.TSV
              ? DelimitedRows.splitTsv(text)
              : DelimitedRows.splitCsv(text, ',');
      List<String> trimmed = new ArrayList<>(names.size());
      for (String name : names) {
        trimmed.add(name.strip());
      }
      return trimmed;
    }
  }

  private SourceRecord readRecord() throws IOException {
    while (true) {
      LineReader.Line line = lines.next();
      if (line == null || line.offset() > end) {
        return null;
      }
      lineNumber++;
      Long lineNo = lineNumbersKnown ? lineNumber : null;
      if (line.truncated()) {
        return failed(
            lineNo,
            line,
            QuarantineReason.RECORD_TOO_LARGE,
            "Record of "
                + line.length()
                + " bytes exceeds the limit of "
                + settings.maxRecordBytes()
                + " bytes");
      }
      String text;
      try {
        text = decoder.decode(ByteBuffer.wrap(line.bytes())).toString();
      } catch (CharacterCodingException e) {
        return SourceRecord.failed(
            split.path(),
            lineNo,
            line.offset(),
            QuarantineReason.INVALID_UTF8,
            "Bytes are not valid UTF-8 (" + e.getMessage() + ")",
            new String(line.bytes(), StandardCharsets.UTF_8),
            line.bytes());
      }
      if (line.offset() == 0) {
        text = stripBom(text);
      }
      if (split.format() == InputFormat.CSV) {
        return csvRecord(lineNo, line, text);
      }
      if (text.isBlank()) {
        return failed(lineNo, line, QuarantineReason.EMPTY_RECORD, "Blank line");
      }
      return switch (split.format()) {
        case JSONL -> jsonRecord(lineNo, line, text);
        case TSV -> tsvRecord(lineNo, line, text);
        case TEXT -> textRecord(lineNo, line, text);
        default -> throw new IllegalStateException("Not a line format: " + split.format());
      };
    }
  }

  private SourceRecord jsonRecord(Long lineNo, LineReader.Line line, String text) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      return SourceRecord.failed(
          split.path(),
          lineNo,
          line.offset(),
          QuarantineReason.MALFORMED_JSON,
          "Not valid JSON: " + firstLine(e.getMessage()),
          text,
          null);
    }
    if (node == null || !node.isObject()) {
      return SourceRecord.failed(
          split.path(),
          lineNo,
          line.offset(),
          QuarantineReason.MALFORMED_JSON,
          "Line is JSON but not an object: " + (node == null ? "nothing" : node.getNodeType()),
          text,
          null);
    }
    Map<String, String> byColumn = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      if (value != null && !value.isNull()) {
        byColumn.put(e.getKey(), value.isValueNode() ? value.asText() : value.toString());
      }
    }
    return SourceRecord.parsed(
        split.path(), lineNo, line.offset(), settings.columnMap().select(byColumn), text);
  }

  private SourceRecord textRecord(Long lineNo, LineReader.Line line, String text) {
    EnumMap<ArticleField, String> fields = new EnumMap<>(ArticleField.class);
    fields.put(ArticleField.BODY, text);
    return SourceRecord.parsed(split.path(), lineNo, line.offset(), fields, text);
  }

  private SourceRecord tsvRecord(Long lineNo, LineReader.Line line, String text) {
    return delimitedRecord(lineNo, line.offset(), text, DelimitedRows.splitTsv(text));
  }

  private SourceRecord csvRecord(Long lineNo, LineReader.Line first, String firstText)
      throws IOException {
    StringBuilder record = new StringBuilder(firstText);
    long bytes = first.length();
    while (DelimitedRows.quoteOpen(record)) {
      LineReader.Line more = lines.next();
      if (more == null) {
        return SourceRecord.failed(
            split.path(),
            lineNo,
            first.offset(),
            QuarantineReason.MALFORMED_CSV,
            "Quoted field is never closed before the end of the file",
            record.toString(),
            null);
      }
      lineNumber++;
      bytes += more.length() + 1;
      if (more.truncated() || bytes > settings.maxRecordBytes()) {
        return SourceRecord.failed(
            split.path(),
            lineNo,
            first.offset(),
            QuarantineReason.RECORD_TOO_LARGE,
            "CSV record spanning lines exceeds "
                + settings.maxRecordBytes()
                + " bytes (an unclosed quote?)",
            record.toString(),
            null);
      }
      String text;
      try {
        text = decoder.decode(ByteBuffer.wrap(more.bytes())).toString();
      } catch (CharacterCodingException e) {
        return SourceRecord.failed(
            split.path(),
            lineNo,
            first.offset(),
            QuarantineReason.INVALID_UTF8,
            "Bytes are not valid UTF-8 in a CSV record (" + e.getMessage() + ")",
            record.toString(),
            more.bytes());
      }
      record.append('\n').append(text);
    }
    String text = record.toString();
    if (text.isBlank()) {
      return SourceRecord.failed(
          split.path(),
          lineNo,
          first.offset(),
          QuarantineReason.EMPTY_RECORD,
          "Blank line",
          text,
          null);
    }
    List<String> values;
    try {
      values = DelimitedRows.splitCsv(text, ',');
    } catch (IllegalArgumentException e) {
      return SourceRecord.failed(
          split.path(),
          lineNo,
          first.offset(),
          QuarantineReason.MALFORMED_CSV,
          e.getMessage(),
          text,
          null);
    }
    return delimitedRecord(lineNo, first.offset(), text, values);
  }

  private SourceRecord delimitedRecord(Long lineNo, long offset, String text, List<String> values) {
    QuarantineReason malformed = QuarantineReason.MALFORMED_CSV;
    if (values.size() != header.size()) {
      return SourceRecord.failed(
          split.path(),
          lineNo,
          offset,
          malformed,
          "Row has " + values.size() + " fields; the header has " + header.size(),
          text,
          null);
    }
    Map<String, String> byColumn = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      byColumn.put(header.get(i), values.get(i));
    }
    return SourceRecord.parsed(
        split.path(), lineNo, offset, settings.columnMap().select(byColumn), text);
  }

  private SourceRecord failed(
      Long lineNo, LineReader.Line line, QuarantineReason reason, String message) {
    return SourceRecord.failed(
        split.path(),
        lineNo,
        line.offset(),
        reason,
        message,
        new String(line.bytes(), StandardCharsets.UTF_8),
        null);
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private void closeQuietly() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // Reading is over; a failure to close loses nothing.
      }
      stream = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
