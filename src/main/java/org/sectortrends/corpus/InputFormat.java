package org.sectortrends.corpus;

import java.util.Locale;
import java.util.Optional;

/** The input formats the ingest reads, detected from a file name or forced by {@code --format}. */
public enum InputFormat {
  /** One JSON object per line. */
  JSONL,
  /** Comma-separated with a header row; RFC 4180 quoting, fields may span lines. */
  CSV,
  /** Tab-separated with a header row; no quoting: a line is a record. */
  TSV,
  /** Apache Parquet, read by Spark. */
  PARQUET,
  /** One article per line: {@code OUTLET NAME 기자 | body}, the byline optional. */
  TEXT;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@code --format} value. */
  public static InputFormat parse(String value) {
    for (InputFormat format : values()) {
      if (format.key().equals(value.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Unknown format '" + value + "'; formats are jsonl, csv, tsv, parquet, text");
  }

  /**
   * The format a file name implies, looking through {@code .gz}, {@code .zst} and {@code .zstd}.
   */
  public static Optional<InputFormat> fromFileName(String fileName) {
    String name = Compression.stripSuffix(fileName.toLowerCase(Locale.ROOT));
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".tsv") || name.endsWith(".tab")) {
      return Optional.of(TSV);
    }
    if (name.endsWith(".parquet") || name.endsWith(".parq")) {
      return Optional.of(PARQUET);
    }
    if (name.endsWith(".txt") || name.endsWith(".text")) {
      return Optional.of(TEXT);
    }
    return Optional.empty();
  }

  /** Whether a file of this format can be cut into byte ranges read by separate tasks. */
  public boolean lineSplittable() {
    return this == JSONL || this == TEXT || this == TSV;
  }
}
