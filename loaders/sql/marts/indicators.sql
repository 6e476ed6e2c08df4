-- indicators — grain: indicator code × period × area (county, town, village).
-- One row per code of the catalog's families, period ('YYYY-MM', 'YYYY-H1'/'YYYY-H2', 'YYYY') and area, with
-- numerator and denominator beside the value; a zero denominator gives an empty value. Village rows are
-- not suppressed here: pages and downloads read indicators_published.
-- To add a family: write loaders/sql/intermediate/6x_ind_<family>.sql producing
-- (code, period, area_code, area_level, value, numerator, denominator) and add it to the union below.
create or replace table indicators as
with all_rows as (
  select code, period, area_code, area_level, value, numerator, denominator from ind_monitoring
  union all
  select code, period, area_code, area_level, value, numerator, denominator from ind_income
  union all
  select code, period, area_code, area_level, value, numerator, denominator from ind_loans
  union all
  select code, period, area_code, area_level, value, numerator, denominator from ind_department
)
select r.code, r.period, r.area_code, r.area_level, r.value, r.numerator, r.denominator, c.unit
from all_rows r
left join indicator_catalog c on c.code = r.code
order by r.code, r.period, r.area_code;
