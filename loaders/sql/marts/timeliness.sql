-- timeliness — grain: period (month, half-year, year) × area (county, town) × stage × status × workdays.
-- The households behind timely_identification_rate, timely_assist_rate and the four pending/overdue codes
-- (DOMAIN.md §7), from int_period_events — the model the indicators read — so the page's bars and the
-- indicators agree for every period (read per period, never summed over months: whether an assistance is
-- late is known only at the period's end).
--   stage 'identification': on_time (rate numerator), late (rest of the denominator: identified over the
--         deadline, or overdue and unidentified, counted once in the period the deadline passed), pending
--         (ident_pending: 未到期 at the period's end), overdue (ident_overdue: 已超期 backlog at the period's end);
--   stage 'assist': on_time, late (identified in the period, outcome known by its end, not on time), pending
--         (assist_pending), overdue (assist_overdue).
-- pending/overdue are end-of-period stocks and may overlap 'late' (a household late this period and still
-- unidentified at its end is both). workdays: working days from 风险发现日期 to 识别监测日期 (identification)
-- or from 识别监测日期 to 首次帮扶日期 (assist) for on_time/late, above 60 read 61, NULL when the date is not
-- there yet; NULL for pending/overdue.
--   status 'month_only' (both stages): identified in the period with dates known to the month only (日期仅到月,
--         the national system's YYYYMM): left out of both rates and of pending/overdue, listed here so the page
--         can say how many (int_period_events.month_only).
-- key: period, area_code, stage, status, workdays?
create or replace table timeliness as
with statuses as (
  select period, household_id, village_code, 'identification' as stage,
    case when ident_on_time then 'on_time' else 'late' end as status,
    -- a household counted late as unidentified backlog has no identification yet in this period
    case when identified then identify_workdays end as workdays
  from int_period_events where ident_counted
  union all
  select period, household_id, village_code, 'identification', 'pending', null from int_period_events where ident_pending
  union all
  select period, household_id, village_code, 'identification', 'overdue', null from int_period_events where ident_overdue
  union all
  select period, household_id, village_code, 'assist',
    case when assist_on_time then 'on_time' else 'late' end, assist_workdays
  from int_period_events where assist_known
  union all
  select period, household_id, village_code, 'assist', 'pending', null from int_period_events where assist_pending
  union all
  select period, household_id, village_code, 'assist', 'overdue', null from int_period_events where assist_overdue
  union all
  select period, household_id, village_code, 'identification', 'month_only', null from int_period_events where month_only
  union all
  select period, household_id, village_code, 'assist', 'month_only', null from int_period_events where month_only
)
select
  s.period,
  r.area_code,
  r.area_level,
  s.stage,
  s.status,
  -- least() skips NULLs in DuckDB, so a missing date must stay NULL explicitly
  (case when s.workdays is not null then least(s.workdays, 61) end)::integer as workdays,
  count(*)::integer as households
from statuses s
join int_area_rollup r on r.village_code = s.village_code and r.area_level in ('county', 'town')
group by all
order by s.period, r.area_level, r.area_code, s.stage, s.status, workdays;
