-- indicator_rollup — grain: indicator code × period × area above the county (prefecture: the first 4 digits of
-- the county code; province: the first 2), computed ONLY from the additive marts indicator_additive and
-- indicator_bins (issue 14 point 4): counties' numerators, denominators and histogram weights are added, then
-- each value is recomputed by its method (see marts/indicator_additive.sql). No household row is read.
-- counties = the counties of the area with a row of the code and period; counties_with_figure = those whose
-- figure is known (a figure missing in some county is summed over the others: read counties_with_figure before
-- publishing it); complete = every county complete (indicators.complete).
-- key: code, period, area_code
--
-- Portable on purpose: this one file runs unchanged on DuckDB (the warehouse and the Parquet export), Spark SQL
-- and Trino. It uses only: substr, cast(… as double), case, sum/count/min/max, nullif, floor, union all, and a
-- window sum with "rows between unbounded preceding and current row". Not used (each is DuckDB-only or
-- spelled differently elsewhere): "::" casts, "filter (where …)", qualify, "//", left(), any_value, lists,
-- group by all/alias, integer division (all ratios divide doubles). The tables are read by the names
-- indicator_additive and indicator_bins: how each engine binds those names to the Parquet files is the only
-- dialect switch (README "多县和全省"; test/sql/rollup.test.ts does it for DuckDB).
with levels as (
  select 'prefecture' as area_level, 4 as digits
  union all
  select 'province', 2
),
additive as (
  select
    substr(a.county_code, 1, l.digits) as area_code,
    l.area_level,
    a.code,
    a.period,
    a.method,
    a.county_code,
    cast(a.numerator as double) as numerator,
    cast(a.denominator as double) as denominator,
    cast(a.prior_numerator as double) as prior_numerator,
    cast(a.prior_denominator as double) as prior_denominator,
    a.complete,
    case
      when a.method = 'sum' then a.numerator
      when a.method = 'mean_growth' then a.prior_denominator
      else a.denominator
    end as figure
  from indicator_additive a
  cross join levels l
),
sums as (
  select
    area_code,
    area_level,
    code,
    period,
    max(method) as method,
    count(*) as counties,
    count(figure) as counties_with_figure,
    min(case when complete then 1 else 0 end) as all_complete,
    sum(numerator) as numerator,
    sum(denominator) as denominator,
    sum(prior_numerator) as prior_numerator,
    sum(prior_denominator) as prior_denominator
  from additive
  group by area_code, area_level, code, period
),
bins as (
  select
    substr(b.county_code, 1, l.digits) as area_code,
    l.area_level,
    b.code,
    b.period,
    cast(b.value as double) as value,
    sum(cast(b.weight as double)) as weight
  from indicator_bins b
  cross join levels l
  group by substr(b.county_code, 1, l.digits), l.area_level, b.code, b.period, cast(b.value as double)
),
ranked as (
  select
    area_code,
    area_level,
    code,
    period,
    value,
    sum(weight) over (
      partition by area_code, area_level, code, period order by value rows between unbounded preceding and current row
    ) as upto,
    sum(weight) over (partition by area_code, area_level, code, period) as total
  from bins
),
medians as (
  select
    area_code,
    area_level,
    code,
    period,
    (min(case when upto >= floor((total + 1) / 2) then value end)
      + min(case when upto >= floor(total / 2) + 1 then value end)) / 2 as median
  from ranked
  group by area_code, area_level, code, period
)
select
  s.code,
  s.period,
  s.area_code,
  s.area_level,
  case
    when s.method = 'sum' then s.numerator
    when s.method = 'ratio' then case when s.denominator > 0 then s.numerator / s.denominator end
    when s.method = 'growth' then case when s.denominator > 0 then s.numerator / s.denominator - 1 end
    when s.method = 'mean_growth' then
      case when s.denominator > 0 and s.prior_denominator > 0 and s.prior_numerator > 0
        then (s.numerator / s.denominator) / (s.prior_numerator / s.prior_denominator) - 1 end
    when s.method = 'median' then m.median
  end as value,
  case when s.method = 'mean_growth' then
    case when s.denominator > 0 then s.numerator / s.denominator end
  else s.numerator end as numerator,
  case when s.method = 'mean_growth' then
    case when s.prior_denominator > 0 then s.prior_numerator / s.prior_denominator end
  else s.denominator end as denominator,
  s.method,
  s.counties,
  s.counties_with_figure,
  s.all_complete = 1 as complete
from sums s
left join medians m
  on m.area_code = s.area_code and m.area_level = s.area_level and m.code = s.code and m.period = s.period
