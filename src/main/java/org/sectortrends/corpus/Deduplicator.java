package org.sectortrends.corpus;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.Tables.Col;

/**
 * Marks exact and near duplicates among prepared articles. The earliest article of each group
 * (by publication time, undated last, then by id) is kept; every other one gets
 * {@code duplicate_of} (the kept article's id), {@code duplicate_kind} ({@code exact} or
 * {@code near}) and {@code similarity}.
 *
 * <p>Exact duplicates share the hash of their normalized body. Near duplicates (re-published or
 * lightly edited articles) are found among the remaining ones with MLlib's {@link MinHashLSH}
 * over {@link Shingles}: its MinHash values are grouped into bands of r values, and two articles
 * are candidates when all values of one band agree. Banding, rather than MLlib's own join on
 * single hash values, keeps the candidate set small: articles that merely share boilerplate
 * rarely agree on r values at once. {@link BandPlan} takes the largest r (at most 6) for which at
 * most 20 bands still make a pair at the threshold a candidate with probability ≥ 0.995; at the
 * default 0.9 that is 7 bands of 6 (pairs at Jaccard 0.13, typical of same-sector news, become
 * candidates with probability 3·10⁻⁵). Candidates are then confirmed by their exact Jaccard
 * similarity, with each candidate's shingle set computed once.
 *
 * <p>Known weakness: a chain A≈B≈C where A and C are below the threshold still marks C, as a
 * duplicate of A through B; {@code duplicate_of} always names a kept article.
 */
public final class Deduplicator {

  /** How MinHash values are banded for a threshold. */
  record BandPlan(int bands, int rows) {
    static final double TARGET_RECALL = 0.995;
    static final int MAX_ROWS = 6;
    static final int MAX_BANDS = 20;

    static BandPlan forThreshold(double threshold) {
      for (int rows = MAX_ROWS; rows >= 1; rows--) {
        double p = Math.pow(threshold, rows);
        int bands = p >= 1 ? 1 : (int) Math.ceil(Math.log(1 - TARGET_RECALL) / Math.log(1 - p));
        if (bands <= MAX_BANDS) {
          return new BandPlan(Math.max(bands, 1), rows);
        }
      }
      return new BandPlan(MAX_BANDS, 1);
    }

    /** Probability that a pair of the given Jaccard similarity shares at least one band. */
    double candidateProbability(double jaccard) {
      return 1 - Math.pow(1 - Math.pow(jaccard, rows), bands);
    }
  }
  /** Buckets larger than this are compared against their earliest members only, to bound work. */
  static final int MAX_PAIRWISE_BUCKET = 200;
  private static final long MINHASH_SEED = 20_251_126L;
  private static final int CHAIN_STEPS = 8;
  /** Duplicate decisions up to this many rows are broadcast instead of shuffling the articles. */
  private static final long MAX_BROADCAST_ROWS = 2_000_000L;
  private static final String DUP_ID = "__dup_id";
  private static final String DUP_OF = "__dup_of";
  private static final String KIND = "__dup_kind";
  private static final String SIM = "__dup_similarity";

  private Deduplicator() {}

