-- int_lead_indicators — grain: department ('全部' = every department) × code × period × area (county, town,
-- village). The department family of DOMAIN.md §10 from int_lead_status; ind_department takes the '全部'
-- rows into the indicators mart, the lead_indicators_by_department mart the per-department rows.
-- lead_count: leads dated in the period (flow). lead_checked_timely_rate: of the leads whose deadline falls in
-- the period and has passed by the data's as-of date, the share checked by the deadline. lead_identified_rate:
-- of the leads closed in the period, the share closed by identification. A lead is placed in the village of
-- the household's snapshot at the lead's date. Every department, period and area has a row: a count of 0, a
-- rate with a zero denominator NULL. Periods are every period of int_periods (the calendar, as for the other
-- families), so the months of a half-year or year add up to it.
-- key: department, code, period, area_code
create or replace table int_lead_indicators as
with departments as (
  select '全部' as department
  union
  select distinct department from lead_rules
),
lead_rows as (
  select department, village_code, lead_date, deadline, closed_date, is_due, checked_timely, is_closed, is_identified
  from int_lead_status
  where village_code is not null
),
facts as (
  -- one row per lead × measure × period it counts in
  select 'lead_count' as code, p.period, l.department, l.village_code, 1 as num, null::integer as den
  from lead_rows l join int_periods p on l.lead_date between p.first_day and p.last_day
  union all
  select 'lead_checked_timely_rate', p.period, l.department, l.village_code, l.checked_timely::integer, 1
  from lead_rows l join int_periods p on l.deadline between p.first_day and p.last_day
  where l.is_due
  union all
  select 'lead_identified_rate', p.period, l.department, l.village_code, l.is_identified::integer, 1
  from lead_rows l join int_periods p on l.closed_date between p.first_day and p.last_day
  where l.is_closed
),
both_departments as (
  select code, period, department, village_code, num, den from facts
  union all
  select code, period, '全部', village_code, num, den from facts
),
rolled as (
  select f.department, f.code, f.period, r.area_code, r.area_level, sum(f.num) as num, sum(f.den) as den
  from both_departments f
  join int_area_rollup r on r.village_code = f.village_code
  group by all
),
codes as (
  select unnest(['lead_count', 'lead_checked_timely_rate', 'lead_identified_rate']) as code
),
grid as (
  select d.department, c.code, g.period, g.area_code, g.area_level
  from departments d
  cross join codes c
  cross join int_period_areas g
)
select
  g.department,
  g.code,
  g.period,
  g.area_code,
  g.area_level,
  case when g.code = 'lead_count' then coalesce(r.num, 0)::double else ind_ratio(coalesce(r.num, 0), coalesce(r.den, 0)) end as value,
  coalesce(r.num, 0)::double as numerator,
  case when g.code = 'lead_count' then null else coalesce(r.den, 0) end::double as denominator
from grid g
left join rolled r
  on r.department = g.department and r.code = g.code and r.period = g.period
 and r.area_code = g.area_code and r.area_level = g.area_level;
