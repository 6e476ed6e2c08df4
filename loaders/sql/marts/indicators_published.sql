-- indicators_published — grain: as indicators. The one table everything published reads (pages, downloads,
-- reports): village cells withheld by disclosure control (DOMAIN.md §9) keep their key but lose value,
-- numerator and denominator. disclosure_cells is written by loaders/disclosure/ after the indicators exist:
--   suppression = 'primary'   a count of 1 to threshold − 1 households or persons, or a figure carrying one
--                             (shown "<N"; a zero withheld to protect a neighbour is shown "<N" too);
--   suppression = 'secondary' withheld so that no "<N" can be worked out from the town's total, the
--                             months of a half-year or counts that add up (shown "×").
-- Town and county rows are never withheld. complete and missing_sources pass through from indicators (a
-- withheld value can still be incomplete).
-- key: code, period, area_code
create or replace view indicators_published as
select
  i.* replace (
    case when d.suppression is null then i.value end as value,
    case when d.suppression is null then i.numerator end as numerator,
    case when d.suppression is null then i.denominator end as denominator
  ),
  d.suppression is not null as suppressed,
  d.suppression
from indicators i
-- the village-only condition sits inside the key, not beside it: beside it, DuckDB joins every indicator row with
-- every withheld cell (a nested loop; 4 s for one half-year on the sample county, minutes for the report's three reads)
left join disclosure_cells d
  on d.code = i.code and d.period = i.period and d.area_code = case when i.area_level = 'village' then i.area_code end;
