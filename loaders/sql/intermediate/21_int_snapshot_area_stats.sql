-- int_snapshot_area_stats — grain: snapshot month × area (every level).
-- The stocks that start snapshots (denominators of return and new-poverty rates) and the snapshot
-- 12 months earlier (income growth) supply, aggregated once per month rather than per period.
-- key: snapshot_month, area_code
create or replace table int_snapshot_area_stats as
select
  h.snapshot_month,
  r.area_code,
  r.area_level,
  count(*) as households,
  count(*) filter (where h.is_lifted) as lifted_households,
  coalesce(sum(h.persons) filter (where h.is_lifted), 0) as lifted_persons,
  avg(h.income_pc) filter (where h.is_lifted) as lifted_income_mean
from int_household_snapshots h
join int_area_rollup r on r.village_code = h.village_code
group by all;
