-- ind_loans — grain: loan indicator code × period × area (county, town, village); empty for periods without ledgers.
-- loan_balance: balances of the period's last ledger month. A village sums the loans attributed to it, a
-- town the loans attributed to it or to one of its villages; the county sums every loan of the county,
-- including those that map to no village or town.
-- key: code, period, area_code
create or replace table ind_loans as
with end_ledgers as (
  select p.period, l.*
  from int_periods p
  join int_loan_months l on l.ledger_month = p.loan_end_month
),
below_county as (
  select period, village_code as area_code, 'village' as area_level, sum(balance) as balance
  from end_ledgers
  where village_code is not null
  group by all
  union all
  select period, town_code, 'town', sum(balance)
  from end_ledgers
  where town_code is not null
  group by all
),
county as (
  select period, county_code as area_code, 'county' as area_level, sum(balance) as balance
  from end_ledgers
  where county_code is not null
  group by all
),
grid as (
  -- every period: one without any ledger month has an empty balance, not 0
  select p.period, p.loan_end_month, a.area_code, a.area_level
  from int_periods p
  cross join int_areas a
),
balances as (
  select * from below_county
  union all
  select * from county
)
select
  'loan_balance' as code,
  g.period,
  g.area_code,
  g.area_level,
  case when g.loan_end_month is not null then coalesce(b.balance, 0) end as value,
  case when g.loan_end_month is not null then coalesce(b.balance, 0) end as numerator,
  null::double as denominator
from grid g
left join balances b on b.period = g.period and b.area_code = g.area_code and b.area_level = g.area_level;
