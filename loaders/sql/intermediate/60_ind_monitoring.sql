-- ind_monitoring — grain: monitoring indicator code × period × area (county, town, village).
-- Stocks: household facts of the end snapshot (int_household_periods), counted once per area level; a
-- period without any snapshot (a calendar month kept for back-dated events) has empty stocks.
-- Flows and timeliness: events read from each household's latest snapshot (int_period_events, the same
-- model the monitoring_flows and timeliness marts read), so monthly flows add up to half-years and years.
-- Every area gets a row for every period (int_period_areas), so an area with no households reads 0 (counts)
-- or empty (rates).
-- Shape: each measure is named once, as a column of the aggregate that counts it (end_counts, event_counts, the
-- start snapshot's in `wide`); `wide` places them on the grid, each group empty where its snapshot is missing,
-- and `long` unpivots them once, one row per code with its numerator and denominator measure (assist_overdue, an
-- event count that is a stock of the end snapshot, is emptied there). A code whose catalog unit is a count
-- (indicator_catalog: households, persons) is its numerator, any other numerator ÷ denominator (ind_ratio).
-- key: code, period, area_code
create or replace table ind_monitoring as
with facts as (
  select r.area_code, r.area_level, h.*
  from int_household_periods h
  join int_area_rollup r on r.village_code = h.village_code
),
-- the end snapshot's households
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
event_rows as (
  select e.*, r.area_code, r.area_level
  from int_period_events e
  join int_area_rollup r on r.village_code = e.village_code
),
-- events and deadlines: counted in every period
event_counts as (
  select
    period,
    area_code,
    area_level,
    count(*) filter (where identified) as identified,
    count(*) filter (where identified and is_lifted and monitor_kind = '脱贫不稳定户') as returned,
    coalesce(sum(persons) filter (where identified and is_lifted and monitor_kind = '脱贫不稳定户'), 0) as returned_pop,
    count(*) filter (where identified and is_ordinary) as newly_poor,
    count(*) filter (where ident_on_time) as ident_on_time,
    count(*) filter (where ident_counted) as ident_counted,
    count(*) filter (where ident_pending) as ident_pending,
    count(*) filter (where ident_overdue) as ident_overdue,
    count(*) filter (where assist_on_time) as assist_on_time,
    count(*) filter (where assist_known) as assist_known,
    count(*) filter (where assist_pending) as assist_pending,
    count(*) filter (where assist_overdue) as assist_overdue
  from event_rows
  group by all
),
wide as (
  select
    g.period,
    g.area_code,
    g.area_level,
    g.end_month is not null as has_end,
    case when g.end_month is not null then coalesce(columns(e.* exclude (period, area_code, area_level)), 0) end,
    coalesce(columns(v.* exclude (period, area_code, area_level)), 0),
    -- the start snapshot (a month before the first roster has none): the rates that need one are empty
    case when g.start_month is not null then coalesce(s.lifted_households, 0) end as start_lifted,
    case when g.start_month is not null then coalesce(s.lifted_persons, 0) end as start_lifted_pop,
    case when g.start_month is not null then g.rural_households - coalesce(s.lifted_households, 0) end as start_not_lifted
  from int_period_areas g
  left join end_counts e on e.period = g.period and e.area_code = g.area_code and e.area_level = g.area_level
  left join event_counts v on v.period = g.period and v.area_code = g.area_code and v.area_level = g.area_level
  left join int_snapshot_area_stats s
    on s.snapshot_month = g.start_month and s.area_code = g.area_code and s.area_level = g.area_level
),
-- one row per code: its numerator and denominator measures
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
      {'code': 'new_poverty_rate', 'numerator': newly_poor, 'denominator': start_not_lifted},
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
      -- a deadline passed by households of the end snapshot: a stock of that snapshot, empty without one
      {'code': 'assist_overdue', 'numerator': case when has_end then assist_overdue end, 'denominator': null}
    ]) as m
  from wide
)
select
  l.m.code,
  l.period,
  l.area_code,
  l.area_level,
  case when c.unit in ('households', 'persons') then l.m.numerator else ind_ratio(l.m.numerator, l.m.denominator) end as value,
  l.m.numerator,
  l.m.denominator
from long l
left join indicator_catalog c on c.code = l.m.code;
