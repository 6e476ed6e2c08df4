// Reads the leads mart for the per-town lead lists (/leads/<town>; Node only; no second extension, so
// Framework does not run it as a loader). Names and IDs are masked HERE, before anything leaves Node. The per-town list rows carry the
// town's earlier feedback, so a list sent back again keeps its answers.
import { maskHouseholdRow } from "./household-list.ts";
import type { JsonRow, Warehouse } from "./warehouse.ts";

/** One lead as the per-town list shows it: personal fields masked, feedback columns as last recorded. */
export function leadListRow(lead: JsonRow): JsonRow {
  const masked = maskHouseholdRow({ head_name: lead.head_name, id_number: lead.id_number }, { names: ["head_name"], ids: ["id_number"] });
  return {
    lead_id: lead.lead_id,
    department: lead.department,
    rule_name: lead.rule_name,
    lead_date: lead.lead_date,
    deadline: lead.deadline,
    town_code: lead.town_code,
    town_name: lead.town_name,
    village_name: lead.village_name,
    household_id: lead.household_id,
    head_name: masked.head_name,
    id_number: masked.id_number,
    status: lead.status,
    check_date: lead.feedback_date ?? null,
    conclusion: lead.feedback_conclusion ?? null,
    note: lead.feedback_note ?? null,
  };
}

/** The leads of one town (9-digit code), masked, in date order. */
export async function leadListRows(warehouse: Warehouse, town: string): Promise<JsonRow[]> {
  const rows = await warehouse.query("select * from leads where town_code = $town order by lead_date, lead_id", { town });
  return rows.map(leadListRow);
}
