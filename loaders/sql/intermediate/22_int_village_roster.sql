-- int_village_roster — grain: period × village: roster households in the period's end snapshot and
-- whether the village's figures are withheld where published (fewer than the county's threshold).
-- key: period, village_code
create or replace table int_village_roster as
with counts as (
  select period, village_code, count(*) as roster_households
  from int_household_periods
  group by all
),
threshold as (
  select village_suppression_min_households as min_households from cfg_settings limit 1
)
select
  p.period,
  a.area_code as village_code,
  coalesce(c.roster_households, 0) as roster_households,
  coalesce(c.roster_households, 0) < t.min_households as suppressed
from int_periods p
cross join int_areas a
cross join threshold t
left join counts c on c.period = p.period and c.village_code = a.area_code
where a.area_level = 'village';
