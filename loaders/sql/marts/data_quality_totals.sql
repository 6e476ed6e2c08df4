-- data_quality_totals — grain: one row for the whole load: files by status, rows read / accepted / rejected
-- over loaded files, and rejections (rejected row × broken rule records, of which data_quality_details holds
-- at most the first 5,000).
-- key: (one row)
create or replace table data_quality_totals as
with files as (
  select
    count(*) filter (where status = 'loaded') as files_loaded,
    count(*) filter (where status = 'refused') as files_refused,
    count(*) filter (where status = 'skipped') as files_skipped,
    coalesce(sum(rows_read) filter (where status = 'loaded'), 0) as rows_read,
    coalesce(sum(rows_accepted) filter (where status = 'loaded'), 0) as rows_accepted,
    coalesce(sum(rows_rejected) filter (where status = 'loaded'), 0) as rows_rejected
  from load_log
),
records as (
  select count(*) as rejections from rejections
)
select f.*, r.rejections
from files f
cross join records r;
