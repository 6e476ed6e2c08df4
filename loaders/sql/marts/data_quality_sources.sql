-- data_quality_sources — grain: extract × period × source (the bank for loans, the town code for households and
-- villages, the insurer for policies and claims): distinct rejected rows, accepted staging rows (households,
-- loans and policies only; empty otherwise), warned = distinct accepted rows with a warning (among the accepted)
-- and reject_rate = rejected ÷ (rejected + accepted). source_name is
-- the town's name from the area reference when the source is a town code, else the source itself.
-- key: extract, period?, source_key
create or replace table data_quality_sources as
with rejected as (
  select extract, period, source_key, count(distinct (file, sheet, "row")) as rejected
  from rejections
  where source_key is not null
  group by extract, period, source_key
),
warned as (
  select extract, period, source_key, count(distinct (file, sheet, "row")) as warned
  from warnings
  where source_key is not null
  group by extract, period, source_key
),
accepted as (
  select 'households' as extract, period, left(area_code, 9) as source_key, count(*) as accepted
  from stg_households
  group by period, left(area_code, 9)
  union all
  select 'loans', period, institution, count(*) from stg_loans group by period, institution
  union all
  select 'policies', null, insurer, count(*) from stg_policies group by insurer
),
joined as (
  select
    coalesce(r.extract, a.extract) as extract,
    coalesce(r.period, a.period) as period,
    coalesce(r.source_key, a.source_key) as source_key,
    coalesce(r.rejected, 0) as rejected,
    a.accepted
  from rejected r
  full join accepted a
    on r.extract = a.extract and r.source_key = a.source_key and r.period is not distinct from a.period
),
-- Warned rows are accepted rows, but claims and villages have no accepted count here: a source with
-- warnings only still gets its row.
with_warned as (
  select
    coalesce(j.extract, w.extract) as extract,
    coalesce(j.period, w.period) as period,
    coalesce(j.source_key, w.source_key) as source_key,
    coalesce(j.rejected, 0) as rejected,
    j.accepted,
    coalesce(w.warned, 0) as warned
  from joined j
  full join warned w
    on j.extract = w.extract and j.source_key = w.source_key and j.period is not distinct from w.period
),
area_names as (
  select area_code, any_value(name) as name from int_areas where name is not null group by area_code
)
select
  j.extract,
  j.period,
  j.source_key,
  coalesce(n.name, j.source_key) as source_name,
  j.rejected,
  j.accepted,
  j.warned,
  j.rejected::double / nullif(j.rejected + coalesce(j.accepted, 0), 0) as reject_rate
from with_warned j
left join area_names n on n.area_code = j.source_key
where j.source_key is not null
order by j.extract, j.source_key, j.period;
