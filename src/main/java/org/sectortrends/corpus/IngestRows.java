package org.sectortrends.corpus;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.sql.Date;
import java.sql.Timestamp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
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

  /** Article columns of the {@code articles} table that the reader fills, then the quarantine ones. */
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
      return RowFactory.create(
          ARTICLE,
          a.articleId(), a.sourceId(), a.url(), a.outlet(), a.reporter(), a.title(), a.body(), a.section(),
          a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()),
          a.publishedDate() == null ? null : Date.valueOf(a.publishedDate()),
          a.dateSource(), a.charCount(), a.contentHash(), a.inputFile(), a.inputLine(),
          null, null, null, null, null);
    }
    QuarantinedRecord q = (QuarantinedRecord) outcome;
    return RowFactory.create(
        QUARANTINE,
        null, q.sourceId(), null, null, null, null, null, null, null, null, null, null, null,
        q.inputFile(), q.line(),
        q.offset(), q.reason().code(), q.message(), q.payload(), q.rawBytes());
  }
}
