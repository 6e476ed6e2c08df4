-- insurance_cause_risk — grain: period × claim cause group × the household's risk type (county level).
-- Claims paid in the period that match a household in the period's end snapshot, against that household's
-- 致贫返贫风险 (one row per risk; 未登记风险 when it has none). The free-text 出险原因 is grouped by keyword:
-- 因灾 (灾 洪 涝 旱 雹 风 冻 雪 火 震 泥石流 疫 — a livestock epidemic is a disaster for the farm, so it is
-- tested before 病), 因病 (病 疾 住院 医 癌 手术), 因意外 (意外 伤 事故 交通 溺 摔), 因学 (学), else 其他.
-- consistent = the cause group has its counterpart among the household's risks (因病–因病, 因灾–因自然灾害,
-- 因意外–因意外事故, 因学–因学), i.e. the roster records the shock the insurer paid for.
-- key: period, cause_group, risk
create or replace table insurance_cause_risk as
with periods as (
  select period, period_type, first_day, last_day, end_month from int_periods where end_month is not null
),
claims as (
  select
    p.period, p.period_type, p.end_month, c.claim_id, c.matched_household, c.paid_amount,
    case
      when regexp_matches(coalesce(c.cause, ''), '灾|洪|涝|旱|雹|风|冻|雪|火|震|泥石流|疫') then '因灾'
      when regexp_matches(coalesce(c.cause, ''), '病|疾|住院|医|癌|手术') then '因病'
      when regexp_matches(coalesce(c.cause, ''), '意外|伤|事故|交通|溺|摔') then '因意外'
      when regexp_matches(coalesce(c.cause, ''), '学') then '因学'
      else '其他'
    end as cause_group
  from periods p
  join int_claims c on c.paid_date between p.first_day and p.last_day
),
with_risks as (
  select c.*, r.risks
  from claims c
  join int_roster r on r.period = c.end_month and r.household_id = c.matched_household
),
expected as (
  select * from (values ('因病', '因病'), ('因灾', '因自然灾害'), ('因意外', '因意外事故'), ('因学', '因学')) t(cause_group, risk)
),
flagged as (
  select w.*, list_contains(coalesce(w.risks, []), e.risk) as consistent
  from with_risks w
  left join expected e on e.cause_group = w.cause_group
),
exploded as (
  select f.*, unnest(case when coalesce(len(f.risks), 0) = 0 then ['未登记风险'] else f.risks end) as risk
  from flagged f
)
select
  period,
  any_value(period_type) as period_type,
  cause_group,
  risk,
  count(distinct claim_id) as claims,
  count(distinct matched_household) as households,
  sum(paid_amount) as paid,
  count(distinct claim_id) filter (where coalesce(consistent, false)) as consistent_claims
from exploded
group by period, cause_group, risk
order by period, cause_group, claims desc, risk;
