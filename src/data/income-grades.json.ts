// 三保障和收入 page data (aggregates only): by month, the per-capita net income distribution of 脱贫户
// (1,000-yuan bins, 40,000 and above in one bin), the monitoring line of each year, and colour grades
// by town with the county's thresholds (cfg_settings).
import { readSettings, runLoader } from "./warehouse.ts";
import { SNAPSHOTS_CTE } from "./household-snapshots.ts";

export const BIN_WIDTH = 1000;
export const TOP_BIN = 40000;

runLoader(async (warehouse) => {
  const settings = await readSettings(warehouse);
  const q = (sql: string, params?: Record<string, number>) => warehouse.query(`with ${SNAPSHOTS_CTE} ${sql}`, params);

  const histogram = await q(`
    select period as month,
           least(floor(greatest(income_pc, 0) / ${BIN_WIDTH}) * ${BIN_WIDTH}, ${TOP_BIN})::integer as bin,
           count(*)::integer as households
    from snap
    where household_type = '脱贫户' and income_pc is not null
    group by all order by all`);

  // The line most villages use each year (a county normally has one).
  const lines = await warehouse.query(`
    select year::integer as year, mode(line)::double as line, min(line)::double as min_line, max(line)::double as max_line
    from int_village_lines group by year order by year`);

  // Red: monitored and not eliminated, income below the red threshold, or any guarantee not met;
  // yellow: guarantees met and income below the green threshold; green: the rest (DOMAIN.md §3, configurable).
  const grades = await q(`
    , graded as (
      select period, left(area_code, 9) as town_code,
             case
               when (coalesce(is_monitored, false) and not (coalesce(risk_eliminated, false) and not coalesce(no_labour, false)))
                 or income_pc < $red
                 or not (coalesce(housing_ok, false) and coalesce(edu_ok, false) and coalesce(med_ok, false) and coalesce(water_ok, false))
                 then 'red'
               when income_pc is null then 'unknown'
               when income_pc < $green then 'yellow'
               else 'green'
             end as grade
      from snap
    )
    select period as month, town_code, grade, count(*)::integer as households
    from graded group by all order by all`, { red: settings.grade_red_below, green: settings.grade_green_from });

  return {
    binWidth: BIN_WIDTH,
    topBin: TOP_BIN,
    thresholds: { redBelow: settings.grade_red_below, greenFrom: settings.grade_green_from },
    histogram,
    lines,
    grades,
  };
});
