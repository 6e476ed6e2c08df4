-- int_roster — grain: household × snapshot month ('YYYY-MM').
-- stg_households with one row per household and month even when a household was sent twice (the last
-- row read wins); every model that reads the roster starts here, so the rule is applied once.
-- Only the households sent more than once in a month go through the window that picks the last row: a
-- window over every row sorted the whole roster (its slowest step), while repeats are rare.
-- key: period, household_id
create or replace table int_roster as
with rows as not materialized (
  select * from stg_households
  where period is not null and household_id is not null
),
repeated as (
  select period, household_id from rows group by period, household_id having count(*) > 1
)
select * exclude (source_file, source_row)
from rows
anti join repeated using (period, household_id)
union all
select * exclude (source_file, source_row)
from rows
semi join repeated using (period, household_id)
qualify row_number() over (partition by period, household_id order by source_file desc, source_row desc) = 1;
