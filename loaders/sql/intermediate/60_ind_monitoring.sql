-- ind_monitoring — grain: monitoring indicator code × period × area (county, town, village).
-- Stocks: household facts of the end snapshot (int_household_periods), counted once per area level; a
-- period without any snapshot (a calendar month kept for back-dated events) has empty stocks.
-- Flows and timeliness: events read from each household's latest snapshot (int_period_events, the same
-- model the monitoring_flows and timeliness marts read), so monthly flows add up to half-years and years.
-- Every area of int_areas gets a row for every period of int_periods, so an area with no households reads
-- 0 (counts) or empty (rates).
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
    count(*) filter (where below_line) as below_line,
    count(*) filter (where below_line is not null) as line_known,
    count(*) filter (where is_active and has_measure) as active_assisted,
    count(*) filter (where housing_ok and edu_ok and med_ok and water_ok) as all_ok,
    count(*) filter (where housing_ok) as housing_ok,
    count(*) filter (where edu_ok) as edu_ok,
    count(*) filter (where med_ok) as med_ok,
    count(*) filter (where water_ok) as water_ok
  from facts
  group by all
),
event_counts as (
  select
    e.period,
    r.area_code,
    r.area_level,
    count(*) filter (where e.identified) as identified,
    count(*) filter (where e.identified and e.is_lifted and e.monitor_kind = '脱贫不稳定户') as returned,
    coalesce(sum(e.persons) filter (where e.identified and e.is_lifted and e.monitor_kind = '脱贫不稳定户'), 0) as returned_pop,
    count(*) filter (where e.identified and e.is_ordinary) as newly_poor,
    count(*) filter (where e.ident_on_time) as ident_on_time,
    count(*) filter (where e.ident_counted) as ident_counted,
    count(*) filter (where e.ident_pending) as ident_pending,
    count(*) filter (where e.ident_overdue) as ident_overdue,
    count(*) filter (where e.assist_on_time) as assist_on_time,
    count(*) filter (where e.assist_known) as assist_known,
    count(*) filter (where e.assist_pending) as assist_pending,
    count(*) filter (where e.assist_overdue) as assist_overdue
  from int_period_events e
  join int_area_rollup r on r.village_code = e.village_code
  group by all
),
grid as (
  select period, start_month, end_month, area_code, area_level, rural_households from int_period_areas
),
wide as (
  select
    g.period,
    g.area_code,
    g.area_level,
    g.rural_households,
    g.end_month is not null as has_end,
    coalesce(e.households, 0) as households,
    coalesce(e.hh_lifted, 0) as hh_lifted,
    coalesce(e.pop_lifted, 0) as pop_lifted,
    coalesce(e.mon_active, 0) as mon_active,
    coalesce(e.mon_active_pop, 0) as mon_active_pop,
    coalesce(e.monitored, 0) as monitored,
    coalesce(e.eliminated, 0) as eliminated,
    coalesce(e.below_line, 0) as below_line,
    coalesce(e.line_known, 0) as line_known,
    coalesce(e.active_assisted, 0) as active_assisted,
    coalesce(e.all_ok, 0) as all_ok,
    coalesce(e.housing_ok, 0) as housing_ok,
    coalesce(e.edu_ok, 0) as edu_ok,
    coalesce(e.med_ok, 0) as med_ok,
    coalesce(e.water_ok, 0) as water_ok,
    coalesce(v.identified, 0) as identified,
    coalesce(v.returned, 0) as returned,
    coalesce(v.returned_pop, 0) as returned_pop,
    coalesce(v.newly_poor, 0) as newly_poor,
    coalesce(v.ident_on_time, 0) as ident_on_time,
    coalesce(v.ident_counted, 0) as ident_counted,
    coalesce(v.ident_pending, 0) as ident_pending,
    coalesce(v.ident_overdue, 0) as ident_overdue,
    coalesce(v.assist_on_time, 0) as assist_on_time,
    coalesce(v.assist_known, 0) as assist_known,
    coalesce(v.assist_pending, 0) as assist_pending,
    -- a stock of the end snapshot: empty without one
    case when g.end_month is not null then coalesce(v.assist_overdue, 0) end as assist_overdue,
    -- no start snapshot (a month before the first roster): the rates that need one are empty
    case when g.start_month is not null then coalesce(s.lifted_households, 0) end as start_lifted,
    case when g.start_month is not null then coalesce(s.lifted_persons, 0) end as start_lifted_pop
  from grid g
  left join end_counts e on e.period = g.period and e.area_code = g.area_code and e.area_level = g.area_level
  left join event_counts v on v.period = g.period and v.area_code = g.area_code and v.area_level = g.area_level
  left join int_snapshot_area_stats s
    on s.snapshot_month = g.start_month and s.area_code = g.area_code and s.area_level = g.area_level
),
long as (
  select
    period,
    area_code,
    area_level,
    has_end,
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
      {'code': 'timely_identification_rate', 'numerator': ident_on_time, 'denominator': ident_counted},
      {'code': 'timely_assist_rate', 'numerator': assist_on_time, 'denominator': assist_known},
      {'code': 'ident_pending', 'numerator': ident_pending, 'denominator': null},
      {'code': 'ident_overdue', 'numerator': ident_overdue, 'denominator': null},
      {'code': 'assist_pending', 'numerator': assist_pending, 'denominator': null},
      {'code': 'assist_overdue', 'numerator': assist_overdue, 'denominator': null}
    ]) as m
  from wide
),
kinds as (
  -- stocks of the end snapshot are empty in a period without one; flows and event stocks are not
  select
    code,
    kind = 'stock' and code not in ('ident_pending', 'ident_overdue', 'assist_pending') as needs_end,
    unit in ('households', 'persons') as is_count
  from indicator_catalog
)
select
  l.m.code,
  l.period,
  l.area_code,
  l.area_level,
  -- counts have no denominator and are their own value; rates are numerator ÷ denominator
  case
    when k.needs_end and not l.has_end then null
    when k.is_count then l.m.numerator
    else ind_ratio(l.m.numerator, l.m.denominator)
  end as value,
  case when k.needs_end and not l.has_end then null else l.m.numerator end as numerator,
  case when k.needs_end and not l.has_end then null else l.m.denominator end as denominator
from long l
left join kinds k on k.code = l.m.code;
