-- data_quality_warning_details — grain: kept row × warning × column, the first 5,000 in file, sheet, row, rule and
-- column order (detail_order); action says whether the field was kept as written ('keep') or nulled ('null').
-- Values are the masked ones the loader stored, never a value in clear; the full list with raw values stays in
-- the county's data/reports/warnings.csv.
-- key: detail_order
create or replace table data_quality_warning_details as
with ordered as (
  select
    row_number() over (order by file, sheet nulls first, "row", rule, column_name, message) as detail_order,
    file, sheet, "row", column_name, value_masked, rule, message, action, extract, period, source_key
  from warnings
)
select detail_order, file, sheet, "row", column_name, value_masked, rule, message, action, extract, period, source_key
from ordered
where detail_order <= 5000
order by detail_order;
