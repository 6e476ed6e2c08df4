-- insurance_lift — grain: period × area (county, town): does insurance hold the line (issue 11 point 3)?
-- Among 脱贫户 and monitored households (end snapshot) with claims paid in the period (int_insurance_payouts):
-- how many are lifted (below the monitoring line without the period's payouts, at or above it with them),
-- how many stay below even with them, how many were above without them; and the 防贫保险 check of actual
-- payouts against the county's trigger (warning line, tiers, cap). Households, not persons.
-- key: period, area_code
create or replace table insurance_lift as
with households as (
  select * from int_insurance_payouts where is_lifted or is_monitored
),
-- each household for its town and its county (area_levels, 05_int_macros.sql, without the village)
by_area as (
  select h.*, unnest(area_levels(null, town_code, county_code), recursive := true) from households h
)
select
  period,
  any_value(period_type) as period_type,
  area_code,
  area_level,
  count(*) as households_paid,
  sum(payout) as payout,
  count(*) filter (where line is not null and income_pc is not null) as households_with_income,
  count(*) filter (where lifted) as lifted,
  count(*) filter (where below_with_payout) as below_with_payout,
  count(*) filter (where above_without_payout) as above_without_payout,
  count(*) filter (where antipoverty_payout > 0) as antipoverty_households,
  sum(antipoverty_payout) as antipoverty_payout,
  count(*) filter (where triggered) as antipoverty_triggered,
  sum(rule_payout) as antipoverty_rule_payout,
  count(*) filter (where rule_check = 'matches') as rule_matches,
  count(*) filter (where rule_check = 'below_rule') as rule_paid_less,
  count(*) filter (where rule_check = 'above_rule') as rule_paid_more,
  count(*) filter (where rule_check = 'not_triggered') as rule_not_triggered,
  count(*) filter (where rule_check = 'unknown') as rule_unknown
from by_area
group by period, area_code, area_level
order by period, area_level, area_code;
