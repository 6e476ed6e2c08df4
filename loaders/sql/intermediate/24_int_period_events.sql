-- int_period_events — grain: period × household, for households with at least one event or open deadline in
-- the period. The one model every flow reads (ind_monitoring's flow codes and the monitoring_flows and
-- timeliness marts), from int_household_events (each household's latest snapshot):
--   identified        识别监测日期 inside the period (monitored households only);
--   eliminated        风险消除日期 inside the period, household counted as eliminated;
--   ident_on_time     identified inside the period within the identification deadline (timeliness numerator);
--   ident_counted     enters the identification-timeliness denominator in this period (on time, or the
--                     period in which its deadline passed without identification: late once, DOMAIN.md §7);
--   ident_pending     at the period's end: risk found, not identified, deadline not yet passed (未到期);
--   ident_overdue     at the period's end: risk found, not identified, deadline passed (已超期 backlog);
--   assist_known      identified inside the period and, by the period's end, first assistance given or its
--                     deadline passed (timely_assist_rate denominator; not additive over months by definition);
--   assist_on_time    of those, first assistance by the period's end within the deadline;
--   assist_pending    at the period's end: identified, no first assistance yet, deadline not passed;
--   assist_overdue    at the period's end: active monitored in the end snapshot with no 帮扶措施 there, no first
--                     assistance dated by the period's end, deadline passed (NULL-free; false without an end snapshot);
--   month_only        identified inside the period, with dates known to the month only (日期仅到月: the national
--                     system's YYYYMM): no working days can be counted, so the household is in neither timeliness
--                     rate (numerator or denominator) nor in the pending/overdue counts; the timeliness mart lists
--                     it as status month_only. Flows by period (identified, eliminated) are unchanged.
-- village_code: the household's village in the period's end snapshot, else in its latest snapshot (DOMAIN.md
-- §7: an event is counted where the household lives at the end of the event's period; a mover moves with it).
-- "By the period's end" is int_periods.as_of_day: the period's last day, or the last day of data for a year
-- or half-year still running (nothing is overdue on a day the data does not reach).
-- key: period, household_id
create or replace table int_period_events as
with periods as (
  select period, first_day, as_of_day as last_day, end_month from int_periods
),
end_rows as (
  select p.period, s.household_id, s.village_code, s.is_active, s.has_measure
  from periods p
  join int_household_snapshots s on s.snapshot_month = p.end_month
),
flags as (
  select
    p.period,
    e.household_id,
    coalesce(er.village_code, e.latest_village) as village_code,
    e.persons,
    e.is_lifted,
    e.is_ordinary,
    e.monitor_kind,
    e.risks,
    e.elimination_mode,
    e.identify_workdays,
    e.assist_workdays,
    e.date_month_only,
    coalesce(e.identified_date between p.first_day and p.last_day, false) as identified,
    coalesce(e.eliminated_date between p.first_day and p.last_day, false) as eliminated,
    coalesce(e.ident_on_time and e.identified_date between p.first_day and p.last_day, false) as ident_on_time,
    coalesce(e.ident_counted_date between p.first_day and p.last_day, false) as ident_counted,
    -- found by the period's end and not identified by then (a later identification is not known yet)
    not e.date_month_only and coalesce(e.risk_found_date <= p.last_day and (e.identified_date is null or e.identified_date > p.last_day), false) as ident_open,
    coalesce(e.ident_late_date <= p.last_day, false) as ident_deadline_passed,
    coalesce(e.first_assist_date <= p.last_day, false) as assisted_by_end,
    coalesce(e.identified_date <= p.last_day, false) as identified_by_end,
    coalesce(e.assist_late_date <= p.last_day, false) as assist_deadline_passed,
    coalesce(er.is_active and not er.has_measure, false) as end_active_without_measure
  from periods p
  cross join int_household_events e
  left join end_rows er on er.period = p.period and er.household_id = e.household_id
),
derived as (
  select
    *,
    ident_open and not ident_deadline_passed as ident_pending,
    ident_open and ident_deadline_passed as ident_overdue,
    identified and (assisted_by_end or assist_deadline_passed) as assist_known,
    identified and assisted_by_end and coalesce(assist_workdays <= (select first_assist_deadline_days from cfg_settings limit 1), false) as assist_on_time,
    identified_by_end and not assisted_by_end and not assist_deadline_passed and not date_month_only as assist_pending,
    identified and date_month_only as month_only,
    end_active_without_measure and not date_month_only and identified_by_end and not assisted_by_end and assist_deadline_passed as assist_overdue
  from flags
)
select
  period, household_id, village_code, persons, is_lifted, is_ordinary, monitor_kind, risks, elimination_mode,
  identify_workdays, assist_workdays,
  identified, eliminated, ident_on_time, ident_counted, ident_pending, ident_overdue,
  assist_known, assist_on_time, assist_pending, assist_overdue, month_only
from derived
where identified or eliminated or ident_counted or ident_pending or ident_overdue or assist_pending or assist_overdue;
