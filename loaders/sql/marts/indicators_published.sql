-- indicators_published — grain: as indicators. The one suppression rule for anything published: a
-- village row whose village has fewer roster households in the period's end snapshot than the county's
-- threshold (cfg_settings) keeps its key but loses value, numerator and denominator, suppressed = true.
-- complete and missing_sources pass through from indicators (a withheld value can still be incomplete).
-- key: code, period, area_code
create or replace view indicators_published as
select
  i.code,
  i.period,
  i.area_code,
  i.area_level,
  case when coalesce(v.suppressed, false) then null else i.value end as value,
  case when coalesce(v.suppressed, false) then null else i.numerator end as numerator,
  case when coalesce(v.suppressed, false) then null else i.denominator end as denominator,
  i.unit,
  coalesce(v.suppressed, false) as suppressed,
  i.complete,
  i.missing_sources
from indicators i
left join int_village_roster v
  on i.area_level = 'village' and v.period = i.period and v.village_code = i.area_code;
