-- periods — grain: period that has data (household snapshots or loan ledgers). int_periods also holds the
-- calendar months without data (their flows count back-dated events); pages offer only these.
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
where has_data
order by period_type, period;
