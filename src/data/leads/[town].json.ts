// One town's lead list (/leads/<town>; DOMAIN.md §10, §9: work lists are per town, so hosting can restrict each
// town's page and file to its own cadres): every lead of the town, its overdue ones included, masked in
// lead-rows.ts; with DIXIAN_PUBLIC=1 no household row at all (and the page is not built).
import { isPublicBuild, townArgument } from "../household-list.ts";
import { leadListRows } from "../lead-rows.ts";
import { runLoader } from "../warehouse.ts";

runLoader(async (warehouse) => {
  const town = townArgument();
  const [deadline] = await warehouse.query("select check_deadline_days from cfg_lead_settings");
  const [asOf] = await warehouse.query("select max(as_of_date) as as_of_date from leads");
  const base = { town, deadline: deadline?.check_deadline_days ?? null, asOf: asOf?.as_of_date ?? null };
  if (isPublicBuild()) return { public: true, ...base, rows: null };
  return { public: false, ...base, rows: await leadListRows(warehouse, town) };
});
