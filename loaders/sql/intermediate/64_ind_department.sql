-- ind_department — grain: department indicator code × period × area (county, town, village): the leads of
-- every department together (DOMAIN.md §10). Computed with the per-department breakdown in
-- int_lead_indicators; the breakdown is published as lead_indicators_by_department. The codes are the catalog's
-- department family (indicator_catalog), not a list kept here.
-- key: code, period, area_code
create or replace table ind_department as
select l.code, l.period, l.area_code, l.area_level, l.value, l.numerator, l.denominator
from int_lead_indicators l
join indicator_catalog c on c.code = l.code and c.family = 'department'
where l.department = '全部';
