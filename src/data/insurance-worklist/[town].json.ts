// One town's 保险保障工作清单 (/insurance-worklist/<town>): active monitored households of the town with a shock
// risk (因病, 因自然灾害, 因意外事故 …) and no policy in force that covers it, latest snapshot month
// (insurance_worklist mart). Only the town's own rows leave, so hosting can restrict the page and this file to
// the town's cadres (DOMAIN.md §9, docs/intranet-hosting.md). Names and IDs are masked HERE, before anything
// leaves Node; with DIXIAN_PUBLIC=1 no household row is output at all (and the page is not built).
import { isPublicBuild, maskHouseholdRow, townArgument } from "../household-list.ts";
import { runLoader } from "../warehouse.ts";

runLoader(async (warehouse) => {
  const town = townArgument();
  if (isPublicBuild()) return { public: true, town, asOf: null, rows: null };
  const rows = await warehouse.query(`
    select month, town_code, town_name, village_name, area_code, household_id, head_name, id_number, household_size,
           household_type, monitor_kind, risks, uncovered_risks
      from insurance_worklist where town_code = $town order by area_code, household_id`, { town });
  const [latest] = await warehouse.query("select max(period) as month from household_status");
  return {
    public: false,
    town,
    asOf: latest?.month ?? null,
    rows: rows.map((row) => maskHouseholdRow(row, { names: ["head_name"], ids: ["id_number"], lists: ["risks", "uncovered_risks"] })),
  };
});
