-- lead_indicators_by_department — grain: department × code × period × area (county, town, village).
-- The department family's indicators (lead_count, lead_checked_timely_rate, lead_identified_rate) broken
-- down by the department whose records raised the leads; the all-department figures are in indicators.
-- Village rows are not suppressed here, so pages show county and town rows only.
-- key: department, code, period, area_code
create or replace table lead_indicators_by_department as
select department, code, period, area_code, area_level, value, numerator, denominator
from int_lead_indicators
where department <> '全部'
order by department, code, period, area_code;
