package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.base64;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.sectortrends.corpus.Deduplicator;
import org.sectortrends.tables.StagedCommit;
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.TableStore.MonthLayout;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * Adds one run's prepared articles to the tables that {@code --out} already holds, so that a
 * sequence of runs gives the {@code articles} and {@code duplicates} that one {@code --rebuild}
 * over the union of their inputs gives.
 *
 * <ol>
 *   <li>An article whose id is already stored (in {@code articles} or {@code duplicates}), or that
 *       repeats an id earlier in the same input, is the same article delivered again: counted as
 *       already present, written nowhere. Ids depend on the source fields and content only, so the
 *       same input from any path is recognized.
 *   <li>The new articles' lookup keys ({@link Deduplicator#lookupKeys}: one per MinHash band and
 *       one for the content hash) are joined with the stored keys of the whole history ({@code
 *       dedup_keys}); only stored articles sharing a key are read back. The cost follows the new
 *       input plus one scan of the narrow key table, not a reshingling of the history.
 *   <li>The new articles and those related stored ones are deduplicated together by the same rules
 *       as a full run (earliest published kept). A new article that duplicates a stored one points
 *       at the stored one's kept article; a stored kept article that turns out to be a copy of an
 *       earlier new one moves to {@code duplicates}, and stored duplicates that pointed at it are
 *       re-pointed to the new kept article.
 *   <li>Every month that changes is staged as (stored rows of the month, minus moved rows) ∪ new
 *       rows, never as the new rows alone, and all tables switch in one {@link StagedCommit}.
 * </ol>
 *
 * <p>Known weaknesses: decisions among stored articles are never revisited, so a near-duplicate
 * chain (A≈B, B≈C, A≉C) whose middle article arrives late may end with another kept article than a
 * rebuild would choose; a stored duplicate keeps the similarity it had to its first kept article
 * when re-pointed. Changing {@code --near-duplicate-threshold} changes the banding, and the stored
 * keys are then recomputed from the stored bodies once.
 */
final class IncrementalIngest {

  private static final String ORIGIN = "__origin";
  private static final String NEW = "new";
  private static final String STORED_ARTICLE = "article";
  private static final String STORED_DUPLICATE = "duplicate";
  private static final String FINGERPRINT = "__fingerprint";

  /** Related stored ids up to this many are selected by a broadcast; more by a shuffle join. */
  private static final int MAX_BROADCAST_IDS = 200_000;

  /** What a run adds; {@link #commit} makes it visible, {@link #abandon} drops it. */
  record Result(
      long newArticles,
      long newDuplicates,
      long alreadyPresent,
      long storedBecameDuplicates,
      Set<String> monthsTouched,
      StagedCommit staged) {
    void commit() {
      staged.commit();
    }

    void abandon() {
      staged.abandon();
    }
  }

  private final TableStore store;
  private final double threshold;
  private final boolean rebuild;

  IncrementalIngest(TableStore store, double threshold, boolean rebuild) {
    this.store = store;
    this.threshold = threshold;
    this.rebuild = rebuild;
  }

