// One town's 工作清单 (/worklist/<town>), read from the worklist mart (latest household snapshot): ⓪ households
// whose identification is overdue, ① identified households still without a measure past the deadline,
// ② leads: households below the monitoring line that are not monitored, ③ monitored households due for an
// elimination review. Only the town's own rows leave, so hosting can give each town's cadres their page
// alone (docs/intranet-hosting.md). Names, IDs and the helper's name are masked HERE, before anything
// leaves Node; with DIXIAN_PUBLIC=1 no household row is output at all.
import { isPublicBuild, maskHouseholdRow, townArgument } from "../household-list.ts";
import { readPageSettings, runLoader } from "../warehouse.ts";
import type { JsonRow, Warehouse } from "../warehouse.ts";

/** The only household fields that may leave: personal ones masked, the rest as counted figures. */
const publishable = (row: JsonRow): JsonRow =>
  maskHouseholdRow(row, { names: ["head_name", "helper_name"], ids: ["id_number"], lists: ["risks"] });

const BASE = "village_name, area_code, household_id, head_name, id_number, household_size, helper_name, risks";

async function list(warehouse: Warehouse, town: string, name: string, columns: string, order: string): Promise<JsonRow[]> {
  const rows = await warehouse.query(
    `select ${BASE}, ${columns} from worklist where list = $name and town_code = $town order by ${order}, household_id`,
    { name, town },
  );
  return rows.map(publishable);
}

runLoader(async (warehouse) => {
  const town = townArgument();
  if (isPublicBuild()) return { public: true, town, asOf: null, lists: null };
  const settings = await readPageSettings(warehouse);
  const [latest] = await warehouse.query("select max(period) as month from household_status");
  return {
    public: false,
    town,
    asOf: latest?.month ?? null,
    deadlines: { identification: settings.identification_deadline_days, firstAssist: settings.first_assist_deadline_days },
    lists: {
      // most overdue first: the order a cadre works through them
      identOverdue: await list(warehouse, town, "ident_overdue", "risk_found_date, workdays_since_found, overdue_workdays", "overdue_workdays desc, risk_found_date"),
      noMeasure: await list(warehouse, town, "no_measure", "monitor_kind, identified_date, workdays_since, overdue_workdays", "overdue_workdays desc, identified_date"),
      // furthest below the line first
      leads: await list(warehouse, town, "lead", "household_type, income_pc, line", "income_pc - line, area_code"),
      // longest monitored first
      review: await list(warehouse, town, "review", "monitor_kind, identified_date, income_pc, line", "identified_date, area_code"),
    },
  };
});
