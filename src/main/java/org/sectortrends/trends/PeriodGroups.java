package org.sectortrends.trends;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sectortrends.tables.TableSpec;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;
import org.sectortrends.trends.PeriodCalendar.Period;
import org.sectortrends.trends.PeriodCalendar.PeriodType;

/**
 * The small per-period aggregates behind {@code sector_trends} and {@code topic_trends}, and the
 * arithmetic on them in plain Java: one Spark aggregation per run ({@link #cells}) returns a row
 * per period, sector and topic ("cell") with its articles, outlets, days, figures and growth rates;
 * everything else (shares, changes against the previous period, coverage, outlet counts, medians,
 * investment sums, the term baselines) is computed on the collected cells. The definitions are
 * those of {@link GroupTrends}.
 *
 * <p>Why: the trend tables are tiny (periods × groups), while each Spark job costs seconds of
 * scheduling on a busy machine; computing every part as its own query made the job run about sixty
 * Spark jobs. The cells are few too: at most (articles × period types) and in practice periods ×
 * topics, each with the distinct outlets and days of its articles.
 *
 * <ul>
 *   <li>Every sector of the {@code sectors} table gets a row in every period with articles, with
 *       zero counts when it had none, so a sector that vanished shows as a fall.
 *   <li>{@code investment_krw} sums {@code investment_events.amount_krw} of the events dated in the
 *       period (one amount per event, however many articles report it); {@code investment_events}
 *       counts them.
 *   <li>{@code median_growth_pct}: the median of the growth rates reported in the period's articles
 *       of the sector (percent figures with a {@code *_growth} metric, not forecasts, not
 *       restatements; a fall is negative).
 *   <li>{@code topic_trends} has rows only for topics with articles in the period; its shares are
 *       of all the period's articles; its {@code sector} is the topic's sector.
 * </ul>
 *
 * <p>Known weakness: the outlets and days of a cell travel to the driver as sets, so a corpus with
 * tens of thousands of outlets makes the cells as large as that list per period and topic.
 */
public final class PeriodGroups {

  /**
   * The kind of group in {@link #groupSizes} and the top terms: a sector or a topic of a model
   * version.
   */
  public static final String SECTOR_GROUP = "sector";

  public static final String TOPIC_GROUP = "topic";

  /** Column names of the group keys shared with {@link GroupTrends#topTerms}. */
  public static final String GROUP_KIND = "group_kind";

  public static final String GROUP_KEY = "group_key";

  static final String N = "n_articles";
  static final String OUTLETS = "outlets";
  static final String DATES = "dates";
  static final String FIGURES = "figures";
  static final String GROWTH = "growth";
  static final String ARTICLE_FIGURES = "article_figures";
  static final String ARTICLE_GROWTH = "article_growth";

  /** A period with data: its bounds and totals. */
  public record PeriodStats(
      PeriodType type,
      String label,
      LocalDate start,
      LocalDate end,
      long articles,
      int daysWithData,
      boolean partial) {
    double coverage() {
      return (double) daysWithData
          / (double) (java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1);
    }
  }

  private record Cell(
      String type,
      String period,
      String sector,
      String modelVersion,
      Integer topicId,
      long articles,
      List<String> outlets,
      List<Date> dates,
      long figures,
      List<Double> growth) {}

  private final List<Cell> cells;
  private final Map<String, PeriodStats> stats = new LinkedHashMap<>();

  private PeriodGroups(List<Cell> cells, Map<String, PeriodStats> stats) {
    this.cells = cells;
    this.stats.putAll(stats);
  }

  /**
   * {@link #articleRows} once per period type: per article and period type, the article's period,
   * sector, topic, number of figures and reported growth rates.
   */
  public static Dataset<Row> articlePeriods(
      Dataset<Row> articleRows, Collection<PeriodType> types) {
    return TrendColumns.withPeriods(articleRows, types, Col.PUBLISHED_DATE);
  }

