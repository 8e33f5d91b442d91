package org.sectortrends.corpus;

/**
 * Why an input record did not become an article. The {@link #code()} is what the {@code quarantine}
 * table and the {@code runs} table carry.
 */
public enum QuarantineReason {
  /** A blank line or a record with no content at all. */
  EMPTY_RECORD,
  /** The record parsed, but its body is empty after normalization. */
  EMPTY_BODY,
  /** The body is shorter than the configured minimum. */
  BODY_TOO_SHORT,
  /** The raw record is larger than the configured maximum. */
  RECORD_TOO_LARGE,
  /** The bytes are not valid UTF-8. */
  INVALID_UTF8,
  /** Valid UTF-8 that is mostly control characters: binary data, not text. */
  BINARY_CONTENT,
  /** A JSONL line that is not a JSON object. */
  MALFORMED_JSON,
  /** A CSV/TSV row with an unterminated quote or the wrong number of fields. */
  MALFORMED_CSV,
  /** A field the article needs (the body) is absent. */
  MISSING_FIELD,
  /** A date value that cannot be read. */
  UNPARSEABLE_DATE,
  /** A date before 1990 or more than a day after the run. */
  DATE_OUT_OF_RANGE,
  /** The input (or the rest of it) could not be read, e.g. a truncated gzip stream. */
  UNREADABLE_INPUT;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
