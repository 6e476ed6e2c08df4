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
-- the ledger rows and loans each period reads
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
  select period, area_code, area_level, sum(balance) as prior_balance
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
-- each measure is named once above; here it is placed on the grid, empty where the period lacks what it reads
-- (a ledger month, the prior year's ledger, a ledger inside the period, an end snapshot with a ledger)
wide as (
  select
    g.period,
    g.area_code,
    g.area_level,
    case when f.has_ledger then coalesce(columns(s.* exclude (period, area_code, area_level)), 0) end,
    case when f.has_ledger and f.has_prior_ledger then coalesce(columns(pr.* exclude (period, area_code, area_level)), 0) end,
    coalesce(columns(fl.* exclude (period, area_code, area_level)), 0),
    case when f.has_month_ledger then coalesce(columns(sb.* exclude (period, area_code, area_level)), 0) end,
    case when f.has_both then coalesce(columns(c.* exclude (period, area_code, area_level)), 0) end
  from int_period_areas g
  join period_flags f on f.period = g.period
  left join stocks s on s.period = g.period and s.area_code = g.area_code and s.area_level = g.area_level
  left join prior pr on pr.period = g.period and pr.area_code = g.area_code and pr.area_level = g.area_level
  left join flows fl on fl.period = g.period and fl.area_code = g.area_code and fl.area_level = g.area_level
  left join subsidies sb on sb.period = g.period and sb.area_code = g.area_code and sb.area_level = g.area_level
  left join coverage c on c.period = g.period and c.area_code = g.area_code and c.area_level = g.area_level
),
-- one row per code, its numerator and denominator measure and how the value follows: an amount or a count is its
-- numerator, a ratio or a mean numerator ÷ denominator (ind_ratio), a growth that ratio − 1
long as (
  select
    period,
    area_code,
    area_level,
    unnest([
      {'code': 'loan_balance', 'formula': 'amount', 'numerator': balance::double, 'denominator': null::double},
      {'code': 'loan_issued', 'formula': 'amount', 'numerator': issued_amount, 'denominator': null},
      {'code': 'loan_issued_count', 'formula': 'amount', 'numerator': issued_count, 'denominator': null},
      {'code': 'loan_balance_yoy', 'formula': 'growth', 'numerator': balance, 'denominator': prior_balance},
      {'code': 'loan_coverage', 'formula': 'ratio', 'numerator': covered, 'denominator': households},
      {'code': 'loan_avg', 'formula': 'ratio', 'numerator': personal_amount, 'denominator': personal_borrowers},
      {'code': 'npl_ratio', 'formula': 'ratio', 'numerator': npl_balance, 'denominator': balance},
      {'code': 'overdue_ratio', 'formula': 'ratio', 'numerator': overdue, 'denominator': balance},
      {'code': 'interest_subsidy', 'formula': 'amount', 'numerator': subsidy, 'denominator': null}
    ]) as m
  from wide
)
select
  m.code,
  period,
  area_code,
  area_level,
  ind_value(m.formula, m.numerator, m.denominator) as value,
  m.numerator,
  m.denominator
from long;
