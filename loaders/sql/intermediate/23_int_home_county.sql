-- int_home_county — grain: source file of a loan, policy or claim extract (source_file; county_code NULL when
-- it cannot be told).
-- The county a record with no area and no matched household belongs to (DOMAIN.md §7 attribution: by the
-- record's 区划代码, else through the matched household; what neither places needs a home). A warehouse may
-- hold several counties (a prefecture or a province), and a bank's or insurer's file is delivered by one
-- county's office, so the home of such a record is the one county its file's other records are placed in
-- (their 区划代码 naming a known area, or their 户编号 a roster household). A file spanning several counties,
-- or placing nothing, falls back to the roster's one county: the county the roster's households live in (the
-- village file may list neighbouring counties too, as real reference files do); failing a roster, the only
-- county of the area reference. When neither tells one county, county_code stays NULL and such records are
-- kept as unattributed (the unattributed_records mart), never dropped silently.
-- key: source_file
create or replace table int_home_county as
with record_areas as (
  select source_file, area_code, household_id from stg_loans
  union all
  select source_file, area_code, household_id from stg_policies
  union all
  select source_file, area_code, household_id from stg_claims
),
placed as (
  select r.source_file, left(a.area_code, 6) as county_code
  from record_areas r
  join int_areas a on a.area_code = r.area_code
  union all
  select r.source_file, left(k.village_code, 6)
  from record_areas r
  join int_household_keys k on k.household_id = r.household_id
  where k.village_code is not null
),
file_counties as (
  select source_file, case when count(distinct county_code) = 1 then min(county_code) end as county_code
  from placed
  group by source_file
),
roster_counties as (
  select distinct left(village_code, 6) as county_code
  from int_household_snapshots
  where village_code is not null
),
reference_counties as (
  select area_code as county_code from int_areas where area_level = 'county'
),
warehouse_county as (
  select
    case
      when (select count(*) from roster_counties) = 1 then (select min(county_code) from roster_counties)
      when (select count(*) from roster_counties) = 0 and (select count(*) from reference_counties) = 1
        then (select min(county_code) from reference_counties)
    end as county_code
),
files as (
  select distinct source_file from record_areas where source_file is not null
)
select f.source_file, coalesce(c.county_code, w.county_code) as county_code
from files f
left join file_counties c on c.source_file = f.source_file
cross join warehouse_county w;
