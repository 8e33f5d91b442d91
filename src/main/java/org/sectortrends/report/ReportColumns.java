package org.sectortrends.report;

import java.util.List;

/**
 * Names of the trend tables and of the columns the report reads from them, as agreed for the
 * {@code trends} job. They live here, in one place, until the trend tables are declared in
 * {@link org.sectortrends.tables.Tables}; then these constants give way to {@code Tables.Col}.
 * Column names that {@code Tables.Col} already declares are used from there.
 */
final class ReportColumns {

  private ReportColumns() {}

  static final String SECTOR_TRENDS = "sector_trends";
  static final String TOPIC_TRENDS = "topic_trends";
  static final String TERM_TRENDS = "term_trends";
  static final String COMPANY_METRICS = "company_metrics";
  static final String INVESTMENT_EVENTS = "investment_events";
  static final String SECTORS = "sectors";

  static final String PERIOD_TYPE = "period_type";
  static final String PERIOD = "period";
  static final String PERIOD_START = "period_start";
  static final String PERIOD_END = "period_end";
  static final String SECTOR_NAME = "sector_name";
  static final String ARTICLE_COUNT = "article_count";
  static final String SHARE_OF_ARTICLES = "share_of_articles";
  static final String SHARE_CHANGE_POINTS = "share_change_points";
  static final String COUNT_CHANGE_PCT = "count_change_pct";
  static final String OUTLET_COUNT = "outlet_count";
  static final String IS_PARTIAL = "is_partial";
  static final String FIGURE_COUNT = "figure_count";
  static final String INVESTMENT_KRW = "investment_krw";
  static final String INVESTMENT_EVENTS_COUNT = "investment_events";
  static final String MEDIAN_GROWTH_PCT = "median_growth_pct";
  static final String TOPIC_LABEL = "topic_label";
  static final String DOCUMENT_FREQUENCY = "document_frequency";
  static final String ARTICLE_SHARE = "article_share";
  static final String BASELINE_SHARE = "baseline_share";
  static final String LIFT = "lift";
  static final String Z_SCORE = "z_score";
  static final String IS_EMERGING = "is_emerging";
  static final String FIRST_SEEN = "first_seen";
  static final String COMPANY_ID = "company_id";
  static final String COMPANY_NAME = "company_name";
  static final String IS_FORECAST = "is_forecast";
  static final String IS_BAND = "is_band";
  static final String VALUE_MIN = "value_min";
  static final String VALUE_MAX = "value_max";
  static final String N_ARTICLES = "n_articles";
  static final String N_OUTLETS = "n_outlets";
  static final String FIRST_REPORTED_AT = "first_reported_at";
  static final String COUNTERPARTY = "counterparty";
  static final String AMOUNT = "amount";
  static final String AMOUNT_KRW = "amount_krw";
  static final String EVENT_DATE = "event_date";

  /** Columns of each trend table that the report needs; a table without them is reported as unusable. */
  static final List<String> SECTOR_TRENDS_COLUMNS = List.of(PERIOD_TYPE, PERIOD, "sector", SECTOR_NAME, ARTICLE_COUNT,
      SHARE_OF_ARTICLES, SHARE_CHANGE_POINTS, COUNT_CHANGE_PCT, OUTLET_COUNT, IS_PARTIAL, "top_terms", FIGURE_COUNT,
      INVESTMENT_KRW, INVESTMENT_EVENTS_COUNT, MEDIAN_GROWTH_PCT);
  static final List<String> TOPIC_TRENDS_COLUMNS = List.of(PERIOD_TYPE, PERIOD, "model_version", "topic_id", TOPIC_LABEL,
      "sector", ARTICLE_COUNT, SHARE_OF_ARTICLES, SHARE_CHANGE_POINTS, "top_terms");
  static final List<String> TERM_TRENDS_COLUMNS = List.of(PERIOD_TYPE, PERIOD, "term", DOCUMENT_FREQUENCY, ARTICLE_SHARE,
      BASELINE_SHARE, LIFT, Z_SCORE, IS_EMERGING, FIRST_SEEN);
  static final List<String> COMPANY_METRICS_COLUMNS = List.of(COMPANY_NAME, "sector", "metric", PERIOD_TYPE, PERIOD,
      PERIOD_END, IS_FORECAST, IS_BAND, "value", VALUE_MIN, VALUE_MAX, "unit", "value_krw", N_ARTICLES, N_OUTLETS,
      FIRST_REPORTED_AT);
  static final List<String> INVESTMENT_EVENTS_COLUMNS = List.of(COMPANY_NAME, COUNTERPARTY, AMOUNT, "unit", AMOUNT_KRW,
      EVENT_DATE, "sector", N_ARTICLES, N_OUTLETS, "sentence");
}
