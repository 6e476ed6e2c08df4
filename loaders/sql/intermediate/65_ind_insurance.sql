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
-- Shape (as ind_monitoring and ind_loans): measures named once in their aggregates, placed on int_period_areas
-- in `wide`, one row per code in `long`, the value by formula (ind_value); the settlement median is its own value.
-- key: code, period, area_code
create or replace table ind_insurance as
with periods as (
  select
    period, period_type, first_day, last_day, end_month,
    last_day(strptime(end_month || '-01', '%Y-%m-%d')::date) as cover_day
  from int_periods
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
  select p.period, l.area_code, l.area_level, sum(l.paid_amount) as paid, count(l.settle_days) as settled_with_dates
  from periods p
  join claim_levels l on l.paid_date between p.first_day and p.last_day
  group by all
),
-- a median, not a measure that adds up: empty where nothing was paid
settle_times as (
  select p.period, l.area_code, l.area_level, median(l.settle_days) as settle_days_median
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
-- each measure is named once above; here it is placed on the grid (coverage, a stock, empty without an end snapshot)
wide as (
  select
    g.period,
    g.period_type,
    g.area_code,
    g.area_level,
    coalesce(columns(pr.* exclude (period, area_code, area_level)), 0),
    coalesce(columns(pa.* exclude (period, area_code, area_level)), 0),
    coalesce(columns(o.* exclude (period, area_code, area_level)), 0),
    st.settle_days_median,
    case when g.end_month is not null then coalesce(columns(c.* exclude (period, area_code, area_level)), 0) end
  from int_period_areas g
  left join premiums pr on pr.period = g.period and pr.area_code = g.area_code and pr.area_level = g.area_level
  left join paid pa on pa.period = g.period and pa.area_code = g.area_code and pa.area_level = g.area_level
  left join outstanding o on o.period = g.period and o.area_code = g.area_code and o.area_level = g.area_level
  left join settle_times st on st.period = g.period and st.area_code = g.area_code and st.area_level = g.area_level
  left join coverage c on c.period = g.period and c.area_code = g.area_code and c.area_level = g.area_level
),
county_stats as (
  select year, county_code, resident_population, gdp_10k_yuan * 10000 as gdp_yuan
  from stg_county_stats
  where year is not null and county_code is not null
  qualify row_number() over (partition by year, county_code order by source_file desc, source_row desc) = 1
),
-- one row per code, its numerator and denominator and how the value follows from them (ind_value)
long as (
  select
    period,
    area_code,
    area_level,
    unnest([
      {'code': 'ins_coverage_antipoverty', 'formula': 'ratio', 'numerator': covered::double, 'denominator': households::double},
      {'code': 'ins_premium', 'formula': 'amount', 'numerator': premium, 'denominator': null},
      {'code': 'ins_subsidy', 'formula': 'amount', 'numerator': subsidy, 'denominator': null},
      {'code': 'ins_paid', 'formula': 'amount', 'numerator': paid, 'denominator': null},
      {'code': 'ins_loss_ratio', 'formula': 'ratio', 'numerator': paid + outstanding, 'denominator': premium}
    ]) as m
  from wide
  union all
  -- ins_density and ins_depth: the county's year periods only (they divide by the county's yearly statistics)
  select
    w.period,
    w.area_code,
    w.area_level,
    unnest([
      {'code': 'ins_density', 'formula': 'ratio', 'numerator': w.premium::double, 'denominator': s.resident_population::double},
      {'code': 'ins_depth', 'formula': 'ratio', 'numerator': w.premium, 'denominator': s.gdp_yuan}
    ])
  from wide w
  left join county_stats s on s.year::varchar = w.period and s.county_code = w.area_code
  where w.period_type = 'year' and w.area_level = 'county'
)
select m.code, period, area_code, area_level, ind_value(m.formula, m.numerator, m.denominator) as value, m.numerator, m.denominator
from long
union all
-- like income_pc_median: the median itself, with the number of claims it is taken over as denominator
select 'ins_settle_days_median', period, area_code, area_level, settle_days_median, null::double, settled_with_dates::double
from wide;
