package org.sectortrends.corpus;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The validation limits of one ingest run, shipped to executors with the tasks.
 *
 * @param minBodyChars bodies with fewer code points are quarantined as {@code body_too_short}
 * @param maxRecordBytes raw records larger than this are quarantined as {@code record_too_large}
 * @param maxPayloadChars quarantine rows keep at most this much of the original payload
 * @param defaultDate the date of records that have none in the record or the path; may be null
 * @param runStarted the run's start: dates more than a day after it are out of range
 * @param columnMap which input columns supply which fields
 */
public record IngestSettings(
    int minBodyChars,
    int maxRecordBytes,
    int maxPayloadChars,
    LocalDate defaultDate,
    Instant runStarted,
    ColumnMap columnMap)
    implements Serializable {

  public static final int DEFAULT_MIN_BODY_CHARS = 10;
  public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;
  public static final int DEFAULT_MAX_PAYLOAD_CHARS = 4096;

  /** The earliest publication date accepted. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);

  public IngestSettings {
    if (minBodyChars < 1) {
      throw new IllegalArgumentException("minBodyChars must be at least 1: " + minBodyChars);
    }
    if (maxRecordBytes < 1024) {
      throw new IllegalArgumentException("maxRecordBytes must be at least 1024: " + maxRecordBytes);
    }
    if (maxPayloadChars < 0) {
      throw new IllegalArgumentException(
          "maxPayloadChars must not be negative: " + maxPayloadChars);
    }
    Objects.requireNonNull(runStarted, "runStarted");
    Objects.requireNonNull(columnMap, "columnMap");
  }

  public static IngestSettings defaults(Instant runStarted) {
    return new IngestSettings(
        DEFAULT_MIN_BODY_CHARS,
        DEFAULT_MAX_RECORD_BYTES,
        DEFAULT_MAX_PAYLOAD_CHARS,
        null,
        runStarted,
        ColumnMap.identity());
  }
}
