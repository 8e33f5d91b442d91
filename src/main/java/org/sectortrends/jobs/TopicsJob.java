package org.sectortrends.jobs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.sectortrends.tables.RowBuilder;
import org.sectortrends.tables.TableStore;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.topics.ArticleSectors;
import org.sectortrends.topics.SectorTaxonomy;
import org.sectortrends.topics.TopicAssignment;
import org.sectortrends.topics.TopicConfig;
import org.sectortrends.topics.TopicDescription;
import org.sectortrends.topics.TopicDescriptions;
import org.sectortrends.topics.TopicFeatures;
import org.sectortrends.topics.TopicFit;
import org.sectortrends.topics.TopicMatcher;
import org.sectortrends.topics.TopicModeling;
import org.sectortrends.topics.TopicRegistry;

/**
 * {@code topics}: clusters the articles by their {@code article_terms} with MLlib, labels the
 * topics by their top terms, maps topics and articles to sectors of the taxonomy, and keeps topic
 * ids stable across periodic runs.
 *
 * <p>{@code --mode fit} (the default) retrains on every article, starting k-means from the
 * centroids of the newest saved model when there is one ({@link TopicModeling#fitFrom}; {@code
 * --cold-start} searches k afresh), then matches the new clusters to the topics of that model
 * ({@link TopicMatcher}): a matched cluster keeps the old topic id and label, an unmatched one gets
 * a new id, and old topics without a match stay in the {@code topics} table as {@code retired}.
 * {@code --mode assign} assigns the articles of the selected months ({@code --months}, {@code
 * --incremental}; every month by default) with the newest saved model unchanged and rewrites only
 * those months of {@code article_topics}. {@code --mode auto}, what {@code jobs/run-all} uses, fits
 * when no model is saved yet and assigns otherwise, so that a periodic run costs in proportion to
 * its new months. The share of previously assigned articles whose topic id stayed the same is
 * printed and recorded in the run's message.
 *
 * <p>Small corpora: when minDF and maxDF exclude every term on the corpus, minDF is lowered to 1
 * (said in the output and the run's message); below two articles with terms per topic of the
 * smallest k tried, clustering is skipped with a warning and every article is written unassigned
 * (topic -1, model version {@value #NO_MODEL}) with its own sector, and no model is saved.
 *
 * <p>Nothing depends on row order or input paths: the fit sample and the k-search sample are chosen
 * by a seeded hash of the article id and ordered by it.
 */
public final class TopicsJob implements SparkJob {

  private static final TopicConfig DEFAULTS = TopicConfig.defaults();

