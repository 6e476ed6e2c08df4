-- int_household_keys — grain: household (户编号), with the 证件号码 and village of its latest snapshot.
-- Insurance records (and anything else keyed by 户编号 or 证件号码) are matched to a household here: by
-- 户编号 first, else by 证件号码 (the head's ID in the roster). The latest snapshot is the best current
-- knowledge of where a household lives.
-- key: household_id
create or replace table int_household_keys as
select
  household_id,
  arg_max(id_number, snapshot_month) as id_number,
  arg_max(village_code, snapshot_month) as village_code,
  max(snapshot_month) as latest_month
from int_household_snapshots
where household_id is not null
group by household_id;
