package org.sectortrends.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.generator.CorpusFormat;

/**
 * Reads a generated corpus with plain {@code spark.read}, as the floors do: the least any pipeline
 * can do to get at the records. Broken JSON lines read as rows with null fields and blank lines as
 * empty texts; the floors keep them, as the ingest has to look at them too.
 */
final class CorpusInput {

  static final StructType JSONL_SCHEMA =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("url", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("body", DataTypes.StringType)
          .add("published_at", DataTypes.StringType)
          .add("outlet", DataTypes.StringType)
          .add("reporter", DataTypes.StringType);

  private CorpusInput() {}

  /** Every record with all its fields. */
  static Dataset<Row> records(SparkSession spark, String corpusDir, CorpusFormat format) {
    return switch (format) {
      case JSONL -> spark.read().schema(JSONL_SCHEMA).json(corpusDir);
      case TEXT -> spark.read().text(corpusDir);
      case PARQUET -> spark.read().parquet(corpusDir);
    };
  }

  /** One column {@code body}: the article text (for text lines, what follows the byline). */
  static Dataset<Row> bodies(SparkSession spark, String corpusDir, CorpusFormat format) {
    Dataset<Row> records = records(spark, corpusDir, format);
    return switch (format) {
      case TEXT -> records.select(expr("substring_index(value, ' | ', -1)").as("body"));
      default -> records.select(col("body"));
    };
  }
}