  /**
   * Stages the run's rows: {@code candidates} are prepared articles with every {@code articles}
   * column, {@code quarantine} the run's quarantine rows. Nothing is visible before {@link
   * Result#commit}.
   */
  Result apply(Dataset<Row> candidates, Dataset<Row> quarantine) {
    SparkSession spark = candidates.sparkSession();
    boolean history =
        !rebuild && (store.exists(Tables.ARTICLES) || store.exists(Tables.DUPLICATES_TABLE));
    Column[] articleColumns = columns(Tables.ARTICLES);

    // 1. One row per id; ids already stored were delivered before.
    Dataset<Row> firsts =
        candidates
            .withColumn(
                "__occurrence",
                row_number()
                    .over(
                        Window.partitionBy(col(Col.ARTICLE_ID))
                            .orderBy(
                                col(Col.INPUT_FILE).asc_nulls_last(),
                                col(Col.INPUT_LINE).asc_nulls_last())))
            .filter(col("__occurrence").equalTo(1))
            .select(articleColumns);
    if (history) {
      Dataset<Row> storedIds =
          store
              .read(Tables.ARTICLES)
              .select(Col.ARTICLE_ID)
              .union(store.read(Tables.DUPLICATES_TABLE).select(Col.ARTICLE_ID));
      firsts =
          firsts.join(
              storedIds,
              firsts.col(Col.ARTICLE_ID).equalTo(storedIds.col(Col.ARTICLE_ID)),
              "left_anti");
    }
    Dataset<Row> fresh = firsts.persist(StorageLevel.MEMORY_AND_DISK());
    long candidateCount = 0;
    Set<String> monthsTouched = new TreeSet<>();
    for (Row row : candidates.groupBy(Col.PUBLISHED_MONTH).count().collectAsList()) {
      monthsTouched.add(row.getString(0));
      candidateCount += row.getLong(1);
    }
    long freshCount = fresh.count();

    // 2. Lookup keys of the new articles, and of the history (stored, or recomputed once).
    String plan = Deduplicator.bandPlanName(threshold);
    Dataset<Row> freshKeys =
        Deduplicator.lookupKeys(fresh, threshold).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> storedKeys = null;
    boolean backfill = false;
    if (history) {
      backfill =
          !store.exists(Tables.DEDUP_KEYS)
              || store
                  .read(Tables.DEDUP_KEYS)
                  .select(Col.BAND_PLAN)
                  .distinct()
                  .collectAsList()
                  .stream()
                  .anyMatch(r -> !plan.equals(r.getString(0)));
      storedKeys =
          backfill
              ? Deduplicator.lookupKeys(
                      store
                          .read(Tables.ARTICLES)
                          .select(articleColumns)
                          .union(store.read(Tables.DUPLICATES_TABLE).select(articleColumns)),
                      threshold)
                  .persist(StorageLevel.MEMORY_AND_DISK())
              : store.read(Tables.DEDUP_KEYS);
    }

    // 3. Stored articles that share a key with a new one: the only history read in full.
    Set<String> relatedIds = new HashSet<>();
    Set<String> relatedMonths = new TreeSet<>();
    if (history) {
      Dataset<Row> freshKeySet = freshKeys.select(Col.BAND, Col.BAND_KEY).distinct();
      for (Row row :
          storedKeys
              .join(freshKeySet, scala(Col.BAND, Col.BAND_KEY), "left_semi")
              .select(Col.ARTICLE_ID, Col.PUBLISHED_MONTH)
              .distinct()
              .collectAsList()) {
        relatedIds.add(row.getString(0));
        relatedMonths.add(row.getString(1));
      }
    }
    Dataset<Row> relatedArticles = related(spark, Tables.ARTICLES, relatedIds, relatedMonths);
    Dataset<Row> relatedDuplicates =
        related(spark, Tables.DUPLICATES_TABLE, relatedIds, relatedMonths);
    if (!relatedIds.isEmpty()) {
      relatedArticles = relatedArticles.persist(StorageLevel.MEMORY_AND_DISK());
      relatedDuplicates = relatedDuplicates.persist(StorageLevel.MEMORY_AND_DISK());
    }
    Map<String, String> storedRootOf = new HashMap<>();
    for (Row row : relatedDuplicates.select(Col.ARTICLE_ID, Col.DUPLICATE_OF).collectAsList()) {
      storedRootOf.put(row.getString(0), row.getString(1));
    }

    // 4. Deduplicate the new articles with the related stored ones, by the rules of a full run.
    Dataset<Row> pool =
        fresh
            .withColumn(ORIGIN, lit(NEW))
            .unionByName(
                relatedArticles.select(articleColumns).withColumn(ORIGIN, lit(STORED_ARTICLE)))
            .unionByName(
                relatedDuplicates.select(articleColumns).withColumn(ORIGIN, lit(STORED_DUPLICATE)));
    List<Row> decided =
        Deduplicator.markDuplicates(pool, threshold)
            .filter(col(Col.DUPLICATE_OF).isNotNull())
            .select(Col.ARTICLE_ID, ORIGIN, Col.DUPLICATE_OF, Col.DUPLICATE_KIND, Col.SIMILARITY)
            .collectAsList();
    // A stored kept article whose earliest copy is a new article moves to duplicates.
    Map<String, Row> moves = new HashMap<>();
    for (Row row : decided) {
      if (STORED_ARTICLE.equals(row.getString(1)) && !relatedIds.contains(row.getString(2))) {
        moves.put(row.getString(0), row);
      }
    }
    List<Row> newDecisions = new ArrayList<>();
    for (Row row : decided) {
      if (NEW.equals(row.getString(1))) {
        String root = row.getString(2);
        if (relatedIds.contains(root)) {
          root = storedRootOf.getOrDefault(root, root);
        }
        if (moves.containsKey(root)) {
          root = moves.get(root).getString(2);
        }
        newDecisions.add(
            RowFactory.create(row.getString(0), root, row.getString(3), row.getDouble(4)));
      }
    }

    // 5. The rows that change. The decision, move and root rows are join keys of the inline
    // schemas declared next to them (never written as tables), built positionally like those of
    // Deduplicator.decide; the written tables get their columns by name from the joins.
    StructType decisionSchema =
        new StructType()
            .add("__id", DataTypes.StringType, false)
            .add(Col.DUPLICATE_OF, DataTypes.StringType, false)
            .add(Col.DUPLICATE_KIND, DataTypes.StringType, false)
            .add(Col.SIMILARITY, DataTypes.DoubleType, false);
    Dataset<Row> decisions =
        functions.broadcast(spark.createDataFrame(newDecisions, decisionSchema));
    Dataset<Row> marked =
        fresh
            .join(decisions, fresh.col(Col.ARTICLE_ID).equalTo(decisions.col("__id")), "left")
            .drop("__id");
    Dataset<Row> newKept = marked.filter(col(Col.DUPLICATE_OF).isNull());
    Dataset<Row> newDuplicates = marked.filter(col(Col.DUPLICATE_OF).isNotNull());
    long newDuplicateCount = newDecisions.size();
    long newArticleCount = freshCount - newDuplicateCount;

    List<Row> moveRows = new ArrayList<>();
    for (Row row : moves.values()) {
      moveRows.add(
          RowFactory.create(
              row.getString(0), row.getString(2), row.getString(3), row.getDouble(4)));
    }
    Dataset<Row> moveDecisions =
        functions.broadcast(spark.createDataFrame(moveRows, decisionSchema));
    Dataset<Row> moved =
        relatedArticles
            .join(
                moveDecisions,
                relatedArticles.col(Col.ARTICLE_ID).equalTo(moveDecisions.col("__id")))
            .drop("__id");
    Set<String> movedMonths = months(moved);
    Dataset<Row> repointed =
        spark.createDataFrame(new ArrayList<Row>(), Tables.DUPLICATES_TABLE.schema());
    Set<String> repointedMonths = new TreeSet<>();
    if (!moves.isEmpty()) {
      List<Row> newRoots = new ArrayList<>();
      moves.forEach((id, row) -> newRoots.add(RowFactory.create(id, row.getString(2))));
      Dataset<Row> roots =
          functions.broadcast(
              spark.createDataFrame(
                  newRoots,
                  new StructType()
                      .add("__old_root", DataTypes.StringType, false)
                      .add("__new_root", DataTypes.StringType, false)));
      Dataset<Row> storedDuplicates = store.read(Tables.DUPLICATES_TABLE);
      repointed =
          storedDuplicates
              .join(roots, storedDuplicates.col(Col.DUPLICATE_OF).equalTo(roots.col("__old_root")))
              .withColumn(Col.DUPLICATE_OF, col("__new_root"))
              .drop("__old_root", "__new_root")
              .persist(StorageLevel.MEMORY_AND_DISK());
      repointedMonths = months(repointed);
    }
    Set<String> articleMonths = union(months(newKept), movedMonths);
    Set<String> duplicateMonths = union(months(newDuplicates), movedMonths, repointedMonths);
    Set<String> keyMonths = months(fresh);

    // 6. Stage every change; nothing is visible before the commit.
    StagedCommit commit = store.begin();
    Column[] duplicateColumns = columns(Tables.DUPLICATES_TABLE);
    if (!history) {
      Set<String> cleared = new TreeSet<>();
      if (rebuild) {
        cleared.addAll(store.partitionValues(Tables.ARTICLES));
        cleared.addAll(store.partitionValues(Tables.DUPLICATES_TABLE));
        cleared.addAll(store.partitionValues(Tables.DEDUP_KEYS));
      }
      commit.stage(Tables.ARTICLES, newKept, union(articleMonths, cleared), MonthLayout.SCATTERED);
      commit.stage(
          Tables.DUPLICATES_TABLE,
          newDuplicates,
          union(duplicateMonths, cleared),
          MonthLayout.SCATTERED);
      commit.stage(Tables.DEDUP_KEYS, freshKeys, union(keyMonths, cleared), MonthLayout.SCATTERED);
      monthsTouched.addAll(cleared);
    } else {
      Set<String> movedIds = moves.keySet();
      if (!articleMonths.isEmpty()) {
        Dataset<Row> kept =
            store
                .read(Tables.ARTICLES)
                .filter(col(Col.PUBLISHED_MONTH).isin(articleMonths.toArray()));
        if (!movedIds.isEmpty()) {
          kept = kept.filter(functions.not(col(Col.ARTICLE_ID).isin(movedIds.toArray())));
        }
        commit.stage(
            Tables.ARTICLES,
            kept.select(articleColumns).unionByName(newKept.select(articleColumns)),
            articleMonths,
            MonthLayout.SCATTERED);
      }
      if (!duplicateMonths.isEmpty()) {
        Dataset<Row> stored =
            store
                .read(Tables.DUPLICATES_TABLE)
                .filter(col(Col.PUBLISHED_MONTH).isin(duplicateMonths.toArray()));
        if (!movedIds.isEmpty()) {
          stored =
              stored.join(
                  repointed.select(col(Col.ARTICLE_ID).as("__rid")),
                  stored.col(Col.ARTICLE_ID).equalTo(col("__rid")),
                  "left_anti");
        }
        commit.stage(
            Tables.DUPLICATES_TABLE,
            stored
                .select(duplicateColumns)
                .unionByName(newDuplicates.select(duplicateColumns))
                .unionByName(moved.select(duplicateColumns))
                .unionByName(repointed.select(duplicateColumns)),
            duplicateMonths,
            MonthLayout.SCATTERED);
      }
      if (backfill) {
        Set<String> all =
            union(keyMonths, store.partitionValues(Tables.DEDUP_KEYS), months(storedKeys));
        commit.stage(
            Tables.DEDUP_KEYS, storedKeys.unionByName(freshKeys), all, MonthLayout.SCATTERED);
      } else if (!keyMonths.isEmpty()) {
        commit.stage(
            Tables.DEDUP_KEYS,
            store
                .read(Tables.DEDUP_KEYS)
                .filter(col(Col.PUBLISHED_MONTH).isin(keyMonths.toArray()))
                .unionByName(freshKeys),
            keyMonths,
            MonthLayout.SCATTERED);
      }
    }
    monthsTouched.addAll(articleMonths);
    monthsTouched.addAll(duplicateMonths);
    stageQuarantine(commit, quarantine);
    return new Result(
        newArticleCount,
        newDuplicateCount,
        candidateCount - freshCount,
        moves.size(),
        monthsTouched,
        commit);
  }

