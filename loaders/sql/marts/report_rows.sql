-- report_rows — grain: half-year with data × indicator × area (county, town, village). The 半年考核报告's
-- comparison rows, one shape for its pages, sentences and workbook: the half-year's published value, the
-- previous half-year's (上期) and the same half of last year's (上年同期), and the changes — rates (unit
-- 'ratio') in percentage points (value − base) × 100, other figures as the difference and the relative change.
-- Reads indicators_published only, so a withheld village figure never comes back through a difference.
-- Each comparison has a status, and a change only when it is 'ok':
--   'suppressed'  either side withheld (DOMAIN.md §9): the change is withheld too;
--   'missing'     either value absent (no such period in the calendar, a zero denominator, no ledger);
--   'incomplete'  either side computed without a source that should have delivered (complete = false): a change
--                 could be the missing town or bank, not a real movement;
--   'partial'     the half-year's data end before its last month: a flow's three months of events are not
--                 comparable with six; a stock is read at the data's last month, which compares with the end of the
--                 previous half-year but not with the end of last year's same half (a different point in the year);
--   'ok'          otherwise. The first matching reason wins, in this order.
-- A view, like indicators_published: disclosure_cells is filled only after every model has run (DOMAIN.md §9),
-- so a table made here would hold the figures before suppression.
-- key: period, code, area_code
create or replace view report_rows as
with halves as (
  select
    period,
    end_month,
    end_month < last_month as partial,
    case when period like '%-H1' then (cast(left(period, 4) as integer) - 1)::varchar || '-H2'
         else left(period, 4) || '-H1' end as previous_period,
    (cast(left(period, 4) as integer) - 1)::varchar || right(period, 3) as last_year_period
  from periods
  where period_type = 'half'
),
joined as (
  select
    h.period, i.code, i.area_code, i.area_level, a.parent_code, c.unit, c.kind, c.family, h.partial, h.end_month,
    i.value, i.numerator, i.denominator, i.complete, i.missing_sources, i.suppression,
    h.previous_period, p.value as previous_value, p.complete as previous_complete,
    p.missing_sources as previous_missing_sources, p.suppression as previous_suppression,
    h.last_year_period, y.value as last_year_value, y.complete as last_year_complete,
    y.missing_sources as last_year_missing_sources, y.suppression as last_year_suppression
  from halves h
  join indicators_published i on i.period = h.period
  join indicator_catalog c on c.code = i.code
  left join areas a on a.area_code = i.area_code
  left join indicators_published p on p.code = i.code and p.area_code = i.area_code and p.period = h.previous_period
  left join indicators_published y on y.code = i.code and y.area_code = i.area_code and y.period = h.last_year_period
),
statuses as (
  select *,
    case when suppression is not null or previous_suppression is not null then 'suppressed'
         when value is null or previous_value is null then 'missing'
         when not coalesce(complete, false) or not coalesce(previous_complete, false) then 'incomplete'
         when kind = 'flow' and partial then 'partial'
         else 'ok' end as previous_status,
    case when suppression is not null or last_year_suppression is not null then 'suppressed'
         when value is null or last_year_value is null then 'missing'
         when not coalesce(complete, false) or not coalesce(last_year_complete, false) then 'incomplete'
         when partial then 'partial'
         else 'ok' end as last_year_status
  from joined
)
select
  period, code, area_code, area_level, parent_code, unit, kind, family, partial, end_month,
  value, numerator, denominator, complete, missing_sources, suppression,
  previous_period, previous_value, previous_complete, previous_missing_sources, previous_suppression, previous_status,
  case when previous_status = 'ok' then
    case when unit = 'ratio' then (value - previous_value) * 100 else value - previous_value end end as change_previous,
  case when previous_status = 'ok' and unit <> 'ratio' and previous_value <> 0 then value / previous_value - 1 end as growth_previous,
  last_year_period, last_year_value, last_year_complete, last_year_missing_sources, last_year_suppression, last_year_status,
  case when last_year_status = 'ok' then
    case when unit = 'ratio' then (value - last_year_value) * 100 else value - last_year_value end end as change_last_year,
  case when last_year_status = 'ok' and unit <> 'ratio' and last_year_value <> 0 then value / last_year_value - 1 end as growth_last_year
from statuses;
