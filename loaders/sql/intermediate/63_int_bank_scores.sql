-- int_bank_scores — grain: evaluation period × bank × scorecard item. The county's own bank scorecard
-- (cfg_scorecard, data/config/finance.json; not the national scheme, whose sub-weights are unpublished).
-- Evaluation periods are the half-years (default) or years (cfg_scorecard_settings.cadence) that have
-- ledgers. Each item's value is read from int_bank_periods (and the county's loan_coverage numerator):
--   balance_growth = balance ÷ balance 12 months earlier − 1;  issued_share = issued ÷ county issued;
--   coverage_share = covered households ÷ county covered households (loan_coverage numerator);
--   micro_share = microcredit balance ÷ balance;  npl_ratio;  overdue_ratio;
--   exception_rate = loans with a policy exception in the period ÷ loans in the period's ledgers;
--   reporting = months the bank reported ÷ months with any ledger in the period.
-- points = weight × (value − zero) ÷ (full − zero), clamped to [0, weight]; a value that cannot be computed
-- (the bank missed the end month, no ledger a year earlier) scores 0, so a missing report costs points.
-- key: period, institution, item
create or replace table int_bank_scores as
with evaluation as (
  select p.period
  from int_periods p
  cross join cfg_scorecard_settings s
  where p.loan_end_month is not null and p.period_type = s.cadence
),
county_issued as (
  select b.period, sum(b.issued_amount) as issued from int_bank_periods b group by b.period
),
county_covered as (
  select period, numerator as covered from ind_loans where code = 'loan_coverage' and area_level = 'county'
),
bank_values as (
  select
    b.period, b.institution,
    b.balance_yoy as balance_growth,
    b.issued_amount / nullif(ci.issued, 0) as issued_share,
    b.coverage_households / nullif(cc.covered, 0) as coverage_share,
    coalesce(b.micro_balance, case when b.reported then 0 end) / nullif(b.balance, 0) as micro_share,
    b.npl_ratio,
    b.overdue_ratio,
    b.exception_loans / nullif(b.period_loans, 0) as exception_rate,
    b.months_reported / nullif(b.ledger_months, 0) as reporting
  from int_bank_periods b
  join evaluation e on e.period = b.period
  left join county_issued ci on ci.period = b.period
  left join county_covered cc on cc.period = b.period
),
long as (
  unpivot bank_values
  on balance_growth, issued_share, coverage_share, micro_share, npl_ratio, overdue_ratio, exception_rate, reporting
  into name item value value
)
select
  v.period, v.institution, i.code as item, i.name as item_name, i.item_order, i.weight, i.zero_value, i.full_value, i.formula,
  l.value,
  case when l.value is null then 0
       else i.weight * greatest(0, least(1, (l.value - i.zero_value) / (i.full_value - i.zero_value)))
  end as points
from (select distinct period, institution from bank_values) v
cross join cfg_scorecard i
left join long l on l.period = v.period and l.institution = v.institution and l.item = i.code;
