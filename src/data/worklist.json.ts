// 工作清单 for town and village cadres, read from the worklist mart (latest household snapshot): (1)
// identified households with no measure past the first-measure deadline, (2) leads: households below the
// monitoring line that are not monitored, (3) monitored households due for an elimination review. Names and
// IDs are masked HERE, before anything leaves Node; with DIXIAN_PUBLIC=1 no household row is output at all.
import { maskId, maskName } from "../../loaders/privacy/mask.ts";
import { readPageSettings, runLoader } from "./warehouse.ts";
import type { JsonRow, Warehouse } from "./warehouse.ts";

const isPublic = process.env.DIXIAN_PUBLIC === "1";

/** The only household fields that may leave: personal ones masked, the rest as counted figures. */
function publishable(row: JsonRow): JsonRow {
  const { head_name, id_number, ...rest } = row;
  return {
    ...rest,
    head_name: typeof head_name === "string" && head_name ? maskName(head_name) : "",
    id_number: typeof id_number === "string" && id_number ? maskId(id_number) : "",
  };
}

const BASE = "town_name, village_name, area_code, household_id, head_name, id_number, household_size";

async function list(warehouse: Warehouse, name: string, columns: string, order: string): Promise<JsonRow[]> {
  const rows = await warehouse.query(
    `select ${BASE}, ${columns} from worklist where list = $name order by ${order}, household_id`,
    { name },
  );
  return rows.map(publishable);
}

runLoader(async (warehouse) => {
  if (isPublic) return { public: true, asOf: null, lists: null };
  const settings = await readPageSettings(warehouse);
  const [latest] = await warehouse.query("select max(period) as month from household_status");
  return {
    public: false,
    asOf: latest?.month ?? null,
    deadline: settings.first_assist_deadline_days,
    lists: {
      noMeasure: await list(warehouse, "no_measure", "monitor_kind, identified_date, workdays_since", "area_code, identified_date"),
      leads: await list(warehouse, "lead", "household_type, income_pc, line", "area_code, income_pc"),
      review: await list(warehouse, "review", "monitor_kind, identified_date, income_pc, line", "area_code, identified_date"),
    },
  };
});
