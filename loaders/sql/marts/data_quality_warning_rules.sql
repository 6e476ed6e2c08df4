-- data_quality_warning_rules — grain: extract × rule, over warnings (rows kept with a secondary error, DOMAIN
-- §11): distinct kept rows with the warning, how many of them had the field nulled (the rest kept it as written),
-- and, as an example, the message of the first such row in file and row order.
-- key: extract, rule
create or replace table data_quality_warning_rules as
with warned as (
  select extract, rule, file, sheet, "row", column_name, message, action
  from warnings
),
per_rule as (
  select
    extract,
    rule,
    count(distinct (file, sheet, "row")) as rows,
    count(distinct (file, sheet, "row")) filter (where action = 'null') as nulled,
    arg_min(message, (file, coalesce(sheet, ''), "row", column_name)) as example
  from warned
  group by extract, rule
)
select extract, rule, rows, nulled, example
from per_rule
order by extract, rows desc, rule;
