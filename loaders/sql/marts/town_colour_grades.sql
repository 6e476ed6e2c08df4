-- town_colour_grades — grain: snapshot month × town × colour grade (red, yellow, green, unknown).
-- Every household of the month's snapshot counted under household_status.colour_grade (the county's
-- thresholds from cfg_settings); only non-zero cells have a row.
-- key: month, town_code, colour_grade
create or replace table town_colour_grades as
select
  period as month,
  town_code,
  colour_grade,
  count(*)::integer as households
from household_status
group by all
order by month, town_code, colour_grade;
