-- indicator_bins — grain: median indicator code × period × county × value: the histogram a median is taken
-- from, each distinct value with its weight, so that a prefecture, province or the nation gets the exact median
-- of all its counties' people or claims by adding the counties' weights per value (issue 14; never a mean of
-- medians, never a household row). The bins are the exact values (no rounding), so the roll-up median equals the
-- median over all households; a county's rows shrink only where values repeat (rounding the value to a coarser
-- bin would bound the error by half the bin width, and is not done).
--   income_pc_median        value = 人均纯收入 of a 脱贫户 of the period's end snapshot with a known income,
--                           weight = its 家庭人口数 (persons, as ind_income weighs them); the county of the
--                           household's village (int_area_rollup);
--   ins_settle_days_median  value = days from report to payment of a claim paid in the period (int_claims
--                           counted for its county, as ind_insurance), weight = claims.
-- The median of a histogram: persons (or claims) numbered 1..W in value order; the average of the values of
-- number ⌊(W+1)/2⌋ and ⌊W/2⌋+1, as ind_income and DuckDB's median do. test/sql/rollup.test.ts checks that
-- each county's bins give its own indicator value.
-- key: code, period, county_code, value
create or replace table indicator_bins as
with periods as (
  select period, first_day, last_day from int_periods
),
income as (
  select 'income_pc_median' as code, h.period, r.area_code as county_code, h.income_pc as value, sum(h.persons)::double as weight
  from int_household_periods h
  join int_area_rollup r on r.village_code = h.village_code and r.area_level = 'county'
  where h.is_lifted and h.income_pc is not null and h.persons > 0
  group by h.period, r.area_code, h.income_pc
),
settle as (
  select 'ins_settle_days_median' as code, p.period, c.county_code, c.settle_days::double as value, count(*)::double as weight
  from periods p
  join int_claims c on c.paid_date between p.first_day and p.last_day
  where c.county_code is not null and c.settle_days is not null
  group by p.period, c.county_code, c.settle_days
)
select * from income
union all
select * from settle;