  /**
   * The run's quarantine rows as one new {@code run_id} partition. A record quarantined by an
   * earlier run (same reason, source id and payload) is not added again, so that the same input
   * twice leaves the table as it was; a rebuild clears the earlier runs' rows.
   */
  private void stageQuarantine(StagedCommit commit, Dataset<Row> quarantine) {
    Set<String> cleared = rebuild ? store.partitionValues(Tables.QUARANTINE) : Set.of();
    Dataset<Row> rows = quarantine;
    if (!rebuild && store.exists(Tables.QUARANTINE)) {
      Dataset<Row> known =
          fingerprinted(store.read(Tables.QUARANTINE)).select(col(FINGERPRINT).as("__known"));
      rows = fingerprinted(rows).join(known, col(FINGERPRINT).equalTo(col("__known")), "left_anti");
    }
    commit.stage(Tables.QUARANTINE, rows, cleared, MonthLayout.SCATTERED);
  }

  private static Dataset<Row> fingerprinted(Dataset<Row> quarantine) {
    return quarantine.withColumn(
        FINGERPRINT,
        sha2(
            concat_ws(
                "\u0001",
                col(Col.REASON),
                coalesce(col(Col.SOURCE_ID), lit("")),
                coalesce(col(Col.RAW_PAYLOAD), lit("")),
                coalesce(base64(col(Col.RAW_BYTES)), lit(""))),
            256));
  }

