-- int_household_status — grain: household × snapshot month ('YYYY-MM').
-- The month-level rules that need the calendar and the monitoring lines, defined once for the indicators
-- (int_household_periods) and the pages (the household_status mart): the monitoring line of the
-- snapshot's year for the household's village, income below it, and working days from risk discovery to
-- identification and from identification to first assistance. The flags themselves (active, eliminated,
-- guarantees) come from int_household_snapshots. A record whose dates are known to the month only
-- (date_month_only, 日期仅到月) has no working days: its identification date is the month's first day, so a
-- count of working days would be invented; the timeliness rates leave it out (int_period_events).
-- key: snapshot_month, household_id
create or replace table int_household_status as
select
  s.*,
  l.line,
  case when l.line is not null and s.income_pc is not null then s.income_pc < l.line end as below_line,
  case when not s.date_month_only then wi.workday_seq - wf.workday_seq end as identify_workdays,
  case when not s.date_month_only then wa.workday_seq - wi.workday_seq end as assist_workdays
from int_household_snapshots s
left join int_village_lines l on l.village_code = s.village_code and l.year = left(s.snapshot_month, 4)::integer
left join int_workdays wf on wf.day = s.risk_found_date
left join int_workdays wi on wi.day = s.identified_date
left join int_workdays wa on wa.day = s.first_assist_date;
