package org.sectortrends.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.Tables;

/**
 * Each article's own sector from its terms, computed in Spark with the same rule as
 * {@link SectorTaxonomy#score}: the share of the article's term count that falls on a sector's
 * keywords (times keyword weight), best sector wins, ties go to the sector listed first,
 * {@code other} with score 0 when no keyword occurs.
 *
 * <p>Why per article and not only per topic: a mixed topic would otherwise give its sector to
 * every article in it; the article's own sector lets a report see the exceptions.
 *
 * <p>Output: {@code (article_id, sector STRING, sector_score DOUBLE)}, one row per article of
 * {@code articleTerms}.
 *
 * <p>Known weakness: only articles with at least one row in {@code article_terms} get a row;
 * join with the article list and default to {@code other} for the rest.
 */
public final class ArticleSectors {

  public static final String SECTOR = Tables.Col.SECTOR;
  public static final String SECTOR_SCORE = Tables.Col.SECTOR_SCORE;
  private static final String KEYWORD = "keyword";
  private static final String WEIGHT = "weight";
  private static final String ORDER = "sector_order";

  private ArticleSectors() {}

  public static Dataset<Row> score(Dataset<Row> articleTerms, SectorTaxonomy taxonomy) {
    Dataset<Row> keywords = keywordTable(articleTerms, taxonomy);
    Dataset<Row> counts =
        articleTerms
            .filter(col(TopicModeling.COUNT).gt(0))
            .select(col(TopicModeling.ARTICLE_ID), col(TopicModeling.TERM), col(TopicModeling.COUNT).cast("double").as(TopicModeling.COUNT));
    Dataset<Row> totals =
        counts.groupBy(TopicModeling.ARTICLE_ID).agg(sum(TopicModeling.COUNT).as("total"));
    Dataset<Row> hits =
        counts
            .join(keywords, counts.col(TopicModeling.TERM).equalTo(keywords.col(KEYWORD)))
            .groupBy(col(TopicModeling.ARTICLE_ID), col(SECTOR), col(ORDER))
            .agg(sum(col(TopicModeling.COUNT).multiply(col(WEIGHT))).as("hit"))
            .withColumn(
                "pick",
                row_number()
                    .over(Window.partitionBy(TopicModeling.ARTICLE_ID).orderBy(col("hit").desc(), col(ORDER))))
            .filter(col("pick").equalTo(1));
    Dataset<Row> best = hits.withColumnRenamed(TopicModeling.ARTICLE_ID, "hit_article");
    return totals
        .join(best, totals.col(TopicModeling.ARTICLE_ID).equalTo(best.col("hit_article")), "left")
        .select(
            totals.col(TopicModeling.ARTICLE_ID),
            when(col("hit").isNull(), lit(SectorTaxonomy.OTHER)).otherwise(col(SECTOR)).as(SECTOR),
            when(col("hit").isNull(), lit(0.0)).otherwise(col("hit").divide(col("total"))).as(SECTOR_SCORE));
  }

  /**
   * {@code documents} (one row per article with a {@code terms} array, terms repeated by count,
   * as {@link TopicModeling#termArrays} gives) with {@code sector} and {@code sector_score}
   * appended: the same rule as {@link #score}, computed row by row in Java, so an input that is
   * already grouped by article is scored without another shuffle or join.
   */
  public static Dataset<Row> withOwnSector(Dataset<Row> documents, SectorTaxonomy taxonomy) {
    StructType schema = documents.schema()
        .add(SECTOR, DataTypes.StringType, false)
        .add(SECTOR_SCORE, DataTypes.DoubleType, false);
    int termsIndex = documents.schema().fieldIndex(TopicModeling.TERMS);
    int width = documents.schema().size();
    return documents.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new Iterator<Row>() {
      private final Map<String, Integer> counts = new HashMap<>();

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row row = rows.next();
        counts.clear();
        List<String> terms = row.isNullAt(termsIndex) ? List.of() : row.getList(termsIndex);
        for (String term : terms) {
          counts.merge(term, 1, Integer::sum);
        }
        SectorScore best = taxonomy.score(counts);
        Object[] values = new Object[width + 2];
        for (int i = 0; i < width; i++) {
          values[i] = row.get(i);
        }
        values[width] = best.sectorId();
        values[width + 1] = best.score();
        return RowFactory.create(values);
      }
    }, Encoders.row(schema));
  }

  private static Dataset<Row> keywordTable(Dataset<Row> like, SectorTaxonomy taxonomy) {
    List<Row> rows = new ArrayList<>();
    List<SectorTaxonomy.Sector> sectors = taxonomy.sectors();
    for (int i = 0; i < sectors.size(); i++) {
      for (Map.Entry<String, Double> keyword : sectors.get(i).keywordWeights().entrySet()) {
        rows.add(RowFactory.create(sectors.get(i).id(), i, keyword.getKey(), keyword.getValue()));
      }
    }
    StructType schema =
        new StructType()
            .add(SECTOR, DataTypes.StringType, false)
            .add(ORDER, DataTypes.IntegerType, false)
            .add(KEYWORD, DataTypes.StringType, false)
            .add(WEIGHT, DataTypes.DoubleType, false);
    return like.sparkSession().createDataFrame(rows, schema);
  }
}
