-- int_snapshot_area_stats — grain: snapshot month × area (every level).
-- The stocks that start snapshots (denominators of return and new-poverty rates) and the snapshot
-- 12 months earlier (income growth) supply, aggregated once per month rather than per period.
-- Income is per person (DOMAIN.md §7): lifted_income_total = Σ(人均纯收入 × 家庭人口数) and
-- lifted_income_persons = Σ 家庭人口数 over 脱贫户 with a known 人均纯收入, their ratio the per-person mean.
-- key: snapshot_month, area_code
create or replace table int_snapshot_area_stats as
select
  h.snapshot_month,
  r.area_code,
  r.area_level,
  count(*) as households,
  count(*) filter (where h.is_lifted) as lifted_households,
  coalesce(sum(h.persons) filter (where h.is_lifted), 0) as lifted_persons,
  coalesce(sum(h.income_pc * h.persons) filter (where h.is_lifted and h.income_pc is not null), 0) as lifted_income_total,
  coalesce(sum(h.persons) filter (where h.is_lifted and h.income_pc is not null), 0) as lifted_income_persons,
  ind_ratio(sum(h.income_pc * h.persons) filter (where h.is_lifted and h.income_pc is not null),
    sum(h.persons) filter (where h.is_lifted and h.income_pc is not null)) as lifted_income_mean
from int_household_snapshots h
join int_area_rollup r on r.village_code = h.village_code
group by all;
