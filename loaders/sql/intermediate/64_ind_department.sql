-- ind_department — grain: department indicator code × period × area (county, town, village): the leads of
-- every department together (DOMAIN.md §10). Computed with the per-department breakdown in
-- int_lead_indicators; the breakdown is published as lead_indicators_by_department.
-- key: code, period, area_code
create or replace table ind_department as
select code, period, area_code, area_level, value, numerator, denominator
from int_lead_indicators
where department = '全部'
  and code in ('lead_count', 'lead_checked_timely_rate', 'lead_identified_rate');
