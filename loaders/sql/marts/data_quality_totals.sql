-- data_quality_totals — grain: one row for the whole load: files by status, rows read / accepted / rejected
-- over loaded files, rows_warned (accepted rows with a warning, among the accepted), rejections (rejected row ×
-- broken rule records, of which data_quality_details holds at most the first 5,000) and warnings (kept row ×
-- warning records, of which data_quality_warning_details holds at most the first 5,000).
-- key: (one row)
create or replace table data_quality_totals as
with files as (
  select
    count(*) filter (where status = 'loaded') as files_loaded,
    count(*) filter (where status = 'refused') as files_refused,
    count(*) filter (where status = 'skipped') as files_skipped,
    coalesce(sum(rows_read) filter (where status = 'loaded'), 0) as rows_read,
    coalesce(sum(rows_accepted) filter (where status = 'loaded'), 0) as rows_accepted,
    coalesce(sum(rows_rejected) filter (where status = 'loaded'), 0) as rows_rejected,
    coalesce(sum(rows_warned) filter (where status = 'loaded'), 0) as rows_warned
  from load_log
),
records as (
  select
    (select count(*) from rejections) as rejections,
    (select count(*) from warnings) as warnings
)
select f.*, r.rejections, r.warnings
from files f
cross join records r;
