-- income_distribution — grain: snapshot month × income bin.
-- 脱贫户 with a 人均纯收入 in each month's snapshot (household_status), in 1,000-yuan bins: bin = the lower
-- edge in yuan, negative incomes in bin 0, 40,000 and above in one open bin 40000 (bin_width NULL).
-- Only non-empty bins have a row; top_bin repeats the open bin's edge so readers need not know it.
-- persons = Σ 家庭人口数 of the bin's households: the page draws persons, as income_pc_mean and the
-- person-weighted income_pc_median count them (DOMAIN.md §7); households is kept beside it.
-- key: month, bin
create or replace table income_distribution as
with params as (
  select 1000 as bin_width, 40000 as top_bin
),
binned as (
  select
    s.period as month,
    least(floor(greatest(s.income_pc, 0) / p.bin_width) * p.bin_width, p.top_bin)::integer as bin,
    p.bin_width,
    p.top_bin,
    coalesce(s.household_size, 0) as persons
  from household_status s
  cross join params p
  where s.household_type = '脱贫户' and s.income_pc is not null
)
select
  month,
  bin,
  case when bin < top_bin then bin_width end as bin_width,
  top_bin,
  count(*)::integer as households,
  sum(persons)::integer as persons
from binned
group by all
order by month, bin;
