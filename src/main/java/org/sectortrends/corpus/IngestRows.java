package org.sectortrends.corpus;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.sql.Date;
import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.RowBuilder;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * The in-flight row of the ingest between reading and writing: one row per input record, holding
 * either an article or a quarantine entry, told apart by {@link #OUTCOME}. Keeping both in one
 * dataset lets the run read its input once and count every record exactly once.
 */
public final class IngestRows {

  /** {@code article} or {@code quarantine}. */
  public static final String OUTCOME = "outcome";

  public static final String ARTICLE = "article";
  public static final String QUARANTINE = "quarantine";

  /**
   * Article columns of the {@code articles} table that the reader fills, then the quarantine ones.
   */
  public static final StructType SCHEMA = buildSchema();

  private IngestRows() {}

  private static StructType buildSchema() {
    StructType schema = new StructType().add(OUTCOME, StringType, false);
    for (StructField field : Tables.ARTICLES.dataSchema().fields()) {
      if (field.name().equals(Col.INGESTED_AT) || field.name().equals(Col.RUN_ID)) {
        continue;
      }
      schema = schema.add(field.name(), field.dataType(), true);
    }
    return schema
        .add(Col.INPUT_OFFSET, LongType, true)
        .add(Col.REASON, StringType, true)
        .add(Col.MESSAGE, StringType, true)
        .add(Col.RAW_PAYLOAD, StringType, true)
        .add(Col.RAW_BYTES, BinaryType, true);
  }

  /** The row for an outcome, in {@link #SCHEMA} order. */
  public static Row toRow(IngestOutcome outcome) {
    if (outcome instanceof PreparedArticle a) {
      return RowBuilder.of("ingest row", SCHEMA)
          .set(OUTCOME, ARTICLE)
          .set(Col.ARTICLE_ID, a.articleId())
          .set(Col.SOURCE_ID, a.sourceId())
          .set(Col.URL, a.url())
          .set(Col.OUTLET, a.outlet())
          .set(Col.REPORTER, a.reporter())
          .set(Col.TITLE, a.title())
          .set(Col.BODY, a.body())
          .set(Col.SECTION, a.section())
          .set(Col.PUBLISHED_AT, a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()))
          .set(
              Col.PUBLISHED_DATE,
              a.publishedDate() == null ? null : Date.valueOf(a.publishedDate()))
          .set(Col.DATE_SOURCE, a.dateSource())
          .set(Col.CHAR_COUNT, a.charCount())
          .set(Col.CONTENT_HASH, a.contentHash())
          .set(Col.INPUT_FILE, a.inputFile())
          .set(Col.INPUT_LINE, a.inputLine())
          .setNull(Col.INPUT_OFFSET, Col.REASON, Col.MESSAGE, Col.RAW_PAYLOAD, Col.RAW_BYTES)
          .build();
    }
    QuarantinedRecord q = (QuarantinedRecord) outcome;
    return RowBuilder.of("ingest row", SCHEMA)
        .set(OUTCOME, QUARANTINE)
        .setNull(
            Col.ARTICLE_ID,
            Col.URL,
            Col.OUTLET,
            Col.REPORTER,
            Col.TITLE,
            Col.BODY,
            Col.SECTION,
            Col.PUBLISHED_AT,
            Col.PUBLISHED_DATE,
            Col.DATE_SOURCE,
            Col.CHAR_COUNT,
            Col.CONTENT_HASH)
        .set(Col.SOURCE_ID, q.sourceId())
        .set(Col.INPUT_FILE, q.inputFile())
        .set(Col.INPUT_LINE, q.line())
        .set(Col.INPUT_OFFSET, q.offset())
        .set(Col.REASON, q.reason().code())
        .set(Col.MESSAGE, q.message())
        .set(Col.RAW_PAYLOAD, q.payload())
        .set(Col.RAW_BYTES, q.rawBytes())
        .build();
  }
}
