package org.sectortrends.trends;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.trends.PeriodCalendar.Period;
import org.sectortrends.trends.PeriodCalendar.PeriodType;

/**
 * Document frequency of every term per period against its trailing baseline, and the emerging
 * terms: the {@code term_trends} table.
 *
 * <p>For a term t and period p with N articles, df of them containing t:
 *
 * <ul>
 *   <li>{@code article_share} = df / N;
 *   <li>{@code baseline_share} = (Σ df + 0.5) / (Σ N + 1) over the {@code baseline_periods}
 *       calendar periods before p that have articles (at most {@code --baseline-periods}); the 0.5
 *       smoothing keeps a term never seen before finite;
 *   <li>{@code lift} = article_share / baseline_share;
 *   <li>{@code z_score} = (article_share − baseline_share) / √(baseline_share (1 − baseline_share)
 *       / N), the binomial test of the period's share against the baseline;
 *   <li>{@code is_emerging} when df ≥ the minimum support, lift ≥ {@value #MIN_LIFT}, z ≥ {@value
 *       #MIN_Z}, at least one baseline period exists, and the term is not generic. Generic is a
 *       term
 *       <ul>
 *         <li>in at least {@value #MAX_BASELINE_SHARE} of the baseline's articles (기업, 시장, 정부 in
 *             every tenth article never emerge, however their count moves),
 *         <li>in at least {@value #MAX_HISTORY_SHARE} of the dated articles of the whole history
 *             outside the period (a document-frequency ceiling, i.e. an IDF floor of ln 10, which
 *             also holds when the baseline is short or the word was frequent before it),
 *         <li>listed in {@code data/lexicons/generic-terms.txt} (nouns of the reporting of any
 *             subject: 발생, 경신, 누적, 중심, 원대), the name of an outlet of the corpus, a term that begins
 *             with a digit (dates and numbers: 2025년; hbm4 is a name and stays), or a term of one
 *             character (설, 우: mostly fragments of a word the analyzer split).
 *       </ul>
 *       Because the test is on shares, a word whose count doubles because the period has twice the
 *       articles has a lift of about 1 and does not emerge.
 * </ul>
 *
 * Rows are written for terms with df ≥ the minimum support in the period. {@code first_seen} is the
 * first publication date of any article with the term, over the whole history.
 *
 * <p>Known weaknesses: a term that grows slowly over many periods keeps a rising baseline and is
 * never flagged; periods with few articles give noisy shares (the z-score accounts for N, the lift
 * does not).
 */
public final class TermTrends {

  static final double MIN_LIFT = 2.0;
  static final double MIN_Z = 3.0;
  static final double MAX_BASELINE_SHARE = 0.1;

  /**
   * At most this share of all articles of the history may carry an emerging term (an IDF floor of
   * ln 10).
   */
  static final double MAX_HISTORY_SHARE = 0.1;

  /** The editable list of generic terms, in {@code data/lexicons/}. */
  public static final String GENERIC_TERMS_FILE = "generic-terms.txt";

  /** Column of {@link #firstSeen}: articles of the whole history with the term. */
  public static final String HISTORY_FREQUENCY = "history_document_frequency";

  private TermTrends() {}

  /**
   * Articles up to which {@link #perDay} broadcasts the article keys (about 40 bytes each: a hash,
   * a date and a cell number) instead of shuffling {@code article_terms}.
   */
  public static final long MAX_BROADCAST_ARTICLES = 1_500_000L;

  private static final String ARTICLE_KEY = "article_key";
  private static final String CELL = "cell";

