-- loan_breakdown — grain: period × bank × product_class × borrower_type, county level (every loan of the
-- county). Stocks (loans, balance, npl_balance, overdue_principal, borrowers) at the period's last ledger month;
-- flows (issued_amount/issued_count by 发放日期, interest_subsidy over the period's ledgers) as the loan
-- indicators define them. A row exists where any of these is non-zero. product_class is the DOMAIN §4
-- product the county's rules gave the bank's own name.
-- key: period, institution, product_class, borrower_type
create or replace table loan_breakdown as
with periods as (
  select period, first_month, last_month, first_day, last_day, loan_end_month from int_periods
),
stock as (
  select p.period, m.institution, m.product_class, m.borrower_type,
    count(*) filter (where m.balance > 0) as loans,
    count(distinct coalesce(m.roster_household_id, m.id_number, m.institution || '/' || m.loan_id)) filter (where m.balance > 0) as borrowers,
    sum(m.balance) as balance,
    sum(case when m.grade in ('次级', '可疑', '损失') then m.balance else 0 end) as npl_balance,
    sum(m.overdue_principal) as overdue_principal,
    sum(coalesce(m.people_driven, 0)) as people_driven
  from periods p
  join int_loan_months m on m.ledger_month = p.loan_end_month
  group by all
),
issued as (
  select p.period, l.institution, l.product_class, l.borrower_type, sum(l.contract_amount) as issued_amount, count(*) as issued_count
  from periods p
  join int_loans l on l.issue_date between p.first_day and p.last_day
  group by all
),
subsidy as (
  select p.period, m.institution, m.product_class, m.borrower_type, sum(m.interest_subsidy) as interest_subsidy
  from periods p
  join int_loan_months m on m.ledger_month between p.first_month and p.last_month
  group by all
),
keys as (
  select period, institution, product_class, borrower_type from stock
  union
  select period, institution, product_class, borrower_type from issued
  union
  select period, institution, product_class, borrower_type from subsidy
)
select
  k.period, k.institution, k.product_class, k.borrower_type,
  coalesce(s.loans, 0) as loans,
  coalesce(s.borrowers, 0) as borrowers,
  coalesce(s.balance, 0) as balance,
  coalesce(s.npl_balance, 0) as npl_balance,
  coalesce(s.overdue_principal, 0) as overdue_principal,
  coalesce(s.people_driven, 0) as people_driven,
  coalesce(i.issued_amount, 0) as issued_amount,
  coalesce(i.issued_count, 0) as issued_count,
  coalesce(sb.interest_subsidy, 0) as interest_subsidy
from keys k
left join stock s using (period, institution, product_class, borrower_type)
left join issued i using (period, institution, product_class, borrower_type)
left join subsidy sb using (period, institution, product_class, borrower_type)
order by k.period, k.institution, k.product_class, k.borrower_type;
