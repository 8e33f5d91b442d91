-- Views over every sector-trends table for DuckDB. Generated from Tables.java by
-- org.sectortrends.tables.SqlViews: edit that class, not this file.
--
-- The output root (the jobs' --out) is the variable sector_trends_out, 'out' when unset:
--   duckdb -cmd "SET VARIABLE sector_trends_out = '/data/run'" -init sql/duckdb.sql
-- or, in a DuckDB session: SET VARIABLE sector_trends_out = 's3://bucket/run'; .read sql/duckdb.sql
-- Views are read at query time: a new run's files show up without re-running this file.
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
SELECT run_id, job, started_at, ended_at, status, input_records, output_records, duplicates, quarantined, quarantine_reasons, message, options
FROM read_parquet(getvariable('sector_trends_out') || '/tables/runs/**/*.parquet', union_by_name = true, hive_partitioning = false);

CREATE OR REPLACE VIEW figures AS
SELECT article_id, figure_index, span_start, span_end, surface, value, value_text, unit, counter, qualifier, range_high, metric, subject, period, period_text, direction, change_basis, conversion_of, value_krw, value_usd, sentence, published_date, run_id, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/figures/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});

CREATE OR REPLACE VIEW article_terms AS
SELECT article_id, term, count, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/article_terms/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});

CREATE OR REPLACE VIEW topics AS
SELECT topic_id, model_version, label, top_terms, size, sector, sector_score, state, created_at
FROM read_parquet(getvariable('sector_trends_out') || '/tables/topics/**/*.parquet', union_by_name = true, hive_partitioning = false);

CREATE OR REPLACE VIEW article_topics AS
SELECT article_id, topic_id, model_version, score, sector, sector_score, topic_sector, published_date, published_month
FROM read_parquet(getvariable('sector_trends_out') || '/tables/article_topics/**/*.parquet', union_by_name = true, hive_partitioning = true, hive_types = {'published_month': 'VARCHAR'});
