-- int_household_periods — grain: period × household in the period's end snapshot.
-- Everything a period-dependent indicator needs per household: identified in the period, timeliness in
-- working days against the county's deadlines, and income below the line of the end snapshot's year.
-- key: period, household_id
create or replace table int_household_periods as
with periods as (
  select period, first_day, last_day, end_month from int_periods where end_month is not null
),
deadlines as (
  select identification_deadline_days, first_assist_deadline_days from cfg_settings limit 1
),
dated as (
  select
    h.*,
    p.period,
    -- identification makes a household a monitoring object: a date on a non-monitored row is not counted
    h.is_monitored and coalesce(h.identified_date between p.first_day and p.last_day, false) as identified_in_period
  from periods p
  join int_household_status h on h.snapshot_month = p.end_month
)
select
  d.period,
  d.household_id,
  d.village_code,
  d.persons,
  d.is_lifted,
  d.is_ordinary,
  d.is_monitored,
  d.is_eliminated,
  d.is_active,
  d.monitor_kind,
  d.has_measure,
  d.identified_in_period,
  -- null when a date is missing: such households stay out of the identification denominator
  case when d.risk_found_date is not null and d.identified_date is not null
    then coalesce(d.identify_workdays <= s.identification_deadline_days, false)
  end as identification_timely,
  d.first_assist_date is not null and d.identified_date is not null
    and coalesce(d.assist_workdays <= s.first_assist_deadline_days, false) as assist_timely,
  d.income_pc,
  d.line,
  d.below_line,
  d.housing_ok,
  d.edu_ok,
  d.med_ok,
  d.water_ok
from dated d
cross join deadlines s;
