-- data_quality_source_rules — grain: extract × source × rule: distinct rejected rows of that source breaking the
-- rule, over all periods (the page names each source's most frequent reason).
-- key: extract, source_key, rule
create or replace table data_quality_source_rules as
with rejected as (
  select extract, source_key, rule, file, sheet, "row"
  from rejections
  where source_key is not null
)
select extract, source_key, rule, count(distinct (file, sheet, "row")) as rows
from rejected
group by extract, source_key, rule
order by extract, source_key, rows desc, rule;
