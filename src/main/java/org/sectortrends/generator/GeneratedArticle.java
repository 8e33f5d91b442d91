package org.sectortrends.generator;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One generated record with its ground truth.
 *
 * @param id the record's id in the corpus ({@code a0000012345})
 * @param sector the sector the article was written about
 * @param publishedAt publication time in Asia/Seoul
 * @param body the body as written (paragraphs separated by {@code \n}); figure spans index it
 * @param duplicateOf for copies, the id of the earlier article copied; null otherwise
 * @param duplicateKind {@code exact} or {@code near} for copies; null otherwise
 * @param malformed how the record is broken, or null for a well-formed one
 */
public record GeneratedArticle(
    String id,
    long index,
    String sector,
    LocalDateTime publishedAt,
    String outlet,
    String reporter,
    String title,
    String body,
    List<TruthFigure> figures,
    String duplicateOf,
    String duplicateKind,
    Malformation malformed)
    implements Serializable {

  /** How a malformed record is broken, and the quarantine reason the ingest gives it. */
  public enum Malformation {
    /** The JSON line is cut off in the middle. */
    BROKEN_JSON("malformed_json"),
    /** A blank line instead of a record. */
    BLANK_LINE("empty_record"),
    /** A publication date in the year 9999. */
    BAD_DATE("date_out_of_range"),
    /** A body of a few characters. */
    TOO_SHORT("body_too_short"),
    /** No body at all (Parquet: a null body). */
    MISSING_BODY("missing_field");

    private final String reason;

    Malformation(String reason) {
      this.reason = reason;
    }

    /** The ingest's quarantine reason code for this record. */
    public String reason() {
      return reason;
    }
  }

  /** The record's body length in code points. */
  public int chars() {
    return body == null ? 0 : body.codePointCount(0, body.length());
  }
}
