-- monitoring_stocks — grain: snapshot month × area (county, town); every month with household snapshots and
-- every county and town, so an area without monitored households reads 0.
-- The month's stock of active monitored households (household_status.is_active), those of them without any
-- 帮扶措施, and those with no labour capacity (整户无劳动能力: never counted as eliminated, so every monitored
-- no-labour household is active); no_labour_file_not_eliminated = of the latter, those whose file also says
-- 风险是否消除 否 (the rest were marked eliminated in the file and are kept under social security).
-- key: month, area_code
create or replace table monitoring_stocks as
with months as (
  select period from int_periods where period_type = 'month' and end_month is not null
),
active as (
  select
    s.period,
    s.area_code as village_code,
    coalesce(len(s.measures), 0) = 0 as without_measure,
    coalesce(s.no_labour, false) as no_labour,
    not coalesce(s.risk_eliminated, false) as file_not_eliminated
  from household_status s
  join months m on m.period = s.period
  where s.is_active
),
counts as (
  select
    a.period,
    r.area_code,
    count(*) as active,
    count(*) filter (where a.without_measure) as active_without_measure,
    count(*) filter (where a.no_labour) as active_no_labour,
    count(*) filter (where a.no_labour and a.file_not_eliminated) as no_labour_file_not_eliminated
  from active a
  join int_area_rollup r on r.village_code = a.village_code and r.area_level in ('county', 'town')
  group by all
),
grid as (
  select g.period, g.area_code, g.area_level
  from int_period_areas g
  join months m on m.period = g.period
  where g.area_level in ('county', 'town')
)
select
  g.period as month,
  g.area_code,
  g.area_level,
  coalesce(c.active, 0)::integer as active,
  coalesce(c.active_without_measure, 0)::integer as active_without_measure,
  coalesce(c.active_no_labour, 0)::integer as active_no_labour,
  coalesce(c.no_labour_file_not_eliminated, 0)::integer as no_labour_file_not_eliminated
from grid g
left join counts c on c.period = g.period and c.area_code = g.area_code
order by month, area_level, area_code;
