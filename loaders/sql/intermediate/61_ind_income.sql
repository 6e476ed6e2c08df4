-- ind_income — grain: income indicator code × period × area (county, town, village).
-- income_pc_median: median over the end snapshot's 脱贫户 (denominator = households it is taken over);
-- income_growth: mean of the end snapshot ÷ mean of the snapshot 12 months earlier − 1, the two means
-- kept as numerator and denominator.
-- key: code, period, area_code
create or replace table ind_income as
with medians as (
  select
    h.period,
    r.area_code,
    r.area_level,
    median(h.income_pc) as income_median,
    count(h.income_pc) as income_households
  from int_household_periods h
  join int_area_rollup r on r.village_code = h.village_code
  where h.is_lifted
  group by all
),
grid as (
  select p.period, p.end_month, p.prior_year_month, a.area_code, a.area_level
  from int_periods p
  cross join int_areas a
  where p.end_month is not null
),
wide as (
  select
    g.period,
    g.area_code,
    g.area_level,
    m.income_median,
    coalesce(m.income_households, 0) as income_households,
    e.lifted_income_mean as end_mean,
    b.lifted_income_mean as prior_mean
  from grid g
  left join medians m on m.period = g.period and m.area_code = g.area_code and m.area_level = g.area_level
  left join int_snapshot_area_stats e
    on e.snapshot_month = g.end_month and e.area_code = g.area_code and e.area_level = g.area_level
  left join int_snapshot_area_stats b
    on b.snapshot_month = g.prior_year_month and b.area_code = g.area_code and b.area_level = g.area_level
)
select 'income_pc_median' as code, period, area_code, area_level,
  income_median as value, null::double as numerator, income_households::double as denominator
from wide
union all
select 'income_growth', period, area_code, area_level,
  ind_ratio(end_mean, prior_mean) - 1, end_mean, prior_mean
from wide;
