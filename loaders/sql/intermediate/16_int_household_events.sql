-- int_household_events — grain: household (as of its latest snapshot in the warehouse).
-- DOMAIN.md §7 "Events": identification, elimination, first assistance and risk discovery are dated facts
-- read from the household's LATEST snapshot (the best current knowledge: a date back-filled or corrected in
-- a later month counts once, in the month it names), never from the snapshot of the month they fall in.
-- Every flow — the flow codes of ind_monitoring and the page marts monitoring_flows and timeliness — reads
-- these dates through int_period_events, so they cannot disagree.
--   identified_date   only on a monitored household: a stray date on a non-monitored row is no identification;
--   eliminated_date   only when the household counts as eliminated (no-labour households never do);
--   ident_due_date    working-day deadline of identification: the day risk_found_date + N working days
--                     (N = cfg_settings.identification_deadline_days); identified on or before it = on time;
--   ident_late_date   the first day past that deadline (the (N+1)-th working day after discovery);
--   ident_counted_date the day the household enters the identification-timeliness denominator, once:
--                     the identification day if on time, else the day it became overdue (a household still
--                     unidentified is late from then on and is not counted again when identified late);
--                     a deadline that passed before the calendar's first day counts on that first day unless
--                     the household was identified before it;
--   assist_late_date  the first day past the first-assistance deadline (M working days after identification).
-- A household whose latest snapshot has month-only dates (date_month_only, 日期仅到月) gets no deadlines: the
-- day its working days would count from is not known (int_period_events counts it as month_only instead).
-- Dates after the last day of data (int_periods.as_of_day) are typing errors or the future: they fall in no period.
-- key: household_id
create or replace table int_household_events as
with latest as (
  select h.*, r.risks, r.elimination_date, r.elimination_mode, r.household_type
  from int_household_status h
  -- the latest month picked before the roster is joined (a window over every joined row sorted them all)
  semi join (select household_id, max(snapshot_month) as snapshot_month from int_household_status group by household_id) m
    on m.household_id = h.household_id and m.snapshot_month = h.snapshot_month
  join int_roster r on r.period = h.snapshot_month and r.household_id = h.household_id
),
settings as (
  select identification_deadline_days as n, first_assist_deadline_days as m from cfg_settings limit 1
),
calendar as (
  select min(first_day) as first_day from int_periods
),
dated as (
  select
    l.household_id,
    l.snapshot_month as latest_month,
    l.village_code as latest_village,
    l.persons,
    l.is_lifted,
    l.is_ordinary,
    l.is_monitored,
    l.is_eliminated,
    l.is_active,
    l.monitor_kind,
    l.risks,
    l.elimination_mode,
    l.risk_found_date,
    case when l.is_monitored then l.identified_date end as identified_date,
    case when l.is_eliminated then l.elimination_date end as eliminated_date,
    l.first_assist_date,
    l.identify_workdays,
    l.assist_workdays,
    l.date_month_only,
    due.day as ident_due_date,
    late.day as ident_late_date,
    alate.day as assist_late_date
  from latest l
  cross join settings s
  -- date_month_only inside the key keeps this a hash join (beside it: households × calendar days)
  left join int_workdays wf on wf.day = case when not l.date_month_only then l.risk_found_date end
  left join int_workdays due on due.is_workday and due.workday_seq = wf.workday_seq + s.n
  left join int_workdays late on late.is_workday and late.workday_seq = wf.workday_seq + s.n + 1
  -- is_monitored inside the key keeps this a hash join (beside it: households × calendar days)
  left join int_workdays wi on wi.day = case when l.is_monitored and not l.date_month_only then l.identified_date end
  left join int_workdays alate on alate.is_workday and alate.workday_seq = wi.workday_seq + s.m + 1
)
select
  d.*,
  case
    when d.risk_found_date is null then null
    -- identified with both dates, within the deadline: on time, counted on the identification day
    when d.identified_date is not null and d.identify_workdays <= s.n then d.identified_date
    -- late or still unidentified: counted once, on the first day past the deadline
    when d.ident_late_date >= c.first_day then d.ident_late_date
    -- the deadline passed before the calendar's first day: late in the first month if still unidentified then
    -- (or identified in it or later); a household identified before the calendar is in no period
    when d.ident_late_date is not null and (d.identified_date is null or d.identified_date >= c.first_day) then c.first_day
  end as ident_counted_date,
  d.identified_date is not null and d.risk_found_date is not null and d.identify_workdays <= s.n as ident_on_time
from dated d
cross join settings s
cross join calendar c;