  /**
   * The articles with each term per day, sector, model version and topic: {@code published_date,
   * sector, model_version, topic_id, term, document_frequency}. {@code articleRows} has one row per
   * article with {@code article_id} and those columns; {@code terms} has {@code article_id, term},
   * one row per article and term.
   *
   * <p>Up to {@value #MAX_BROADCAST_ARTICLES} articles, {@code article_terms} (a hundred rows per
   * article) is not shuffled: each article becomes a 64-bit hash of its id, its date and the number
   * of its (sector, model version, topic) cell, and these are broadcast to the term rows. Two ids
   * with the same hash (about one chance in sixteen million at 1.5 million articles) would count
   * each other's terms in their own cells. Larger corpora join by article id through a shuffle.
   */
  public static Dataset<Row> perDay(
      SparkSession spark, Dataset<Row> articleRows, Dataset<Row> terms, long articles) {
    if (articles > MAX_BROADCAST_ARTICLES) {
      return articleRows
          .select(Col.ARTICLE_ID, Col.PUBLISHED_DATE, Col.SECTOR, Col.MODEL_VERSION, Col.TOPIC_ID)
          .join(terms.select(Col.ARTICLE_ID, Col.TERM), Col.ARTICLE_ID)
          .groupBy(Col.PUBLISHED_DATE, Col.SECTOR, Col.MODEL_VERSION, Col.TOPIC_ID, Col.TERM)
          .agg(count(lit(1)).as(Col.DOCUMENT_FREQUENCY));
    }
    List<Row> distinctCells =
        articleRows.select(Col.SECTOR, Col.MODEL_VERSION, Col.TOPIC_ID).distinct().collectAsList();
    List<Row> numbered = new ArrayList<>();
    for (Row r : distinctCells) {
      numbered.add(RowFactory.create(numbered.size(), r.get(0), r.get(1), r.get(2)));
    }
    Dataset<Row> cells =
        spark.createDataFrame(
            numbered,
            new org.apache.spark.sql.types.StructType()
                .add(CELL, DataTypes.IntegerType, false)
                .add(Col.SECTOR, DataTypes.StringType)
                .add(Col.MODEL_VERSION, DataTypes.StringType)
                .add(Col.TOPIC_ID, DataTypes.IntegerType));
    Dataset<Row> cellKeys =
        cells.select(
            col(CELL),
            col(Col.SECTOR).as("cell_sector"),
            col(Col.MODEL_VERSION).as("cell_model_version"),
            col(Col.TOPIC_ID).as("cell_topic_id"));
    // Unassigned articles have no model version nor topic: matched null-safe.
    Dataset<Row> articleKeys =
        articleRows
            .join(
                broadcast(cellKeys),
                col(Col.SECTOR)
                    .eqNullSafe(col("cell_sector"))
                    .and(col(Col.MODEL_VERSION).eqNullSafe(col("cell_model_version")))
                    .and(col(Col.TOPIC_ID).eqNullSafe(col("cell_topic_id"))))
            .select(
                xxhash64(col(Col.ARTICLE_ID)).as(ARTICLE_KEY), col(Col.PUBLISHED_DATE), col(CELL));
    return terms
        .select(xxhash64(col(Col.ARTICLE_ID)).as(ARTICLE_KEY), col(Col.TERM))
        .join(broadcast(articleKeys), ARTICLE_KEY)
        .groupBy(Col.PUBLISHED_DATE, CELL, Col.TERM)
        .agg(count(lit(1)).as(Col.DOCUMENT_FREQUENCY))
        .join(broadcast(cells), CELL)
        .select(
            Col.PUBLISHED_DATE,
            Col.SECTOR,
            Col.MODEL_VERSION,
            Col.TOPIC_ID,
            Col.TERM,
            Col.DOCUMENT_FREQUENCY);
  }

  /**
   * What keeps a term from being emerging besides the statistics of its period: the generic terms
   * (the lexicon's list and the corpus's outlet names, lowercased) and the number of dated articles
   * of the whole history (0 when unknown: no history ceiling).
   */
  public record Generic(Set<String> terms, long historyArticles) {
    public static final Generic NONE = new Generic(Set.of(), 0);

    public Generic {
      Set<String> lower = new TreeSet<>();
      terms.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
      terms = Set.copyOf(lower);
    }

    /** The same with more generic terms (e.g. the outlet names). */
    public Generic plus(Collection<String> more) {
      Set<String> all = new TreeSet<>(terms);
      more.stream().filter(t -> t != null && !t.isBlank()).forEach(all::add);
      return new Generic(all, historyArticles);
    }
  }

