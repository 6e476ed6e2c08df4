// 保险保障工作清单: active monitored households with a shock risk (因病, 因自然灾害, 因意外事故 …) and no policy in
// force that covers it, latest snapshot month (insurance_worklist mart). Names and IDs are masked HERE, before
// anything leaves Node; with DIXIAN_PUBLIC=1 no household row is output at all.
import { maskId, maskName } from "../../loaders/privacy/mask.ts";
import { runLoader } from "./warehouse.ts";

const isPublic = process.env.DIXIAN_PUBLIC === "1";

runLoader(async (warehouse) => {
  if (isPublic) return { public: true, asOf: null, rows: null };
  const rows = await warehouse.query(`
    select month, town_code, town_name, village_name, area_code, household_id, head_name, id_number, household_size,
           household_type, monitor_kind, risks, uncovered_risks
      from insurance_worklist order by town_code, area_code, household_id`);
  const [latest] = await warehouse.query("select max(period) as month from household_status");
  return {
    public: false,
    asOf: latest?.month ?? null,
    rows: rows.map(({ head_name, id_number, risks, uncovered_risks, ...rest }) => ({
      ...rest,
      head_name: typeof head_name === "string" && head_name ? maskName(head_name) : "",
      id_number: typeof id_number === "string" && id_number ? maskId(id_number) : "",
      risks: Array.isArray(risks) ? risks.join("、") : "",
      uncovered_risks: Array.isArray(uncovered_risks) ? uncovered_risks.join("、") : "",
    })),
  };
});
