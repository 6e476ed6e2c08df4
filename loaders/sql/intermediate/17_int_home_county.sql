-- int_home_county — grain: one row (county_code, NULL when it cannot be told).
-- The county a record with no area and no matched household belongs to (DOMAIN.md §7 attribution: by the
-- record's 区划代码, else through the matched household; what neither places needs a home). A warehouse
-- holds one county's roster, but its village file may list villages of neighbouring counties too (real
-- reference files do), so the home county is the one county the roster's households live in; failing a
-- roster, the only county of the area reference. When the roster spans several counties it stays NULL and
-- such records are kept as unattributed (the unattributed_records mart), never dropped silently.
-- key: (one row)
create or replace table int_home_county as
with roster_counties as (
  select distinct left(village_code, 6) as county_code
  from int_household_snapshots
  where village_code is not null
),
reference_counties as (
  select area_code as county_code from int_areas where area_level = 'county'
)
select
  case
    when (select count(*) from roster_counties) = 1 then (select any_value(county_code) from roster_counties)
    when (select count(*) from roster_counties) = 0 and (select count(*) from reference_counties) = 1
      then (select any_value(county_code) from reference_counties)
  end as county_code;
