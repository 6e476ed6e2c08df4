// 三保障和收入 page data (aggregates only), read from the marts income_distribution (脱贫户 per-capita net
// income in 1,000-yuan bins by month), monitoring_lines (the line of each year) and town_colour_grades
// (colour grades by town and month), with the county's grade thresholds for the page's legend.
import { readSettings, runLoader } from "./warehouse.ts";

// How income_distribution bins (loaders/sql/marts/income_distribution.sql); the page draws and labels
// the bins with these.
export const BIN_WIDTH = 1000;
export const TOP_BIN = 40000;

runLoader(async (warehouse) => {
  const settings = await readSettings(warehouse);
  return {
    binWidth: BIN_WIDTH,
    topBin: TOP_BIN,
    thresholds: { redBelow: settings.grade_red_below, greenFrom: settings.grade_green_from },
    histogram: await warehouse.query(`select month, bin, households from income_distribution order by month, bin`),
    lines: await warehouse.query(`select year, line, min_line, max_line from monitoring_lines order by year`),
    grades: await warehouse.query(
      `select month, town_code, colour_grade as grade, households from town_colour_grades order by all`,
    ),
  };
});
