-- household_status — grain: household × snapshot month ('YYYY-MM').
-- The roster as the monitoring pages and work lists read it: the staging fields of int_roster (one row
-- per household and month) with the rules the indicators apply, taken from int_household_status (risk not
-- eliminated — a household with no labour capacity never counts as eliminated —, the four guarantees, the
-- monitoring line of the snapshot's year, working days to identification and to first assistance), plus
-- the colour grade with the county's thresholds (cfg_settings).
-- Holds personal fields like staging does: anything published from it must be aggregated or masked.
-- key: period, household_id
create or replace table household_status as
with grades as (
  select grade_red_below, grade_green_from from cfg_settings limit 1
),
derived as (
  select
    r.*,
    left(r.area_code, 9) as town_code,
    left(r.area_code, 6) as county_code,
    h.is_active,
    h.all_ok,
    h.line,
    h.identify_workdays,
    h.assist_workdays,
    h.below_line
  from int_roster r
  join int_household_status h on h.snapshot_month = r.period and h.household_id = r.household_id
)
select
  d.*,
  -- DOMAIN.md §3 colour grading with the county's thresholds: red = monitored with risk, income below
  -- the red line, or a guarantee not met; otherwise yellow below the green line, green from it
  case
    when d.is_active or d.income_pc < g.grade_red_below or not d.all_ok then 'red'
    when d.income_pc is null then 'unknown'
    when d.income_pc < g.grade_green_from then 'yellow'
    else 'green'
  end as colour_grade
from derived d
cross join grades g;
