-- int_household_periods — grain: period × household in the period's end snapshot.
-- Everything a stock indicator needs per household, read from the end snapshot: type, monitoring flags,
-- measures, income below the line of the end snapshot's year, the four guarantees. Flows (identification,
-- elimination, timeliness) are not here: they are events read from the latest snapshot (int_period_events).
-- key: period, household_id
create or replace table int_household_periods as
with periods as (
  select period, end_month from int_periods where end_month is not null
)
select
  p.period,
  h.household_id,
  h.village_code,
  h.persons,
  h.is_lifted,
  h.is_ordinary,
  h.is_monitored,
  h.is_eliminated,
  h.is_active,
  h.monitor_kind,
  h.has_measure,
  h.income_pc,
  h.line,
  h.below_line,
  h.housing_ok,
  h.edu_ok,
  h.med_ok,
  h.water_ok
from periods p
join int_household_status h on h.snapshot_month = p.end_month;
