-- data_quality_files — grain: load_log entry (file × sheet × load attempt): what became of each file the
-- loader saw (loaded, refused with the reason, or skipped as already loaded), with its row accounting
-- (rows_read = rows_accepted + rows_rejected; rows_warned, accepted rows with a warning, are among the accepted).
-- loaded_at is text 'YYYY-MM-DD HH:MM' as the page shows it.
-- key: file, sheet?
create or replace table data_quality_files as
with log as (
  select file, sheet, extract, period, status, rows_read, rows_accepted, rows_rejected, rows_warned, message, loaded_at
  from load_log
)
select
  file,
  sheet,
  extract,
  period,
  status,
  rows_read,
  rows_accepted,
  rows_rejected,
  rows_warned,
  message,
  strftime(loaded_at, '%Y-%m-%d %H:%M') as loaded_at
from log
order by status = 'loaded', extract, file, sheet;
