-- data_quality_periods — grain: extract × period ('—' for extracts without a period), over loaded files only:
-- files, rows read / accepted / rejected, rows_warned (accepted rows with a warning, among the accepted), and
-- reject_rate = rejected ÷ read (empty when nothing was read).
-- Monthly extracts count per month; a file-level period such as 2024-01~2024-03 stays as it is.
-- key: extract, period
create or replace table data_quality_periods as
with loaded as (
  select extract, coalesce(period, '—') as period, rows_read, rows_accepted, rows_rejected, rows_warned
  from load_log
  where status = 'loaded'
),
per_period as (
  select
    extract,
    period,
    count(*) as files,
    sum(rows_read) as rows_read,
    sum(rows_accepted) as rows_accepted,
    sum(rows_rejected) as rows_rejected,
    sum(rows_warned) as rows_warned
  from loaded
  group by extract, period
)
select
  extract,
  period,
  files,
  rows_read,
  rows_accepted,
  rows_rejected,
  rows_warned,
  rows_rejected::double / nullif(rows_read, 0) as reject_rate
from per_period
order by extract, period;
