-- department_matches — grain: department (and the towns' feedback as '核查反馈'). How the department
-- records compared with the roster (DOMAIN.md §10): records read (a source row counts once even when it is
-- a candidate for two rules), matched by the head's ID number, matched by 户编号, matched to no household
-- (counted, never dropped — a member other than the head cannot match until a members extract exists),
-- dated before the household's first snapshot for every rule it is a candidate for (not judged), and the leads raised. For the feedback: rows
-- with a check filled in, and of those the ones whose 线索编号 names no lead.
-- key: department
create or replace table department_matches as
with rows_once as (
  select
    department, source_file, source_row,
    any_value(match_method) as match_method,
    bool_and(household_id is not null and state_month is null) as before_roster
  from int_department_records
  group by all
),
records as (
  select
    department,
    count(*) as records,
    count(*) filter (where match_method = 'id') as matched_by_id,
    count(*) filter (where match_method = 'household_id') as matched_by_household_id,
    count(*) filter (where match_method is null) as unmatched,
    count(*) filter (where before_roster) as not_judged
  from rows_once
  group by department
),
lead_counts as (
  select department, count(*) as leads from int_leads group by department
),
feedback as (
  select
    '核查反馈' as department,
    count(*) as records,
    count(*) filter (where l.lead_id is not null) as matched_by_id,
    0 as matched_by_household_id,
    count(*) filter (where l.lead_id is null) as unmatched,
    0 as not_judged,
    0 as leads
  from stg_lead_feedback f
  left join int_leads l on l.lead_id = f.lead_id
  where f.check_date is not null or f.conclusion is not null
)
select
  department, records::integer as records, matched_by_id::integer as matched_by_id,
  matched_by_household_id::integer as matched_by_household_id, unmatched::integer as unmatched,
  not_judged::integer as not_judged, leads::integer as leads
from (
  select r.department, r.records, r.matched_by_id, r.matched_by_household_id, r.unmatched, r.not_judged, coalesce(l.leads, 0) as leads
  from records r
  left join lead_counts l on l.department = r.department
  union all
  select * from feedback where records > 0
)
order by department;
