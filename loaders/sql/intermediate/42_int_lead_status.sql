-- int_lead_status — grain: lead. The closed loop of DOMAIN.md §10 for each lead of int_leads.
-- deadline: the lead date plus the county's 入户核查时限工作日 working days (int_workdays: Monday–Friday minus
--   holidays); a lead dated outside the calendar's span (it covers the roster's dates) falls back to
--   calendar days, 7 for every 5 working days, rounded up.
-- identified: a snapshot of the lead's month or later shows the household monitored with 识别监测日期 on or
--   after the lead date — the lead's date is then its discovery date (discovery_workdays counts the working
--   days from the lead to the county's approval).
-- feedback: the town's 核查反馈 rows for the lead (blank rows ignored); the latest check speaks for it.
-- checked_date: the earliest of the feedback's 核查日期, the identified household's 风险发现日期 (when on or after
--   the lead date: the town found the risk, i.e. checked) and its 识别监测日期 (approval implies a check).
-- closed: identified (closed on 识别监测日期) or feedback 不符合 (closed on 核查日期); 纳入监测 in the feedback
--   before the roster shows it, and 其他, count as checked but not closed.
-- as_of_date: the last day of the latest snapshot month, or the latest feedback date when later: a lead not
--   checked whose deadline is before it is overdue.
-- key: lead_id
create or replace table int_lead_status as
with settings as (
  select check_deadline_days as n from cfg_lead_settings
),
as_of as (
  select greatest(
    (select last_day(strptime(max(snapshot_month) || '-01', '%Y-%m-%d')::date) from int_household_snapshots),
    (select max(check_date) from stg_lead_feedback)
  ) as as_of_date
),
deadlines as (
  select
    l.lead_id,
    -- the working day whose running count is n more than the lead date's (one day per count value)
    coalesce(t.day, l.lead_date + cast(ceil(s.n * 7 / 5.0) as integer)) as deadline
  from int_leads l
  cross join settings s
  left join int_workdays d on d.day = l.lead_date
  left join int_workdays t on t.is_workday and t.workday_seq = d.workday_seq + s.n
),
identified as (
  select
    l.lead_id,
    min(h.identified_date) as identified_date,
    -- the town's own record of finding the risk, when it is on or after the lead date
    min(h.risk_found_date) filter (where h.risk_found_date >= l.lead_date) as found_date
  from int_leads l
  join int_household_snapshots h
    on h.household_id = l.household_id
   and h.snapshot_month >= strftime(l.lead_date, '%Y-%m')
   and h.is_monitored
   and h.identified_date >= l.lead_date
  group by l.lead_id
),
feedback as (
  select lead_id, check_date, conclusion, note
  from stg_lead_feedback
  where lead_id is not null and (check_date is not null or conclusion is not null)
  qualify row_number() over (partition by lead_id order by check_date desc nulls last, source_file desc, source_row desc) = 1
),
joined as (
  select
    l.*,
    d.deadline,
    i.identified_date,
    i.found_date,
    f.check_date as feedback_date,
    f.conclusion as feedback_conclusion,
    f.note as feedback_note,
    a.as_of_date
  from int_leads l
  join deadlines d on d.lead_id = l.lead_id
  left join identified i on i.lead_id = l.lead_id
  left join feedback f on f.lead_id = l.lead_id
  cross join as_of a
),
derived as (
  select
    *,
    least(feedback_date, found_date, identified_date) as checked_date,
    case
      when identified_date is not null then identified_date
      when feedback_conclusion = '不符合' then feedback_date
    end as closed_date
  from joined
)
select
  d.*,
  case
    when identified_date is not null then '已纳入监测'
    when feedback_conclusion = '不符合' then '核查不符合'
    when checked_date is not null then '已核查待办结'
    when as_of_date > deadline then '逾期未核查'
    else '待核查'
  end as status,
  identified_date is not null as is_identified,
  closed_date is not null as is_closed,
  checked_date is null and as_of_date > deadline as is_overdue,
  deadline <= as_of_date as is_due,
  checked_date is not null and checked_date <= deadline as checked_timely,
  case when identified_date is not null then (w2.workday_seq - w1.workday_seq)::integer end as discovery_workdays
from derived d
left join int_workdays w1 on w1.day = d.lead_date
left join int_workdays w2 on w2.day = d.identified_date;