  /**
   * The generic terms of {@value #GENERIC_TERMS_FILE} in {@code lexiconDir}, or of the copy on the
   * class path when {@code lexiconDir} is null.
   */
  public static Set<String> genericTerms(String lexiconDir) {
    try (java.io.InputStream in =
        lexiconDir == null
            ? TermTrends.class.getResourceAsStream("/lexicons/" + GENERIC_TERMS_FILE)
            : java.nio.file.Files.newInputStream(
                java.nio.file.Path.of(lexiconDir, GENERIC_TERMS_FILE))) {
      if (in == null) {
        throw new IllegalStateException(
            "No /lexicons/" + GENERIC_TERMS_FILE + " on the class path");
      }
      Set<String> terms = new TreeSet<>();
      new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(terms::add);
      return terms;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(
          "No " + GENERIC_TERMS_FILE + " in the lexicon directory " + lexiconDir, e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "Cannot read " + GENERIC_TERMS_FILE + " of " + lexiconDir, e);
    }
  }

  /**
   * The term trends of the periods in {@code articlePeriods} ({@code article_id, period_type,
   * period, period_start, period_end}); {@code terms} is {@code article_id, term}; {@code
   * firstSeen} is {@code term, first_seen}. Collects the period sizes; the {@code trends} job,
   * which has them already, calls {@link #fromTermCounts}.
   */
  public static Dataset<Row> compute(
      SparkSession spark,
      Dataset<Row> articlePeriods,
      Dataset<Row> terms,
      Dataset<Row> firstSeen,
      int baselinePeriods,
      int minSupport) {
    return compute(
        spark, articlePeriods, terms, firstSeen, baselinePeriods, minSupport, Generic.NONE);
  }

