-- ind_monitoring — grain: monitoring indicator code × period × area (county, town, village).
-- Household facts of the end snapshot are counted once per area level; every area of int_areas gets a
-- row for every period with household data, so an area with no households reads 0 (counts) or empty (rates).
-- key: code, period, area_code
create or replace table ind_monitoring as
with facts as (
  select r.area_code, r.area_level, h.*
  from int_household_periods h
  join int_area_rollup r on r.village_code = h.village_code
),
end_counts as (
  select
    period,
    area_code,
    area_level,
    count(*) as households,
    count(*) filter (where is_lifted) as hh_lifted,
    coalesce(sum(persons) filter (where is_lifted), 0) as pop_lifted,
    count(*) filter (where is_active) as mon_active,
    coalesce(sum(persons) filter (where is_active), 0) as mon_active_pop,
    count(*) filter (where is_monitored) as monitored,
    count(*) filter (where is_eliminated) as eliminated,
    count(*) filter (where identified_in_period) as identified,
    count(*) filter (where identified_in_period and is_lifted and monitor_kind = '脱贫不稳定户') as returned,
    coalesce(sum(persons) filter (where identified_in_period and is_lifted and monitor_kind = '脱贫不稳定户'), 0) as returned_pop,
    count(*) filter (where identified_in_period and is_ordinary) as newly_poor,
    count(*) filter (where below_line) as below_line,
    count(*) filter (where below_line is not null) as line_known,
    count(*) filter (where is_active and has_measure) as active_assisted,
    count(*) filter (where housing_ok and edu_ok and med_ok and water_ok) as all_ok,
    count(*) filter (where housing_ok) as housing_ok,
    count(*) filter (where edu_ok) as edu_ok,
    count(*) filter (where med_ok) as med_ok,
    count(*) filter (where water_ok) as water_ok,
    count(*) filter (where identified_in_period and identification_timely) as identified_timely,
    count(*) filter (where identified_in_period and identification_timely is not null) as identified_both_dates,
    count(*) filter (where identified_in_period and assist_timely) as assisted_timely
  from facts
  group by all
),
grid as (
  select p.period, p.start_month, a.area_code, a.area_level, a.households as rural_households
  from int_periods p
  cross join int_areas a
  where p.end_month is not null
),
wide as (
  select
    g.period,
    g.area_code,
    g.area_level,
    g.rural_households,
    coalesce(e.households, 0) as households,
    coalesce(e.hh_lifted, 0) as hh_lifted,
    coalesce(e.pop_lifted, 0) as pop_lifted,
    coalesce(e.mon_active, 0) as mon_active,
    coalesce(e.mon_active_pop, 0) as mon_active_pop,
    coalesce(e.monitored, 0) as monitored,
    coalesce(e.eliminated, 0) as eliminated,
    coalesce(e.identified, 0) as identified,
    coalesce(e.returned, 0) as returned,
    coalesce(e.returned_pop, 0) as returned_pop,
    coalesce(e.newly_poor, 0) as newly_poor,
    coalesce(e.below_line, 0) as below_line,
    coalesce(e.line_known, 0) as line_known,
    coalesce(e.active_assisted, 0) as active_assisted,
    coalesce(e.all_ok, 0) as all_ok,
    coalesce(e.housing_ok, 0) as housing_ok,
    coalesce(e.edu_ok, 0) as edu_ok,
    coalesce(e.med_ok, 0) as med_ok,
    coalesce(e.water_ok, 0) as water_ok,
    coalesce(e.identified_timely, 0) as identified_timely,
    coalesce(e.identified_both_dates, 0) as identified_both_dates,
    coalesce(e.assisted_timely, 0) as assisted_timely,
    coalesce(s.lifted_households, 0) as start_lifted,
    coalesce(s.lifted_persons, 0) as start_lifted_pop
  from grid g
  left join end_counts e on e.period = g.period and e.area_code = g.area_code and e.area_level = g.area_level
  left join int_snapshot_area_stats s
    on s.snapshot_month = g.start_month and s.area_code = g.area_code and s.area_level = g.area_level
),
long as (
  select
    period,
    area_code,
    area_level,
    unnest([
      {'code': 'hh_lifted', 'numerator': hh_lifted::double, 'denominator': null::double},
      {'code': 'pop_lifted', 'numerator': pop_lifted, 'denominator': null},
      {'code': 'mon_active', 'numerator': mon_active, 'denominator': null},
      {'code': 'mon_active_pop', 'numerator': mon_active_pop, 'denominator': null},
      {'code': 'mon_identified', 'numerator': identified, 'denominator': null},
      {'code': 'mon_share_pop', 'numerator': mon_active_pop, 'denominator': pop_lifted},
      {'code': 'risk_elim_rate', 'numerator': eliminated, 'denominator': monitored},
      {'code': 'return_rate', 'numerator': returned, 'denominator': start_lifted},
      {'code': 'return_rate_pop', 'numerator': returned_pop, 'denominator': start_lifted_pop},
      {'code': 'new_poverty_rate', 'numerator': newly_poor, 'denominator': rural_households - start_lifted},
      {'code': 'below_line_share', 'numerator': below_line, 'denominator': line_known},
      {'code': 'assist_coverage', 'numerator': active_assisted, 'denominator': mon_active},
      {'code': 'guarantee_rate', 'numerator': all_ok, 'denominator': households},
      {'code': 'housing_ok_rate', 'numerator': housing_ok, 'denominator': households},
      {'code': 'edu_ok_rate', 'numerator': edu_ok, 'denominator': households},
      {'code': 'med_ok_rate', 'numerator': med_ok, 'denominator': households},
      {'code': 'water_ok_rate', 'numerator': water_ok, 'denominator': households},
      {'code': 'timely_identification_rate', 'numerator': identified_timely, 'denominator': identified_both_dates},
      {'code': 'timely_assist_rate', 'numerator': assisted_timely, 'denominator': identified}
    ]) as m
  from wide
)
select
  m.code,
  period,
  area_code,
  area_level,
  -- counts have no denominator and are their own value; rates are numerator ÷ denominator
  case
    when m.code in ('hh_lifted', 'pop_lifted', 'mon_active', 'mon_active_pop', 'mon_identified') then m.numerator
    else ind_ratio(m.numerator, m.denominator)
  end as value,
  m.numerator,
  m.denominator
from long;
