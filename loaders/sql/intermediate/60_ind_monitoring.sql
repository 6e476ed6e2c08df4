-- ind_monitoring — grain: monitoring indicator code × period × area (county, town, village).
-- Stocks: household facts of the end snapshot (int_household_periods), counted once per area level; a
-- period without any snapshot (a calendar month kept for back-dated events) has empty stocks.
-- Flows and timeliness: events read from each household's latest snapshot (int_period_events, the same
-- model the monitoring_flows and timeliness marts read), so monthly flows add up to half-years and years.
-- Every area gets a row for every period (int_period_areas), so an area with no households reads 0 (counts)
-- or empty (rates).
-- Shape: each measure is named once, as a column of the aggregate that counts it (end_counts, end_event_counts,
-- event_counts, the start snapshot's in `wide`); `wide` places them on the grid, empty where their snapshot is
-- missing, and `measures` unpivots them once. `definitions` names each code's numerator and denominator
-- measure; a code whose catalog unit is a count (indicator_catalog: households, persons) is its numerator,
-- any other is numerator ÷ denominator (ind_ratio).
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
    count(*) filter (where assist_pending) as assist_pending
  from event_rows
  group by all
),
-- a deadline passed by households of the end snapshot: a stock of that snapshot
end_event_counts as (
  select period, area_code, area_level, count(*) filter (where assist_overdue) as assist_overdue
  from event_rows
  group by all
),
wide as (
  select
    g.period,
    g.area_code,
    g.area_level,
    case when g.end_month is not null then coalesce(columns(e.* exclude (period, area_code, area_level)), 0) end,
    case when g.end_month is not null then coalesce(columns(o.* exclude (period, area_code, area_level)), 0) end,
    coalesce(columns(v.* exclude (period, area_code, area_level)), 0),
    -- the start snapshot (a month before the first roster has none): the rates that need one are empty
    case when g.start_month is not null then coalesce(s.lifted_households, 0) end as start_lifted,
    case when g.start_month is not null then coalesce(s.lifted_persons, 0) end as start_lifted_pop,
    case when g.start_month is not null then g.rural_households - coalesce(s.lifted_households, 0) end as start_not_lifted
  from int_period_areas g
  left join end_counts e on e.period = g.period and e.area_code = g.area_code and e.area_level = g.area_level
  left join end_event_counts o on o.period = g.period and o.area_code = g.area_code and o.area_level = g.area_level
  left join event_counts v on v.period = g.period and v.area_code = g.area_code and v.area_level = g.area_level
  left join int_snapshot_area_stats s
    on s.snapshot_month = g.start_month and s.area_code = g.area_code and s.area_level = g.area_level
),
measures as (
  from wide unpivot include nulls (amount for measure in (columns(* exclude (period, area_code, area_level))))
),
definitions(code, numerator, denominator) as (
  values
    ('hh_lifted', 'hh_lifted', null),
    ('pop_lifted', 'pop_lifted', null),
    ('mon_active', 'mon_active', null),
    ('mon_active_pop', 'mon_active_pop', null),
    ('mon_identified', 'identified', null),
    ('mon_share_pop', 'mon_active_pop', 'pop_lifted'),
    ('risk_elim_rate', 'eliminated', 'monitored'),
    ('return_rate', 'returned', 'start_lifted'),
    ('return_rate_pop', 'returned_pop', 'start_lifted_pop'),
    ('new_poverty_rate', 'newly_poor', 'start_not_lifted'),
    ('below_line_share', 'below_line', 'line_known'),
    ('assist_coverage', 'active_assisted', 'mon_active'),
    ('guarantee_rate', 'all_ok', 'households'),
    ('housing_ok_rate', 'housing_ok', 'households'),
    ('edu_ok_rate', 'edu_ok', 'households'),
    ('med_ok_rate', 'med_ok', 'households'),
    ('water_ok_rate', 'water_ok', 'households'),
    ('timely_identification_rate', 'ident_on_time', 'ident_counted'),
    ('timely_assist_rate', 'assist_on_time', 'assist_known'),
    ('ident_pending', 'ident_pending', null),
    ('ident_overdue', 'ident_overdue', null),
    ('assist_pending', 'assist_pending', null),
    ('assist_overdue', 'assist_overdue', null)
)
select
  d.code,
  n.period,
  n.area_code,
  n.area_level,
  case when c.unit in ('households', 'persons') then n.amount::double else ind_ratio(n.amount, m.amount) end as value,
  n.amount::double as numerator,
  m.amount::double as denominator
from definitions d
join measures n on n.measure = d.numerator
left join measures m on m.measure = d.denominator and m.period = n.period and m.area_code = n.area_code
left join indicator_catalog c on c.code = d.code;