  /**
   * One row per article: its outlet, date, sector, topic, number of figures and reported growth
   * rates. {@code articles} is {@code article_id, outlet, published_date}; {@code articleTopics} is
   * {@code article_id, topic_id, model_version, sector}; {@code figures} has the {@code figures}
   * columns. Articles without a topic row are in the sector {@value GroupTrends#UNASSIGNED}.
   */
  public static Dataset<Row> articleRows(
      Dataset<Row> articles, Dataset<Row> articleTopics, Dataset<Row> figures) {
    Column growth =
        when(
                col(Col.DIRECTION).equalTo("down").and(col(Col.VALUE).gt(0)),
                col(Col.VALUE).multiply(-1))
            .otherwise(col(Col.VALUE))
            .cast("double");
    Column isGrowth =
        col(Col.UNIT)
            .equalTo("percent")
            .and(col(Col.METRIC).endsWith("_growth"))
            .and(col(Col.CONVERSION_OF).isNull())
            .and(org.apache.spark.sql.functions.not(coalesce(col(Col.IS_FORECAST), lit(false))))
            .and(col(Col.VALUE).isNotNull());
    Dataset<Row> perArticle =
        figures
            .groupBy(Col.ARTICLE_ID)
            .agg(
                count(when(col(Col.CONVERSION_OF).isNull(), lit(1))).as(ARTICLE_FIGURES),
                collect_list(when(isGrowth, growth)).as(ARTICLE_GROWTH));
    Dataset<Row> joined =
        articles
            .select(Col.ARTICLE_ID, Col.OUTLET, Col.PUBLISHED_DATE)
            .join(
                articleTopics.select(Col.ARTICLE_ID, Col.TOPIC_ID, Col.MODEL_VERSION, Col.SECTOR),
                GroupTrends.scala(List.of(Col.ARTICLE_ID)),
                "left")
            .withColumn(Col.SECTOR, coalesce(col(Col.SECTOR), lit(GroupTrends.UNASSIGNED)))
            .join(perArticle, GroupTrends.scala(List.of(Col.ARTICLE_ID)), "left");
    return joined;
  }

  /** The cells of {@link #articlePeriods}: one row per period, sector, model version and topic. */
  public static Dataset<Row> cells(Dataset<Row> articlePeriods) {
    return articlePeriods
        .groupBy(Col.PERIOD_TYPE, Col.PERIOD, Col.SECTOR, Col.MODEL_VERSION, Col.TOPIC_ID)
        .agg(
            count(lit(1)).as(N),
            collect_set(Col.OUTLET).as(OUTLETS),
            collect_set(Col.PUBLISHED_DATE).as(DATES),
            sum(coalesce(col(ARTICLE_FIGURES), lit(0L))).as(FIGURES),
            flatten(collect_list(coalesce(col(ARTICLE_GROWTH), array().cast("array<double>"))))
                .as(GROWTH));
  }

