-- int_indicator_completeness — grain: period × family × area, only where something is missing.
-- A source is missing for a period when it is missing (int_source_deliveries) in the period's reference month:
-- the end month of the family's data (household snapshots for town rosters, ledgers for banks) or, where the
-- period has none, its last calendar month (capped at the last month with data); insurers and departments use
-- the latter. missing_sources names each as '<source name> <YYYY年M月><what>' (e.g. '县农业银行 2025年6月贷款台账',
-- '二乡 2025年6月户信息'), sorted. The indicators mart marks its rows by the code's catalog family.
-- A bank's or insurer's missing file marks the areas of the counties it serves (int_source_counties), so in a
-- warehouse of several counties one county's missing ledger leaves the others complete; a source placed in no
-- county marks every area.
-- key: period, family, area_code
create or replace table int_indicator_completeness as
with reference as (
  select
    p.period,
    s.source_type,
    case s.source_type
      when 'town_roster' then coalesce(p.end_month, strftime(p.as_of_day, '%Y-%m'))
      when 'bank_ledger' then coalesce(p.loan_end_month, strftime(p.as_of_day, '%Y-%m'))
      else strftime(p.as_of_day, '%Y-%m')
    end as month
  from int_periods p
  cross join (select distinct source_type from int_family_sources) s
),
missing as (
  select
    r.period,
    d.source_type,
    d.source_key,
    d.source_name || ' ' || left(d.month, 4) || '年' || (d.month[6:7])::integer || '月' ||
      case d.source_type when 'town_roster' then '户信息' when 'bank_ledger' then '贷款台账' when 'insurer' then '保单理赔' else '数据' end as label
  from reference r
  join int_source_deliveries d on d.source_type = r.source_type and d.month = r.month and d.missing
),
affected as (
  -- a town's roster: its county, itself and its villages; anything else: every area of the counties it serves
  select m.period, f.family, ra.area_code, ra.area_level, m.label
  from missing m
  join int_family_sources f on f.source_type = m.source_type and f.scope = 'town'
  join (
    select distinct left(r.village_code, 9) as town_code, r.area_code, r.area_level from int_area_rollup r
  ) ra on ra.town_code = m.source_key
  union all
  select m.period, f.family, g.area_code, g.area_level, m.label
  from missing m
  join int_family_sources f on f.source_type = m.source_type and f.scope = 'all'
  join int_period_areas g on g.period = m.period
  where left(g.area_code, 6) in (
      select s.county_code from int_source_counties s where s.source_type = m.source_type and s.source_key = m.source_key
    )
    or not exists (select 1 from int_source_counties s where s.source_type = m.source_type and s.source_key = m.source_key)
)
select period, family, area_code, area_level, list_sort(list(distinct label)) as missing_sources
from affected
group by all;
