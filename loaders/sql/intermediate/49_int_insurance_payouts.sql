-- int_insurance_payouts — grain: period × household that had claims paid in the period and is in the period's
-- end snapshot (matched by int_claims.matched_household: 户编号, else 证件号码, else the policy's household).
-- Does insurance hold the line (issue 11 point 3)? per-capita income without the period's payouts =
-- 人均纯收入 − payouts ÷ 家庭人口数 (payouts are transfer or business income of the household, DOMAIN.md §3);
-- lifted = below the monitoring line without them and at or above it with them. The 防贫保险 check applies the
-- county's trigger (cfg_insurance, cfg_antipoverty_tiers): gap = (warning line − income without the 防贫保险
-- payouts) × persons, paid by tier (each tier's share of the gap × its ratio), capped per household; the cap
-- is applied to the period's sum (a year period is the county's policy year).
-- key: period, household_id
create or replace table int_insurance_payouts as
with periods as (
  select period, period_type, first_day, last_day, end_month from int_periods where end_month is not null
),
paid as (
  select
    p.period,
    c.matched_household as household_id,
    count(*) as claims,
    sum(c.paid_amount) as payout,
    sum(c.paid_amount) filter (where c.line_class = '防贫保险') as antipoverty_payout,
    list(distinct c.line_class order by c.line_class) as line_classes
  from periods p
  join int_claims c on c.paid_date between p.first_day and p.last_day
  where c.matched_household is not null
  group by all
),
households as (
  select
    p.period, pr.period_type, p.household_id, p.claims, p.payout, coalesce(p.antipoverty_payout, 0) as antipoverty_payout, p.line_classes,
    h.village_code, h.persons, h.is_lifted, h.is_monitored, h.is_active, h.income_pc, h.line
  from paid p
  join periods pr on pr.period = p.period
  join int_household_status h on h.snapshot_month = pr.end_month and h.household_id = p.household_id
),
measured as (
  select
    h.*,
    case when h.persons > 0 and h.income_pc is not null then h.income_pc - h.payout / h.persons end as income_without,
    case when h.persons > 0 and h.income_pc is not null then h.income_pc - h.antipoverty_payout / h.persons end as income_without_antipoverty,
    c.warning_line,
    c.cap_per_household,
    c.trigger_tolerance
  from households h
  cross join cfg_insurance c
),
gaps as (
  select m.*, greatest(0, (m.warning_line - m.income_without_antipoverty) * m.persons) as gap
  from measured m
),
expected as (
  select g.period, g.household_id,
    least(any_value(g.cap_per_household), sum(t.ratio * greatest(0, least(g.gap, coalesce(t.gap_to, g.gap)) - t.gap_from))) as rule_payout
  from gaps g
  cross join cfg_antipoverty_tiers t
  group by g.period, g.household_id
)
select
  g.period,
  g.period_type,
  g.household_id,
  g.village_code,
  left(g.village_code, 9) as town_code,
  left(g.village_code, 6) as county_code,
  g.persons,
  g.is_lifted,
  g.is_monitored,
  g.is_active,
  g.claims,
  g.payout,
  g.line_classes,
  g.income_pc,
  g.line,
  g.income_without,
  g.line is not null and g.income_without < g.line and g.income_pc >= g.line as lifted,
  g.line is not null and g.income_pc < g.line as below_with_payout,
  g.line is not null and g.income_without >= g.line as above_without_payout,
  g.antipoverty_payout,
  g.income_without_antipoverty,
  g.warning_line,
  -- DOMAIN.md §5: a claim triggers when income falls to or below the warning line
  g.antipoverty_payout > 0 and g.income_without_antipoverty <= g.warning_line as triggered,
  case when g.antipoverty_payout > 0 then e.rule_payout end as rule_payout,
  case when g.antipoverty_payout > 0 then
    case when g.income_without_antipoverty is null then 'unknown'
         when g.income_without_antipoverty > g.warning_line then 'not_triggered'
         when g.antipoverty_payout > e.rule_payout + g.trigger_tolerance then 'above_rule'
         when g.antipoverty_payout < e.rule_payout - g.trigger_tolerance then 'below_rule'
         else 'matches'
    end
  end as rule_check
from gaps g
join expected e on e.period = g.period and e.household_id = g.household_id;
