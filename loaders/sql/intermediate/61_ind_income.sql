-- ind_income — grain: income indicator code × period × area (county, town, village).
-- All per person (DOMAIN.md §7; the official 脱贫人口人均纯收入 is per person), over the end snapshot's 脱贫户
-- with a known 人均纯收入, each household weighing its 家庭人口数:
--   income_pc_mean   Σ(人均纯收入 × 家庭人口数) ÷ Σ 家庭人口数 (numerator = the income total, denominator = persons);
--   income_pc_median the 人均纯收入 of the median person: households sorted by income, persons numbered 1..W in
--                    that order; the median is person ⌊(W+1)/2⌋'s income averaged with person ⌊W/2⌋+1's (the
--                    same person when W is odd); denominator = W;
--   income_growth    income_pc_mean of the end snapshot ÷ that of the snapshot 12 months earlier − 1, the two
--                    means kept as numerator and denominator.
-- A period without an end snapshot has empty values.
-- key: code, period, area_code
create or replace table ind_income as
with members as (
  select h.period, r.area_code, r.area_level, h.income_pc, h.persons
  from int_household_periods h
  join int_area_rollup r on r.village_code = h.village_code
  where h.is_lifted and h.income_pc is not null and h.persons > 0
),
ranked as (
  select
    *,
    sum(persons) over (partition by period, area_code, area_level order by income_pc rows between unbounded preceding and current row) as upto,
    sum(persons) over (partition by period, area_code, area_level) as total
  from members
),
medians as (
  select
    period,
    area_code,
    area_level,
    any_value(total) as persons,
    (min(income_pc) filter (where upto >= (total + 1) // 2) + min(income_pc) filter (where upto >= total // 2 + 1)) / 2 as income_median
  from ranked
  group by all
),
grid as (
  select period, end_month, prior_year_month, area_code, area_level from int_period_areas
),
wide as (
  select
    g.period,
    g.area_code,
    g.area_level,
    g.end_month is not null as has_end,
    m.income_median,
    coalesce(m.persons, 0) as median_persons,
    coalesce(e.lifted_income_total, 0) as income_total,
    coalesce(e.lifted_income_persons, 0) as income_persons,
    e.lifted_income_mean as end_mean,
    b.lifted_income_mean as prior_mean
  from grid g
  left join medians m on m.period = g.period and m.area_code = g.area_code and m.area_level = g.area_level
  left join int_snapshot_area_stats e
    on e.snapshot_month = g.end_month and e.area_code = g.area_code and e.area_level = g.area_level
  left join int_snapshot_area_stats b
    on b.snapshot_month = g.prior_year_month and b.area_code = g.area_code and b.area_level = g.area_level
)
select 'income_pc_mean' as code, period, area_code, area_level,
  ind_ratio(income_total, income_persons) as value,
  case when has_end then income_total::double end as numerator,
  case when has_end then income_persons::double end as denominator
from wide
union all
select 'income_pc_median', period, area_code, area_level,
  income_median, null::double, case when has_end then median_persons::double end
from wide
union all
select 'income_growth', period, area_code, area_level,
  ind_ratio(end_mean, prior_mean) - 1, end_mean, prior_mean
from wide;
