-- loan_coverage_groups — grain: period × area (county and towns) × household group. Groups: 脱贫户, each kind
-- of monitored household (是否监测对象=是 by 监测对象类别), and 合计 (脱贫户 or monitored: the loan_coverage
-- denominator). Households are read from the period's end snapshot, in their snapshot village's town.
-- The county "rates" (DOMAIN.md §4):
--   获贷率 coverage_rate = households with a balance > 0 on a 脱贫人口小额信贷 or 个人精准扶贫贷款 loan in the period's
--          last ledger month ÷ households (for 合计 it equals loan_coverage);
--   户贷率 borrowed_rate = households that had such a loan in any ledger up to that month ÷ households;
--   授信率 credit_rate = households with 授信额度 > 0 in any ledger row up to that month ÷ households — empty
--          when no ledger of the warehouse carries 授信额度 (the banks do not report credit lines).
-- Borrowers are matched to households by 户编号, else 证件号码. A zero denominator gives an empty rate.
-- key: period, area_code, household_group
create or replace table loan_coverage_groups as
with periods as (
  select period, end_month, loan_end_month from int_periods where end_month is not null and loan_end_month is not null
),
current_loans as (
  select distinct p.period, m.roster_household_id as household_id
  from periods p
  join int_loan_months m on m.ledger_month = p.loan_end_month
  where m.roster_household_id is not null and m.balance > 0 and m.product_class in ('脱贫人口小额信贷', '个人精准扶贫贷款')
),
ever_loans as (
  select distinct p.period, m.roster_household_id as household_id
  from periods p
  join int_loan_months m on m.ledger_month <= p.loan_end_month
  where m.roster_household_id is not null and m.product_class in ('脱贫人口小额信贷', '个人精准扶贫贷款')
),
credit as (
  select distinct p.period, m.roster_household_id as household_id
  from periods p
  join int_loan_months m on m.ledger_month <= p.loan_end_month
  where m.roster_household_id is not null and m.credit_line > 0
),
credit_reported as (
  select count(*) filter (where credit_line is not null) > 0 as any_credit from int_loan_months
),
households as (
  select p.period, h.household_id, h.village_code, h.is_lifted, h.is_monitored, h.monitor_kind,
    c.household_id is not null as has_loan, e.household_id is not null as ever_loan, cr.household_id is not null as has_credit
  from periods p
  join int_household_snapshots h on h.snapshot_month = p.end_month
  left join current_loans c on c.period = p.period and c.household_id = h.household_id
  left join ever_loans e on e.period = p.period and e.household_id = h.household_id
  left join credit cr on cr.period = p.period and cr.household_id = h.household_id
  where h.is_lifted or h.is_monitored
),
grouped as (
  select *, '合计' as household_group from households
  union all
  select *, '脱贫户' from households where is_lifted
  union all
  select *, monitor_kind from households where is_monitored and monitor_kind is not null
),
at_areas as (
  select g.*, r.area_code, r.area_level
  from grouped g
  join int_area_rollup r on r.village_code = g.village_code
  where r.area_level in ('county', 'town')
),
counted as (
  select period, area_code, area_level, household_group,
    count(*) as households,
    count(*) filter (where has_loan) as with_loan,
    count(*) filter (where ever_loan) as ever_borrowed,
    count(*) filter (where has_credit) as with_credit
  from at_areas
  group by all
)
select
  c.period, c.area_code, c.area_level, a.name as area_name, c.household_group,
  c.households, c.with_loan, c.ever_borrowed,
  case when cr.any_credit then c.with_credit end as with_credit,
  c.with_loan / nullif(c.households, 0) as coverage_rate,
  c.ever_borrowed / nullif(c.households, 0) as borrowed_rate,
  case when cr.any_credit then c.with_credit / nullif(c.households, 0) end as credit_rate
from counted c
cross join credit_reported cr
left join int_areas a on a.area_code = c.area_code and a.area_level = c.area_level
order by c.period, c.area_level, c.area_code, c.household_group;
