-- data_quality_rules — grain: extract × rule: distinct rejected rows breaking the rule (a row breaking two rules
-- counts under each) and, as an example, the message of the first such row in file and row order.
-- key: extract, rule
create or replace table data_quality_rules as
with rejected as (
  select extract, rule, file, sheet, "row", column_name, message
  from rejections
),
per_rule as (
  select
    extract,
    rule,
    count(distinct (file, sheet, "row")) as rows,
    arg_min(message, (file, coalesce(sheet, ''), "row", column_name)) as example
  from rejected
  group by extract, rule
)
select extract, rule, rows, example
from per_rule
order by extract, rows desc, rule;