  static final JobOption<TopicsMode> MODE =
      JobOption.parsed(
          "mode",
          "fit|assign|auto",
          TopicsSettings.DEFAULT_MODE,
          TopicsMode::parse,
          "fit: retrain on every article and keep matched topic ids; assign: assign the selected months (--months, --incremental; all by default) "
              + "with the newest saved model as it is; auto: fit when no model is saved yet, else assign");
  static final JobOption<Integer> K =
      JobOption.integer(
          "k",
          TopicsSettings.CHOOSE_K,
          0,
          1000,
          "Number of topics; 0 chooses k over --k-min..--k-max by the stability of the clusters across subsamples");
  static final JobOption<Integer> K_MIN =
      JobOption.integer("k-min", DEFAULTS.kMin(), 2, 1000, "Smallest k tried");
  static final JobOption<Integer> K_MAX =
      JobOption.integer("k-max", DEFAULTS.kMax(), 2, 1000, "Largest k tried");
  static final JobOption<TopicConfig.Algorithm> ALGORITHM =
      JobOption.parsed(
          "algorithm",
          "kmeans|bisecting-kmeans",
          DEFAULTS.algorithm(),
          TopicsSettings::parseAlgorithm,
          "Clustering algorithm (both cosine)");
  static final JobOption<Double> MIN_DF =
      JobOption.decimal(
          "min-df",
          DEFAULTS.minDf(),
          0.0001,
          1e9,
          "Terms in fewer documents are left out of the vocabulary (a fraction when below 1)");
  static final JobOption<Double> MAX_DF =
      JobOption.decimal(
          "max-df",
          DEFAULTS.maxDf(),
          0.0001,
          1e12,
          "Terms in more documents are left out of the vocabulary (a fraction when at most 1)");
  static final JobOption<Integer> VOCAB_SIZE =
      JobOption.integer(
          "vocab-size",
          DEFAULTS.vocabSize(),
          2,
          1 << 22,
          "Largest vocabulary kept, by document frequency");
  static final JobOption<Integer> SEED =
      JobOption.integer(
          "seed",
          (int) DEFAULTS.seed(),
          Integer.MIN_VALUE,
          Integer.MAX_VALUE,
          "Seed of the clustering");
  static final JobOption<Integer> RESTARTS =
      JobOption.integer(
          "restarts",
          DEFAULTS.restarts(),
          1,
          100,
          "k-means runs with seeds SEED, SEED+1, ...; the lowest cost is kept (while a range of k is searched, each candidate gets at most 3, the chosen k all)");
  static final JobOption<Integer> MAX_ITER =
      JobOption.integer(
          "max-iter", DEFAULTS.maxIter(), 1, 1000, "Iterations of each clustering at most");
  static final JobOption<Integer> SEARCH_SAMPLE =
      JobOption.integer(
          "search-sample",
          TopicModeling.DEFAULT_SEARCH_SAMPLE,
          2,
          1_000_000,
          "k-means: at most this many documents (a seeded sample, held on the driver) choose k and the starting centroids");
  static final JobOption<Boolean> BINARY_COUNTS =
      JobOption.flag(
          "binary-counts",
          "Count each term once per article (presence) instead of its occurrences, before IDF");
  static final JobOption<Integer> TOP_TERMS =
      JobOption.integer(
          "top-terms", TopicsSettings.DEFAULT_TOP_TERMS, 3, 100, "Terms listed per topic");
  static final JobOption<Double> MATCH_THRESHOLD =
      JobOption.decimal(
          "match-threshold",
          TopicsSettings.DEFAULT_MATCH_THRESHOLD,
          0.0,
          1.0,
          "Centroid cosine similarity at or above which a new cluster keeps an old topic's id");
  static final JobOption<Integer> FIT_SAMPLE =
      JobOption.integer(
          "fit-sample",
          TopicsSettings.DEFAULT_FIT_SAMPLE,
          100,
          Integer.MAX_VALUE,
          "At most this many articles (a seeded random sample) fit the vocabulary and the clusters; all are assigned");
  static final JobOption<Boolean> COLD_START =
      JobOption.flag(
          "cold-start",
          "Retrain from scratch with the k search; by default a retraining starts from the previous model's centroids and k");
  static final JobOption<String> TAXONOMY =
      JobOption.string(
          "taxonomy",
          "FILE",
          null,
          "Sector taxonomy TSV (sector_id, korean_name, keywords); the bundled data/taxonomy/sectors.tsv when absent");

