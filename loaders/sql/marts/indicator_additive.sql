-- indicator_additive — grain: indicator code × period × county: each county's indicators in the form that adds
-- up across counties (issue 14: a prefecture, province or the nation combines counties' warehouses without any
-- household row). method says how a roll-up above the county recomputes the value from the sums of the
-- counties' columns (loaders/sql/rollup/indicator_rollup.sql does it, on DuckDB, Spark SQL or Trino):
--   sum          value = Σ numerator (counts and amounts; numerator is the value);
--   ratio        value = Σ numerator ÷ Σ denominator, empty when Σ denominator is not positive (ind_ratio);
--   growth       value = Σ numerator ÷ Σ denominator − 1 (loan_balance_yoy: balance now over a year before);
--   mean_growth  value = (Σ numerator ÷ Σ denominator) ÷ (Σ prior_numerator ÷ Σ prior_denominator) − 1
--                (income_growth: a per-person mean now over a year before; the indicator itself keeps only the
--                two means, so the income totals and persons of both snapshots are taken here from
--                int_snapshot_area_stats at the period's end month and 12 months earlier, as ind_income does);
--   median       from the histogram mart indicator_bins (each value with its weight), never from a mean of
--                medians; numerator and denominator here are as in indicators (denominator = weight total).
-- The list of methods is kept here by code; test/sql/rollup.test.ts fails when a catalog code has none.
-- complete is the county's completeness (indicators.complete).
-- key: code, period, county_code
create or replace table indicator_additive as
with methods as (
  select * from (values
    ('hh_lifted', 'sum'), ('pop_lifted', 'sum'), ('mon_active', 'sum'), ('mon_active_pop', 'sum'),
    ('mon_identified', 'sum'), ('ident_pending', 'sum'), ('ident_overdue', 'sum'), ('assist_pending', 'sum'),
    ('assist_overdue', 'sum'), ('loan_balance', 'sum'), ('loan_issued', 'sum'), ('loan_issued_count', 'sum'),
    ('interest_subsidy', 'sum'), ('ins_premium', 'sum'), ('ins_subsidy', 'sum'), ('ins_paid', 'sum'),
    ('lead_count', 'sum'),
    ('mon_share_pop', 'ratio'), ('risk_elim_rate', 'ratio'), ('return_rate', 'ratio'), ('return_rate_pop', 'ratio'),
    ('new_poverty_rate', 'ratio'), ('below_line_share', 'ratio'), ('assist_coverage', 'ratio'),
    ('guarantee_rate', 'ratio'), ('housing_ok_rate', 'ratio'), ('edu_ok_rate', 'ratio'), ('med_ok_rate', 'ratio'),
    ('water_ok_rate', 'ratio'), ('timely_identification_rate', 'ratio'), ('timely_assist_rate', 'ratio'),
    ('income_pc_mean', 'ratio'), ('loan_coverage', 'ratio'), ('loan_avg', 'ratio'), ('npl_ratio', 'ratio'),
    ('overdue_ratio', 'ratio'), ('ins_coverage_antipoverty', 'ratio'), ('ins_loss_ratio', 'ratio'),
    ('ins_density', 'ratio'), ('ins_depth', 'ratio'), ('lead_checked_timely_rate', 'ratio'),
    ('lead_identified_rate', 'ratio'),
    ('loan_balance_yoy', 'growth'), ('income_growth', 'mean_growth'),
    ('income_pc_median', 'median'), ('ins_settle_days_median', 'median')
  ) as t(code, method)
),
county_rows as (
  select code, period, area_code as county_code, value, numerator, denominator, complete
  from indicators
  where area_level = 'county'
),
income_snapshots as (
  -- income_growth's additive parts: the income total and persons of the end snapshot and of 12 months before
  select p.period, e.area_code as county_code,
    e.lifted_income_total::double as end_total, e.lifted_income_persons::double as end_persons,
    b.lifted_income_total::double as prior_total, b.lifted_income_persons::double as prior_persons
  from int_periods p
  join int_snapshot_area_stats e on e.snapshot_month = p.end_month and e.area_level = 'county'
  left join int_snapshot_area_stats b
    on b.snapshot_month = p.prior_year_month and b.area_code = e.area_code and b.area_level = 'county'
)
select
  c.code,
  c.period,
  c.county_code,
  m.method,
  case when m.method = 'mean_growth' then s.end_total else c.numerator end as numerator,
  case when m.method = 'mean_growth' then s.end_persons else c.denominator end as denominator,
  case when m.method = 'mean_growth' then s.prior_total end as prior_numerator,
  case when m.method = 'mean_growth' then s.prior_persons end as prior_denominator,
  c.value,
  c.complete
from county_rows c
join methods m on m.code = c.code
left join income_snapshots s on s.period = c.period and s.county_code = c.county_code;
