-- monitoring_flows — grain: month × area (county, town) × dimension × category.
-- What the 监测帮扶 page charts month by month, counted in households. The flows are events read from each
-- household's latest snapshot and counted in the calendar month their date names (int_period_events, the
-- model the indicators' flow codes read too, so a month here equals mon_identified of that month and
-- months add up to half-years and years); a later snapshot may revise an earlier month.
--   identified_kind   households identified in the month by 监测对象类别 ('未填类别' when blank);
--   identified_risk   the same households by 致贫返贫风险 ('未填风险' when none; a household counts once per risk);
--   eliminated_mode   households whose 风险消除日期 is in the month and that count as eliminated (a household
--                     with no labour capacity never does), by 风险消除方式 ('未填方式');
--   active_measure    a stock: active monitored households of the month's snapshot by 帮扶措施 (once per type).
-- The area of a flow is the household's village at the month's end (else its latest snapshot). Only non-zero
-- cells have a row.
-- key: month, area_code, dimension, category
create or replace table monitoring_flows as
with events as (
  select e.*
  from int_period_events e
  join int_periods p on p.period = e.period and p.period_type = 'month'
),
identified_kind as (
  select period, household_id, village_code, 'identified_kind' as dimension,
    coalesce(monitor_kind, '未填类别') as category
  from events
  where identified
),
identified_risks as (
  select period, household_id, village_code,
    unnest(case when len(risks) > 0 then risks else [null::varchar] end) as risk
  from events
  where identified
),
identified_risk as (
  select period, household_id, village_code, 'identified_risk' as dimension, coalesce(risk, '未填风险') as category
  from identified_risks
),
eliminated_mode as (
  select period, household_id, village_code, 'eliminated_mode' as dimension,
    coalesce(elimination_mode, '未填方式') as category
  from events
  where eliminated
),
active_measure as (
  select period, household_id, area_code as village_code, 'active_measure' as dimension, unnest(measures) as category
  from household_status
  where is_active and len(measures) > 0
),
facts as (
  select * from identified_kind
  union all
  select * from identified_risk
  union all
  select * from eliminated_mode
  union all
  select * from active_measure
)
select
  f.period as month,
  r.area_code,
  r.area_level,
  f.dimension,
  f.category,
  count(distinct f.household_id)::integer as households
from facts f
join int_area_rollup r on r.village_code = f.village_code and r.area_level in ('county', 'town')
where f.category is not null
group by all
order by month, area_level, area_code, dimension, category;
