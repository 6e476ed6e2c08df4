// 三保障和收入 page data (aggregates only), read from the marts income_distribution (脱贫户 per-capita net
// income in 1,000-yuan bins by month, households and persons), monitoring_lines (the line of each year) and town_colour_grades
// (colour grades by town and month), with the county's grade thresholds for the page's legend.
import { readPageSettings, runLoader } from "./warehouse.ts";

runLoader(async (warehouse) => {
  const settings = await readPageSettings(warehouse);
  // The bins are the mart's (loaders/sql/marts/income_distribution.sql); the page draws and labels them.
  const [bins] = await warehouse.query(`select max(bin_width) as bin_width, max(top_bin) as top_bin from income_distribution`);
  return {
    binWidth: bins?.bin_width ?? null,
    topBin: bins?.top_bin ?? null,
    thresholds: { redBelow: settings.grade_red_below, greenFrom: settings.grade_green_from },
    histogram: await warehouse.query(`select month, bin, households, persons from income_distribution order by month, bin`),
    lines: await warehouse.query(`select year, line, min_line, max_line from monitoring_lines order by year`),
    grades: await warehouse.query(
      `select month, town_code, colour_grade, households from town_colour_grades order by all`,
    ),
  };
});
