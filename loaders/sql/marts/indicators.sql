-- indicators — grain: indicator code × period × area (county, town, village).
-- One row per code of the catalog's families, period ('YYYY-MM', 'YYYY-H1'/'YYYY-H2', 'YYYY') and area, with
-- numerator and denominator beside the value; a zero denominator gives an empty value. Village rows are
-- not suppressed here: pages and downloads read indicators_published.
-- complete / missing_sources (DOMAIN.md §7 "Completeness"): a row is incomplete when a source its family depends
-- on (int_family_sources: town rosters for monitoring and income, banks' ledgers for loans, insurers for
-- insurance) delivered earlier months but not the period's reference month (int_indicator_completeness);
-- missing_sources names them ('县农业银行 2025年6月贷款台账'), empty when complete. Family SQL files need not
-- compute it.
-- To add a family: write loaders/sql/intermediate/6x_ind_<family>.sql producing
-- (code, period, area_code, area_level, value, numerator, denominator) and add it to the union below.
-- key: code, period, area_code
create or replace table indicators as
with all_rows as (
  select code, period, area_code, area_level, value, numerator, denominator from ind_monitoring
  union all
  select code, period, area_code, area_level, value, numerator, denominator from ind_income
  union all
  select code, period, area_code, area_level, value, numerator, denominator from ind_loans
  union all
  select code, period, area_code, area_level, value, numerator, denominator from ind_insurance
  union all
  select code, period, area_code, area_level, value, numerator, denominator from ind_department
)
select
  r.code, r.period, r.area_code, r.area_level, r.value, r.numerator, r.denominator, c.unit,
  m.missing_sources is null as complete,
  coalesce(m.missing_sources, []::varchar[]) as missing_sources
from all_rows r
left join indicator_catalog c on c.code = r.code
left join int_indicator_completeness m
  on m.period = r.period and m.family = c.family and m.area_code = r.area_code and m.area_level = r.area_level
order by r.code, r.period, r.area_code;
