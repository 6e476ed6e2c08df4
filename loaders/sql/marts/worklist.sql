-- worklist — grain: household × list, for the latest snapshot month only.
-- The cadres' work lists (list), each town's rows published on its own page (/worklist/<town>):
--   ident_overdue households with a 风险发现日期 but no 识别监测日期 more than the identification deadline
--               (cfg_settings, working days) after discovery: the identification is overdue;
--   no_measure  active monitored households identified more than the first-measure deadline (cfg_settings,
--               working days) before the month's last day and still without any 帮扶措施;
--   lead        households not monitored whose 人均纯收入 is below the monitoring line (household_status.below_line);
--   review      active monitored households that meet the rules of 风险消除 (DOMAIN.md §3): at least one measure,
--               identified at least six months before the month's last day, income not below the line, all
--               guarantees met; households with no labour capacity stay monitored and are left out.
-- overdue_workdays = working days past the deadline (the urgency: lists are read most overdue first).
-- Holds names and ID numbers in clear, like household_status: whatever publishes it must mask them.
-- key: list, household_id
create or replace table worklist as
with latest as (
  select max(period) as month, last_day(strptime(max(period) || '-01', '%Y-%m-%d'))::date as ref_date
  from household_status
),
settings as (
  select first_assist_deadline_days, identification_deadline_days from cfg_settings limit 1
),
snapshot as (
  select
    s.*,
    l.ref_date,
    w_ref.workday_seq - w_id.workday_seq as workdays_since,
    w_ref.workday_seq - w_found.workday_seq as workdays_since_found
  from household_status s
  join latest l on l.month = s.period
  left join int_workdays w_id on w_id.day = s.identified_date
  left join int_workdays w_found on w_found.day = s.risk_found_date
  left join int_workdays w_ref on w_ref.day = l.ref_date
),
listed as (
  select 'ident_overdue' as list, s.*, s.workdays_since_found - c.identification_deadline_days as overdue_workdays
  from snapshot s
  cross join settings c
  where s.risk_found_date is not null and s.identified_date is null
    and s.workdays_since_found > c.identification_deadline_days
  union all
  select 'no_measure', s.*, s.workdays_since - c.first_assist_deadline_days
  from snapshot s
  cross join settings c
  where s.is_active and s.identified_date is not null and coalesce(len(s.measures), 0) = 0
    and s.workdays_since > c.first_assist_deadline_days
  union all
  select 'lead', s.*, null
  from snapshot s
  where not coalesce(s.is_monitored, false) and s.below_line
  union all
  select 'review', s.*, null
  from snapshot s
  where s.is_active and not coalesce(s.no_labour, false) and coalesce(len(s.measures), 0) > 0
    and s.identified_date <= s.ref_date - interval 6 month
    and not s.below_line and s.all_ok
)
select
  l.list,
  l.period as month,
  l.town_code,
  coalesce(t.name, l.town_code) as town_name,
  l.area_code,
  coalesce(v.name, l.area_code) as village_name,
  l.household_id,
  l.head_name,
  l.id_number,
  l.household_size,
  l.household_type,
  l.monitor_kind,
  l.risks,
  l.helper_name,
  l.risk_found_date,
  l.identified_date,
  l.workdays_since::integer as workdays_since,
  l.workdays_since_found::integer as workdays_since_found,
  l.overdue_workdays::integer as overdue_workdays,
  l.income_pc,
  l.line
from listed l
left join areas t on t.area_code = l.town_code and t.area_level = 'town'
left join areas v on v.area_code = l.area_code and v.area_level = 'village'
order by l.list, l.town_code, l.overdue_workdays desc nulls last, l.area_code, l.identified_date, l.income_pc, l.household_id;
