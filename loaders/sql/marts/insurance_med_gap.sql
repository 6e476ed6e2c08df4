-- insurance_med_gap — grain: period × area (county, town): 脱贫户 and monitored households (是否监测对象=是) of the
-- end snapshot whose 基本医疗保险 is 否 (a blank is unknown, counted apart), with their persons (家庭人口数:
-- the roster carries one flag per household, so a household marked 否 counts all its members). Target: none.
-- key: period, area_code
create or replace table insurance_med_gap as
with periods as (
  select period, period_type, end_month from int_periods where end_month is not null
),
households as (
  select p.period, p.period_type, r.household_id, r.area_code, coalesce(r.household_size, 0) as persons, r.med_ok
  from periods p
  join int_roster r on r.period = p.end_month
  where r.household_type = '脱贫户' or coalesce(r.is_monitored, false)
),
by_area as (
  select h.*, ar.area_code as at_area, ar.area_level
  from households h
  join int_area_rollup ar on ar.village_code = h.area_code
  where ar.area_level in ('county', 'town')
)
select
  period,
  any_value(period_type) as period_type,
  at_area as area_code,
  area_level,
  count(*) as households,
  sum(persons) as persons,
  count(*) filter (where med_ok = false) as households_without,
  coalesce(sum(persons) filter (where med_ok = false), 0) as persons_without,
  count(*) filter (where med_ok is null) as households_unknown
from by_area
group by period, at_area, area_level
order by period, area_level, area_code;