  /**
   * Adds {@code duplicate_of}, {@code duplicate_kind} and {@code similarity} (null for kept
   * articles) to prepared articles that carry at least article_id, body, content_hash and
   * published_at.
   */
  public static Dataset<Row> markDuplicates(Dataset<Row> articles, double nearThreshold) {
    if (nearThreshold <= 0 || nearThreshold > 1) {
      throw new IllegalArgumentException("Near-duplicate threshold must be in (0, 1]: " + nearThreshold);
    }
    // Decisions are made on narrow columns and joined back by broadcast: article bodies are
    // never shuffled, which is what made this stage expensive on large corpora.
    WindowSpec byHash = Window.partitionBy(col(Col.CONTENT_HASH))
        .orderBy(col(Col.PUBLISHED_AT).asc_nulls_last(), col(Col.ARTICLE_ID).asc());
    Dataset<Row> exact = articles.select(Col.ARTICLE_ID, Col.CONTENT_HASH, Col.PUBLISHED_AT)
        .withColumn("__rank", row_number().over(byHash))
        .withColumn("__first", first(col(Col.ARTICLE_ID)).over(byHash))
        .filter(col("__rank").gt(1))
        .select(col(Col.ARTICLE_ID).as(DUP_ID), col("__first").as(DUP_OF), lit("exact").as(KIND), lit(1.0).as(SIM))
        .localCheckpoint();

    Dataset<Row> exactIds = smallSide(exact.select(DUP_ID));
    Dataset<Row> distinctBodies = articles
        .join(exactIds, articles.col(Col.ARTICLE_ID).equalTo(exactIds.col(DUP_ID)), "left_anti")
        .select(col(Col.ARTICLE_ID), col(Col.PUBLISHED_AT), col(Col.BODY));
    // Checkpoints cut the lineage: the pair set is small, and without them every later join
    // would re-run the whole MinHash stage.
    Dataset<Row> nearPairs = nearDuplicatePairs(distinctBodies, nearThreshold).localCheckpoint();

    // Each later article points to its earliest similar article; then chains are followed to a kept root.
    Dataset<Row> links = nearPairs.groupBy(col("later"))
        .agg(functions.min_by(col("earlier"), functions.struct(col("earlier_ts"), col("earlier"))).as("earlier"),
            functions.max(col("similarity")).as("near_similarity"))
        .localCheckpoint();
    for (int step = 0; step < CHAIN_STEPS; step++) {
      Dataset<Row> parent = links.select(col("later").as("p_later"), col("earlier").as("p_earlier"));
      Dataset<Row> followed = links.join(parent, links.col("earlier").equalTo(parent.col("p_later")), "left");
      if (followed.filter(col("p_earlier").isNotNull()).isEmpty()) {
        break; // no article points to another duplicate: every link ends at a kept article
      }
      links = followed
          .select(col("later"), functions.coalesce(col("p_earlier"), col("earlier")).as("earlier"), col("near_similarity"))
          .localCheckpoint();
    }
    Dataset<Row> near = links.select(col("later").as(DUP_ID), col("earlier").as(DUP_OF), lit("near").as(KIND),
        col("near_similarity").as(SIM));
    // Exact copies of an article that is itself a near duplicate point to the same kept root.
    Dataset<Row> nearRoots = near.select(col(DUP_ID).as("r_id"), col(DUP_OF).as("r_root"));
    Dataset<Row> exactResolved = exact.join(nearRoots, exact.col(DUP_OF).equalTo(nearRoots.col("r_id")), "left")
        .select(col(DUP_ID), functions.coalesce(col("r_root"), col(DUP_OF)).as(DUP_OF), col(KIND), col(SIM));
    Dataset<Row> decisions = smallSide(exactResolved.unionByName(near).localCheckpoint());
    return articles.join(decisions, articles.col(Col.ARTICLE_ID).equalTo(decisions.col(DUP_ID)), "left")
        .withColumn(Col.DUPLICATE_OF, col(DUP_OF))
        .withColumn(Col.DUPLICATE_KIND, col(KIND))
        .withColumn(Col.SIMILARITY, col(SIM))
        .drop(DUP_ID, DUP_OF, KIND, SIM);
  }

  /** Marks a materialized dataset for broadcast when it is small enough to ship to every task. */
  private static Dataset<Row> smallSide(Dataset<Row> checkpointed) {
    return checkpointed.count() <= MAX_BROADCAST_ROWS ? functions.broadcast(checkpointed) : checkpointed;
  }

