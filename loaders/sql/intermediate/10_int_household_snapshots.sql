-- int_household_snapshots — grain: household × snapshot month ('YYYY-MM').
-- The per-household flags every monitoring indicator reads, computed once here from int_roster.
-- date_month_only: the record's dates are month-precise (日期仅到月); see int_household_status and int_period_events.
-- A view: a projection of int_roster that costs less to recompute in each reader than to write (writing this
-- household × month table took about a second per 240,000 rows, more than all its readers' extra work).
-- key: snapshot_month, household_id
create or replace view int_household_snapshots as
with flags as (
  select
    period as snapshot_month,
    household_id,
    id_number,
    area_code as village_code,
    coalesce(household_size, 0) as persons,
    household_type = '脱贫户' as is_lifted,
    household_type = '一般农户' as is_ordinary,
    coalesce(is_monitored, false) as is_monitored,
    monitor_kind,
    -- a household with no labour capacity is never eliminated: it stays monitored under social security
    coalesce(is_monitored, false) and coalesce(risk_eliminated, false) and not coalesce(no_labour, false) as is_eliminated,
    coalesce(len(measures), 0) > 0 as has_measure,
    risk_found_date,
    identified_date,
    first_assist_date,
    income_pc,
    coalesce(housing_ok, false) as housing_ok,
    coalesce(edu_ok, false) as edu_ok,
    coalesce(med_ok, false) as med_ok,
    coalesce(water_ok, false) as water_ok,
    -- 识别监测日期 / 风险消除日期 known to the month only (the national system's YYYYMM): stored as the
    -- month's first day, which the period flows can use but working-day deadlines cannot (int_household_status)
    coalesce(date_month_only, false) as date_month_only
  from int_roster
)
select
  *,
  is_monitored and not is_eliminated as is_active,
  housing_ok and edu_ok and med_ok and water_ok as all_ok
from flags;
