-- ind_insurance — grain: insurance indicator code × period × area (county, town, village), for every period of
-- int_periods, so that monthly flows add up to half-years and years as the monitoring flows do (a calendar month
-- without a household snapshot still holds the premiums and payouts dated in it; its coverage, a stock, is empty);
-- ins_density and ins_depth only for the county and year periods (they divide by the county's yearly statistics).
-- Flows use the period's calendar days: premiums and subsidies of policies whose 起保日期 falls in the period,
-- payouts of claims whose 赔付日期 does. Outstanding claims are those reported by the period's last day and not
-- paid by then (open_amount of int_claims). Coverage is a stock: 脱贫户 or monitored households (是否监测对象=是)
-- of the end snapshot, covered on the last day of the end snapshot's month by a 防贫保险 policy in force —
-- an individual policy matched by 户编号 or 证件号码, or a 统保 policy whose 区划代码 prefixes the household's
-- village code. Amounts count for the record's area per int_policies / int_claims: a village sum holds the
-- records attributed to the village, a town its own and its villages', the county every record.
-- key: code, period, area_code
create or replace table ind_insurance as
with periods as (
  select
    period, period_type, first_day, last_day, end_month,
    last_day(strptime(end_month || '-01', '%Y-%m-%d')::date) as cover_day
  from int_periods
),
grid as (
  select period, end_month is not null as has_snapshot, area_code, area_level from int_period_areas
),
-- each record once per level it counts for (area_levels, 05_int_macros.sql)
policy_levels as (
  select policy_id, premium, subsidy, start_date, unnest(area_levels(village_code, town_code, county_code), recursive := true)
  from int_policies
),
claim_levels as (
  select claim_id, report_date, paid_date, paid_amount, open_amount, settle_days,
    unnest(area_levels(village_code, town_code, county_code), recursive := true)
  from int_claims
),
premiums as (
  select p.period, l.area_code, l.area_level, sum(l.premium) as premium, sum(l.subsidy) as subsidy
  from periods p
  join policy_levels l on l.start_date between p.first_day and p.last_day
  group by all
),
paid as (
  select p.period, l.area_code, l.area_level, sum(l.paid_amount) as paid, count(*) as claims_paid,
         median(l.settle_days) as settle_days_median, count(l.settle_days) as settled_with_dates
  from periods p
  join claim_levels l on l.paid_date between p.first_day and p.last_day
  group by all
),
outstanding as (
  select p.period, l.area_code, l.area_level, sum(l.open_amount) as outstanding
  from periods p
  join claim_levels l on l.report_date <= p.last_day and (l.paid_date is null or l.paid_date > p.last_day)
  group by all
),
eligible as (
  select p.period, p.cover_day, h.household_id, h.id_number, h.village_code
  from periods p
  join int_household_snapshots h on h.snapshot_month = p.end_month
  where h.is_lifted or h.is_monitored
),
antipoverty as (
  select * from int_policies where line_class = '防贫保险'
),
-- equi-joins for individual policies (a county may hold many), a prefix join for the few group policies
covered_keys as (
  select e.period, e.household_id
  from eligible e
  join antipoverty a on not a.is_group and a.household_id = e.household_id and e.cover_day between a.start_date and a.end_date
  union
  select e.period, e.household_id
  from eligible e
  join antipoverty a on not a.is_group and a.id_number = e.id_number and e.cover_day between a.start_date and a.end_date
  union
  select e.period, e.household_id
  from eligible e
  join antipoverty a on a.is_group and starts_with(e.village_code, a.record_area_code) and e.cover_day between a.start_date and a.end_date
),
covered as (
  select e.period, e.household_id, e.village_code, k.household_id is not null as is_covered
  from eligible e
  left join covered_keys k on k.period = e.period and k.household_id = e.household_id
),
coverage as (
  select c.period, r.area_code, r.area_level, count(*) filter (where c.is_covered) as covered, count(*) as households
  from covered c
  join int_area_rollup r on r.village_code = c.village_code
  group by all
),
flows as (
  select
    g.period, g.area_code, g.area_level,
    coalesce(pr.premium, 0) as premium,
    coalesce(pr.subsidy, 0) as subsidy,
    coalesce(pa.paid, 0) as paid,
    coalesce(o.outstanding, 0) as outstanding,
    pa.settle_days_median,
    coalesce(pa.settled_with_dates, 0) as settled_with_dates,
    case when g.has_snapshot then coalesce(c.covered, 0) end as covered,
    case when g.has_snapshot then coalesce(c.households, 0) end as households
  from grid g
  left join premiums pr using (period, area_code, area_level)
  left join paid pa using (period, area_code, area_level)
  left join outstanding o using (period, area_code, area_level)
  left join coverage c using (period, area_code, area_level)
),
county_years as (
  select f.period, f.area_code, f.area_level, f.premium, s.resident_population, s.gdp_10k_yuan * 10000 as gdp_yuan
  from flows f
  join periods p on p.period = f.period and p.period_type = 'year'
  left join (
    select year, county_code, resident_population, gdp_10k_yuan
    from stg_county_stats
    where year is not null and county_code is not null
    qualify row_number() over (partition by year, county_code order by source_file desc, source_row desc) = 1
  ) s on s.year = f.period::integer and s.county_code = f.area_code
  where f.area_level = 'county'
)
select 'ins_coverage_antipoverty' as code, period, area_code, area_level,
       ind_ratio(covered, households) as value, covered::double as numerator, households::double as denominator
from flows
union all
select 'ins_premium', period, area_code, area_level, premium, premium, null::double from flows
union all
select 'ins_subsidy', period, area_code, area_level, subsidy, subsidy, null::double from flows
union all
select 'ins_paid', period, area_code, area_level, paid, paid, null::double from flows
union all
select 'ins_loss_ratio', period, area_code, area_level, ind_ratio(paid + outstanding, premium), paid + outstanding, premium from flows
union all
-- like income_pc_median: the median itself, with the number of claims it is taken over as denominator
select 'ins_settle_days_median', period, area_code, area_level, settle_days_median, null::double, settled_with_dates::double from flows
union all
select 'ins_density', period, area_code, area_level, ind_ratio(premium, resident_population), premium, resident_population::double from county_years
union all
select 'ins_depth', period, area_code, area_level, ind_ratio(premium, gdp_yuan), premium, gdp_yuan from county_years;