  /** The stored rows of {@code table} with the given ids, read from their months only. */
  private Dataset<Row> related(
      SparkSession spark, TableSpec table, Set<String> ids, Set<String> months) {
    if (ids.isEmpty()) {
      return spark.createDataFrame(new ArrayList<Row>(), table.schema());
    }
    List<Row> idRows = ids.stream().map(id -> RowFactory.create(id)).toList();
    Dataset<Row> idSet =
        spark.createDataFrame(idRows, new StructType().add("__rid", DataTypes.StringType, false));
    if (idRows.size() <= MAX_BROADCAST_IDS) {
      idSet = functions.broadcast(idSet);
    }
    Dataset<Row> stored = store.read(table).filter(col(Col.PUBLISHED_MONTH).isin(months.toArray()));
    return stored.join(idSet, stored.col(Col.ARTICLE_ID).equalTo(idSet.col("__rid")), "left_semi");
  }

  private static Set<String> months(Dataset<Row> rows) {
    return new TreeSet<>(
        rows.select(Col.PUBLISHED_MONTH).distinct().as(Encoders.STRING()).collectAsList());
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new TreeSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return all;
  }

  private static Column[] columns(TableSpec table) {
    return java.util.Arrays.stream(table.columnNames()).map(functions::col).toArray(Column[]::new);
  }

  private static scala.collection.immutable.Seq<String> scala(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}
