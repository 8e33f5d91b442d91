package org.sectortrends.topics;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.Tables;

/**
 * Each article's own sector from its terms, by {@link SectorTaxonomy#score} applied to every row of
 * a table grouped by article (no join or shuffle of its own): the sector with the most evidence
 * among the article's terms (keywords times their weight, companies named worth up to three
 * keywords), ties go to the sector listed first, {@code other} with score 0 when no keyword or
 * company occurs.
 *
 * <p>Why per article and not only per topic: a mixed topic would otherwise give its sector to every
 * article in it; the article's own sector lets a report see the exceptions.
 *
 * <p>Output: the input rows with {@code sector STRING} and {@code sector_score DOUBLE} appended.
 *
 * <p>Known weakness: only articles with at least one row in {@code article_terms} get a row; join
 * with the article list and default to {@code other} for the rest.
 */
public final class ArticleSectors {

  public static final String SECTOR = Tables.Col.SECTOR;
  public static final String SECTOR_SCORE = Tables.Col.SECTOR_SCORE;

  private ArticleSectors() {}

  /**
   * {@code documents} (one row per article with a {@code terms} array, terms repeated by count, as
   * {@link TopicFeatures#termArrays} gives) with {@code sector} and {@code sector_score} appended,
   * computed row by row in Java.
   */
  public static Dataset<Row> withOwnSector(Dataset<Row> documents, SectorTaxonomy taxonomy) {
    StructType schema =
        documents
            .schema()
            .add(SECTOR, DataTypes.StringType, false)
            .add(SECTOR_SCORE, DataTypes.DoubleType, false);
    int termsIndex = documents.schema().fieldIndex(TopicFeatures.TERMS);
    int width = documents.schema().size();
    return documents.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            rows ->
                new Iterator<Row>() {
                  private final Map<String, Integer> counts = new HashMap<>();

                  @Override
                  public boolean hasNext() {
                    return rows.hasNext();
                  }

                  @Override
                  public Row next() {
                    Row row = rows.next();
                    counts.clear();
                    List<String> terms =
                        row.isNullAt(termsIndex) ? List.of() : row.getList(termsIndex);
                    for (String term : terms) {
                      counts.merge(term, 1, Integer::sum);
                    }
                    SectorScore best = taxonomy.score(counts);
                    // The input row's columns, whatever they are, then the two added ones: a
                    // generic
                    // extension of the caller's schema, not a row of a declared table.
                    Object[] values = new Object[width + 2];
                    for (int i = 0; i < width; i++) {
                      values[i] = row.get(i);
                    }
                    values[width] = best.sectorId();
                    values[width + 1] = best.score();
                    return RowFactory.create(values);
                  }
                },
        Encoders.row(schema));
  }
}
