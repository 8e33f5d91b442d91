package org.sectortrends.corpus;

import java.util.EnumMap;

/**
 * One record as read from an input, before any validation: either its fields, or the reason it
 * could not be parsed. It always keeps where it came from and the original payload, so that a
 * quarantined record can be found and replayed.
 *
 * @param inputFile the file it was read from
 * @param line 1-based line where the record starts, or null when unknown (inside a split)
 * @param offset byte offset of the record in the (decompressed) input, or null when unknown
 * @param fields the fields, or null when the record failed to parse
 * @param failure why it failed to parse, or null
 * @param message detail of the failure, naming the offending value
 * @param payload the record as text (lossy for invalid UTF-8)
 * @param rawBytes the original bytes, kept only when they are not valid text
 */
public record SourceRecord(
    String inputFile,
    Long line,
    Long offset,
    EnumMap<ArticleField, String> fields,
    QuarantineReason failure,
    String message,
    String payload,
    byte[] rawBytes) {

  public static SourceRecord parsed(
      String inputFile,
      Long line,
      Long offset,
      EnumMap<ArticleField, String> fields,
      String payload) {
    return new SourceRecord(inputFile, line, offset, fields, null, null, payload, null);
  }

  public static SourceRecord failed(
      String inputFile,
      Long line,
      Long offset,
      QuarantineReason reason,
      String message,
      String payload,
      byte[] rawBytes) {
    return new SourceRecord(inputFile, line, offset, null, reason, message, payload, rawBytes);
  }

  public boolean isFailed() {
    return failure != null;
  }
}
