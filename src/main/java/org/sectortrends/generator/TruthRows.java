package org.sectortrends.generator;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.RowBuilder;

/**
 * The ground-truth tables written beside a generated corpus under {@code DIR/truth/}. They are not
 * pipeline tables (those are declared in {@code org.sectortrends.tables.Tables}); they describe
 * what the pipeline should find.
 *
 * <ul>
 *   <li>{@code articles}: one row per generated record: {@code id}, {@code sector}, {@code
 *       published_date}, {@code outlet}, {@code chars}, {@code figure_count}, {@code duplicate_of}
 *       and {@code duplicate_kind} ({@code exact}/{@code near}) for copies, {@code
 *       malformed_reason} (the ingest's quarantine reason code) for broken records;
 *   <li>{@code figures}: one row per figure of a well-formed record: {@code article_id}, {@code
 *       figure_index}, {@code surface}, {@code start} and {@code end} (code points, end exclusive),
 *       {@code value} and {@code range_high} as decimal strings, {@code unit}, {@code counter},
 *       {@code qualifier}, {@code metric}, {@code subject}, {@code period}, {@code conversion_of}.
 * </ul>
 */
public final class TruthRows {

  public static final String ARTICLES = "articles";
  public static final String FIGURES = "figures";

  /** {@code published_date} is written as text here and cast to a date by the writer. */
  public static final StructType ARTICLE_SCHEMA =
      new StructType(
          new StructField[] {
            field("id", StringType), field("sector", StringType),
                field("published_date", StringType),
            field("outlet", StringType), field("chars", IntegerType),
                field("figure_count", IntegerType),
            field("duplicate_of", StringType), field("duplicate_kind", StringType),
                field("malformed_reason", StringType)
          });

  public static final StructType FIGURE_SCHEMA =
      new StructType(
          new StructField[] {
            field("article_id", StringType),
            field("figure_index", IntegerType),
            field("surface", StringType),
            field("start", IntegerType),
            field("end", IntegerType),
            field("value", StringType),
            field("unit", StringType),
            field("counter", StringType),
            field("qualifier", StringType),
            field("range_high", StringType),
            field("metric", StringType),
            field("subject", StringType),
            field("period", StringType),
            field("conversion_of", IntegerType)
          });

  private TruthRows() {}

  public static Row article(GeneratedArticle a) {
    return RowBuilder.of("truth/" + ARTICLES, ARTICLE_SCHEMA)
        .set("id", a.id())
        .set("sector", a.sector())
        .set("published_date", a.publishedAt().toLocalDate().toString())
        .set("outlet", a.outlet())
        .set("chars", a.chars())
        .set("figure_count", a.figures().size())
        .set("duplicate_of", a.duplicateOf())
        .set("duplicate_kind", a.duplicateKind())
        .set("malformed_reason", a.malformed() == null ? null : a.malformed().reason())
        .build();
  }

  public static List<Row> figures(GeneratedArticle a) {
    List<Row> rows = new ArrayList<>(a.figures().size());
    for (TruthFigure f : a.figures()) {
      rows.add(
          RowBuilder.of("truth/" + FIGURES, FIGURE_SCHEMA)
              .set("article_id", a.id())
              .set("figure_index", f.index())
              .set("surface", f.surface())
              .set("start", f.start())
              .set("end", f.end())
              .set("value", KoreanNumbers.plain(f.value()))
              .set("unit", f.unit())
              .set("counter", f.counter())
              .set("qualifier", f.qualifier())
              .set("range_high", f.rangeHigh() == null ? null : KoreanNumbers.plain(f.rangeHigh()))
              .set("metric", f.metric())
              .set("subject", f.subject())
              .set("period", f.period())
              .set("conversion_of", f.conversionOf())
              .build());
    }
    return rows;
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
