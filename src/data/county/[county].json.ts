// One county's page of a multi-county site (issue 14): the county's and its towns' published indicators and its
// verdict level per period. Aggregates only.
import { runLoader } from "../warehouse.ts";
import { publishedIndicators } from "../indicator-rows.ts";

const county = process.argv.find((arg) => arg.startsWith("--county="))?.slice("--county=".length) ?? "";

runLoader(async (warehouse) => {
  if (!/^\d{6}$/.test(county)) throw new Error(`县级区划代码应为 6 位数字，收到「${county}」`);
  const indicators = await publishedIndicators(
    warehouse,
    "(i.area_level = 'county' and i.area_code = $county) or (i.area_level = 'town' and left(i.area_code, 6) = $county)",
    { county },
  );
  const verdicts = await warehouse.query(
    "select period, level, red_triggers, amber_triggers from verdict where county_code = $county order by period",
    { county },
  );
  return { county, indicators, verdicts };
});
