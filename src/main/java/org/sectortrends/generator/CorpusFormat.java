package org.sectortrends.generator;

import java.util.Locale;

/** The corpus formats the generator writes, each one the ingest reads. */
public enum CorpusFormat {
  /** One JSON object per line: id, url, title, body, published_at, outlet, reporter. */
  JSONL,
  /**
   * One article per line, {@code OUTLET NAME 기자 | body}, under {@code date=YYYY-MM-DD/}
   * directories.
   */
  TEXT,
  /** Parquet with the JSONL fields as columns. */
  PARQUET;

  public static CorpusFormat parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not one of jsonl, text, parquet: " + text);
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
