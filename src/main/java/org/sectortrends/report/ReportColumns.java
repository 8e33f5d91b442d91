package org.sectortrends.report;

import java.util.List;
import org.sectortrends.tables.Tables;
import org.sectortrends.tables.Tables.Col;

/**
 * The trend tables and the columns of them that the report reads, by their declarations in {@link
 * Tables}: short names for the report's queries, and for each table the columns without which its
 * section is reported as unusable.
 */
final class ReportColumns {

  private ReportColumns() {}

  static final String SECTOR_TRENDS = Tables.SECTOR_TRENDS.name();
  static final String TOPIC_TRENDS = Tables.TOPIC_TRENDS.name();
  static final String TERM_TRENDS = Tables.TERM_TRENDS.name();
  static final String COMPANY_METRICS = Tables.COMPANY_METRICS.name();
  static final String INVESTMENT_EVENTS = Tables.INVESTMENT_EVENTS_TABLE.name();
  static final String SECTORS = Tables.SECTORS.name();

  static final String PERIOD_TYPE = Col.PERIOD_TYPE;
  static final String PERIOD = Col.PERIOD;
  static final String PERIOD_START = Col.PERIOD_START;
  static final String PERIOD_END = Col.PERIOD_END;
  static final String SECTOR_NAME = Col.SECTOR_NAME;
  static final String ARTICLE_COUNT = Col.ARTICLE_COUNT;
  static final String SHARE_OF_ARTICLES = Col.SHARE_OF_ARTICLES;
  static final String SHARE_CHANGE_POINTS = Col.SHARE_CHANGE_POINTS;
  static final String COUNT_CHANGE_PCT = Col.COUNT_CHANGE_PCT;
  static final String OUTLET_COUNT = Col.OUTLET_COUNT;
  static final String IS_PARTIAL = Col.IS_PARTIAL;
  static final String FIGURE_COUNT = Col.FIGURE_COUNT;
  static final String INVESTMENT_KRW = Col.INVESTMENT_KRW;
  static final String INVESTMENT_EVENTS_COUNT = Col.INVESTMENT_EVENTS;
  static final String MEDIAN_GROWTH_PCT = Col.MEDIAN_GROWTH_PCT;
  static final String TOPIC_LABEL = Col.TOPIC_LABEL;
  static final String DOCUMENT_FREQUENCY = Col.DOCUMENT_FREQUENCY;
  static final String ARTICLE_SHARE = Col.ARTICLE_SHARE;
  static final String BASELINE_SHARE = Col.BASELINE_SHARE;
  static final String LIFT = Col.LIFT;
  static final String Z_SCORE = Col.Z_SCORE;
  static final String IS_EMERGING = Col.IS_EMERGING;
  static final String FIRST_SEEN = Col.FIRST_SEEN;
  static final String COMPANY_ID = Col.COMPANY_ID;
  static final String COMPANY_NAME = Col.COMPANY_NAME;
  static final String IS_FORECAST = Col.IS_FORECAST;
  static final String IS_BAND = Col.IS_BAND;
  static final String VALUE_MIN = Col.VALUE_MIN;
  static final String VALUE_MAX = Col.VALUE_MAX;
  static final String N_ARTICLES = Col.N_ARTICLES;
  static final String N_OUTLETS = Col.N_OUTLETS;
  static final String FIRST_REPORTED_AT = Col.FIRST_REPORTED_AT;
  static final String COUNTERPARTY = Col.COUNTERPARTY;
  static final String AMOUNT = Col.AMOUNT;
  static final String AMOUNT_KRW = Col.AMOUNT_KRW;
  static final String EVENT_DATE = Col.EVENT_DATE;

  /**
   * Columns of each trend table that the report needs; a table without them is reported as
   * unusable.
   */
  static final List<String> SECTOR_TRENDS_COLUMNS =
      List.of(
          PERIOD_TYPE,
          PERIOD,
          Col.SECTOR,
          SECTOR_NAME,
          ARTICLE_COUNT,
          SHARE_OF_ARTICLES,
          SHARE_CHANGE_POINTS,
          COUNT_CHANGE_PCT,
          OUTLET_COUNT,
          IS_PARTIAL,
          Col.TOP_TERMS,
          FIGURE_COUNT,
          INVESTMENT_KRW,
          INVESTMENT_EVENTS_COUNT,
          MEDIAN_GROWTH_PCT);

  static final List<String> TOPIC_TRENDS_COLUMNS =
      List.of(
          PERIOD_TYPE,
          PERIOD,
          Col.MODEL_VERSION,
          Col.TOPIC_ID,
          TOPIC_LABEL,
          Col.SECTOR,
          ARTICLE_COUNT,
          SHARE_OF_ARTICLES,
          SHARE_CHANGE_POINTS,
          Col.TOP_TERMS);
  static final List<String> TERM_TRENDS_COLUMNS =
      List.of(
          PERIOD_TYPE,
          PERIOD,
          Col.TERM,
          DOCUMENT_FREQUENCY,
          ARTICLE_SHARE,
          BASELINE_SHARE,
          LIFT,
          Z_SCORE,
          IS_EMERGING,
          FIRST_SEEN);
  static final List<String> COMPANY_METRICS_COLUMNS =
      List.of(
          Col.COMPANY_ID,
          COMPANY_NAME,
          Col.SECTOR,
          Col.METRIC,
          PERIOD_TYPE,
          PERIOD,
          PERIOD_END,
          IS_FORECAST,
          IS_BAND,
          Col.VALUE,
          VALUE_MIN,
          VALUE_MAX,
          Col.UNIT,
          Col.VALUE_KRW,
          N_ARTICLES,
          N_OUTLETS,
          FIRST_REPORTED_AT);
  static final List<String> INVESTMENT_EVENTS_COLUMNS =
      List.of(
          COMPANY_NAME,
          COUNTERPARTY,
          AMOUNT,
          Col.UNIT,
          AMOUNT_KRW,
          EVENT_DATE,
          Col.SECTOR,
          N_ARTICLES,
          N_OUTLETS,
          Col.SENTENCE);
}
