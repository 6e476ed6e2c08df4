-- int_leads — grain: lead (department × rule × household × lead date). DOMAIN.md §10.
-- The rules (thresholds in cfg_lead_settings, from data/config/lead-rules.json; sentences in lead_rules):
--   medical_self_paid  the household head's self-paid cost over the 12 months up to a visit exceeds
--                      least(医疗自付线, share × annual net income); the lead date is the visit at which the
--                      rolling sum first crosses the line (it may cross again after falling below);
--   aid_new            低保/特困/临时救助 granted to a household not monitored with risk not eliminated;
--   aid_ended          低保 ended for a household monitored with risk not eliminated;
--   dwelling_unsafe    a C/D dwelling where 住房安全 is 是;
--   school_dropout     a pupil of compulsory age out of school where 义务教育保障 is 是;
--   disability_new     a grade 1–2 certificate for a household not monitored with risk not eliminated;
--   disaster_loss      a household's loss above the line.
-- "Already monitored for the same risk" raises no lead: medical 因病, dwelling 住房出现安全问题, school 因学,
-- disaster 因自然灾害, each only while the household's risk is not eliminated (a risk that returns after
-- elimination is a new risk); aid and disability rules ask for a household not monitored at all.
-- Only records matched to a household with a state (see int_department_records) can raise a lead.
-- 线索编号: the department's two letters, the lead date, and 8 hex digits of md5(department|rule|household|date),
-- so the same lead keeps its number across rebuilds and however the files are ordered.
-- key: lead_id
create or replace table int_leads as
with settings as (
  select * from cfg_lead_settings
),
judged as (
  select * from int_department_records where household_id is not null and state_month is not null
),
medical_running as (
  select
    j.*,
    sum(j.amount) over (partition by j.household_id order by j.record_date range between interval 364 days preceding and current row) as cost_12m,
    least(s.medical_line, case when j.income_pc is not null and j.persons > 0 then s.medical_income_share * j.income_pc * j.persons end) as line
  from judged j, settings s
  where j.rule = 'medical_self_paid'
),
medical_flagged as (
  select *, cost_12m > line as above
  from medical_running
),
medical as (
  select *
  from (
    select *, lag(above) over (partition by household_id order by record_date, source_file, source_row) as was_above
    from medical_flagged
  )
  where above and not coalesce(was_above, false) and not (active_then and list_contains(risks, '因病'))
),
others as (
  select j.*, null::double as cost_12m, null::double as line
  from judged j, settings s
  where (j.rule = 'aid_new' and not j.active_then)
     or (j.rule = 'aid_ended' and j.active_then)
     or (j.rule = 'dwelling_unsafe' and j.category in ('C', 'D') and j.housing_ok
         and not (j.active_then and list_contains(j.risks, '住房出现安全问题')))
     or (j.rule = 'school_dropout' and list_contains(s.dropout_statuses, j.category)
         and j.pupil_age between s.school_age_from and s.school_age_to and j.edu_ok
         and not (j.active_then and list_contains(j.risks, '因学')))
     or (j.rule = 'disability_new' and j.category in ('一级', '二级') and not j.active_then)
     or (j.rule = 'disaster_loss' and j.amount > s.disaster_line
         and not (j.active_then and list_contains(j.risks, '因自然灾害')))
),
fired as (
  select department, rule, household_id, record_date, village_code, state_month, amount, category, cost_12m, line, source_file, source_row
  from medical
  union all
  select department, rule, household_id, record_date, village_code, state_month, amount, category, cost_12m, line, source_file, source_row
  from others
),
-- several records of one household, rule and day make one lead (the first record in file order speaks for it)
leads as (
  select *
  from fired
  qualify row_number() over (partition by department, rule, household_id, record_date order by source_file, source_row) = 1
)
select
  r.prefix || '-' || strftime(l.record_date, '%Y%m%d') || '-'
    || upper(left(md5(l.department || '|' || l.rule || '|' || l.household_id || '|' || strftime(l.record_date, '%Y-%m-%d')), 8)) as lead_id,
  l.department,
  l.rule,
  r.name_zh as rule_name,
  l.household_id,
  l.record_date as lead_date,
  l.village_code,
  l.state_month,
  l.amount,
  l.category,
  l.cost_12m,
  l.line,
  l.source_file,
  l.source_row
from leads l
join lead_rules r on r.rule = l.rule;
