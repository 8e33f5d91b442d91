-- Views over every sector-trends table for DuckDB. Generated from Tables.java by
-- org.sectortrends.tables.SqlViews: edit that class, not this file.
--
-- The output root (the jobs' --out) is the variable sector_trends_out, 'out' when unset:
--   duckdb -cmd "SET VARIABLE sector_trends_out = '/data/run'" -init sql/duckdb.sql
-- or, in a DuckDB session: SET VARIABLE sector_trends_out = 's3://bucket/run'; .read sql/duckdb.sql
-- Views are read at query time: a new run's files show up without re-running this file.
-- A view whose table has no files yet (e.g. errors, before any article failed) cannot be
-- created: DuckDB reports it and goes on with the next; read the file again once it exists.
SET VARIABLE sector_trends_out = coalesce(getvariable('sector_trends_out'), 'out');

CREATE OR REPLACE VIEW articles AS
SELECT article_id, source_id, url, outlet, reporter, title, body, section, published_at, published_date, date_source, char_count, content_hash, input_file, input_line, ingested_at, run_id, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/articles/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});

CREATE OR REPLACE VIEW duplicates AS
SELECT article_id, source_id, url, outlet, reporter, title, body, section, published_at, published_date, date_source, char_count, content_hash, input_file, input_line, ingested_at, run_id, duplicate_of, duplicate_kind, similarity, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/duplicates/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});

CREATE OR REPLACE VIEW quarantine AS
SELECT input_file, input_line, input_offset, source_id, reason, message, raw_payload, raw_bytes, quarantined_at, run_id
FROM read_parquet(getvariable('sector_trends_out') || '/tables/quarantine/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'run_id': 'VARCHAR'});

CREATE OR REPLACE VIEW runs AS
SELECT run_id, job, started_at, ended_at, status, input_records, output_records, duplicates, quarantined, quarantine_reasons, message, options, months_touched, new_articles, errors
FROM read_parquet(getvariable('sector_trends_out') || '/tables/runs/**/*.parquet', union_by_name = true, hive_partitioning = false);

CREATE OR REPLACE VIEW figures AS
SELECT article_id, figure_index, span_start, span_end, surface, value, value_text, unit, counter, qualifier, range_high, metric, subject, company_id, period, period_text, direction, change_basis, conversion_of, value_krw, value_usd, sentence, is_forecast, is_band, published_date, run_id, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/figures/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});

CREATE OR REPLACE VIEW article_terms AS
SELECT article_id, term, count, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/article_terms/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});

CREATE OR REPLACE VIEW topics AS
SELECT topic_id, model_version, label, top_terms, size, sector, sector_score, state, created_at
FROM read_parquet(getvariable('sector_trends_out') || '/tables/topics/v-*/*.parquet', union_by_name = true, hive_partitioning = false, filename = true)
WHERE filename LIKE '%/' || (SELECT content FROM read_text(getvariable('sector_trends_out') || '/tables/topics/_current')) || '/%';

CREATE OR REPLACE VIEW article_topics AS
SELECT article_id, topic_id, model_version, score, sector, sector_score, topic_sector, published_date, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/article_topics/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});

CREATE OR REPLACE VIEW errors AS
SELECT article_id, message, stack_trace, input_excerpt, run_id, failed_at, stage
FROM read_parquet(getvariable('sector_trends_out') || '/tables/errors/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'stage': 'VARCHAR'});

CREATE OR REPLACE VIEW sectors AS
SELECT sector_id, name_ko, name_en, keywords
FROM read_parquet(getvariable('sector_trends_out') || '/tables/sectors/v-*/*.parquet', union_by_name = true, hive_partitioning = false, filename = true)
WHERE filename LIKE '%/' || (SELECT content FROM read_text(getvariable('sector_trends_out') || '/tables/sectors/_current')) || '/%';

CREATE OR REPLACE VIEW companies AS
SELECT company_id, name_ko, name_en, sector_id, kind, aliases
FROM read_parquet(getvariable('sector_trends_out') || '/tables/companies/v-*/*.parquet', union_by_name = true, hive_partitioning = false, filename = true)
WHERE filename LIKE '%/' || (SELECT content FROM read_text(getvariable('sector_trends_out') || '/tables/companies/_current')) || '/%';

CREATE OR REPLACE VIEW sector_trends AS
SELECT period_start, period_end, sector, sector_name, article_count, share_of_articles, share_change_points, count_change_pct, outlet_count, days_with_data, coverage, is_partial, top_terms, figure_count, investment_krw, investment_events, median_growth_pct, run_id, period, period_type
FROM read_parquet(getvariable('sector_trends_out') || '/tables/sector_trends/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'period_type': 'VARCHAR'});

CREATE OR REPLACE VIEW topic_trends AS
SELECT period_start, period_end, model_version, topic_id, topic_label, sector, article_count, share_of_articles, share_change_points, count_change_pct, outlet_count, coverage, is_partial, top_terms, figure_count, run_id, period, period_type
FROM read_parquet(getvariable('sector_trends_out') || '/tables/topic_trends/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'period_type': 'VARCHAR'});

CREATE OR REPLACE VIEW term_trends AS
SELECT period_start, period_end, term, document_frequency, article_share, baseline_share, baseline_periods, lift, z_score, is_emerging, first_seen, run_id, period, period_type
FROM read_parquet(getvariable('sector_trends_out') || '/tables/term_trends/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'period_type': 'VARCHAR'});

CREATE OR REPLACE VIEW company_metrics AS
SELECT company_id, company_name, sector, metric, period_start, period_end, is_forecast, is_band, value, value_min, value_max, unit, value_krw, value_usd, n_reports, n_articles, n_outlets, first_reported_at, evidence_article_ids, run_id, period, period_type
FROM read_parquet(getvariable('sector_trends_out') || '/tables/company_metrics/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'period_type': 'VARCHAR'});

CREATE OR REPLACE VIEW investment_events AS
SELECT event_id, company_id, company_name, counterparty, amount, unit, amount_krw, amount_usd, event_date, sector, n_articles, n_outlets, evidence_article_ids, sentence, run_id, period, period_type
FROM read_parquet(getvariable('sector_trends_out') || '/tables/investment_events/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'period_type': 'VARCHAR'});

CREATE OR REPLACE VIEW dedup_keys AS
SELECT article_id, band, band_key, band_plan, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/dedup_keys/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});

CREATE OR REPLACE VIEW term_months AS
SELECT term, document_frequency, first_seen, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/term_months/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});
