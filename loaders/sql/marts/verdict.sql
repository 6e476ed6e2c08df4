-- verdict — grain: period: the 规模性返贫风险研判 of a period on 总览, the worst level among its triggers
-- (verdict_triggers): red when any trigger is red, amber when any is amber, else green; with how many triggers
-- are red and amber. Every period with an end snapshot has a row (green when nothing triggers).
-- key: period
create or replace table verdict as
with periods as (
  select period from int_periods where end_month is not null
),
counts as (
  select period,
    (count(*) filter (where level = 'red'))::integer as red_triggers,
    (count(*) filter (where level = 'amber'))::integer as amber_triggers
  from verdict_triggers
  group by period
)
select
  p.period,
  case when coalesce(c.red_triggers, 0) > 0 then 'red' when coalesce(c.amber_triggers, 0) > 0 then 'amber' else 'green' end as level,
  coalesce(c.red_triggers, 0) as red_triggers,
  coalesce(c.amber_triggers, 0) as amber_triggers
from periods p
left join counts c on c.period = p.period;
