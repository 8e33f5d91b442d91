package org.sectortrends.corpus;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * Marks exact and near duplicates among prepared articles. The earliest article of each group (by
 * publication time, undated last, then by id) is kept; every other one gets {@code duplicate_of}
 * (the kept article's id), {@code duplicate_kind} ({@code exact} or {@code near}) and {@code
 * similarity}.
 *
 * <p>Exact duplicates share the hash of their normalized body. Near duplicates (re-published or
 * lightly edited articles) are found among the remaining ones with {@link MinHash} signatures of
 * {@link Shingles} (the hash family of MLlib's MinHashLSH, computed on primitive arrays): the
 * signature values are grouped into bands of r values, and two articles are candidates when all
 * values of one band agree. Banding, rather than MLlib's own join on single hash values, keeps the
 * candidate set small: articles that merely share boilerplate rarely agree on r values at once.
 * {@link BandPlan} takes the largest r (at most 6) for which at most 20 bands still make a pair at
 * the threshold a candidate with probability ≥ 0.995; at the default 0.9 that is 7 bands of 6
 * (pairs at Jaccard 0.13, typical of same-sector news, become candidates with probability 3·10⁻⁵).
 * Candidates are then confirmed by their exact Jaccard similarity, with each candidate's shingle
 * set computed once. The decisions (one row per duplicate) are collected on the driver, where
 * chains of near duplicates are followed, and joined back to the articles by broadcast.
 *
 * <p>Known weaknesses: a chain A≈B≈C where A and C are below the threshold still marks C, as a
 * duplicate of A through B; {@code duplicate_of} always names a kept article. The driver holds one
 * small row per duplicate and per confirmed near pair (some 150 bytes each), so a corpus of
 * millions of duplicates needs driver memory in proportion.
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

  /**
   * Duplicate decisions and candidate ids up to this many rows (about 150 bytes each) are broadcast
   * instead of shuffling the articles; a broadcast passes through the driver, so this bounds what
   * it holds for one to about 30 MB.
   */
  private static final long MAX_BROADCAST_ROWS = 200_000L;

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
      throw new IllegalArgumentException(
          "Near-duplicate threshold must be in (0, 1]: " + nearThreshold);
    }
    SparkSession spark = articles.sparkSession();
    // Decisions are made on narrow columns, collected (one row per duplicate) and joined back by
    // broadcast: article bodies are never shuffled, and the chains of near duplicates are followed
    // on the driver instead of by one Spark job per step.
    WindowSpec byHash =
        Window.partitionBy(col(Col.CONTENT_HASH))
            .orderBy(col(Col.PUBLISHED_AT).asc_nulls_last(), col(Col.ARTICLE_ID).asc());
    List<Row> exact =
        articles
            .select(Col.ARTICLE_ID, Col.CONTENT_HASH, Col.PUBLISHED_AT)
            .withColumn("__rank", row_number().over(byHash))
            .withColumn("__first", first(col(Col.ARTICLE_ID)).over(byHash))
            .filter(col("__rank").gt(1))
            .select(col(Col.ARTICLE_ID), col("__first"))
            .collectAsList();

    List<Row> exactIds = new ArrayList<>(exact.size());
    for (Row row : exact) {
      exactIds.add(RowFactory.create(row.getString(0)));
    }
    Dataset<Row> exactIdSet =
        smallSide(
            spark.createDataFrame(
                exactIds, new StructType().add(DUP_ID, DataTypes.StringType, false)),
            exactIds.size());
    Dataset<Row> distinctBodies =
        articles
            .join(
                exactIdSet,
                articles.col(Col.ARTICLE_ID).equalTo(exactIdSet.col(DUP_ID)),
                "left_anti")
            .select(col(Col.ARTICLE_ID), col(Col.PUBLISHED_AT), col(Col.BODY));
    List<Row> nearPairs = nearDuplicatePairs(distinctBodies, nearThreshold).collectAsList();

    List<Row> decisions = decide(exact, nearPairs);
    StructType decisionSchema =
        new StructType()
            .add(DUP_ID, DataTypes.StringType, false)
            .add(DUP_OF, DataTypes.StringType, false)
            .add(KIND, DataTypes.StringType, false)
            .add(SIM, DataTypes.DoubleType, false);
    Dataset<Row> decided =
        smallSide(spark.createDataFrame(decisions, decisionSchema), decisions.size());
    return articles
        .join(decided, articles.col(Col.ARTICLE_ID).equalTo(decided.col(DUP_ID)), "left")
        .withColumn(Col.DUPLICATE_OF, col(DUP_OF))
        .withColumn(Col.DUPLICATE_KIND, col(KIND))
        .withColumn(Col.SIMILARITY, col(SIM))
        .drop(DUP_ID, DUP_OF, KIND, SIM);
  }

  private static Row keyRow(String articleId, int band, long key, String planName, String month) {
    return Tables.DEDUP_KEYS
        .row()
        .set(Col.ARTICLE_ID, articleId)
        .set(Col.BAND, band)
        .set(Col.BAND_KEY, key)
        .set(Col.BAND_PLAN, planName)
        .set(Col.PUBLISHED_MONTH, month)
        .build();
  }

  /**
   * Band key of the exact-content row of {@link #lookupKeys}: band -1, key from the content hash.
   */
  public static final int EXACT_BAND = -1;

  /**
   * The name of the banding used at a threshold, e.g. {@code 7x6}: keys of another plan do not
   * match.
   */
  public static String bandPlanName(double nearThreshold) {
    BandPlan plan = BandPlan.forThreshold(nearThreshold);
    return plan.bands() + "x" + plan.rows();
  }

  /**
   * The lookup keys of articles (article_id, body, content_hash, published_month): one row per
   * MinHash band ({@code band}, {@code band_key}) and one with band {@value #EXACT_BAND} whose key
   * is the first 16 hex digits of the content hash, with {@code band_plan} and {@code
   * published_month}. Two articles that share a key are candidates for exact or near duplicates; an
   * incremental run compares the keys of its new articles with the stored ones of the whole
   * history, so the stored bodies are not read again to find candidates.
   */
  public static Dataset<Row> lookupKeys(Dataset<Row> articles, double nearThreshold) {
    BandPlan plan = BandPlan.forThreshold(nearThreshold);
    int bandCount = plan.bands();
    int rowCount = plan.rows();
    String planName = bandPlanName(nearThreshold);
    MinHash minHash = new MinHash(bandCount * rowCount, MINHASH_SEED);
    StructType schema = Tables.DEDUP_KEYS.schema();
    return articles
        .select(Col.ARTICLE_ID, Col.BODY, Col.CONTENT_HASH, Col.PUBLISHED_MONTH)
        .flatMap(
            (FlatMapFunction<Row, Row>)
                row -> {
                  String id = row.getString(0);
                  String month = row.getString(3);
                  List<Row> out = new ArrayList<>(bandCount + 1);
                  out.add(
                      keyRow(
                          id,
                          EXACT_BAND,
                          Long.parseUnsignedLong(row.getString(2).substring(0, 16), 16),
                          planName,
                          month));
                  int[] shingles = Shingles.indices(row.getString(1));
                  if (shingles.length > 0) {
                    long[] keys =
                        MinHash.bandKeys(minHash.signature(shingles), bandCount, rowCount);
                    for (int band = 0; band < bandCount; band++) {
                      out.add(keyRow(id, band, keys[band], planName, month));
                    }
                  }
                  return out.iterator();
                },
            Encoders.row(schema));
  }

  /**
   * One decision (id, duplicate_of, kind, similarity) per duplicate, from the exact duplicates (id,
   * first of its hash group) and the confirmed near pairs (earlier, earlier_ts, later, similarity).
   * Each later article points to its earliest similar article (by publication time, undated last,
   * then id), chains are followed to a kept article, and exact copies of an article that is itself
   * a near duplicate point to that kept article too. The similarity of a near duplicate is the
   * highest it reached with any earlier article.
   */
  static List<Row> decide(List<Row> exact, List<Row> nearPairs) {
    Map<String, Row> earliest = new HashMap<>();
    Map<String, Double> bestSimilarity = new HashMap<>();
    for (Row pair : nearPairs) {
      String later = pair.getString(2);
      earliest.merge(
          later,
          pair,
          (a, b) ->
              compareArticles(a.getTimestamp(1), a.getString(0), b.getTimestamp(1), b.getString(0))
                      <= 0
                  ? a
                  : b);
      bestSimilarity.merge(later, pair.getDouble(3), Math::max);
    }
    Map<String, String> parent = new HashMap<>();
    earliest.forEach((later, pair) -> parent.put(later, pair.getString(0)));

    List<Row> decisions = new ArrayList<>(exact.size() + parent.size());
    for (Map.Entry<String, String> link : parent.entrySet()) {
      decisions.add(
          RowFactory.create(
              link.getKey(),
              root(parent, link.getValue()),
              "near",
              bestSimilarity.get(link.getKey())));
    }
    for (Row row : exact) {
      decisions.add(
          RowFactory.create(row.getString(0), root(parent, row.getString(1)), "exact", 1.0));
    }
    return decisions;
  }

  /** Follows links from {@code id} to an article that links nowhere, i.e. a kept one. */
  private static String root(Map<String, String> parent, String id) {
    String current = id;
    // An earlier article always sorts strictly before the later one, so chains cannot loop; the
    // bound only guards against a broken invariant.
    for (int steps = 0; steps <= parent.size(); steps++) {
      String next = parent.get(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    throw new IllegalStateException("Near-duplicate links loop through " + id);
  }

  /** Publication order: earlier first, undated last, then by id. */
  private static int compareArticles(
      java.sql.Timestamp tsA, String idA, java.sql.Timestamp tsB, String idB) {
    if ((tsA == null) != (tsB == null)) {
      return tsA == null ? 1 : -1;
    }
    int byTime = tsA == null ? 0 : tsA.compareTo(tsB);
    return byTime != 0 ? byTime : idA.compareTo(idB);
  }

  /**
   * Marks a dataset of {@code count} rows for broadcast when it is small enough to ship to every
   * task.
   */
  private static Dataset<Row> smallSide(Dataset<Row> rows, long count) {
    return count <= MAX_BROADCAST_ROWS ? functions.broadcast(rows) : rows;
  }

  /**
   * Pairs (earlier, later) of distinct articles whose exact shingle Jaccard is at least the
   * threshold, with columns earlier, earlier_ts, later, similarity.
   */
  static Dataset<Row> nearDuplicatePairs(Dataset<Row> bodies, double threshold) {
    // The working rows below (band keys, candidate pairs, shingle sets) have schemas of their own,
    // declared next to the one line that builds them and never written as a table: they stay
    // positional, as do the duplicate decisions of {@link #decide}.
    BandPlan plan = BandPlan.forThreshold(threshold);
    int bandCount = plan.bands();
    int rowCount = plan.rows();
    MinHash minHash = new MinHash(bandCount * rowCount, MINHASH_SEED);
    StructType bandSchema =
        new StructType()
            .add("band", DataTypes.IntegerType, false)
            .add("key", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false)
            .add("ts", DataTypes.TimestampType, true);
    // Shingles, signature and band keys in one pass per body: nothing but the keys leaves the task.
    Dataset<Row> bandKeys =
        bodies.flatMap(
            (FlatMapFunction<Row, Row>)
                row -> {
                  int[] shingles = Shingles.indices(row.getString(2));
                  if (shingles.length == 0) {
                    return java.util.Collections.<Row>emptyIterator();
                  }
                  long[] keys = MinHash.bandKeys(minHash.signature(shingles), bandCount, rowCount);
                  List<Row> out = new ArrayList<>(bandCount);
                  for (int band = 0; band < bandCount; band++) {
                    out.add(RowFactory.create(band, keys[band], row.getString(0), row.get(1)));
                  }
                  return out.iterator();
                },
            Encoders.row(bandSchema));

    StructType pairSchema =
        new StructType()
            .add("earlier", DataTypes.StringType, false)
            .add("earlier_ts", DataTypes.TimestampType, true)
            .add("later", DataTypes.StringType, false);
    Dataset<Row> candidates =
        bandKeys
            .groupBy(col("band"), col("key"))
            .agg(
                functions
                    .sort_array(functions.collect_list(functions.struct(col("ts"), col("id"))))
                    .as("members"))
            .filter(functions.size(col("members")).gt(1))
            .flatMap(
                (FlatMapFunction<Row, Row>)
                    row -> {
                      // members are sorted by (ts, id) with nulls first; undated articles must sort
                      // last.
                      List<Row> members = new ArrayList<>(row.getList(2));
                      members.sort(
                          (a, b) -> {
                            if (a.isNullAt(0) != b.isNullAt(0)) {
                              return a.isNullAt(0) ? 1 : -1;
                            }
                            int byTime =
                                a.isNullAt(0) ? 0 : a.getTimestamp(0).compareTo(b.getTimestamp(0));
                            return byTime != 0 ? byTime : a.getString(1).compareTo(b.getString(1));
                          });
                      List<Row> pairs = new ArrayList<>();
                      int anchors = Math.min(members.size(), MAX_PAIRWISE_BUCKET);
                      for (int i = 0; i < anchors; i++) {
                        for (int j = i + 1; j < members.size(); j++) {
                          Row earlier = members.get(i);
                          pairs.add(
                              RowFactory.create(
                                  earlier.getString(1),
                                  earlier.get(0),
                                  members.get(j).getString(1)));
                        }
                      }
                      return pairs.iterator();
                    },
                Encoders.row(pairSchema))
            .distinct()
            .localCheckpoint();
    StructType scoredSchema = pairSchema.add("similarity", DataTypes.DoubleType, false);
    // Only the bodies of candidate articles are read again, as shingle sets, and joined by id.
    List<Row> ids =
        candidates
            .select(col("earlier").as("c_id"))
            .union(candidates.select(col("later").as("c_id")))
            .distinct()
            .collectAsList();
    if (ids.isEmpty()) {
      return bodies.sparkSession().createDataFrame(new ArrayList<Row>(), scoredSchema);
    }
    Dataset<Row> candidateIds =
        smallSide(
            bodies
                .sparkSession()
                .createDataFrame(ids, new StructType().add("c_id", DataTypes.StringType, false)),
            ids.size());
    StructType shingleSchema =
        new StructType()
            .add("s_id", DataTypes.StringType, false)
            .add("shingles", DataTypes.createArrayType(DataTypes.IntegerType, false), false);
    Dataset<Row> shingles =
        bodies
            .join(
                candidateIds,
                bodies.col(Col.ARTICLE_ID).equalTo(candidateIds.col("c_id")),
                "left_semi")
            .select(col(Col.ARTICLE_ID), col(Col.BODY))
            .map(
                (org.apache.spark.api.java.function.MapFunction<Row, Row>)
                    row ->
                        RowFactory.create(
                            row.getString(0),
                            Arrays.stream(Shingles.of(row.getString(1)))
                                .boxed()
                                .toArray(Integer[]::new)),
                Encoders.row(shingleSchema))
            .localCheckpoint();
    // One shingle row per candidate id: candidates are distinct articles with non-empty shingles.
    // Never broadcast: a broadcast is built on the driver, and a shingle set is kilobytes per
    // article, so at a million articles the candidates' sets alone overran a 1 GiB driver.
    Dataset<Row> shinglesA =
        shingles.select(col("s_id").as("a_id"), col("shingles").as("a_shingles"));
    Dataset<Row> shinglesB =
        shingles.select(col("s_id").as("b_id"), col("shingles").as("b_shingles"));
    return candidates
        .join(shinglesA, col("earlier").equalTo(col("a_id")))
        .join(shinglesB, col("later").equalTo(col("b_id")))
        .select(
            col("earlier"), col("earlier_ts"), col("later"), col("a_shingles"), col("b_shingles"))
        .flatMap(
            (FlatMapFunction<Row, Row>)
                row -> {
                  double similarity =
                      Shingles.jaccard(toInts(row.getList(3)), toInts(row.getList(4)));
                  return similarity >= threshold
                      ? List.of(
                              RowFactory.create(
                                  row.getString(0), row.get(1), row.getString(2), similarity))
                          .iterator()
                      : java.util.Collections.<Row>emptyIterator();
                },
            Encoders.row(scoredSchema));
  }

  private static int[] toInts(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
