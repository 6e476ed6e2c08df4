-- periods — grain: period that has data (household snapshots or loan ledgers).
-- first_month/last_month bound the calendar period; end_month is its last month with household data
-- (else with ledgers), the month stock indicators are read from.
-- key: period
create or replace table periods as
select
  period,
  period_type,
  first_month,
  last_month,
  coalesce(end_month, loan_end_month) as end_month
from int_periods
order by period_type, period;
