-- check_rules — grain: rule.
-- The 疑点核查 catalogue as the pages show it (cfg_checks, from data/config/checks.json: name, severity, threshold,
-- the definition written with the county's threshold, the hint for the towns), with whether the rule ran on the
-- latest roster snapshot and what it found there. status: 'run'; 'disabled' (switched off in checks.json);
-- 'skipped' when the data cannot answer the rule: illness_no_self_paid when no household of that snapshot has a
-- 合规自付支出 (the canonical roster may lack the column), duplicate_person when stg_household_members has no row
-- for that snapshot (canonical input: only the heads' IDs are known, and duplicate_head checks those). status_note says why, in Chinese.
-- key: rule
create or replace table check_rules as
with latest as (
  select max(period) as snapshot_month from int_roster
),
data as (
  select
    (select count(r.medical_self_paid) from int_roster r join latest l on l.snapshot_month = r.period) as self_paid_values,
    (select count(*) from stg_household_members m join latest l on l.snapshot_month = m.period) as member_rows
),
found as (
  select h.rule, count(*) as hits, count(distinct h.household_id) as households
  from int_check_hits h
  join latest l on l.snapshot_month = h.snapshot_month
  group by h.rule
)
select
  c.rule,
  c.title,
  c.severity,
  c.threshold,
  c.unit,
  c.enabled,
  c.definition,
  c.message,
  c.sort_order,
  l.snapshot_month,
  case
    when not c.enabled then 'disabled'
    when c.rule = 'illness_no_self_paid' and d.self_paid_values = 0 then 'skipped'
    when c.rule = 'duplicate_person' and d.member_rows = 0 then 'skipped'
    else 'run'
  end as status,
  case
    when not c.enabled then '本县设置中已停用'
    when c.rule = 'illness_no_self_paid' and d.self_paid_values = 0 then '户信息中没有合规自付支出（没有此列或全部为空），本规则未运行'
    when c.rule = 'duplicate_person' and d.member_rows = 0 then '只有户信息（户主证件号码），没有按人的家庭成员数据，本规则未运行；户主重复见“同一人是多户的户主”'
  end as status_note,
  coalesce(f.hits, 0) as hits,
  coalesce(f.households, 0) as households
from cfg_checks c
cross join latest l
cross join data d
left join found f on f.rule = c.rule
order by c.sort_order;
