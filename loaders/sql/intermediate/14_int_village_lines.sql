-- int_village_lines — grain: year × village: the monitoring line that applies, the most specific area
-- whose code prefixes the village code winning (a county's 6-digit line over its province's 2-digit one).
-- key: year, village_code
create or replace table int_village_lines as
with lines as (
  select year, area_code, line
  from stg_monitoring_lines
  where year is not null and area_code is not null and line is not null
  qualify row_number() over (partition by year, area_code order by source_file desc, source_row desc) = 1
),
years as (
  select distinct left(snapshot_month, 4)::integer as year from int_household_snapshots
)
select y.year, v.area_code as village_code, l.line, l.area_code as line_area_code
from years y
cross join int_areas v
join lines l on l.year = y.year and starts_with(v.area_code, l.area_code)
where v.area_level = 'village'
qualify row_number() over (partition by y.year, v.area_code order by length(l.area_code) desc) = 1;
