-- verdict_triggers — grain: period × trigger × area: what the 规模性返贫风险研判 on 总览 rests on. Each row names
-- the area, the figure, the thresholds (cfg_verdict_thresholds, from settings.json 规模性返贫研判) and the level
-- ('green' below 黄色, 'amber' from 黄色, 'red' from 红色), and the page that shows the figure (link, relative
-- to the site root). Two kinds of trigger:
--   county triggers, one row per period (green rows too, so the page can show the figure):
--     return_rate, new_poverty_rate  the indicators of that code (flows over the period); the thresholds are per
--                                    year and scaled to the months the period covers up to the last month of data
--                                    (a month is compared with 1/12 of the yearly threshold), because a flow rate
--                                    grows with the length of the period;
--     active_growth                  growth of the active monitored stock (mon_active) from the period's start
--                                    snapshot to its end snapshot, as a fraction of the start; scaled like the rates
--                                    (a steady rise of the stock is what "forming at scale" looks like);
--     ident_overdue, assist_overdue  the backlog at the period's end (indicators), against household counts;
--   clusters, by village and by town, only where the figure reaches amber (a cluster that is not one is no
--   trigger): households newly identified (cluster_identified), newly identified with one and the same risk
--   type (cluster_risk, the worst type named in detail: a disaster or an epidemic of illness shows as one type),
--   and the increase of households below the monitoring line from the snapshot before the window to the
--   window's last snapshot (cluster_below_line), each within a window of one calendar month or three (a quarter,
--   ending at any month). A period is judged on the windows that end in its months; of those, the row keeps the
--   worst (highest level, then the largest figure against its red threshold, then the latest window, then the month
--   before the quarter ending with it: without that last tie-break two equal windows were picked at random).
-- Events come from int_period_events (the same as mon_identified), counted in the village the household lives in
-- at the end of the event's month; below-line counts from int_household_status.
-- key: period, trigger, area_code
create or replace table verdict_triggers as
with periods as (
  select period, period_type, first_month, end_month, start_month,
    strftime(as_of_day, '%Y-%m') as as_of_month,
    date_diff('month', first_day, as_of_day) + 1 as months
  from int_periods
  where end_month is not null
),
county as (
  select area_code, name from int_areas where area_level = 'county'
),
county_indicators as (
  select i.code, i.period, i.area_code, i.value, i.numerator, i.denominator
  from indicators i
  where i.area_level = 'county' and i.code in ('return_rate', 'new_poverty_rate', 'ident_overdue', 'assist_overdue', 'mon_active')
),
rates as (
  select p.period, i.code as trigger, i.area_code, 'period' as "window", p.first_month as window_start,
    p.as_of_month as window_end, null::varchar as detail, i.value as figure, i.numerator, i.denominator,
    p.months / 12.0 as scale
  from periods p
  join county_indicators i on i.period = p.period and i.code in ('return_rate', 'new_poverty_rate')
),
backlogs as (
  select p.period, i.code as trigger, i.area_code, 'period' as "window", p.first_month as window_start,
    p.as_of_month as window_end, null::varchar as detail, i.value as figure, i.numerator, i.denominator,
    1.0 as scale
  from periods p
  join county_indicators i on i.period = p.period and i.code in ('ident_overdue', 'assist_overdue')
),
growth as (
  select p.period, 'active_growth' as trigger, e.area_code, 'period' as "window", p.start_month as window_start,
    p.end_month as window_end, null::varchar as detail,
    case when s.value > 0 then (e.value - s.value) / s.value end as figure,
    e.value - s.value as numerator, s.value as denominator,
    p.months / 12.0 as scale
  from periods p
  join county_indicators e on e.period = p.period and e.code = 'mon_active'
  join county_indicators s on s.period = p.start_month and s.code = 'mon_active' and s.area_code = e.area_code
),
county_rows as (
  select * from rates
  union all
  select * from backlogs
  union all
  select * from growth
),
county_levels as (
  select c.*, 'county' as area_level, t.amber * c.scale as amber, t.red * c.scale as red
  from county_rows c
  join cfg_verdict_thresholds t on t.trigger = c.trigger and t.area_level = 'county' and t."window" = 'period'
),
calendar as (
  select period as month, left(period, 4)::integer * 12 + period[6:7]::integer as month_index
  from int_periods
  where period_type = 'month'
),
windows as (
  select e.month as window_end, w."window", s.month
  from calendar e
  cross join (values ('month', 0), ('quarter', 2)) as w("window", span)
  join calendar s on s.month_index between e.month_index - w.span and e.month_index
),
window_starts as (
  select window_end, "window", min(month) as window_start from windows group by window_end, "window"
),
village_towns as (
  select area_code as village_code, parent_code as town_code from int_areas where area_level = 'village'
),
identified as (
  select w.window_end, w."window", e.household_id, e.village_code, e.risks
  from windows w
  join int_period_events e on e.period = w.month
  where e.identified and e.village_code is not null
),
identified_areas as (
  select window_end, "window", household_id, village_code as area_code, 'village' as area_level, risks from identified
  union all
  select i.window_end, i."window", i.household_id, v.town_code, 'town', i.risks
  from identified i
  join village_towns v on v.village_code = i.village_code
),
cluster_identified as (
  select window_end, "window", area_code, area_level, 'cluster_identified' as trigger, null::varchar as detail,
    count(distinct household_id)::double as figure
  from identified_areas
  group by window_end, "window", area_code, area_level
),
risk_rows as (
  select window_end, "window", area_code, area_level, household_id, unnest(risks) as risk
  from identified_areas
  where len(risks) > 0
),
cluster_risk as (
  select window_end, "window", area_code, area_level, 'cluster_risk' as trigger, risk as detail,
    count(distinct household_id)::double as figure
  from risk_rows
  where risk is not null
  group by window_end, "window", area_code, area_level, risk
),
below as (
  select s.snapshot_month as month, s.village_code, v.town_code, count(*) filter (where s.below_line) as households
  from int_household_status s
  left join village_towns v on v.village_code = s.village_code
  where s.village_code is not null
  group by s.snapshot_month, s.village_code, v.town_code
),
below_areas as (
  select month, village_code as area_code, 'village' as area_level, households from below
  union all
  select month, town_code, 'town', sum(households) from below where town_code is not null group by month, town_code
),
cluster_below_line as (
  -- the window's last month against the month before its first, both snapshots present; an area missing from
  -- the earlier snapshot starts from 0
  select ws.window_end, ws."window", e.area_code, e.area_level, 'cluster_below_line' as trigger, null::varchar as detail,
    (e.households - coalesce(b.households, 0))::double as figure
  from window_starts ws
  join calendar ce on ce.month = ws.window_end
  join calendar cb on cb.month_index = ce.month_index - case ws."window" when 'month' then 1 else 3 end
  join below_areas e on e.month = ws.window_end
  left join below_areas b on b.month = cb.month and b.area_code = e.area_code and b.area_level = e.area_level
  where exists (select 1 from below x where x.month = cb.month)
),
clusters as (
  select * from cluster_identified
  union all
  select * from cluster_risk
  union all
  select * from cluster_below_line
),
cluster_levels as (
  select p.period, c.trigger, c.area_code, c."window", ws.window_start, c.window_end, c.detail, c.figure,
    null::double as numerator, null::double as denominator, c.area_level, t.amber, t.red
  from periods p
  join clusters c on c.window_end between p.first_month and p.as_of_month
  join window_starts ws on ws.window_end = c.window_end and ws."window" = c."window"
  join cfg_verdict_thresholds t on t.trigger = c.trigger and t.area_level = c.area_level and t."window" = c."window"
  where c.figure > 0 and c.figure >= t.amber
),
all_rows as (
  select period, trigger, area_code, "window", window_start, window_end, detail, figure, numerator, denominator,
    area_level, amber, red
  from county_levels
  union all
  select * from cluster_levels
),
levelled as (
  select *,
    case when figure is null then 'green' when figure >= red then 'red' when figure >= amber then 'amber' else 'green' end as level
  from all_rows
),
worst as (
  select *
  from levelled
  qualify row_number() over (
    partition by period, trigger, area_code
    order by case level when 'red' then 2 when 'amber' then 1 else 0 end desc,
      figure / nullif(red, 0) desc nulls last, window_end desc, "window", detail
  ) = 1
)
select
  w.period, w.trigger, w.area_code, w.area_level, a.name as area_name,
  case w.area_level when 'village' then a.parent_code when 'town' then w.area_code end as town_code,
  t.name as town_name,
  w."window", w.window_start, w.window_end, w.detail, w.figure, w.numerator, w.denominator, w.amber, w.red, w.level,
  case when w.area_level = 'county' then 'monitoring'
    else 'town/' || case w.area_level when 'village' then a.parent_code else w.area_code end end as link
from worst w
left join int_areas a on a.area_code = w.area_code
left join int_areas t on t.area_code = case w.area_level when 'village' then a.parent_code when 'town' then w.area_code end;
