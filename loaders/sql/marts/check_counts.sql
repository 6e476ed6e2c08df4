-- check_counts — grain: rule × snapshot month × area (the county and each town).
-- How many 疑点 each rule found in each roster snapshot (int_check_hits), for the 数据质量 page: hits (a person rule
-- may hit two people of one household) and households. Every enabled rule has a row for every snapshot and every
-- town with a household in it, zero included, so a town without 疑点 reads 0 rather than missing. Aggregates only.
-- key: rule, snapshot_month, area_code
create or replace table check_counts as
with rules as (
  select rule from cfg_checks where enabled
),
snapshots as (
  select distinct period as snapshot_month, left(area_code, 9) as town_code, left(area_code, 6) as county_code
  from int_roster
  where area_code is not null
),
grid as (
  select r.rule, s.snapshot_month, s.town_code as area_code, 'town' as area_level from rules r cross join (select distinct snapshot_month, town_code from snapshots) s
  union all
  select r.rule, s.snapshot_month, s.county_code, 'county' from rules r cross join (select distinct snapshot_month, county_code from snapshots) s
),
hits as (
  select rule, snapshot_month, left(village_code, 9) as town_code, left(village_code, 6) as county_code, household_id
  from int_check_hits
),
counted as (
  select rule, snapshot_month, town_code as area_code, count(*) as hits, count(distinct household_id) as households
  from hits group by rule, snapshot_month, town_code
  union all
  select rule, snapshot_month, county_code, count(*), count(distinct household_id)
  from hits group by rule, snapshot_month, county_code
)
select
  g.rule,
  g.snapshot_month,
  g.area_code,
  g.area_level,
  a.name as area_name,
  coalesce(c.hits, 0) as hits,
  coalesce(c.households, 0) as households
from grid g
left join counted c on c.rule = g.rule and c.snapshot_month = g.snapshot_month and c.area_code = g.area_code
left join int_areas a on a.area_code = g.area_code
order by g.rule, g.snapshot_month, g.area_code;
