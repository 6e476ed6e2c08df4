// One town's lead list (DOMAIN.md §10, §9: work lists are per town, so hosting can restrict each town's file
// to its own cadres): masked in lead-rows.ts; with DIXIAN_PUBLIC=1 no household row at all.
import { leadListRows } from "../lead-rows.ts";
import { runLoader } from "../warehouse.ts";

const town = process.argv.find((arg) => arg.startsWith("--town="))?.slice("--town=".length) ?? "";
const isPublic = process.env.DIXIAN_PUBLIC === "1";

runLoader(async (warehouse) => {
  if (!/^\d{9}$/.test(town)) throw new Error(`乡镇代码应为 9 位数字，收到「${town}」`);
  const [deadline] = await warehouse.query("select check_deadline_days from cfg_lead_settings");
  const [asOf] = await warehouse.query("select max(as_of_date) as as_of_date from leads");
  if (isPublic) return { public: true, deadline: deadline?.check_deadline_days ?? null, asOf: asOf?.as_of_date ?? null, rows: null };
  return { public: false, deadline: deadline?.check_deadline_days ?? null, asOf: asOf?.as_of_date ?? null, rows: await leadListRows(warehouse, town) };
});
