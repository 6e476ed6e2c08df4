-- verdict — grain: period × county: the 规模性返贫风险研判 of a county and period on 总览, the worst level among
-- its triggers (verdict_triggers, whose areas lie in the county): red when any trigger is red, amber when any is
-- amber, else green; with how many triggers are red and amber. Every county of the roster has a row for every
-- period with an end snapshot (green when nothing triggers). A warehouse may hold several counties (a prefecture
-- or a province); a one-county warehouse has one row per period, as before.
-- key: period, county_code
create or replace table verdict as
with periods as (
  select period from int_periods where end_month is not null
),
counties as (
  select distinct left(village_code, 6) as county_code from int_household_snapshots where village_code is not null
),
counts as (
  select period, left(area_code, 6) as county_code,
    (count(*) filter (where level = 'red'))::integer as red_triggers,
    (count(*) filter (where level = 'amber'))::integer as amber_triggers
  from verdict_triggers
  group by period, left(area_code, 6)
)
select
  p.period,
  k.county_code,
  case when coalesce(c.red_triggers, 0) > 0 then 'red' when coalesce(c.amber_triggers, 0) > 0 then 'amber' else 'green' end as level,
  coalesce(c.red_triggers, 0) as red_triggers,
  coalesce(c.amber_triggers, 0) as amber_triggers
from periods p
cross join counties k
left join counts c on c.period = p.period and c.county_code = k.county_code;
