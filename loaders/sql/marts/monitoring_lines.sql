-- monitoring_lines — grain: year with household snapshots and a monitoring line.
-- The line most of the county's villages use that year (a county normally has one), and the lowest and
-- highest village lines, from int_village_lines (the most specific area's line per village).
-- key: year
create or replace table monitoring_lines as
select
  year::integer as year,
  mode(line)::double as line,
  min(line)::double as min_line,
  max(line)::double as max_line,
  count(*)::integer as villages
from int_village_lines
group by year
order by year;
