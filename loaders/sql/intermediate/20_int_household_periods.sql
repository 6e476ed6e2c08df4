-- int_household_periods — grain: period × household in the period's end snapshot.
-- Everything a period-dependent indicator needs per household: identified in the period, timeliness in
-- working days against the county's deadlines, and income below the line of the end snapshot's year.
create or replace table int_household_periods as
with periods as (
  select period, first_day, last_day, end_month from int_periods where end_month is not null
),
deadlines as (
  select identification_deadline_days, first_assist_deadline_days from cfg_settings limit 1
),
joined as (
  select p.period, p.first_day, p.last_day, h.*
  from periods p
  join int_household_snapshots h on h.snapshot_month = p.end_month
),
dated as (
  select
    j.*,
    -- identification makes a household a monitoring object: a date on a non-monitored row is not counted
    j.is_monitored and coalesce(j.identified_date between j.first_day and j.last_day, false) as identified_in_period,
    wf.workday_seq as found_seq,
    wi.workday_seq as identified_seq,
    wa.workday_seq as assist_seq,
    l.line
  from joined j
  left join int_workdays wf on wf.day = j.risk_found_date
  left join int_workdays wi on wi.day = j.identified_date
  left join int_workdays wa on wa.day = j.first_assist_date
  left join int_village_lines l on l.village_code = j.village_code and l.year = left(j.snapshot_month, 4)::integer
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
    then coalesce(d.identified_seq - d.found_seq <= s.identification_deadline_days, false)
  end as identification_timely,
  d.first_assist_date is not null and d.identified_date is not null
    and coalesce(d.assist_seq - d.identified_seq <= s.first_assist_deadline_days, false) as assist_timely,
  d.income_pc,
  d.line,
  case when d.line is not null and d.income_pc is not null then d.income_pc < d.line end as below_line,
  d.housing_ok,
  d.edu_ok,
  d.med_ok,
  d.water_ok
from dated d
cross join deadlines s;