  /** {@link #compute(SparkSession, Dataset, Dataset, Dataset, int, int)} with generic terms. */
  public static Dataset<Row> compute(
      SparkSession spark,
      Dataset<Row> articlePeriods,
      Dataset<Row> terms,
      Dataset<Row> firstSeen,
      int baselinePeriods,
      int minSupport,
      Generic generic) {
    List<PeriodSize> sizes = new ArrayList<>();
    for (Row r :
        articlePeriods.groupBy(Col.PERIOD_TYPE, Col.PERIOD).agg(count(lit(1))).collectAsList()) {
      PeriodType type = PeriodType.of(r.getString(0));
      sizes.add(new PeriodSize(PeriodCalendar.parse(type, r.getString(1)), r.getLong(2)));
    }
    Dataset<Row> termCounts =
        articlePeriods
            .select(Col.ARTICLE_ID, Col.PERIOD_TYPE, Col.PERIOD, Col.PERIOD_START)
            .join(terms.select(Col.ARTICLE_ID, Col.TERM).distinct(), Col.ARTICLE_ID)
            .groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.PERIOD_START, Col.TERM)
            .agg(count(lit(1)).as(Col.DOCUMENT_FREQUENCY));
    return fromTermCounts(
        termCounts,
        periodSizes(spark, sizes, baselinePeriods),
        firstSeen,
        baselinePeriods,
        minSupport,
        generic);
  }

  /** Articles of a period with data. */
  public record PeriodSize(Period period, long articles) {}

  /**
   * Per period with data: {@code period_type, period, period_end, n_period} and, when a baseline
   * period exists, {@code n_baseline} (articles of the trailing {@code baselinePeriods} calendar
   * periods that have data) and {@code baseline_periods} (how many of them have data).
   */
  public static Dataset<Row> periodSizes(
      SparkSession spark, Collection<PeriodSize> sizes, int baselinePeriods) {
    Map<String, Long> articles = new HashMap<>();
    sizes.forEach(
        s -> articles.put(s.period().type().id() + "/" + s.period().label(), s.articles()));
    List<Row> rows = new ArrayList<>();
    for (PeriodSize s : sizes) {
      Period b = s.period();
      long n = 0;
      int periods = 0;
      for (int k = 0; k < baselinePeriods; k++) {
        b = PeriodCalendar.previous(b);
        Long before = articles.get(b.type().id() + "/" + b.label());
        if (before != null) {
          n += before;
          periods++;
        }
      }
      rows.add(
          RowFactory.create(
              s.period().type().id(),
              s.period().label(),
              java.sql.Date.valueOf(s.period().end()),
              s.articles(),
              periods == 0 ? null : n,
              periods == 0 ? null : periods));
    }
    return spark.createDataFrame(
        rows,
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(Col.PERIOD_TYPE, DataTypes.StringType, false),
                DataTypes.createStructField(Col.PERIOD, DataTypes.StringType, false),
                DataTypes.createStructField(Col.PERIOD_END, DataTypes.DateType, false),
                DataTypes.createStructField("n_period", DataTypes.LongType, false),
                DataTypes.createStructField("n_baseline", DataTypes.LongType, true),
                DataTypes.createStructField(Col.BASELINE_PERIODS, DataTypes.IntegerType, true))));
  }

  /**
   * True for a {@code term} that is not listed generic, does not begin with a digit and has at
   * least two characters: numbers and dates (2025년, 3분기) and single syllables are left out, a digit
   * inside a name (hbm4) is kept. Also what the top terms of sectors and topics leave out.
   */
  public static Column notListed(Generic generic) {
    // one syllable or letter (설, 우): mostly a fragment of a word the analyzer split, never a
    // trend a reader can act on
    Column notListed =
        not(col(Col.TERM).rlike("^\\d"))
            .and(org.apache.spark.sql.functions.length(col(Col.TERM)).geq(2));
    if (!generic.terms().isEmpty()) {
      notListed = notListed.and(not(col(Col.TERM).isin(generic.terms().toArray())));
    }
    return notListed;
  }

  /**
   * The term trends from document frequencies: {@code termCounts} is {@code period_type, period,
   * period_start, term, document_frequency} (several rows per period and term are summed, e.g. one
   * per sector); {@code periodSizes} is {@link #periodSizes}. The baseline document frequency is
   * one window pass over each term's periods, ranging over the {@code baselinePeriods} calendar
   * periods before.
   */
  public static Dataset<Row> fromTermCounts(
      Dataset<Row> termCounts,
      Dataset<Row> periodSizes,
      Dataset<Row> firstSeen,
      int baselinePeriods,
      int minSupport,
      Generic generic) {
    Column notGeneric = notListed(generic);
    if (generic.historyArticles() > 0
        && java.util.Arrays.asList(firstSeen.columns()).contains(HISTORY_FREQUENCY)) {
      // The share among the articles outside the period, so that a term bursting in the
      // period itself is not made generic by its own burst.
      Column others = lit(generic.historyArticles()).minus(col("n_period"));
      notGeneric =
          notGeneric.and(
              coalesce(
                  when(
                      others.gt(0),
                      col(HISTORY_FREQUENCY)
                          .minus(col(Col.DOCUMENT_FREQUENCY))
                          .divide(others)
                          .lt(MAX_HISTORY_SHARE)),
                  lit(true)));
    }
    Dataset<Row> df =
        termCounts
            .groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.PERIOD_START, Col.TERM)
            .agg(sum(Col.DOCUMENT_FREQUENCY).as(Col.DOCUMENT_FREQUENCY))
            .withColumn(
                "period_index",
                TrendColumns.periodIndex(col(Col.PERIOD_TYPE), col(Col.PERIOD_START)));
    return df.withColumn(
            "df_baseline",
            sum(Col.DOCUMENT_FREQUENCY)
                .over(
                    Window.partitionBy(Col.PERIOD_TYPE, Col.TERM)
                        .orderBy("period_index")
                        .rangeBetween(-baselinePeriods, -1)))
        .filter(col(Col.DOCUMENT_FREQUENCY).geq(minSupport))
        .join(broadcast(periodSizes), GroupTrends.scala(List.of(Col.PERIOD_TYPE, Col.PERIOD)))
        .join(firstSeen, GroupTrends.scala(List.of(Col.TERM)), "left")
        .withColumn(Col.BASELINE_PERIODS, coalesce(col(Col.BASELINE_PERIODS), lit(0)))
        .withColumn(Col.ARTICLE_SHARE, col(Col.DOCUMENT_FREQUENCY).divide(col("n_period")))
        .withColumn(
            Col.BASELINE_SHARE,
            when(
                col(Col.BASELINE_PERIODS).gt(0),
                coalesce(col("df_baseline"), lit(0L))
                    .plus(0.5)
                    .divide(col("n_baseline").plus(1.0))))
        .withColumn(Col.LIFT, col(Col.ARTICLE_SHARE).divide(col(Col.BASELINE_SHARE)))
        .withColumn(
            Col.Z_SCORE,
            col(Col.ARTICLE_SHARE)
                .minus(col(Col.BASELINE_SHARE))
                .divide(
                    sqrt(
                        col(Col.BASELINE_SHARE)
                            .multiply(lit(1.0).minus(col(Col.BASELINE_SHARE)))
                            .divide(col("n_period")))))
        .withColumn(
            Col.IS_EMERGING,
            coalesce(
                col(Col.BASELINE_PERIODS)
                    .gt(0)
                    .and(col(Col.LIFT).geq(MIN_LIFT))
                    .and(col(Col.Z_SCORE).geq(MIN_Z))
                    .and(col(Col.BASELINE_SHARE).lt(MAX_BASELINE_SHARE))
                    .and(notGeneric),
                lit(false)))
        .drop(HISTORY_FREQUENCY);
  }

  /**
   * The rows of {@code term_months} ({@code published_month, term, document_frequency, first_seen})
   * from the term counts of the trends job, whose cells carry {@code published_month} and {@code
   * first_seen} for the rows of {@code type}: every dated article lies in exactly one period of one
   * type, so summing that type's cells per month counts each article once. Only the {@code months}
   * given are kept (the months the counts cover whole).
   */
  public static Dataset<Row> termMonths(
      Dataset<Row> termCounts, PeriodType type, Collection<String> months) {
    return termCounts
        .filter(col(Col.PERIOD_TYPE).equalTo(type.id()))
        .filter(col(Col.PUBLISHED_MONTH).isin(months.toArray()))
        .groupBy(Col.PUBLISHED_MONTH, Col.TERM)
        .agg(
            sum(Col.DOCUMENT_FREQUENCY).as(Col.DOCUMENT_FREQUENCY),
            min(Col.FIRST_SEEN).as(Col.FIRST_SEEN));
  }

  /**
   * The rows of {@code term_months} straight from {@code article_terms} ({@code article_id, term,
   * published_month}, one row per article and term) and the article dates ({@code article_id,
   * published_date}): for months that an earlier run did not record.
   */
  public static Dataset<Row> termMonths(Dataset<Row> articleTerms, Dataset<Row> articleDates) {
    return articleTerms
        .filter(
            col(Col.PUBLISHED_MONTH).notEqual(lit(org.sectortrends.tables.Tables.UNDATED_MONTH)))
        .select(Col.ARTICLE_ID, Col.TERM, Col.PUBLISHED_MONTH)
        .join(articleDates.select(Col.ARTICLE_ID, Col.PUBLISHED_DATE), Col.ARTICLE_ID)
        .groupBy(Col.PUBLISHED_MONTH, Col.TERM)
        .agg(count(lit(1)).as(Col.DOCUMENT_FREQUENCY), min(Col.PUBLISHED_DATE).as(Col.FIRST_SEEN));
  }

  /**
   * {@code term, first_seen, history_document_frequency} over the whole history, from the rows of
   * {@code term_months}: a pass over one row per month and term instead of one per article and
   * term.
   */
  public static Dataset<Row> firstSeen(Dataset<Row> termMonths) {
    return termMonths
        .groupBy(Col.TERM)
        .agg(
            min(Col.FIRST_SEEN).as(Col.FIRST_SEEN),
            sum(Col.DOCUMENT_FREQUENCY).as(HISTORY_FREQUENCY));
  }
}
