-- timeliness — grain: snapshot month × area (county, town) × identify_workdays × assist_workdays.
-- Households identified in the month (int_household_periods.identified_in_period of the month period), by
-- working days from 风险发现日期 to 识别监测日期 and from 识别监测日期 to 首次帮扶日期 (household_status, Mon–Fri
-- minus cfg_holidays). Days above 60 read 61 ("more than 60"); NULL = a date missing (for assistance: not
-- yet assisted). The page reads the days against the deadlines of cfg_settings.
-- key: month, area_code, identify_workdays?, assist_workdays?
create or replace table timeliness as
with identified as (
  select
    s.period,
    s.household_id,
    s.area_code as village_code,
    -- least() skips NULLs in DuckDB, so a missing date must stay NULL explicitly
    case when s.identify_workdays is not null then least(s.identify_workdays, 61) end as identify_workdays,
    case when s.assist_workdays is not null then least(s.assist_workdays, 61) end as assist_workdays
  from household_status s
  join int_household_periods p on p.period = s.period and p.household_id = s.household_id
  where p.identified_in_period
)
select
  i.period as month,
  r.area_code,
  r.area_level,
  i.identify_workdays::integer as identify_workdays,
  i.assist_workdays::integer as assist_workdays,
  count(*)::integer as households
from identified i
join int_area_rollup r on r.village_code = i.village_code and r.area_level in ('county', 'town')
group by all
order by month, area_level, area_code, identify_workdays, assist_workdays;
