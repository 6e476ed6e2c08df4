-- int_areas — grain: area (county 6 digits, town 9, village 12), from the village reference plus any
-- village code the roster uses that the reference lacks (so no household drops out of the totals).
-- key: area_code
create or replace table int_areas as
with reference as (
  select
    area_code,
    any_value(village_name) as village_name,
    any_value(town_code) as town_code,
    any_value(town_name) as town_name,
    any_value(county_code) as county_code,
    any_value(county_name) as county_name,
    sum(rural_households) as rural_households
  from stg_villages
  where area_code is not null
  group by area_code
),
roster_villages as (
  select distinct village_code from int_household_snapshots where village_code is not null
),
villages as (
  select
    coalesce(r.area_code, h.village_code) as area_code,
    r.village_name as name,
    coalesce(r.town_code, left(h.village_code, 9)) as town_code,
    coalesce(r.county_code, left(h.village_code, 6)) as county_code,
    r.rural_households
  from reference r
  full join roster_villages h on h.village_code = r.area_code
),
town_names as (
  select town_code, any_value(town_name) as name from reference where town_name is not null group by town_code
),
county_names as (
  select county_code, any_value(county_name) as name from reference where county_name is not null group by county_code
),
towns as (
  select v.town_code as area_code, any_value(n.name) as name, any_value(v.county_code) as parent_code, sum(v.rural_households) as households
  from villages v
  left join town_names n on n.town_code = v.town_code
  group by v.town_code
),
counties as (
  select v.county_code as area_code, any_value(n.name) as name, sum(v.rural_households) as households
  from villages v
  left join county_names n on n.county_code = v.county_code
  group by v.county_code
)
select area_code, 'county' as area_level, name, null::varchar as parent_code, households from counties
union all
select area_code, 'town', name, parent_code, households from towns
union all
select area_code, 'village', name, town_code, rural_households from villages;
