-- int_area_rollup — grain: village × level: the village, its town and its county, for aggregating
-- household facts to every level in one join.
-- key: village_code, area_level
create or replace table int_area_rollup as
select area_code as village_code, area_code, 'village' as area_level from int_areas where area_level = 'village'
union all
select v.area_code, v.parent_code, 'town' from int_areas v where v.area_level = 'village'
union all
select v.area_code, t.parent_code, 'county'
from int_areas v
join int_areas t on t.area_code = v.parent_code and t.area_level = 'town'
where v.area_level = 'village';
