// One town's own indicators, all periods (its page's cards and trend lines). Its villages' figures are in
// villages/<town>.json, which the page reads only for its lower table, so the first view waits for less.
import { runLoader } from "../warehouse.ts";
import { publishedIndicators } from "../indicator-rows.ts";

const town = process.argv.find((arg) => arg.startsWith("--town="))?.slice("--town=".length) ?? "";

runLoader(async (warehouse) => {
  if (!/^\d{9}$/.test(town)) throw new Error(`乡镇代码应为 9 位数字，收到「${town}」`);
  return publishedIndicators(warehouse, "i.area_level = 'town' and i.area_code = $town", { town });
});
