-- insurance_breakdown — grain: period × area (county, town) × 险种大类 (line_class) × insurer, with '全部' rows
-- for all lines and/or all insurers (grouping sets), so medians are never averaged by a page.
-- The ins_ indicators split by line and insurer, with the same rules as ind_insurance: premiums by 起保日期,
-- payouts and settlement days by 赔付日期, claims open at the period's end (reported by its last day, unpaid
-- then; amount = int_claims.open_amount). overdue_claims: of those, open more than the county's
-- 未决赔案超期天数 (cfg_insurance) calendar days on as_of_day = the period's last day, or the last day of the
-- data's latest month when that is earlier. A claim's insurer is its policy's; unknown → （未注明）.
-- key: period, area_code, line_class, insurer
create or replace table insurance_breakdown as
with data_end as (
  select max(last_day) as day from int_periods where period_type = 'month'
),
periods as (
  select p.period, p.period_type, p.first_day, p.last_day, least(p.last_day, d.day) as as_of_day
  from int_periods p
  cross join data_end d
  where p.end_month is not null -- the periods ind_insurance has
),
areas as (
  select area_code, area_level from int_areas where area_level in ('county', 'town')
),
policies as (
  select *, coalesce(insurer, '（未注明）') as insurer_name from int_policies
),
claims as (
  select *, coalesce(insurer, '（未注明）') as insurer_name from int_claims
),
-- each record for its town (if any) and its county (area_levels, 05_int_macros.sql, without the village)
policy_areas as (
  select p.*, unnest(area_levels(null, town_code, county_code), recursive := true) from policies p
),
claim_areas as (
  select c.*, unnest(area_levels(null, town_code, county_code), recursive := true) from claims c
),
written as (
  select
    pr.period, p.area_code,
    coalesce(p.line_class, '全部') as line_class,
    coalesce(p.insurer_name, '全部') as insurer,
    count(*) as policies, sum(p.premium) as premium, sum(p.subsidy) as subsidy
  from periods pr
  join policy_areas p on p.start_date between pr.first_day and pr.last_day
  group by grouping sets ((pr.period, p.area_code, p.line_class, p.insurer_name), (pr.period, p.area_code, p.line_class),
                          (pr.period, p.area_code, p.insurer_name), (pr.period, p.area_code))
),
settled as (
  select
    pr.period, c.area_code,
    coalesce(c.line_class, '全部') as line_class,
    coalesce(c.insurer_name, '全部') as insurer,
    count(*) as claims_paid, sum(c.paid_amount) as paid,
    median(c.settle_days) as settle_days_median, avg(c.settle_days) as settle_days_mean,
    quantile_cont(c.settle_days, 0.9) as settle_days_p90, max(c.settle_days) as settle_days_max
  from periods pr
  join claim_areas c on c.paid_date between pr.first_day and pr.last_day
  group by grouping sets ((pr.period, c.area_code, c.line_class, c.insurer_name), (pr.period, c.area_code, c.line_class),
                          (pr.period, c.area_code, c.insurer_name), (pr.period, c.area_code))
),
open_claims as (
  select
    pr.period, c.area_code,
    coalesce(c.line_class, '全部') as line_class,
    coalesce(c.insurer_name, '全部') as insurer,
    count(*) as claims_open, sum(c.open_amount) as open_amount,
    count(*) filter (where date_diff('day', c.report_date, pr.as_of_day) > s.outstanding_overdue_days) as claims_overdue,
    sum(c.open_amount) filter (where date_diff('day', c.report_date, pr.as_of_day) > s.outstanding_overdue_days) as overdue_amount
  from periods pr
  join claim_areas c on c.report_date <= pr.last_day and (c.paid_date is null or c.paid_date > pr.last_day)
  cross join cfg_insurance s
  group by grouping sets ((pr.period, c.area_code, c.line_class, c.insurer_name), (pr.period, c.area_code, c.line_class),
                          (pr.period, c.area_code, c.insurer_name), (pr.period, c.area_code))
),
keys as (
  select period, area_code, line_class, insurer from written
  union
  select period, area_code, line_class, insurer from settled
  union
  select period, area_code, line_class, insurer from open_claims
)
select
  k.period,
  p.period_type,
  k.area_code,
  a.area_level,
  k.line_class,
  k.insurer,
  coalesce(w.policies, 0) as policies,
  coalesce(w.premium, 0) as premium,
  coalesce(w.subsidy, 0) as subsidy,
  coalesce(w.premium, 0) - coalesce(w.subsidy, 0) as self_paid,
  coalesce(s.claims_paid, 0) as claims_paid,
  coalesce(s.paid, 0) as paid,
  coalesce(o.claims_open, 0) as claims_open,
  coalesce(o.open_amount, 0) as open_amount,
  coalesce(o.claims_overdue, 0) as claims_overdue,
  coalesce(o.overdue_amount, 0) as overdue_amount,
  ind_ratio(coalesce(s.paid, 0) + coalesce(o.open_amount, 0), coalesce(w.premium, 0)) as loss_ratio,
  s.settle_days_median,
  s.settle_days_mean,
  s.settle_days_p90,
  s.settle_days_max
from keys k
join periods p on p.period = k.period
join areas a on a.area_code = k.area_code
left join written w on w.period = k.period and w.area_code = k.area_code and w.line_class = k.line_class and w.insurer = k.insurer
left join settled s on s.period = k.period and s.area_code = k.area_code and s.line_class = k.line_class and s.insurer = k.insurer
left join open_claims o on o.period = k.period and o.area_code = k.area_code and o.line_class = k.line_class and o.insurer = k.insurer
order by k.period, a.area_level, k.area_code, k.line_class, k.insurer;
