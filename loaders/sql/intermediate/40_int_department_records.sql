-- int_department_records — grain: one department record × candidate rule (a 社会救助 row may give two: its
-- grant on 起始日期 and, for 低保, its end on 终止日期; every other row gives one). DOMAIN.md §10.
-- Each record is matched to a household of the roster: by the ID number of the household head (the roster
-- holds only heads' IDs; there is no members extract yet, so a record about another member matches no ID),
-- else by 户编号 where the extract has one. A disability certificate number is matched by its first 18
-- characters (the ID). The 控辍保学 record is matched by the guardian's ID, else by the pupil's own.
-- Unmatched records stay here with household_id NULL: they are counted (department_matches), never dropped.
-- The household's state is read from its snapshot of the record's month, else the latest before it (ASOF);
-- a record dated before the household's first snapshot has no state and is counted as not judged.
-- active_then: monitored with risk not eliminated on the record's date (an identification approved on or
-- after it does not count: that may be the lead's own outcome).
-- key: department, rule, source_file, source_row
create or replace table int_department_records as
with records as (
  select '医保' as department, 'medical_self_paid' as rule, source_file, source_row, visit_date as record_date,
    id_number as person_id, null::varchar as alt_person_id, null::varchar as household_ref, null::varchar as area_code,
    self_paid as amount, null::varchar as category, null::integer as pupil_age
  from stg_medical_costs
  union all
  select '民政', 'aid_new', source_file, source_row, start_date, id_number, null, null, null, amount, aid_type, null
  from stg_social_aid
  union all
  -- the end of 低保 for a household still monitored: a second candidate from the same row (a county setting)
  select '民政', 'aid_ended', a.source_file, a.source_row, a.end_date, a.id_number, null, null, null, a.amount, a.aid_type, null
  from stg_social_aid a, cfg_lead_settings c
  where c.aid_ended_leads and a.aid_type = '低保' and a.end_date is not null
  union all
  select '住建', 'dwelling_unsafe', source_file, source_row, appraisal_date, id_number, null, household_id, area_code, null, dwelling_grade, null
  from stg_dwelling_appraisals
  union all
  -- age in whole years at the record's date, from the birth date in digits 7–14 of the pupil's ID
  select '教育', 'school_dropout', source_file, source_row, status_date, guardian_id, student_id, null, area_code, null, status,
    date_diff('year', try_strptime(student_id[7:14], '%Y%m%d')::date, status_date)
      - case when strftime(status_date, '%m%d') < student_id[11:14] then 1 else 0 end
  from stg_school_dropouts
  union all
  select '残联', 'disability_new', source_file, source_row, issue_date, left(id_number, 18), null, null, null, null, disability_grade, null
  from stg_disability_certificates
  union all
  select '应急', 'disaster_loss', source_file, source_row, disaster_date, id_number, null, null, area_code, loss_amount, disaster_type, null
  from stg_disaster_losses
),
-- each head's ID belongs to the household of its latest snapshot
-- each ID's household in its latest snapshot month (the first household_id when two share it that month):
-- two hash aggregates, not a window sorting every snapshot row by ID
id_map as (
  select s.id_number, min(s.household_id) as household_id
  from int_household_snapshots s
  join (
    select id_number, max(snapshot_month) as snapshot_month from int_household_snapshots where id_number is not null group by id_number
  ) l on l.id_number = s.id_number and l.snapshot_month = s.snapshot_month
  group by s.id_number
),
known_households as (
  select distinct household_id from int_household_snapshots
),
matched as (
  select
    r.*,
    coalesce(p.household_id, a.household_id, k.household_id) as household_id,
    case
      when p.household_id is not null or a.household_id is not null then 'id'
      when k.household_id is not null then 'household_id'
    end as match_method,
    strftime(r.record_date, '%Y-%m') as record_month
  from records r
  left join id_map p on p.id_number = r.person_id
  left join id_map a on a.id_number = r.alt_person_id
  left join known_households k on k.household_id = r.household_ref
),
-- only the households some record matched: the as-of join sorts all of its right side
snapshots as (
  select s.*, coalesce(h.risks, []) as risks
  from int_household_snapshots s
  semi join (select distinct household_id from matched) k on k.household_id = s.household_id
  join int_roster h on h.household_id = s.household_id and h.period = s.snapshot_month
)
select
  m.department, m.rule, m.source_file, m.source_row, m.record_date, m.record_month, m.person_id, m.alt_person_id,
  m.household_ref, m.area_code, m.amount, m.category, m.pupil_age, m.household_id, m.match_method,
  s.snapshot_month as state_month,
  s.village_code,
  s.persons,
  s.income_pc,
  -- monitored with risk not eliminated on the record's date: a snapshot of the record's own month may already
  -- show an identification the record led to, approved on or after its date
  s.is_active and coalesce(s.identified_date < m.record_date, true) as active_then,
  s.housing_ok,
  s.edu_ok,
  s.risks
from matched m
asof left join snapshots s on s.household_id = m.household_id and s.snapshot_month <= m.record_month;
