-- int_bank_periods — grain: period × bank (every bank that ever reported a ledger, for every period with ledgers).
-- reported says whether the bank's ledger is present in the period's last ledger month: a bank that misses
-- that month shows reported = false and empty stocks (the gap is visible, never a zero); last_month is the
-- latest month it did report up to the period's end. Stocks at the period's last ledger month; flows
-- (issued, subsidy) over the period, as the loan indicators define them. coverage_households: 脱贫户 or
-- monitored households (end snapshot) with a balance on a microcredit or 个人精准扶贫贷款 loan at this bank.
-- exception_loans: loans of the period's ledgers with a policy exception (int_policy_exceptions) in the period.
-- key: period, institution
create or replace table int_bank_periods as
with banks as (
  select distinct institution from int_loan_months
),
periods as (
  select period, first_month, last_month, first_day, last_day, end_month, loan_end_month
  from int_periods
  where loan_end_month is not null
),
grid as (
  select p.*, b.institution from periods p cross join banks b
),
-- the months each bank reported, once each: joined to every period of the grid, the loan rows themselves made
-- periods × loans × months rows (quadratic in months)
bank_months as (
  select distinct institution, ledger_month from int_loan_months
),
months_reported as (
  select g.period, g.institution,
    count(distinct m.ledger_month) filter (where m.ledger_month between g.first_month and g.last_month) as months_reported,
    max(m.ledger_month) filter (where m.ledger_month <= g.last_month) as last_month_reported
  from grid g
  left join bank_months m on m.institution = g.institution
  group by g.period, g.institution
),
ledger_months as (
  select p.period, count(distinct m.ledger_month) as ledger_months
  from periods p
  join int_loan_months m on m.ledger_month between p.first_month and p.last_month
  group by p.period
),
stocks as (
  select g.period, g.institution,
    count(*) as loans,
    sum(m.balance) as balance,
    sum(m.balance) filter (where m.product_class = '脱贫人口小额信贷') as micro_balance,
    sum(case when m.grade in ('次级', '可疑', '损失') then m.balance else 0 end) as npl_balance,
    sum(m.overdue_principal) as overdue_principal
  from grid g
  join int_loan_months m on m.institution = g.institution and m.ledger_month = g.loan_end_month
  group by g.period, g.institution
),
prior as (
  select g.period, g.institution, sum(m.balance) as prior_balance
  from grid g
  join int_loan_months m on m.institution = g.institution and m.ledger_month = month_add(g.loan_end_month, -12)
  group by g.period, g.institution
),
issued as (
  select g.period, g.institution, sum(l.contract_amount) as issued_amount, count(*) as issued_count
  from grid g
  join int_loans l on l.institution = g.institution and l.issue_date between g.first_day and g.last_day
  group by g.period, g.institution
),
subsidy as (
  select g.period, g.institution, sum(m.interest_subsidy) as interest_subsidy
  from grid g
  join int_loan_months m on m.institution = g.institution and m.ledger_month between g.first_month and g.last_month
  group by g.period, g.institution
),
-- the period's end-of-period loans with the snapshot month to look up, materialized so that the snapshots are
-- joined on household and month together (left to the optimizer, each loan row met every snapshot month of its
-- household first: loans × months × months)
period_end_loans as materialized (
  select g.period, g.institution, g.end_month, m.roster_household_id
  from grid g
  join int_loan_months m on m.institution = g.institution and m.ledger_month = g.loan_end_month
  where m.balance > 0 and m.product_class in ('脱贫人口小额信贷', '个人精准扶贫贷款')
),
covered as (
  select l.period, l.institution, count(distinct h.household_id) as coverage_households
  from period_end_loans l
  join int_household_snapshots h on h.household_id = l.roster_household_id and h.snapshot_month = l.end_month
  where h.is_lifted or h.is_monitored
  group by l.period, l.institution
),
exceptions as (
  -- loans in the period's ledgers of the bank with an exception found in one of the period's months (rules on
  -- the loan's terms hold in every month the loan is reported)
  select g.period, g.institution, count(distinct e.loan_id) as exception_loans
  from grid g
  join int_policy_exceptions e on e.institution = g.institution and e.first_month <= g.last_month and e.last_month >= g.first_month
  where exists (
    select 1 from int_loan_months m
    where m.institution = e.institution and m.loan_id = e.loan_id and m.ledger_month between g.first_month and g.last_month
  )
  group by g.period, g.institution
),
period_loans as (
  select g.period, g.institution, count(distinct m.loan_id) as period_loans
  from grid g
  join int_loan_months m on m.institution = g.institution and m.ledger_month between g.first_month and g.last_month
  group by g.period, g.institution
)
select
  g.period,
  g.institution,
  s.loans is not null as reported,
  mr.last_month_reported,
  mr.months_reported,
  lm.ledger_months,
  s.loans,
  s.balance,
  s.micro_balance,
  s.npl_balance,
  s.overdue_principal,
  case when s.loans is not null then pr.prior_balance end as prior_balance,
  coalesce(i.issued_amount, 0) as issued_amount,
  coalesce(i.issued_count, 0) as issued_count,
  case when mr.months_reported > 0 then coalesce(sb.interest_subsidy, 0) end as interest_subsidy,
  case when s.loans is not null then coalesce(c.coverage_households, 0) end as coverage_households,
  coalesce(x.exception_loans, 0) as exception_loans,
  coalesce(pl.period_loans, 0) as period_loans,
  s.npl_balance / nullif(s.balance, 0) as npl_ratio,
  s.overdue_principal / nullif(s.balance, 0) as overdue_ratio,
  s.balance / nullif(pr.prior_balance, 0) - 1 as balance_yoy
from grid g
left join months_reported mr on mr.period = g.period and mr.institution = g.institution
left join ledger_months lm on lm.period = g.period
left join stocks s on s.period = g.period and s.institution = g.institution
left join prior pr on pr.period = g.period and pr.institution = g.institution
left join issued i on i.period = g.period and i.institution = g.institution
left join subsidy sb on sb.period = g.period and sb.institution = g.institution
left join covered c on c.period = g.period and c.institution = g.institution
left join exceptions x on x.period = g.period and x.institution = g.institution
left join period_loans pl on pl.period = g.period and pl.institution = g.institution
order by g.period, g.institution;