  private static final DateTimeFormatter VERSION =
      DateTimeFormatter.ofPattern("'v'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Override
  public String name() {
    return "topics";
  }

  @Override
  public String summary() {
    return "Clusters articles into labelled topics with stable ids and maps topics and articles to sectors.";
  }

  @Override
  public List<JobOption<?>> options() {
    return List.of(
        MODE,
        K,
        K_MIN,
        K_MAX,
        ALGORITHM,
        MIN_DF,
        MAX_DF,
        VOCAB_SIZE,
        SEED,
        RESTARTS,
        MAX_ITER,
        SEARCH_SAMPLE,
        BINARY_COUNTS,
        TOP_TERMS,
        MATCH_THRESHOLD,
        FIT_SAMPLE,
        COLD_START,
        TAXONOMY,
        ArticleSelection.MONTHS,
        ArticleSelection.INCREMENTAL,
        CommonOptions.OUT,
        CommonOptions.RUN_ID);
  }

  @Override
  public RunSummary run(SparkSession spark, JobOptions options) throws IOException {
    JobContext context = JobContext.current(name());
    TableStore store = new TableStore(spark, CommonOptions.tablesRoot(options));
    if (!store.exists(Tables.ARTICLE_TERMS) || !store.exists(Tables.ARTICLES)) {
      throw new UsageException(
          "No articles or article_terms table under "
              + store.root()
              + ": run ingest and terms with the same --out first");
    }
    TopicsSettings settings = TopicsSettings.from(options);
    TopicConfig config = settings.clustering();
    SectorTaxonomy taxonomy = settings.taxonomy();
    TopicRegistry registry =
        new TopicRegistry(
            CommonOptions.modelsRoot(options), spark.sparkContext().hadoopConfiguration());
    Optional<TopicRegistry.Version> previous = registry.latest();
    if (settings.mode() == TopicsMode.ASSIGN && previous.isEmpty()) {
      throw new UsageException(
          "--mode assign needs a saved model under "
              + registry.location("")
              + "; run with --mode fit (or auto) first");
    }
    boolean fitting = settings.mode().fits(previous.isPresent());
    if (fitting && !options.get(ArticleSelection.MONTHS).isEmpty()) {
      throw new UsageException(
          "--months "
              + String.join(",", options.get(ArticleSelection.MONTHS))
              + " selects the articles to assign with a saved model; a fit always covers every month");
    }
    // A fit covers every month; an assignment only the chosen ones (all by default).
    Optional<Set<String>> months =
        fitting
            ? Optional.empty()
            : ArticleSelection.monthsToProcess(spark, store, options, name());
    String note =
        fitting
            ? (options.get(ArticleSelection.INCREMENTAL) ? "fit over every month" : "")
            : ArticleSelection.describe(months, options);

    Dataset<Row> terms = store.read(Tables.ARTICLE_TERMS);
    Dataset<Row> articles = store.read(Tables.ARTICLES);
    if (months.isPresent()) {
      terms = terms.filter(col(Col.PUBLISHED_MONTH).isin(months.get().toArray()));
      articles = articles.filter(col(Col.PUBLISHED_MONTH).isin(months.get().toArray()));
    }
    terms = terms.select(Col.ARTICLE_ID, Col.TERM, Col.COUNT);
    articles = articles.select(Col.ARTICLE_ID, Col.PUBLISHED_DATE, Col.PUBLISHED_MONTH);
    long articleCount = articles.count();
    if (articleCount == 0) {
      if (months.isPresent()) {
        System.out.println("topics: no article to assign (" + note + ")");
        return new RunSummary(
            context.runId(),
            name(),
            context.started(),
            null,
            RunSummary.SUCCEEDED,
            0,
            0,
            0,
            Map.of(),
            "no article to assign (" + note + ")");
      }
      throw new UsageException("No article under " + store.root() + ": ingest kept no article");
    }
    Set<String> covered =
        new HashSet<>(
            articles.select(Col.PUBLISHED_MONTH).distinct().as(Encoders.STRING()).collectAsList());
    if (fitting && store.exists(Tables.ARTICLE_TOPICS)) {
      // A fit reassigns every article: months that no longer hold articles are emptied too.
      covered.addAll(
          store
              .read(Tables.ARTICLE_TOPICS)
              .select(Col.PUBLISHED_MONTH)
              .distinct()
              .as(Encoders.STRING())
              .collectAsList());
    }
    int partitions = cachedPartitions(spark, articleCount);

    // One grouping of article_terms by article feeds the fit, the assignment and each article's
    // own sector; every later step is a narrow pass over this cached table.
    Dataset<Row> documents =
        ArticleSectors.withOwnSector(TopicFeatures.termArrays(terms), taxonomy)
            .coalesce(partitions)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String version;
      PipelineModel model = null;
      Map<Integer, Integer> topicIdByCluster = new HashMap<>();
      Map<Integer, String> keptLabels = new HashMap<>();
      StringBuilder report = new StringBuilder();
      if (!note.isEmpty()) {
        report.append(note).append("; ");
      }
      if (!fitting) {
        TopicRegistry.Version saved = previous.get();
        version = saved.name();
        model = saved.model();
        for (TopicRegistry.Entry e : saved.topics()) {
          topicIdByCluster.put(e.clusterIndex(), e.topicId());
          keptLabels.put(e.clusterIndex(), e.label());
        }
        report
            .append("assigned ")
            .append(articleCount)
            .append(" articles with saved model ")
            .append(version);
      } else {
        long withTerms = documents.count();
        Optional<String> skipped = tooSmallToCluster(withTerms, config);
        Optional<TopicFit> fit = Optional.empty();
        if (skipped.isEmpty()) {
          TopicConfig adapted = adaptVocabularyLimits(withTerms, config, report);
          try {
            fit = Optional.of(fitModel(documents, withTerms, adapted, settings, previous, report));
          } catch (IllegalArgumentException e) {
            // The corpus passed the size check but its vocabulary leaves too few documents to
            // cluster (e.g. very short, repetitive texts): the same outcome as a small corpus.
            if (e.getMessage() == null
                || !e.getMessage().startsWith(TopicModeling.TOO_FEW_DOCUMENTS)) {
              throw e;
            }
            skipped = Optional.of(e.getMessage());
          }
        }
        if (fit.isPresent()) {
          version = VERSION.format(context.started());
          model = fit.get().model();
          report.append("model ").append(version).append(", ").append(fit.get().kSummary());
          if (fit.get().kWarning() != null) {
            System.out.println("topics: WARNING " + fit.get().kWarning());
          }
          matchToPrevious(
              model,
              fit.get().k(),
              previous,
              store,
              settings.matchThreshold(),
              topicIdByCluster,
              keptLabels,
              report);
        } else {
          version = NO_MODEL;
          String warning =
              "clustering skipped: "
                  + skipped.get()
                  + "; every article is written unassigned (topic_id "
                  + TopicModeling.UNASSIGNED
                  + ", model_version "
                  + NO_MODEL
                  + ") with its own sector; no model is saved, so the next run fits again";
          System.out.println("topics: WARNING: " + warning);
          report.append(warning);
        }
      }

      Dataset<Row> assigned =
          model != null
              ? TopicAssignment.assign(model, documents)
              : documents.select(
                  col(Col.ARTICLE_ID),
                  lit(TopicModeling.UNASSIGNED).as(Col.TOPIC_ID),
                  lit(0.0).as(Col.SCORE),
                  col(ArticleSectors.SECTOR),
                  col(ArticleSectors.SECTOR_SCORE));
      // Articles without any term row are kept too: topic -1, score 0.
      Dataset<Row> assignments =
          articles
              .join(assigned, Col.ARTICLE_ID, "left")
              .select(
                  col(Col.ARTICLE_ID),
                  coalesce(col(Col.TOPIC_ID), lit(TopicModeling.UNASSIGNED)).as(Col.TOPIC_ID),
                  coalesce(col(Col.SCORE), lit(0.0)).as(Col.SCORE),
                  col(ArticleSectors.SECTOR),
                  col(ArticleSectors.SECTOR_SCORE),
                  col(Col.PUBLISHED_DATE),
                  col(Col.PUBLISHED_MONTH))
              .coalesce(partitions)
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        List<TopicDescription> descriptions =
            model != null
                ? TopicDescriptions.describe(model, assignments, settings.topTerms(), taxonomy)
                : List.of(unassignedTopic(articleCount, taxonomy));
        List<TopicRegistry.Entry> entries = new ArrayList<>();
        for (TopicDescription d : descriptions) {
          if (d.topicId() != TopicModeling.UNASSIGNED) {
            entries.add(
                new TopicRegistry.Entry(
                    d.topicId(),
                    topicIdByCluster.get(d.topicId()),
                    keptLabels.getOrDefault(d.topicId(), d.label())));
          }
        }
        if (fitting && model != null) {
          registry.save(version, model, entries);
        }
        Dataset<Row> articleTopics =
            articleTopics(spark, assignments, descriptions, topicIdByCluster, version)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
          report.append("; ").append(stability(store, articleTopics));
          store.writeMonths(
              Tables.ARTICLE_TOPICS, articleTopics, covered, TableStore.MonthLayout.SCATTERED);
          // Topic sizes count every assigned article, of the months rewritten now and of the
          // others.
          Map<Integer, Long> sizes = TopicDescriptions.sizes(store.read(Tables.ARTICLE_TOPICS));
          Dataset<Row> topics =
              topicRows(spark, store, descriptions, entries, sizes, version, context, taxonomy);
          store.write(Tables.TOPICS, topics);
          long written = articleTopics.count();
          System.out.println("topics: " + report);
          for (TopicRegistry.Entry e : entries) {
            System.out.println("  topic " + e.topicId() + ": " + e.label());
          }
          return new RunSummary(
              context.runId(),
              name(),
              context.started(),
              null,
              RunSummary.SUCCEEDED,
              articleCount,
              written,
              0,
              Map.of(),
              report.toString());
        } finally {
          articleTopics.unpersist();
        }
      } finally {
        assignments.unpersist();
      }
    } finally {
      documents.unpersist();
    }
  }

  /** Model version of the assignments written when clustering was skipped. */
  static final String NO_MODEL = "none";

  /**
   * Why the corpus is too small to cluster, if it is: fewer than two articles with terms per topic
   * of the smallest k tried. Below that, k-means would put nearly every article in a topic of its
   * own and the silhouette would mean nothing.
   */
  static Optional<String> tooSmallToCluster(long withTerms, TopicConfig config) {
    int smallestK = config.fixedK() > 0 ? config.fixedK() : config.kMin();
    long needed = 2L * smallestK;
    if (withTerms < needed) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%d articles with terms, fewer than the %d needed for k=%d (two per topic)",
              withTerms,
              needed,
              smallestK));
    }
    return Optional.empty();
  }

  /**
   * The configured limits, or, when minDF and maxDF exclude every term on this many articles,
   * limits that keep some: minDF lowered to 1 document (and maxDF raised to half of the documents
   * when it allowed less than one). The change is said in the report and printed.
   */
  static TopicConfig adaptVocabularyLimits(
      long withTerms, TopicConfig config, StringBuilder report) {
    try {
      TopicFeatures.checkVocabularyLimits(withTerms, config);
      return config;
    } catch (IllegalArgumentException e) {
      double maxCount = config.maxDf() >= 1 ? config.maxDf() : config.maxDf() * withTerms;
      double maxDf = maxCount >= 1 ? config.maxDf() : 0.5;
      TopicConfig adapted = config.withVocabulary(1, maxDf, config.vocabSize());
      String message =
          String.format(
              Locale.ROOT,
              "vocabulary limits adapted to %d articles: minDf %s -> 1, maxDf %s -> %s",
              withTerms,
              config.minDf(),
              config.maxDf(),
              maxDf);
      System.out.println("topics: WARNING: " + message + " (" + e.getMessage() + ")");
      report.append(message).append("; ");
      return adapted;
    }
  }

  /** Fits on a seeded sample, warm-started from the previous model where possible. */
  private static TopicFit fitModel(
      Dataset<Row> documents,
      long withTerms,
      TopicConfig config,
      TopicsSettings settings,
      Optional<TopicRegistry.Version> previous,
      StringBuilder report) {
    Dataset<Row> sample = fitSample(documents, withTerms, settings.fitSample(), config.seed());
    if (sample != documents) {
      sample.persist(StorageLevel.MEMORY_AND_DISK());
    }
    try {
      Optional<TopicFit> warm = Optional.empty();
      // Only k-means takes initial centroids; a bisecting model is always retrained from scratch.
      if (previous.isPresent()
          && !settings.coldStart()
          && config.algorithm() == TopicConfig.Algorithm.KMEANS) {
        PipelineModel old = previous.get().model();
        List<Map<String, Double>> start =
            TopicMatcher.centroidTerms(
                TopicFeatures.vocabulary(old), TopicAssignment.unitCentroids(old));
        if (settings.k() == TopicsSettings.CHOOSE_K || settings.k() == start.size()) {
          warm = TopicModeling.fitFrom(sample, config, start);
        }
      }
      if (warm.isPresent()) {
        report.append("warm start from ").append(previous.get().name()).append("; ");
        return warm.get();
      }
      return TopicModeling.fit(sample, config, settings.searchSample());
    } finally {
      if (sample != documents) {
        sample.unpersist();
      }
    }
  }

  private static TopicDescription unassignedTopic(long size, SectorTaxonomy taxonomy) {
    return new TopicDescription(
        TopicModeling.UNASSIGNED,
        TopicDescription.UNASSIGNED_LABEL,
        List.of(),
        List.of(),
        size,
        taxonomy.score(Map.of()));
  }

  /** Articles per partition of the tables this job caches. */
  static final int ARTICLES_PER_CACHED_PARTITION = 50_000;

  /**
   * Partitions of the cached grouped documents and assignments: two per core, more when the corpus
   * is large. A cached plan keeps the partitions of its last shuffle (adaptive execution does not
   * coalesce under a cache), which on a cluster is the default 200: every pass of the fit, the
   * assignment and the writes then ran 200 tasks of a few hundred articles each.
   */
  static int cachedPartitions(SparkSession spark, long articles) {
    long bySize = (articles + ARTICLES_PER_CACHED_PARTITION - 1) / ARTICLES_PER_CACHED_PARTITION;
    return (int) Math.max(2L * spark.sparkContext().defaultParallelism(), Math.min(bySize, 10_000));
  }

  /**
   * A seeded random sample of at most {@code limit} of the {@code total} grouped documents: the
   * fitting cost grows with the documents fitted, the assignment only with the corpus, so large
   * corpora fit on a sample and assign everything.
   */
  static Dataset<Row> fitSample(Dataset<Row> documents, long total, int limit, long seed) {
    if (total <= limit) {
      return documents;
    }
    // A fraction a little under limit/total, so that the hash sample (the same rows whatever the
    // partitioning) practically never exceeds the limit; the limit stays as the guarantee.
    return documents
        .filter(TopicModeling.seededSample(Math.min(1.0, limit * 0.98 / total), seed))
        .limit(limit);
  }

  /** Fills the stable id of every new cluster: a matched old id, else the next unused one. */
  private static void matchToPrevious(
      PipelineModel model,
      int k,
      Optional<TopicRegistry.Version> previous,
      TableStore store,
      double threshold,
      Map<Integer, Integer> topicIdByCluster,
      Map<Integer, String> keptLabels,
      StringBuilder report) {
    int nextId = 0;
    if (store.exists(Tables.TOPICS)) {
      Row max =
          store.read(Tables.TOPICS).agg(org.apache.spark.sql.functions.max(Col.TOPIC_ID)).first();
      if (!max.isNullAt(0)) {
        nextId = max.getInt(0) + 1;
      }
    }
    if (previous.isPresent()) {
      TopicRegistry.Version old = previous.get();
      List<Map<String, Double>> oldByCluster =
          TopicMatcher.centroidTerms(
              TopicFeatures.vocabulary(old.model()), TopicAssignment.unitCentroids(old.model()));
      Map<Integer, Map<String, Double>> oldByTopic = new HashMap<>();
      Map<Integer, String> oldLabels = new HashMap<>();
      for (TopicRegistry.Entry e : old.topics()) {
        oldByTopic.put(e.topicId(), oldByCluster.get(e.clusterIndex()));
        oldLabels.put(e.topicId(), e.label());
        nextId = Math.max(nextId, e.topicId() + 1);
      }
      List<Map<String, Double>> fresh =
          TopicMatcher.centroidTerms(
              TopicFeatures.vocabulary(model), TopicAssignment.unitCentroids(model));
      List<TopicMatcher.Match> matches = TopicMatcher.match(fresh, oldByTopic, threshold);
      for (TopicMatcher.Match m : matches) {
        topicIdByCluster.put(m.newCluster(), m.oldTopicId());
        keptLabels.put(m.newCluster(), oldLabels.get(m.oldTopicId()));
      }
      report
          .append("; ")
          .append(matches.size())
          .append(" of ")
          .append(k)
          .append(" topics matched to ")
          .append(old.name());
    }
    for (int cluster = 0; cluster < k; cluster++) {
      if (!topicIdByCluster.containsKey(cluster)) {
        topicIdByCluster.put(cluster, nextId++);
      }
    }
  }

  private static Dataset<Row> articleTopics(
      SparkSession spark,
      Dataset<Row> assignments,
      List<TopicDescription> descriptions,
      Map<Integer, Integer> topicIdByCluster,
      String version) {
    StructType mappingSchema =
        new StructType()
            .add("cluster", DataTypes.IntegerType, false)
            .add("stable_id", DataTypes.IntegerType, false)
            .add(Col.TOPIC_SECTOR, DataTypes.StringType, true);
    List<Row> mapping = new ArrayList<>();
    for (TopicDescription d : descriptions) {
      int stable =
          d.topicId() == TopicModeling.UNASSIGNED
              ? TopicModeling.UNASSIGNED
              : topicIdByCluster.get(d.topicId());
      mapping.add(
          RowBuilder.of("topic id mapping", mappingSchema)
              .set("cluster", d.topicId())
              .set("stable_id", stable)
              .set(Col.TOPIC_SECTOR, d.sector().sectorId())
              .build());
    }
    Dataset<Row> ids = spark.createDataFrame(mapping, mappingSchema);
    return assignments
        .join(
            broadcast(ids),
            assignments.col(TopicModeling.TOPIC_ID).equalTo(ids.col("cluster")),
            "left")
        .select(
            col(Col.ARTICLE_ID),
            coalesce(col("stable_id"), lit(TopicModeling.UNASSIGNED)).as(Col.TOPIC_ID),
            lit(version).as(Col.MODEL_VERSION),
            col(TopicModeling.SCORE).as(Col.SCORE),
            when(
                    col(ArticleSectors.SECTOR)
                        .isNull()
                        .or(col(ArticleSectors.SECTOR).equalTo(SectorTaxonomy.OTHER)),
                    col(Col.TOPIC_SECTOR))
                .otherwise(col(ArticleSectors.SECTOR))
                .as(Col.SECTOR),
            coalesce(col(ArticleSectors.SECTOR_SCORE), lit(0.0)).as(Col.SECTOR_SCORE),
            col(Col.TOPIC_SECTOR),
            col(Col.PUBLISHED_DATE),
            coalesce(col(Col.PUBLISHED_MONTH), lit(Tables.UNDATED_MONTH)).as(Col.PUBLISHED_MONTH));
  }

  /**
   * Share of the previously assigned articles, among those assigned again now, that keep their
   * topic id; read before the table is rewritten.
   */
  private static String stability(TableStore store, Dataset<Row> articleTopics) {
    if (!store.exists(Tables.ARTICLE_TOPICS)) {
      return "no previous assignment to compare";
    }
    Dataset<Row> before =
        store
            .read(Tables.ARTICLE_TOPICS)
            .filter(col(Col.TOPIC_ID).notEqual(TopicModeling.UNASSIGNED))
            .select(col(Col.ARTICLE_ID), col(Col.TOPIC_ID).as("previous_topic"));
    Row counts =
        before
            .join(articleTopics.select(Col.ARTICLE_ID, Col.TOPIC_ID), Col.ARTICLE_ID)
            .agg(
                org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.sum(
                    when(col(Col.TOPIC_ID).equalTo(col("previous_topic")), 1).otherwise(0)))
            .first();
    long total = counts.getLong(0);
    long same = counts.isNullAt(1) ? 0 : counts.getLong(1);
    return total == 0
        ? "no previous assignment to compare"
        : String.format(
            Locale.ROOT,
            "topic id kept for %.1f%% of %d previously assigned articles",
            100.0 * same / total,
            total);
  }

  /**
   * The topics table: the model's topics with {@code sizes} counted over the whole {@code
   * article_topics} table (by stable id), the unassigned row when some article is unassigned, and
   * earlier topics that are no longer active, as {@code retired}.
   */
  private static Dataset<Row> topicRows(
      SparkSession spark,
      TableStore store,
      List<TopicDescription> descriptions,
      List<TopicRegistry.Entry> entries,
      Map<Integer, Long> sizes,
      String version,
      JobContext context,
      SectorTaxonomy taxonomy) {
    Map<Integer, Integer> stableByCluster = new HashMap<>();
    Map<Integer, String> labelByCluster = new HashMap<>();
    for (TopicRegistry.Entry e : entries) {
      stableByCluster.put(e.clusterIndex(), e.topicId());
      labelByCluster.put(e.clusterIndex(), e.label());
    }
    Map<Integer, Timestamp> createdBefore = new HashMap<>();
    List<Row> retired = new ArrayList<>();
    Set<Integer> active = new HashSet<>(stableByCluster.values());
    active.add(TopicModeling.UNASSIGNED);
    if (store.exists(Tables.TOPICS)) {
      for (Row row : store.read(Tables.TOPICS).collectAsList()) {
        int id = row.getAs(Col.TOPIC_ID);
        createdBefore.put(id, row.getAs(Col.CREATED_AT));
        if (!active.contains(id)) {
          RowBuilder copy = Tables.TOPICS.row();
          for (String column : Tables.TOPICS.columnNames()) {
            copy.set(column, column.equals(Col.STATE) ? "retired" : row.getAs(column));
          }
          retired.add(copy.build());
        }
      }
    }
    Timestamp now = Timestamp.from(context.started());
    List<Row> rows = new ArrayList<>(retired);
    List<TopicDescription> all = new ArrayList<>(descriptions);
    if (sizes.containsKey(TopicModeling.UNASSIGNED)
        && descriptions.stream().noneMatch(d -> d.topicId() == TopicModeling.UNASSIGNED)) {
      all.add(unassignedTopic(0, taxonomy));
    }
    for (TopicDescription d : all) {
      int id =
          d.topicId() == TopicModeling.UNASSIGNED
              ? TopicModeling.UNASSIGNED
              : stableByCluster.get(d.topicId());
      String label =
          d.topicId() == TopicModeling.UNASSIGNED ? d.label() : labelByCluster.get(d.topicId());
      rows.add(
          Tables.TOPICS
              .row()
              .set(Col.TOPIC_ID, id)
              .set(Col.MODEL_VERSION, version)
              .set(Col.LABEL, label)
              .set(Col.TOP_TERMS, d.topTermsDelimited())
              .set(Col.SIZE, sizes.getOrDefault(id, 0L))
              .set(Col.SECTOR, d.sector().sectorId())
              .set(Col.SECTOR_SCORE, d.sector().score())
              .set(Col.STATE, "active")
              .set(Col.CREATED_AT, createdBefore.getOrDefault(id, now))
              .build());
    }
    return spark.createDataFrame(rows, Tables.TOPICS.schema());
  }
}
