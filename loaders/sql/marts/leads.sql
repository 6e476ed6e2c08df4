-- leads — grain: lead (线索编号). Every lead of the department comparison (DOMAIN.md §10) with its household,
-- village and town, rule, deadline and outcome, for the 比对预警 page and the per-town lead lists the towns
-- fill in and send back as 核查反馈. The household's name and ID are those of its latest snapshot, in
-- clear like worklist: whatever publishes this mart must mask them (src/data/leads.json.ts does).
-- key: lead_id
create or replace table leads as
with latest_head as (
  select household_id, head_name, id_number
  from int_roster
  qualify row_number() over (partition by household_id order by period desc) = 1
)
select
  s.lead_id,
  s.department,
  s.rule,
  s.rule_name,
  s.household_id,
  h.head_name,
  h.id_number,
  s.village_code as area_code,
  v.name as village_name,
  v.parent_code as town_code,
  t.name as town_name,
  s.lead_date,
  strftime(s.lead_date, '%Y-%m') as lead_month,
  s.amount,
  s.category,
  s.cost_12m,
  s.line,
  s.deadline,
  s.feedback_date,
  s.feedback_conclusion,
  s.feedback_note,
  s.identified_date,
  s.checked_date,
  s.closed_date,
  s.status,
  s.is_identified,
  s.is_closed,
  s.is_overdue,
  s.is_due,
  s.checked_timely,
  s.discovery_workdays,
  s.as_of_date
from int_lead_status s
left join latest_head h on h.household_id = s.household_id
left join int_areas v on v.area_code = s.village_code and v.area_level = 'village'
left join int_areas t on t.area_code = v.parent_code and t.area_level = 'town'
order by t.area_code, s.lead_date, s.lead_id;
