-- areas — grain: area (county 6 digits, town 9, village 12): names for display, the parent area, and
-- households = 农村户数 from the village reference (summed for towns and the county; empty when unknown).
-- key: area_code
create or replace table areas as
select area_code, area_level, name, parent_code, households
from int_areas
order by area_code;
