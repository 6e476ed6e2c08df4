-- int_roster — grain: household × snapshot month ('YYYY-MM').
-- stg_households with one row per household and month even when a household was sent twice (the last
-- row read wins); every model that reads the roster starts here, so the rule is applied once.
-- key: period, household_id
create or replace table int_roster as
select * exclude (source_file, source_row)
from stg_households
where period is not null and household_id is not null
qualify row_number() over (partition by period, household_id order by source_file desc, source_row desc) = 1;
