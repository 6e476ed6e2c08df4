-- ind_loans — grain: loan indicator code × period × area (county, town, village), every period of int_periods.
-- DOMAIN.md §7. A loan counts for its village (when it has one), its town and its county (int_loan_months:
-- record's 区划代码, else the matched household); the county total includes loans with no village or town.
-- Stocks (loan_balance, npl_ratio, overdue_ratio, loan_coverage and the current side of loan_balance_yoy) read
-- the period's last ledger month (int_periods.loan_end_month); a period with no ledger month has empty stocks,
-- never zeros. Flows: loan_issued / loan_issued_count / loan_avg count each loan (金融机构 + 贷款编号) once, in
-- the period containing its 发放日期, with the area and amount of its latest ledger row (int_loans), so months
-- add up to half-years and years; interest_subsidy sums 贴息金额 over the period's monthly ledgers (empty when
-- the period has none). loan_coverage counts households of the end snapshot (脱贫户 or 是否监测对象=是) in their
-- snapshot village, with a balance > 0 on a product_class 脱贫人口小额信贷 or 个人精准扶贫贷款 loan in the period's
-- last ledger month matched by 户编号 else 证件号码. loan_avg divides personal loans' 合同金额 by distinct
-- borrowers (int_loans.borrower_key). A zero denominator gives an empty value.
-- key: code, period, area_code
create or replace table ind_loans as
with ledger_months as (
  select distinct ledger_month from int_loan_months
),
period_flags as (
  select
    p.period,
    p.loan_end_month is not null as has_ledger,
    p.loan_end_month is not null and p.end_month is not null as has_both,
    exists (select 1 from ledger_months m where m.ledger_month = month_add(p.loan_end_month, -12)) as has_prior_ledger,
    exists (select 1 from ledger_months m where m.ledger_month between p.first_month and p.last_month) as has_month_ledger
  from int_periods p
),
grid as (
  select f.*, g.area_code, g.area_level
  from int_period_areas g
  join period_flags f on f.period = g.period
),
-- every fact row is spread to its village (if any), town (if any) and county
end_rows as (
  select p.period, l.*
  from int_periods p
  join int_loan_months l on l.ledger_month = p.loan_end_month
),
prior_rows as (
  select p.period, l.*
  from int_periods p
  join int_loan_months l on l.ledger_month = month_add(p.loan_end_month, -12)
),
issued as (
  select p.period, l.*
  from int_periods p
  join int_loans l on l.issue_date between p.first_day and p.last_day
),
subsidy_rows as (
  select p.period, l.*
  from int_periods p
  join int_loan_months l on l.ledger_month between p.first_month and p.last_month
),
-- each fact row counts for its village (if any), its town (if any) and its county: area_levels (05_int_macros.sql)
stocks as (
  select
    period, area_code, area_level,
    sum(balance) as balance,
    sum(case when grade in ('次级', '可疑', '损失') then balance else 0 end) as npl_balance,
    sum(overdue_principal) as overdue
  from (select period, balance, grade, overdue_principal, unnest(area_levels(village_code, town_code, county_code), recursive := true) from end_rows)
  group by all
),
prior as (
  select period, area_code, area_level, sum(balance) as balance
  from (select period, balance, unnest(area_levels(village_code, town_code, county_code), recursive := true) from prior_rows)
  group by all
),
flows as (
  select
    period, area_code, area_level,
    sum(contract_amount) as issued_amount,
    count(*) as issued_count,
    sum(contract_amount) filter (where borrower_type = '个人') as personal_amount,
    count(distinct borrower_key) filter (where borrower_type = '个人') as personal_borrowers
  from (select period, contract_amount, borrower_type, borrower_key, unnest(area_levels(village_code, town_code, county_code), recursive := true) from issued)
  group by all
),
subsidies as (
  select period, area_code, area_level, sum(interest_subsidy) as subsidy
  from (select period, interest_subsidy, unnest(area_levels(village_code, town_code, county_code), recursive := true) from subsidy_rows)
  group by all
),
borrowing_households as (
  select distinct e.period, e.roster_household_id as household_id
  from end_rows e
  where e.roster_household_id is not null
    and e.balance > 0
    and e.product_class in ('脱贫人口小额信贷', '个人精准扶贫贷款')
),
eligible as (
  select p.period, h.household_id, h.village_code, b.household_id is not null as has_loan
  from int_periods p
  join int_household_snapshots h on h.snapshot_month = p.end_month
  left join borrowing_households b on b.period = p.period and b.household_id = h.household_id
  where p.loan_end_month is not null and (h.is_lifted or h.is_monitored)
),
coverage as (
  select e.period, r.area_code, r.area_level, count(*) filter (where e.has_loan) as covered, count(*) as households
  from eligible e
  join int_area_rollup r on r.village_code = e.village_code
  group by all
),
joined as (
  select
    g.period, g.area_code, g.area_level, g.has_ledger, g.has_both, g.has_prior_ledger, g.has_month_ledger,
    s.balance, s.npl_balance, s.overdue, pr.balance as prior_balance,
    f.issued_amount, f.issued_count, f.personal_amount, f.personal_borrowers,
    sb.subsidy,
    c.covered, c.households
  from grid g
  left join stocks s on s.period = g.period and s.area_code = g.area_code and s.area_level = g.area_level
  left join prior pr on pr.period = g.period and pr.area_code = g.area_code and pr.area_level = g.area_level
  left join flows f on f.period = g.period and f.area_code = g.area_code and f.area_level = g.area_level
  left join subsidies sb on sb.period = g.period and sb.area_code = g.area_code and sb.area_level = g.area_level
  left join coverage c on c.period = g.period and c.area_code = g.area_code and c.area_level = g.area_level
),
measures as (
  select
    period, area_code, area_level, has_ledger, has_both, has_prior_ledger, has_month_ledger,
    case when has_ledger then coalesce(balance, 0) end as balance,
    case when has_ledger then coalesce(npl_balance, 0) end as npl_balance,
    case when has_ledger then coalesce(overdue, 0) end as overdue,
    case when has_ledger and has_prior_ledger then coalesce(prior_balance, 0) end as prior_balance,
    coalesce(issued_amount, 0) as issued_amount,
    coalesce(issued_count, 0) as issued_count,
    coalesce(personal_amount, 0) as personal_amount,
    coalesce(personal_borrowers, 0) as personal_borrowers,
    case when has_month_ledger then coalesce(subsidy, 0) end as subsidy,
    case when has_both then coalesce(covered, 0) end as covered,
    case when has_both then coalesce(households, 0) end as households
  from joined
),
long as (
  select 'loan_balance' as code, period, area_code, area_level, balance as numerator, null::double as denominator, balance as value from measures
  union all
  select 'loan_issued', period, area_code, area_level, issued_amount, null, issued_amount from measures
  union all
  select 'loan_issued_count', period, area_code, area_level, issued_count, null, issued_count from measures
  union all
  select 'loan_balance_yoy', period, area_code, area_level, balance, prior_balance, balance / nullif(prior_balance, 0) - 1 from measures
  union all
  select 'loan_coverage', period, area_code, area_level, covered, households, covered / nullif(households, 0) from measures
  union all
  select 'loan_avg', period, area_code, area_level, personal_amount, personal_borrowers, personal_amount / nullif(personal_borrowers, 0) from measures
  union all
  select 'npl_ratio', period, area_code, area_level, npl_balance, balance, npl_balance / nullif(balance, 0) from measures
  union all
  select 'overdue_ratio', period, area_code, area_level, overdue, balance, overdue / nullif(balance, 0) from measures
  union all
  select 'interest_subsidy', period, area_code, area_level, subsidy, null, subsidy from measures
)
select code, period, area_code, area_level, value::double as value, numerator::double as numerator, denominator::double as denominator
from long;
