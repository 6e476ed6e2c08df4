-- household_status — grain: household × snapshot month ('YYYY-MM').
-- The roster as the monitoring pages and work lists read it: the staging fields of int_roster (one row
-- per household and month), plus the rules the indicators apply, defined here once —
-- risk not eliminated (a household with no labour capacity never counts as eliminated), the four
-- guarantees, the monitoring line of the snapshot's year and the colour grade (cfg_settings), and
-- working days from risk discovery to identification and from identification to first assistance.
-- Holds personal fields like staging does: anything published from it must be aggregated or masked.
create or replace table household_status as
with grades as (
  select grade_red_below, grade_green_from from cfg_settings limit 1
),
derived as (
  select
    r.*,
    left(r.area_code, 9) as town_code,
    left(r.area_code, 6) as county_code,
    coalesce(r.is_monitored, false) and not (coalesce(r.risk_eliminated, false) and not coalesce(r.no_labour, false)) as is_active,
    coalesce(r.housing_ok, false) and coalesce(r.edu_ok, false) and coalesce(r.med_ok, false) and coalesce(r.water_ok, false) as all_ok,
    l.line,
    wi.workday_seq - wf.workday_seq as identify_workdays,
    wa.workday_seq - wi.workday_seq as assist_workdays
  from int_roster r
  left join int_village_lines l on l.village_code = r.area_code and l.year = left(r.period, 4)::integer
  left join int_workdays wf on wf.day = r.risk_found_date
  left join int_workdays wi on wi.day = r.identified_date
  left join int_workdays wa on wa.day = r.first_assist_date
)
select
  d.*,
  case when d.line is not null and d.income_pc is not null then d.income_pc < d.line end as below_line,
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
