-- int_periods — grain: period ('YYYY-MM', 'YYYY-H1'/'YYYY-H2', 'YYYY').
-- The calendar: every month from January of the first year with data (household snapshots or loan ledgers)
-- through the last month with data, and the half-years and years containing them. Months without any
-- snapshot are kept because events (DOMAIN.md §7) are counted in the month their date names, which need not
-- be a month with a snapshot: without them a half-year would not be the sum of its months.
-- Snapshot months per DOMAIN.md §7: end = latest household snapshot inside the period (NULL when the period
-- has none: its stocks are empty); start = latest snapshot before the period's first month, else the
-- earliest inside; prior_year = the snapshot 12 months before the end month, when there is one. Loans have
-- their own end month (latest ledger month inside). has_data: the period holds a snapshot or a ledger
-- (the periods mart lists only those). as_of_day: the period's last day, but never after the last day of the
-- last month with data: what is "by the period's end" (pending, overdue, events) for a year still running.
-- key: period
create or replace table int_periods as
with household_months as (
  select distinct snapshot_month as month from int_household_snapshots
),
loan_months as (
  select distinct period as month from stg_loans where period is not null
),
data_months as (
  select month from household_months
  union
  select month from loan_months
),
span as (
  select min(left(month, 4)) || '-01' as first_month, max(month) as last_month from data_months
),
calendar as (
  select strftime(m, '%Y-%m') as month
  from span,
    unnest(generate_series(strptime(first_month || '-01', '%Y-%m-%d'), strptime(last_month || '-01', '%Y-%m-%d'), interval 1 month)) as t(m)
  where first_month is not null
),
candidates as (
  select distinct month as period, 'month' as period_type, month as first_month, month as last_month
  from calendar
  union
  select distinct
    left(month, 4) || case when month[6:7] <= '06' then '-H1' else '-H2' end,
    'half',
    left(month, 4) || case when month[6:7] <= '06' then '-01' else '-07' end,
    left(month, 4) || case when month[6:7] <= '06' then '-06' else '-12' end
  from calendar
  union
  select distinct left(month, 4), 'year', left(month, 4) || '-01', left(month, 4) || '-12'
  from calendar
),
household_bounds as (
  select
    c.period,
    max(h.month) filter (where h.month between c.first_month and c.last_month) as end_month,
    min(h.month) filter (where h.month between c.first_month and c.last_month) as first_inside,
    max(h.month) filter (where h.month < c.first_month) as last_before
  from candidates c
  cross join household_months h
  group by c.period
),
loan_bounds as (
  select c.period, max(l.month) filter (where l.month between c.first_month and c.last_month) as loan_end_month
  from candidates c
  cross join loan_months l
  group by c.period
)
select
  c.period,
  c.period_type,
  c.first_month,
  c.last_month,
  strptime(c.first_month || '-01', '%Y-%m-%d')::date as first_day,
  last_day(strptime(c.last_month || '-01', '%Y-%m-%d')::date) as last_day,
  hb.end_month,
  coalesce(hb.last_before, hb.first_inside) as start_month,
  prior.month as prior_year_month,
  lb.loan_end_month,
  hb.end_month is not null or lb.loan_end_month is not null as has_data,
  least(last_day(strptime(c.last_month || '-01', '%Y-%m-%d')::date),
    last_day(strptime(s.last_month || '-01', '%Y-%m-%d')::date)) as as_of_day
from candidates c
cross join span s
left join household_bounds hb on hb.period = c.period
left join loan_bounds lb on lb.period = c.period
left join household_months prior on prior.month = month_add(hb.end_month, -12);
