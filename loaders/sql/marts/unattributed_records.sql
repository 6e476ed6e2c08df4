-- unattributed_records — grain: extract × month × institution.
-- Records no area could be given (DOMAIN.md §7 attribution: no usable 区划代码, no matched household, and the
-- roster spans several counties so there is no home county): they are in no area's figures, so they are
-- counted here for the 数据质量 page instead of vanishing. Loans today (records = distinct loans of the ledger
-- month, amount = their 贷款余额); the insurance extracts add their own lines.
-- key: extract, month, institution?
create or replace table unattributed_records as
select
  'loans' as extract,
  ledger_month as month,
  institution,
  count(*)::integer as records,
  sum(balance) as amount
from int_loan_months
where attribution = 'unattributed'
group by all
order by extract, month, institution;
