-- int_workdays — grain: calendar day over the span of the roster's dates and of the periods (int_periods).
-- workday_seq counts working days (Monday–Friday minus cfg_holidays) up to and including the day, so the
-- working days after day a up to and including day b are seq(b) − seq(a).
-- key: day
create or replace table int_workdays as
with bounds as (
  -- the span of the roster's dates and of its snapshot months (pages count working days up to a month's
  -- end); absurd dates (typing errors) must not blow up the calendar: clamp to 2000–2100
  select
    greatest(least(min(risk_found_date), min(identified_date), min(first_assist_date),
      min(strptime(snapshot_month || '-01', '%Y-%m-%d'))::date), date '2000-01-01') as lo,
    least(greatest(max(risk_found_date), max(identified_date), max(first_assist_date),
      max(last_day(strptime(snapshot_month || '-01', '%Y-%m-%d')::date)),
      (select max(last_day) from int_periods)), date '2100-12-31') as hi
  from int_household_snapshots
),
days as (
  select unnest(generate_series(lo, hi, interval 1 day))::date as day
  from bounds
  where lo is not null and hi is not null and lo <= hi
),
flagged as (
  select d.day, isodow(d.day) <= 5 and h.holiday is null as is_workday
  from days d
  left join cfg_holidays h on h.holiday = d.day
)
select day, is_workday, sum(is_workday::integer) over (order by day rows between unbounded preceding and current row) as workday_seq
from flagged;
