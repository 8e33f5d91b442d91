-- External tables over every sector-trends table for Trino (Hive connector). Generated from
-- Tables.java by org.sectortrends.tables.SqlViews: edit that class, not this file.
--
-- Replace @OUT@ by the output root (the jobs' --out) and, if needed, the catalog 'hive' and
-- schema 'sector_trends', then run it:
--   sed 's|@OUT@|s3a://bucket/run|g' sql/trino.sql | trino --catalog hive
-- After a run adds months, run the CALL lines again to register the new partitions.
-- Replace tables (topics, sectors, companies) are versioned: their location is the version
-- directory that DIR/tables/<table>/_current names; after each run, drop and create them
-- again with @CURRENT_<table>@ replaced by that file's content.
CREATE SCHEMA IF NOT EXISTS hive.sector_trends;

CREATE TABLE IF NOT EXISTS hive.sector_trends.articles (
  article_id varchar,
  source_id varchar,
  url varchar,
  outlet varchar,
  reporter varchar,
  title varchar,
  body varchar,
  section varchar,
  published_at timestamp(3),
  published_date date,
  date_source varchar,
  char_count integer,
  content_hash varchar,
  input_file varchar,
  input_line bigint,
  ingested_at timestamp(3),
  run_id varchar,
  published_month varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/articles',
  partitioned_by = ARRAY['published_month']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'articles', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.duplicates (
  article_id varchar,
  source_id varchar,
  url varchar,
  outlet varchar,
  reporter varchar,
  title varchar,
  body varchar,
  section varchar,
  published_at timestamp(3),
  published_date date,
  date_source varchar,
  char_count integer,
  content_hash varchar,
  input_file varchar,
  input_line bigint,
  ingested_at timestamp(3),
  run_id varchar,
  duplicate_of varchar,
  duplicate_kind varchar,
  similarity double,
  published_month varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/duplicates',
  partitioned_by = ARRAY['published_month']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'duplicates', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.quarantine (
  input_file varchar,
  input_line bigint,
  input_offset bigint,
  source_id varchar,
  reason varchar,
  message varchar,
  raw_payload varchar,
  raw_bytes varbinary,
  quarantined_at timestamp(3),
  run_id varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/quarantine',
  partitioned_by = ARRAY['run_id']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'quarantine', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.runs (
  run_id varchar,
  job varchar,
  started_at timestamp(3),
  ended_at timestamp(3),
  status varchar,
  input_records bigint,
  output_records bigint,
  duplicates bigint,
  quarantined bigint,
  quarantine_reasons varchar,
  message varchar,
  options varchar,
  months_touched varchar,
  new_articles bigint,
  errors bigint
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/runs'
);

CREATE TABLE IF NOT EXISTS hive.sector_trends.figures (
  article_id varchar,
  figure_index integer,
  span_start integer,
  span_end integer,
  surface varchar,
  value decimal(38, 6),
  value_text varchar,
  unit varchar,
  counter varchar,
  qualifier varchar,
  range_high decimal(38, 6),
  metric varchar,
  subject varchar,
  company_id varchar,
  period varchar,
  period_text varchar,
  direction varchar,
  change_basis varchar,
  conversion_of integer,
  value_krw decimal(38, 6),
  value_usd decimal(38, 6),
  sentence varchar,
  is_forecast boolean,
  is_band boolean,
  published_date date,
  run_id varchar,
  published_month varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/figures',
  partitioned_by = ARRAY['published_month']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'figures', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.article_terms (
  article_id varchar,
  term varchar,
  count integer,
  published_month varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/article_terms',
  partitioned_by = ARRAY['published_month']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'article_terms', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.topics (
  topic_id integer,
  model_version varchar,
  label varchar,
  top_terms varchar,
  size bigint,
  sector varchar,
  sector_score double,
  state varchar,
  created_at timestamp(3)
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/topics/@CURRENT_topics@'
);

CREATE TABLE IF NOT EXISTS hive.sector_trends.article_topics (
  article_id varchar,
  topic_id integer,
  model_version varchar,
  score double,
  sector varchar,
  sector_score double,
  topic_sector varchar,
  published_date date,
  published_month varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/article_topics',
  partitioned_by = ARRAY['published_month']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'article_topics', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.errors (
  article_id varchar,
  message varchar,
  stack_trace varchar,
  input_excerpt varchar,
  run_id varchar,
  failed_at timestamp(3),
  stage varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/errors',
  partitioned_by = ARRAY['stage']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'errors', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.sectors (
  sector_id varchar,
  name_ko varchar,
  name_en varchar,
  keywords varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/sectors/@CURRENT_sectors@'
);

CREATE TABLE IF NOT EXISTS hive.sector_trends.companies (
  company_id varchar,
  name_ko varchar,
  name_en varchar,
  sector_id varchar,
  kind varchar,
  aliases varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/companies/@CURRENT_companies@'
);

CREATE TABLE IF NOT EXISTS hive.sector_trends.sector_trends (
  period_start date,
  period_end date,
  sector varchar,
  sector_name varchar,
  article_count bigint,
  share_of_articles double,
  share_change_points double,
  count_change_pct double,
  outlet_count bigint,
  days_with_data integer,
  coverage double,
  is_partial boolean,
  top_terms varchar,
  figure_count bigint,
  investment_krw decimal(38, 6),
  investment_events bigint,
  median_growth_pct double,
  run_id varchar,
  period varchar,
  period_type varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/sector_trends',
  partitioned_by = ARRAY['period_type']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'sector_trends', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.topic_trends (
  period_start date,
  period_end date,
  model_version varchar,
  topic_id integer,
  topic_label varchar,
  sector varchar,
  article_count bigint,
  share_of_articles double,
  share_change_points double,
  count_change_pct double,
  outlet_count bigint,
  coverage double,
  is_partial boolean,
  top_terms varchar,
  figure_count bigint,
  run_id varchar,
  period varchar,
  period_type varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/topic_trends',
  partitioned_by = ARRAY['period_type']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'topic_trends', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.term_trends (
  period_start date,
  period_end date,
  term varchar,
  document_frequency bigint,
  article_share double,
  baseline_share double,
  baseline_periods integer,
  lift double,
  z_score double,
  is_emerging boolean,
  first_seen date,
  run_id varchar,
  period varchar,
  period_type varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/term_trends',
  partitioned_by = ARRAY['period_type']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'term_trends', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.company_metrics (
  company_id varchar,
  company_name varchar,
  sector varchar,
  metric varchar,
  period_start date,
  period_end date,
  is_forecast boolean,
  is_band boolean,
  value decimal(38, 6),
  value_min decimal(38, 6),
  value_max decimal(38, 6),
  unit varchar,
  value_krw decimal(38, 6),
  value_usd decimal(38, 6),
  n_reports bigint,
  n_articles bigint,
  n_outlets bigint,
  first_reported_at timestamp(3),
  evidence_article_ids varchar,
  run_id varchar,
  period varchar,
  period_type varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/company_metrics',
  partitioned_by = ARRAY['period_type']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'company_metrics', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.investment_events (
  event_id varchar,
  company_id varchar,
  company_name varchar,
  counterparty varchar,
  amount decimal(38, 6),
  unit varchar,
  amount_krw decimal(38, 6),
  amount_usd decimal(38, 6),
  event_date date,
  sector varchar,
  n_articles bigint,
  n_outlets bigint,
  evidence_article_ids varchar,
  sentence varchar,
  run_id varchar,
  period varchar,
  period_type varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/investment_events',
  partitioned_by = ARRAY['period_type']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'investment_events', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.dedup_keys (
  article_id varchar,
  band integer,
  band_key bigint,
  band_plan varchar,
  published_month varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/dedup_keys',
  partitioned_by = ARRAY['published_month']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'dedup_keys', 'FULL');

CREATE TABLE IF NOT EXISTS hive.sector_trends.term_months (
  term varchar,
  document_frequency bigint,
  first_seen date,
  published_month varchar
) WITH (
  format = 'PARQUET',
  external_location = '@OUT@/tables/term_months',
  partitioned_by = ARRAY['published_month']
);
CALL hive.system.sync_partition_metadata('sector_trends', 'term_months', 'FULL');