  /**
   * Pairs (earlier, later) of distinct articles whose exact shingle Jaccard is at least the
   * threshold, with columns earlier, earlier_ts, later, similarity.
   */
  static Dataset<Row> nearDuplicatePairs(Dataset<Row> bodies, double threshold) {
    StructType featureSchema = new StructType()
        .add("id", DataTypes.StringType, false)
        .add("ts", DataTypes.TimestampType, true)
        .add("features", SQLDataTypes.VectorType(), false);
    Dataset<Row> features = bodies.mapPartitions(
        (MapPartitionsFunction<Row, Row>) it -> new Iterator<>() {
          private Row next = advance();

          private Row advance() {
            while (it.hasNext()) {
              Row row = it.next();
              int[] shingles = Shingles.of(row.getString(2));
              if (shingles.length > 0) {
                double[] ones = new double[shingles.length];
                Arrays.fill(ones, 1.0);
                return RowFactory.create(row.getString(0), row.get(1), Vectors.sparse(Shingles.DIMENSION, shingles, ones));
              }
            }
            return null;
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public Row next() {
            Row current = next;
            next = advance();
            return current;
          }
        },
        Encoders.row(featureSchema));

    BandPlan plan = BandPlan.forThreshold(threshold);
    int bandCount = plan.bands();
    int rowCount = plan.rows();
    MinHashLSHModel model = new MinHashLSH()
        .setNumHashTables(bandCount * rowCount)
        .setSeed(MINHASH_SEED)
        .setInputCol("features")
        .setOutputCol("hashes")
        .fit(features.limit(1));

    StructType bandSchema = new StructType()
        .add("band", DataTypes.IntegerType, false)
        .add("key", DataTypes.LongType, false)
        .add("id", DataTypes.StringType, false)
        .add("ts", DataTypes.TimestampType, true);
    Dataset<Row> bandKeys = model.transform(features).select(col("id"), col("ts"), col("hashes"))
        .flatMap((FlatMapFunction<Row, Row>) row -> {
          List<Vector> hashes = row.getList(2);
          List<Row> out = new ArrayList<>(bandCount);
          for (int band = 0; band < bandCount; band++) {
            long key = 1125899906842597L;
            for (int r = 0; r < rowCount; r++) {
              key = 31 * key + (long) hashes.get(band * rowCount + r).apply(0);
            }
            out.add(RowFactory.create(band, key, row.getString(0), row.get(1)));
          }
          return out.iterator();
        }, Encoders.row(bandSchema));

    StructType pairSchema = new StructType()
        .add("earlier", DataTypes.StringType, false)
        .add("earlier_ts", DataTypes.TimestampType, true)
        .add("later", DataTypes.StringType, false);
    Dataset<Row> candidates = bandKeys.groupBy(col("band"), col("key"))
        .agg(functions.sort_array(
            functions.collect_list(functions.struct(
                col("ts"), col("id")))).as("members"))
        .filter(functions.size(col("members")).gt(1))
        .flatMap((FlatMapFunction<Row, Row>) row -> {
          // members are sorted by (ts, id) with nulls first; undated articles must sort last.
          List<Row> members = new ArrayList<>(row.getList(2));
          members.sort((a, b) -> {
            if (a.isNullAt(0) != b.isNullAt(0)) {
              return a.isNullAt(0) ? 1 : -1;
            }
            int byTime = a.isNullAt(0) ? 0 : a.getTimestamp(0).compareTo(b.getTimestamp(0));
            return byTime != 0 ? byTime : a.getString(1).compareTo(b.getString(1));
          });
          List<Row> pairs = new ArrayList<>();
          int anchors = Math.min(members.size(), MAX_PAIRWISE_BUCKET);
          for (int i = 0; i < anchors; i++) {
            for (int j = i + 1; j < members.size(); j++) {
              Row earlier = members.get(i);
              pairs.add(RowFactory.create(earlier.getString(1), earlier.get(0), members.get(j).getString(1)));
            }
          }
          return pairs.iterator();
        }, Encoders.row(pairSchema))
        .distinct()
        .localCheckpoint();
    // Only the bodies of candidate articles are read again, as shingle sets, and joined by id.
    Dataset<Row> candidateIds = smallSide(candidates.select(col("earlier").as("c_id"))
        .union(candidates.select(col("later").as("c_id"))).distinct().localCheckpoint());
    StructType shingleSchema = new StructType()
        .add("s_id", DataTypes.StringType, false)
        .add("shingles", DataTypes.createArrayType(DataTypes.IntegerType, false), false);
    Dataset<Row> shingles = bodies.join(candidateIds, bodies.col(Col.ARTICLE_ID).equalTo(candidateIds.col("c_id")), "left_semi")
        .select(col(Col.ARTICLE_ID), col(Col.BODY))
        .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) row ->
            RowFactory.create(row.getString(0), Arrays.stream(Shingles.of(row.getString(1))).boxed().toArray(Integer[]::new)),
            Encoders.row(shingleSchema))
        .localCheckpoint();
    Dataset<Row> shinglesA = smallSide(shingles.select(col("s_id").as("a_id"), col("shingles").as("a_shingles")));
    Dataset<Row> shinglesB = smallSide(shingles.select(col("s_id").as("b_id"), col("shingles").as("b_shingles")));
    StructType scoredSchema = pairSchema.add("similarity", DataTypes.DoubleType, false);
    return candidates
        .join(shinglesA, col("earlier").equalTo(col("a_id")))
        .join(shinglesB, col("later").equalTo(col("b_id")))
        .select(col("earlier"), col("earlier_ts"), col("later"), col("a_shingles"), col("b_shingles"))
        .flatMap((FlatMapFunction<Row, Row>) row -> {
          double similarity = Shingles.jaccard(toInts(row.getList(3)), toInts(row.getList(4)));
          return similarity >= threshold
              ? List.of(RowFactory.create(row.getString(0), row.get(1), row.getString(2), similarity)).iterator()
              : java.util.Collections.<Row>emptyIterator();
        }, Encoders.row(scoredSchema));
  }

  private static int[] toInts(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
