-- loan_risk_links — grain: list × household (× loan for the loan lists), at the latest household snapshot and
-- the latest ledger month: the links no single bank can see (风险关联清单), for the town cadres and the
-- People's Bank. Lists:
--   monitored_bad_loan  monitored households with risk not eliminated holding a loan that is overdue
--                       (逾期本金 > 0 or 逾期天数 > 0) or non-performing (次级/可疑/损失);
--   no_labour_micro     households with no labour capacity (整户无劳动能力) holding a microcredit balance —
--                       microcredit is for households able to run a business or work;
--   unserved_lead       应贷未贷 leads: 脱贫户 or monitored households with labour (劳动力人数 > 0, not 整户无劳动能力)
--                       whose measures include 产业帮扶 but with no microcredit or 个人精准扶贫贷款 balance at any bank.
-- Borrowers are matched by 户编号, else 证件号码. Names and ID numbers are in clear (the county's warehouse):
-- page loaders mask them and leave the list out of a public build.
-- key: list, household_id, institution?, loan_id?
create or replace table loan_risk_links as
with latest_snapshot as (
  select max(period) as month from int_roster
),
latest_ledger as (
  select max(ledger_month) as month from int_loan_months
),
households as (
  select r.*, h.is_active, h.is_lifted, h.is_monitored
  from int_roster r
  join latest_snapshot s on s.month = r.period
  join int_household_snapshots h on h.household_id = r.household_id and h.snapshot_month = r.period
),
loans as (
  select m.*
  from int_loan_months m
  join latest_ledger l on l.month = m.ledger_month
  where m.roster_household_id is not null and m.balance > 0
),
listed as (
  select 'monitored_bad_loan' as list, h.household_id, l.institution, l.loan_id, l.product, l.product_class, l.balance,
    l.overdue_principal, l.overdue_days, l.grade
  from households h
  join loans l on l.roster_household_id = h.household_id
  where h.is_active and (l.overdue_principal > 0 or l.overdue_days > 0 or l.grade in ('次级', '可疑', '损失'))
  union all
  select 'no_labour_micro', h.household_id, l.institution, l.loan_id, l.product, l.product_class, l.balance,
    l.overdue_principal, l.overdue_days, l.grade
  from households h
  join loans l on l.roster_household_id = h.household_id
  where coalesce(h.no_labour, false) and l.product_class = '脱贫人口小额信贷'
  union all
  select 'unserved_lead', h.household_id, null, null, null, null, null, null, null, null
  from households h
  where (h.is_lifted or h.is_monitored)
    and coalesce(h.labour_count, 0) > 0 and not coalesce(h.no_labour, false)
    and list_contains(coalesce(h.measures, []), '产业帮扶')
    and not exists (select 1 from loans l where l.roster_household_id = h.household_id and l.product_class in ('脱贫人口小额信贷', '个人精准扶贫贷款'))
)
select
  x.list,
  (select month from latest_snapshot) as snapshot_month,
  (select month from latest_ledger) as ledger_month,
  left(h.area_code, 9) as town_code,
  t.name as town_name,
  h.area_code as village_code,
  v.name as village_name,
  x.household_id,
  h.head_name,
  h.id_number,
  h.household_type,
  h.monitor_kind,
  h.labour_count,
  x.institution, x.loan_id, x.product, x.product_class, x.balance, x.overdue_principal, x.overdue_days, x.grade
from listed x
join households h on h.household_id = x.household_id
left join int_areas t on t.area_code = left(h.area_code, 9) and t.area_level = 'town'
left join int_areas v on v.area_code = h.area_code and v.area_level = 'village'
order by x.list, h.area_code, x.household_id, x.institution, x.loan_id;
