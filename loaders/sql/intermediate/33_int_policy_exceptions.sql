-- int_policy_exceptions — grain: policy rule × loan (金融机构 + 贷款编号). One row when the rule fires for the
-- loan in at least one ledger month (first_month/last_month/months say when) or, for rules on the loan's terms,
-- once (the months of the loan's ledgers). Rules, thresholds and on/off come from cfg_policy_rules
-- (data/config/finance.json); the reasons for each rule (DOMAIN.md §4, national microcredit notices):
--   micro_single_over    a 脱贫人口小额信贷 contract above the cap (5万): a top-up must be its own loan;
--   micro_household_over a household's microcredit contracts with a balance in the same month total above 10万;
--   subsidy_beyond_cap   subsidy paid on the part of a household's microcredit beyond the first 5万 (loans
--                        counted in issue order; the part within the cap may get at most its full interest);
--   term_over            microcredit term (发放日期 → first reported 到期日期) above 36 months;
--   rate_over_cap        microcredit rate above the LPR of its issue date for its term (≤ 12 months: 1-year
--                        LPR, longer: 5-year-and-above) — the LPR published on the 20th applies from that day;
--   age_outside          a personal microcredit borrower under 18 or over 65 (full years at 发放日期, birth date
--                        from the 18-digit ID number);
--   not_eligible         a microcredit household neither 脱贫户 nor 是否监测对象=是 in the latest snapshot not
--                        after the issue month (else its earliest snapshot), or not found in the roster at all;
--   subsidy_on_overdue   a month with 贴息金额 > 0 while 逾期本金 > 0 or 逾期天数 > 0 (any product);
--   past_maturity        a month-end balance past 到期日期 without 是否续贷 or 是否展期 (any product);
--   repeated_rollover    renewals + extensions of one loan (续贷 counts 1; 展期 the number of maturity changes,
--                        at least 1 when flagged) reaching the threshold.
-- key: rule, institution, loan_id
create or replace table int_policy_exceptions as
with rules as (
  select code, threshold from cfg_policy_rules where enabled
),
micro as (
  select * from int_loans where product_class = '脱贫人口小额信贷'
),
micro_months as (
  select * from int_loan_months where product_class = '脱贫人口小额信贷' and balance > 0
),
household_months as (
  select
    m.*,
    coalesce(m.roster_household_id, m.id_number, m.institution || '/' || m.loan_id) as borrower_key,
    sum(m.contract_amount) over (partition by m.ledger_month, coalesce(m.roster_household_id, m.id_number, m.institution || '/' || m.loan_id)) as household_total,
    coalesce(sum(m.contract_amount) over (
      partition by m.ledger_month, coalesce(m.roster_household_id, m.id_number, m.institution || '/' || m.loan_id)
      order by m.issue_date, m.institution, m.loan_id rows between unbounded preceding and 1 preceding), 0) as total_before
  from micro_months m
),
-- loan-month findings: (rule, institution, loan_id, month, detail)
month_findings as (
  select 'micro_household_over' as rule, institution, loan_id, ledger_month,
    '该户同月在贷小额信贷合同金额合计 ' || household_total::bigint || ' 元，上限 ' || r.threshold::bigint || ' 元' as detail
  from household_months, rules r
  where r.code = 'micro_household_over' and household_total > r.threshold
  union all
  select 'subsidy_beyond_cap', institution, loan_id, ledger_month,
    '该户在此笔之前已贷 ' || total_before::bigint || ' 元，此笔 ' || contract_amount::bigint || ' 元中超过 ' || r.threshold::bigint
      || ' 元的部分为 ' || (contract_amount - greatest(0, least(contract_amount, r.threshold - total_before)))::bigint || ' 元，本月贴息 ' || printf('%.2f', interest_subsidy) || ' 元'
  from household_months, rules r
  where r.code = 'subsidy_beyond_cap'
    and interest_subsidy > 0
    and total_before + contract_amount > r.threshold
    and (
      total_before >= r.threshold
      or interest_subsidy > balance * coalesce(annual_rate, 0) / 100 / 12 * greatest(0, least(contract_amount, r.threshold - total_before)) / contract_amount + 0.01
    )
  union all
  select 'subsidy_on_overdue', institution, loan_id, ledger_month,
    '逾期本金 ' || printf('%.2f', overdue_principal) || ' 元、逾期 ' || overdue_days || ' 天，本月仍贴息 ' || printf('%.2f', interest_subsidy) || ' 元'
  from int_loan_months, rules r
  where r.code = 'subsidy_on_overdue' and interest_subsidy > 0 and (overdue_principal > 0 or overdue_days > 0)
  union all
  select 'past_maturity', institution, loan_id, ledger_month,
    '到期日期 ' || strftime(maturity_date, '%Y-%m-%d') || '，月末余额 ' || printf('%.2f', balance) || ' 元，未标明续贷或展期'
  from int_loan_months, rules r
  where r.code = 'past_maturity'
    and balance > 0
    and maturity_date < last_day(strptime(ledger_month || '-01', '%Y-%m-%d')::date)
    and not is_renewal and not is_extension
),
lpr as (
  select month, one_year, five_year from cfg_lpr
),
micro_terms as (
  select
    m.*,
    date_diff('month', m.issue_date, m.first_maturity) + case when day(m.first_maturity) > day(m.issue_date) then 1 else 0 end as term_months,
    -- the LPR published on the 20th applies from that day
    strftime(case when day(m.issue_date) >= 20 then m.issue_date else m.issue_date - interval 1 month end, '%Y-%m') as lpr_month
  from micro m
),
micro_caps as (
  select
    t.*,
    (select l.month from lpr l where l.month <= t.lpr_month order by l.month desc limit 1) as lpr_used,
    case when t.term_months <= 12
      then (select l.one_year from lpr l where l.month <= t.lpr_month order by l.month desc limit 1)
      else (select l.five_year from lpr l where l.month <= t.lpr_month order by l.month desc limit 1)
    end as rate_cap
  from micro_terms t
  where t.issue_date >= date '2019-08-20'
),
person_micro as (
  select
    m.*,
    date_sub('year', strptime(substr(m.id_number, 7, 8), '%Y%m%d')::date, m.issue_date) as age_at_issue
  from micro m
  where m.borrower_type = '个人'
    and regexp_full_match(coalesce(m.id_number, ''), '[1-6][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]')
    and try_strptime(substr(m.id_number, 7, 8), '%Y%m%d') is not null
),
snapshot_at_issue as (
  select
    m.institution, m.loan_id, m.roster_household_id,
    coalesce(
      (select max(h.snapshot_month) from int_household_snapshots h where h.household_id = m.roster_household_id and h.snapshot_month <= strftime(m.issue_date, '%Y-%m')),
      (select min(h.snapshot_month) from int_household_snapshots h where h.household_id = m.roster_household_id)
    ) as snapshot_month
  from micro m
),
eligibility as (
  select s.institution, s.loan_id, s.roster_household_id, s.snapshot_month, h.is_lifted, h.is_monitored
  from snapshot_at_issue s
  left join int_household_snapshots h on h.household_id = s.roster_household_id and h.snapshot_month = s.snapshot_month
),
-- loan findings: (rule, institution, loan_id, detail) over the loan's ledger months
loan_findings as (
  select 'micro_single_over' as rule, institution, loan_id,
    '合同金额 ' || contract_amount::bigint || ' 元，单笔上限 ' || r.threshold::bigint || ' 元' as detail
  from micro, rules r
  where r.code = 'micro_single_over' and contract_amount > r.threshold
  union all
  select 'term_over', institution, loan_id,
    '期限 ' || term_months || ' 个月（' || strftime(issue_date, '%Y-%m-%d') || ' 至 ' || strftime(first_maturity, '%Y-%m-%d') || '），上限 ' || r.threshold::integer || ' 个月'
  from micro_terms, rules r
  where r.code = 'term_over' and first_maturity is not null and term_months > r.threshold
  union all
  select 'rate_over_cap', institution, loan_id,
    '年利率 ' || annual_rate || '%，期限 ' || term_months || ' 个月，上限 ' || rate_cap || '%（' || lpr_used || ' 公布的'
      || case when term_months <= 12 then '一年期' else '五年期以上' end || 'LPR）'
  from micro_caps, rules r
  where r.code = 'rate_over_cap' and first_maturity is not null and annual_rate is not null and rate_cap is not null and annual_rate > rate_cap + 1e-9
  union all
  select 'age_outside', institution, loan_id, '发放时 ' || age_at_issue || ' 周岁'
  from person_micro, rules r
  where r.code = 'age_outside' and (age_at_issue < 18 or age_at_issue > 65)
  union all
  select 'not_eligible', institution, loan_id,
    case when roster_household_id is null then '按户编号和证件号码在户信息中均未找到借款户'
         else '户信息（' || snapshot_month || '）中既非脱贫户也非监测对象' end
  from eligibility, rules r
  where r.code = 'not_eligible' and (roster_household_id is null or not (coalesce(is_lifted, false) or coalesce(is_monitored, false)))
  union all
  select 'repeated_rollover', institution, loan_id,
    '续贷 ' || renewed::integer || ' 次、展期 ' || greatest(maturities - 1, extended::integer) || ' 次'
  from int_loans, rules r
  where r.code = 'repeated_rollover' and renewed::integer + greatest(maturities - 1, extended::integer) >= r.threshold
),
findings as (
  select rule, institution, loan_id, min(ledger_month) as first_month, max(ledger_month) as last_month, count(*) as months,
    arg_max(detail, ledger_month) as detail
  from month_findings
  group by rule, institution, loan_id
  union all
  select f.rule, f.institution, f.loan_id, l.first_month, l.last_month, l.months_reported, f.detail
  from loan_findings f
  join int_loans l using (institution, loan_id)
)
select
  f.rule, f.institution, f.loan_id, f.first_month, f.last_month, f.months, f.detail,
  l.product, l.product_class, l.borrower_type, l.borrower_name, l.id_number, l.roster_household_id,
  l.contract_amount, l.issue_date, l.village_code, l.town_code, l.county_code
from findings f
join int_loans l using (institution, loan_id);
