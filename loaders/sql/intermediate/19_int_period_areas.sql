-- int_period_areas — grain: period × area: every period of int_periods (the calendar, months without data
-- included) × every area of int_areas (county, town, village). The grid every indicator family (ind_*) and the
-- marts keyed like them fill, so that an area or a period without data still has its row: 0 for counts,
-- empty for rates, empty stocks where the period has no end snapshot. Built once here rather than by a
-- cross join in each family. Carries the period's calendar and snapshot months (int_periods), the area's level,
-- its town (a village's town, a town itself; empty for a county) and county, and rural_households (the village
-- reference's 农户数 summed to the area; empty where the reference does not know it).
-- key: period, area_code
create or replace table int_period_areas as
with towns as (
  select area_code, parent_code as county_code from int_areas where area_level = 'town'
)
select
  p.period,
  p.period_type,
  p.first_month,
  p.last_month,
  p.first_day,
  p.last_day,
  p.start_month,
  p.end_month,
  p.prior_year_month,
  p.loan_end_month,
  p.has_data,
  p.as_of_day,
  a.area_code,
  a.area_level,
  case a.area_level when 'village' then a.parent_code when 'town' then a.area_code end as town_code,
  case a.area_level when 'village' then t.county_code when 'town' then a.parent_code else a.area_code end as county_code,
  a.households as rural_households
from int_periods p
cross join int_areas a
left join towns t on a.area_level = 'village' and t.area_code = a.parent_code;
