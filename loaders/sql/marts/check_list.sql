-- check_list — grain: rule × household × person (person_ref), for the latest roster snapshot only.
-- The 疑点清单 the towns work through (/checks/<town>): each hit of int_check_hits in the latest snapshot with the
-- rule's name, severity and hint (cfg_checks), the figure and threshold, the household's village and town, type and
-- kind. Holds the head's name and ID and the flagged ID or phone (flagged_value, value_kind 'id' or 'phone') in
-- clear, like household_status: the per-town loader masks them before anything leaves Node.
-- key: rule, household_id, person_ref?
create or replace table check_list as
with latest as (
  select max(period) as snapshot_month from int_roster
)
select
  h.snapshot_month,
  left(h.village_code, 9) as town_code,
  t.name as town_name,
  h.village_code,
  v.name as village_name,
  h.household_id,
  r.head_name,
  r.id_number,
  r.household_type,
  r.monitor_kind,
  h.rule,
  c.title,
  c.severity,
  c.message,
  c.unit,
  c.sort_order,
  h.person_ref,
  h.figure,
  h.threshold,
  h.detail,
  h.flagged_value,
  h.value_kind
from int_check_hits h
join latest l on l.snapshot_month = h.snapshot_month
join cfg_checks c on c.rule = h.rule
join int_roster r on r.period = h.snapshot_month and r.household_id = h.household_id
left join int_areas v on v.area_code = h.village_code
left join int_areas t on t.area_code = left(h.village_code, 9)
order by town_code, c.sort_order, h.village_code, h.household_id;
