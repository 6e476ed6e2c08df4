-- int_source_deliveries — grain: source × calendar month (int_periods' months).
-- Who delivers what (DOMAIN.md §7 "Completeness"): each town's part of the household roster (source_key = the
-- 9-digit town code of the rows' 区划代码), each bank's loan ledger (金融机构), each insurer's policies and claims
-- (保险机构; a claim reaches its insurer through its 保单号). rows = accepted staging rows of the month
-- (households, loans after one row per household/loan and month; for insurers, policy and claim rows).
-- delivered: rows > 0. missing: not delivered although the source delivered some earlier month (a source that
-- has not started yet is not missing). Insurers' files carry no 数据期: a policies or claims file whose name
-- gives a period (load_log.period) delivers that month; a file without one is a full extract and counts as
-- delivered for every month, so an insurer is only ever missing where its files are monthly. (Today the loader
-- takes a period from file names for households and loans only, so insurers are never missing yet.)
-- key: source_type, source_key, month
create or replace table int_source_deliveries as
with months as (
  select period as month from int_periods where period_type = 'month'
),
town_rows as (
  select 'town_roster' as source_type, left(area_code, 9) as source_key, period as month, count(*) as rows
  from int_roster
  where area_code is not null
  group by all
),
bank_rows as (
  select 'bank_ledger' as source_type, institution as source_key, period as month, count(*) as rows
  from (
    select distinct period, institution, loan_id from stg_loans where period is not null and institution is not null
  )
  group by all
),
policy_files as (
  select p.insurer, l.period, count(*) as rows
  from stg_policies p
  left join (select distinct file, period from load_log where status = 'loaded') l on l.file = p.source_file
  where p.insurer is not null
  group by all
),
claim_files as (
  select p.insurer, l.period, count(*) as rows
  from stg_claims c
  join (select distinct policy_id, insurer from stg_policies where insurer is not null) p on p.policy_id = c.policy_id
  left join (select distinct file, period from load_log where status = 'loaded') l on l.file = c.source_file
  group by all
),
insurer_files as (
  select * from policy_files
  union all
  select * from claim_files
),
insurer_rows as (
  -- a monthly file delivers its month; a file without a period delivers every month
  select 'insurer' as source_type, f.insurer as source_key, m.month, sum(f.rows) as rows
  from insurer_files f
  join months m on f.period = m.month or f.period is null
  group by all
),
delivered as (
  select * from town_rows
  union all
  select * from bank_rows
  union all
  select * from insurer_rows
),
sources as (
  select distinct source_type, source_key from delivered
),
town_names as (
  select area_code, name from int_areas where area_level = 'town'
),
grid as (
  select
    s.source_type,
    s.source_key,
    case when s.source_type = 'town_roster' then coalesce(t.name, s.source_key) else s.source_key end as source_name,
    m.month,
    coalesce(d.rows, 0) as rows
  from sources s
  cross join months m
  left join delivered d on d.source_type = s.source_type and d.source_key = s.source_key and d.month = m.month
  left join town_names t on t.area_code = s.source_key
)
select
  source_type,
  source_key,
  source_name,
  month,
  rows > 0 as delivered,
  rows::integer as rows,
  rows = 0 and coalesce(max(rows) over (
    partition by source_type, source_key order by month rows between unbounded preceding and 1 preceding
  ), 0) > 0 as missing
from grid;
