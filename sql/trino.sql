-- External tables over every sector-trends table for Trino (Hive connector). Generated from
-- Tables.java by org.sectortrends.tables.SqlViews: edit that class, not this file.
--
-- Replace @OUT@ by the output root (the jobs' --out) and, if needed, the catalog 'hive' and
-- schema 'sector_trends', then run it:
--   sed 's|@OUT@|s3a://bucket/run|g' sql/trino.sql | trino --catalog hive
-- After a run adds months, run the CALL lines again to register the new partitions.
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
  options varchar
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
  period varchar,
  period_text varchar,
  direction varchar,
  change_basis varchar,
  conversion_of integer,
  value_krw decimal(38, 6),
  value_usd decimal(38, 6),
  sentence varchar,
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
  external_location = '@OUT@/tables/topics'
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
