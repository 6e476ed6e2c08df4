// One town's villages' indicators, all periods, as published (figures below the threshold withheld, DOMAIN §9):
// the village table at the foot of the town page.
import { runLoader } from "../warehouse.ts";
import { publishedIndicators } from "../indicator-rows.ts";

const town = process.argv.find((arg) => arg.startsWith("--town="))?.slice("--town=".length) ?? "";

runLoader(async (warehouse) => {
  if (!/^\d{9}$/.test(town)) throw new Error(`乡镇代码应为 9 位数字，收到「${town}」`);
  return publishedIndicators(warehouse, "i.area_level = 'village' and left(i.area_code, 9) = $town", { town });
});