  /**
   * The collected cells; {@code first} and {@code last} are the data's first and last publication
   * dates.
   */
  public static PeriodGroups of(List<Row> rows, LocalDate first, LocalDate last) {
    List<Cell> cells = new ArrayList<>();
    Map<String, long[]> totals = new TreeMap<>();
    Map<String, Set<Date>> days = new HashMap<>();
    for (Row r : rows) {
      Cell cell =
          new Cell(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getString(3),
              r.isNullAt(4) ? null : r.getInt(4),
              r.getLong(5),
              r.getList(6),
              r.getList(7),
              r.getLong(8),
              r.getList(9));
      cells.add(cell);
      String key = key(cell.type(), cell.period());
      totals.computeIfAbsent(key, k -> new long[1])[0] += cell.articles();
      days.computeIfAbsent(key, k -> new HashSet<>()).addAll(cell.dates());
    }
    Map<String, PeriodStats> stats = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : totals.entrySet()) {
      String[] parts = e.getKey().split("/", 2);
      PeriodType type = PeriodType.of(parts[0]);
      Period p = PeriodCalendar.parse(type, parts[1]);
      stats.put(
          e.getKey(),
          new PeriodStats(
              type,
              p.label(),
              p.start(),
              p.end(),
              e.getValue()[0],
              days.get(e.getKey()).size(),
              p.start().isBefore(first) || p.end().isAfter(last)));
    }
    return new PeriodGroups(cells, stats);
  }

  private static String key(String type, String period) {
    return type + "/" + period;
  }

  /** The outlets of the articles, lowercased (terms are lowercase). */
  public Set<String> outlets() {
    Set<String> outlets = new TreeSet<>();
    cells.forEach(c -> c.outlets().forEach(o -> outlets.add(o.toLowerCase(java.util.Locale.ROOT))));
    return outlets;
  }

  /** The periods with data. */
  public Collection<PeriodStats> periods() {
    return stats.values();
  }

  /** Accumulates the articles, outlets, figures and growth rates of a group in a period. */
  private static final class Group {
    long articles;
    final Set<String> outlets = new HashSet<>();
    long figures;
    final List<Double> growth = new ArrayList<>();

    void add(Cell cell) {
      articles += cell.articles();
      outlets.addAll(cell.outlets());
      figures += cell.figures();
      growth.addAll(cell.growth());
    }
  }

  /**
   * The rows of {@code sector_trends}: every sector of {@code sectorNames} and every sector with
   * articles, in every period with data. {@code topTerms} maps {@link #topTermsKey} to the
   * comma-joined terms; {@code events} are {@code investment_events} rows.
   */
  public List<Row> sectorRows(
      Map<String, String> sectorNames,
      Map<String, String> topTerms,
      List<Row> events,
      String runId) {
    Set<String> sectors = new TreeSet<>(sectorNames.keySet());
    Map<String, Group> groups = new HashMap<>();
    for (Cell cell : cells) {
      sectors.add(cell.sector());
      groups
          .computeIfAbsent(key(cell.type(), cell.period()) + "/" + cell.sector(), k -> new Group())
          .add(cell);
    }
    Map<String, BigDecimal> investment = new HashMap<>();
    Map<String, Long> investmentEvents = new HashMap<>();
    StructType eventSchema = Tables.INVESTMENT_EVENTS_TABLE.schema();
    int dateField = eventSchema.fieldIndex(Col.EVENT_DATE);
    int sectorField = eventSchema.fieldIndex(Col.SECTOR);
    int amountField = eventSchema.fieldIndex(Col.AMOUNT_KRW);
    Set<PeriodType> types = new TreeSet<>();
    stats.values().forEach(p -> types.add(p.type()));
    for (Row event : events) {
      if (event.isNullAt(sectorField) || event.isNullAt(dateField)) {
        continue;
      }
      for (PeriodType type : types) {
        Period p = PeriodCalendar.of(type, event.getDate(dateField).toLocalDate());
        if (stats.containsKey(key(type.id(), p.label()))) {
          String k = key(type.id(), p.label()) + "/" + event.getString(sectorField);
          investmentEvents.merge(k, 1L, Long::sum);
          if (!event.isNullAt(amountField)) {
            investment.merge(k, event.getDecimal(amountField), BigDecimal::add);
          }
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (PeriodStats p : stats.values()) {
      PeriodStats previous =
          stats.get(
              key(
                  p.type().id(),
                  PeriodCalendar.previous(PeriodCalendar.parse(p.type(), p.label())).label()));
      for (String sector : sectors) {
        String k = key(p.type().id(), p.label()) + "/" + sector;
        Group g = groups.getOrDefault(k, new Group());
        Map<String, Object> v = periodValues(p, g, runId);
        double share = (double) g.articles / (double) p.articles();
        v.put(Col.SECTOR, sector);
        v.put(Col.SECTOR_NAME, sectorNames.get(sector));
        v.put(Col.SHARE_OF_ARTICLES, share);
        v.put(Col.DAYS_WITH_DATA, p.daysWithData());
        if (previous != null) {
          Group before =
              groups.getOrDefault(
                  key(previous.type().id(), previous.label()) + "/" + sector, new Group());
          double previousShare = (double) before.articles / (double) previous.articles();
          v.put(Col.SHARE_CHANGE_POINTS, (share - previousShare) * 100.0);
          v.put(Col.COUNT_CHANGE_PCT, countChange(g.articles, before.articles));
        }
        v.put(
            Col.TOP_TERMS,
            topTerms.get(topTermsKey(p.type().id(), p.label(), SECTOR_GROUP, sector)));
        v.put(Col.INVESTMENT_KRW, investment.getOrDefault(k, BigDecimal.ZERO).setScale(6));
        v.put(Col.INVESTMENT_EVENTS, investmentEvents.getOrDefault(k, 0L));
        v.put(Col.MEDIAN_GROWTH_PCT, median(g.growth));
        rows.add(row(Tables.SECTOR_TRENDS, v));
      }
    }
    return rows;
  }

  /**
   * The rows of {@code topic_trends}: every topic with articles in a period. {@code topics} maps
   * {@link #topicKey} to the topic's label and sector.
   */
  public List<Row> topicRows(
      Map<String, String[]> topics, Map<String, String> topTerms, String runId) {
    Map<String, Group> groups = new LinkedHashMap<>();
    Map<String, Cell> examples = new HashMap<>();
    for (Cell cell : cells) {
      if (cell.topicId() == null) {
        continue;
      }
      String k =
          key(cell.type(), cell.period()) + "/" + topicKey(cell.modelVersion(), cell.topicId());
      groups.computeIfAbsent(k, x -> new Group()).add(cell);
      examples.putIfAbsent(k, cell);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      Cell cell = examples.get(e.getKey());
      PeriodStats p = stats.get(key(cell.type(), cell.period()));
      PeriodStats previous =
          stats.get(
              key(
                  p.type().id(),
                  PeriodCalendar.previous(PeriodCalendar.parse(p.type(), p.label())).label()));
      String topic = topicKey(cell.modelVersion(), cell.topicId());
      Group g = e.getValue();
      Map<String, Object> v = periodValues(p, g, runId);
      double share = (double) g.articles / (double) p.articles();
      v.put(Col.MODEL_VERSION, cell.modelVersion());
      v.put(Col.TOPIC_ID, cell.topicId());
      String[] described = topics.get(topic);
      v.put(Col.TOPIC_LABEL, described == null ? null : described[0]);
      v.put(Col.SECTOR, described == null ? null : described[1]);
      v.put(Col.SHARE_OF_ARTICLES, share);
      if (previous != null) {
        Group before = groups.get(key(previous.type().id(), previous.label()) + "/" + topic);
        double previousShare =
            before == null ? 0.0 : (double) before.articles / (double) previous.articles();
        v.put(Col.SHARE_CHANGE_POINTS, (share - previousShare) * 100.0);
        v.put(
            Col.COUNT_CHANGE_PCT, before == null ? null : countChange(g.articles, before.articles));
      }
      v.put(Col.TOP_TERMS, topTerms.get(topTermsKey(p.type().id(), p.label(), TOPIC_GROUP, topic)));
      rows.add(row(Tables.TOPIC_TRENDS, v));
    }
    return rows;
  }

  private static Map<String, Object> periodValues(PeriodStats p, Group g, String runId) {
    Map<String, Object> v = new HashMap<>();
    v.put(Col.PERIOD_TYPE, p.type().id());
    v.put(Col.PERIOD, p.label());
    v.put(Col.PERIOD_START, Date.valueOf(p.start()));
    v.put(Col.PERIOD_END, Date.valueOf(p.end()));
    v.put(Col.ARTICLE_COUNT, g.articles);
    v.put(Col.OUTLET_COUNT, (long) g.outlets.size());
    v.put(Col.COVERAGE, p.coverage());
    v.put(Col.IS_PARTIAL, p.partial());
    v.put(Col.FIGURE_COUNT, g.figures);
    v.put(Col.RUN_ID, runId);
    return v;
  }

  private static Double countChange(long count, long previous) {
    return previous > 0 ? (double) (count - previous) * 100.0 / previous : null;
  }

  /**
   * The median as Spark's exact {@code percentile(x, 0.5)} computes it (linear interpolation
   * between the two middle values of an even count); null without values.
   */
  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    double position = (sorted.size() - 1) * 0.5;
    long lower = (long) Math.floor(position);
    long higher = (long) Math.ceil(position);
    double low = sorted.get((int) lower);
    if (higher == lower) {
      return low;
    }
    double high = sorted.get((int) higher);
    if (high == low) {
      return low;
    }
    return (higher - position) * low + (position - lower) * high;
  }

  /** The key of a topic in {@link #topicRows} and in the top terms: model version and topic id. */
  public static String topicKey(String modelVersion, int topicId) {
    return modelVersion + "\t" + topicId;
  }

  /** The key of a group's top terms. */
  public static String topTermsKey(String type, String period, String kind, String group) {
    return type + "/" + period + "/" + kind + "/" + group;
  }

  /**
   * Articles per period and group ({@code period_type, period, group_kind, group_key, n_group}) and
   * per period type and kind ({@code period_type, group_kind, n_all}): the sizes the keyness of the
   * top terms divides by. Topic groups count the articles with a topic only.
   */
  public List<Dataset<Row>> groupSizes(SparkSession spark) {
    Map<String, Long> groups = new TreeMap<>();
    Map<String, Long> kinds = new TreeMap<>();
    for (Cell cell : cells) {
      groups.merge(
          String.join("\u0001", cell.type(), cell.period(), SECTOR_GROUP, cell.sector()),
          cell.articles(),
          Long::sum);
      kinds.merge(String.join("\u0001", cell.type(), SECTOR_GROUP), cell.articles(), Long::sum);
      if (cell.topicId() != null) {
        groups.merge(
            String.join(
                "\u0001",
                cell.type(),
                cell.period(),
                TOPIC_GROUP,
                topicKey(cell.modelVersion(), cell.topicId())),
            cell.articles(),
            Long::sum);
        kinds.merge(String.join("\u0001", cell.type(), TOPIC_GROUP), cell.articles(), Long::sum);
      }
    }
    List<Row> groupRows = new ArrayList<>();
    groups.forEach(
        (k, n) -> {
          String[] p = k.split("\u0001", -1);
          groupRows.add(RowFactory.create(p[0], p[1], p[2], p[3], n));
        });
    List<Row> kindRows = new ArrayList<>();
    kinds.forEach(
        (k, n) -> {
          String[] p = k.split("\u0001", -1);
          kindRows.add(RowFactory.create(p[0], p[1], n));
        });
    return List.of(
        spark.createDataFrame(
            groupRows,
            schema(List.of(Col.PERIOD_TYPE, Col.PERIOD, GROUP_KIND, GROUP_KEY), "n_group")),
        spark.createDataFrame(kindRows, schema(List.of(Col.PERIOD_TYPE, GROUP_KIND), "n_all")));
  }

  private static StructType schema(List<String> strings, String count) {
    List<StructField> fields = new ArrayList<>();
    strings.forEach(s -> fields.add(DataTypes.createStructField(s, DataTypes.StringType, false)));
    fields.add(DataTypes.createStructField(count, DataTypes.LongType, false));
    return DataTypes.createStructType(fields);
  }

  /** A row of the table from named values; absent names are null. */
  public static Row row(TableSpec table, Map<String, Object> values) {
    StructField[] fields = table.schema().fields();
    Object[] cells = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      cells[i] = values.get(fields[i].name());
    }
    return RowFactory.create(cells);
  }
}
