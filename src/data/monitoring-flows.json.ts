// 监测帮扶 page data (county aggregates only, no household rows): by month — identifications by kind and
// by risk type, eliminations by mode, measures among active monitored households, timeliness in working
// days against the deadlines, and monitored households without labour capacity by town.
import { readSettings, runLoader } from "./warehouse.ts";
import { SNAPSHOTS_CTE, workdaysBetween } from "./household-snapshots.ts";

const found = workdaysBetween("s.risk_found_date", "s.identified_date", "f");
const assist = workdaysBetween("s.identified_date", "s.first_assist_date", "a");

runLoader(async (warehouse) => {
  const settings = await readSettings(warehouse);
  const q = (sql: string) => warehouse.query(`with ${SNAPSHOTS_CTE} ${sql}`);

  // Identified in month M = 识别监测日期 inside M, read from M's snapshot (monthly flows add up to longer periods).
  const identified = `identified as (
      select s.* from snap s where s.is_monitored and strftime(s.identified_date, '%Y-%m') = s.period)`;

  const identifiedByKind = await q(`, ${identified}
    select period as month, coalesce(monitor_kind, '未填类别') as kind, count(*)::integer as households
    from identified group by all order by all`);

  const identifiedByRisk = await q(`, ${identified}
    select period as month, coalesce(risk, '未填风险') as risk, count(*)::integer as households
    from (select period, unnest(case when len(risks) > 0 then risks else [null::varchar] end) as risk from identified)
    group by all order by all`);

  const eliminatedByMode = await q(`
    select period as month, coalesce(elimination_mode, '未填方式') as mode, count(*)::integer as households
    from snap
    where is_monitored and risk_eliminated and not coalesce(no_labour, false)
      and strftime(elimination_date, '%Y-%m') = period
    group by all order by all`);

  // Stock: active monitored households in each month's snapshot, by measure type (a household counts once per type).
  const active = `active as (
      select s.* from snap s
      where s.is_monitored and not (coalesce(s.risk_eliminated, false) and not coalesce(s.no_labour, false)))`;
  const measuresByType = await q(`, ${active}
    select period as month, measure, count(distinct household_id)::integer as households
    from (select period, household_id, unnest(measures) as measure from active where len(measures) > 0)
    group by all order by all`);
  const activeTotals = await q(`, ${active}
    select period as month, count(*)::integer as active,
           count(*) filter (where coalesce(len(measures), 0) = 0)::integer as without_measure,
           count(*) filter (where no_labour)::integer as no_labour
    from active group by all order by all`);

  // Timeliness of households identified in the month: working days, capped at 61 (= more than 60).
  const timeliness = await q(`, ${identified}
    select s.period as month,
           -- least() skips NULLs in DuckDB, so missing dates must stay NULL explicitly
           case when ${found.expr} is not null then least(${found.expr}, 61) end::integer as identify_days,
           case when ${assist.expr} is not null then least(${assist.expr}, 61) end::integer as assist_days,
           count(*)::integer as households
    from identified s ${found.joins} ${assist.joins}
    group by all order by all`);

  const noLabourByTown = await q(`
    select period as month, left(area_code, 9) as town_code,
           count(*)::integer as monitored,
           count(*) filter (where not coalesce(risk_eliminated, false))::integer as risk_not_eliminated
    from snap
    where is_monitored and no_labour
    group by all order by all`);

  return {
    deadlines: {
      identification: settings.identification_deadline_days,
      firstAssist: settings.first_assist_deadline_days,
    },
    identifiedByKind,
    identifiedByRisk,
    eliminatedByMode,
    measuresByType,
    activeTotals,
    timeliness,
    noLabourByTown,
  };
});
