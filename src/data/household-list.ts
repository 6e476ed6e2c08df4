// What every per-town household list loader shares (DOMAIN.md §9: household-level work lists are per town, so
// hosting can restrict each town's list to its own cadres; masked; absent from public builds). Node only; no
// second extension, so Framework does not run it as a loader. Used by worklist/, insurance-worklist/,
// risk-links/, leads/[town].json.ts and checks/ (疑点清单); observablehq.config.ts renders their pages from PER_TOWN_LISTS.
import { maskId, maskName } from "../../loaders/privacy/mask.ts";
import type { JsonRow } from "./warehouse.ts";

/** The sections with one household list page per town (`/<section>/<town>`, data `_file/data/<section>/<town>.json`).
 * docs/intranet-hosting.md's nginx sample restricts exactly these paths per town. */
export const PER_TOWN_LISTS = ["worklist", "insurance-worklist", "risk-links", "leads", "checks"] as const;

/** DIXIAN_PUBLIC=1: a public build, which carries no household row at all. */
export const isPublicBuild = (): boolean => process.env.DIXIAN_PUBLIC === "1";

/** The `--town=` argument of a `[town]` loader, a 9-digit town code; anything else stops the loader. */
export function townArgument(argv: readonly string[] = process.argv): string {
  const town = argv.find((arg) => arg.startsWith("--town="))?.slice("--town=".length) ?? "";
  if (!/^\d{9}$/.test(town)) throw new Error(`乡镇代码应为 9 位数字，收到「${town}」`);
  return town;
}

const maskedName = (value: unknown) => (typeof value === "string" && value ? maskName(value) : "");
const maskedId = (value: unknown) => (typeof value === "string" && value ? maskId(value) : "");

/** One household row as it may leave Node: the named fields masked (names → 张*, IDs → first 6 + last 4,
 * empty when missing), list fields joined with 、. */
export function maskHouseholdRow(
  row: JsonRow,
  fields: { names?: readonly string[]; ids?: readonly string[]; lists?: readonly string[] },
): JsonRow {
  const out: JsonRow = { ...row };
  for (const key of fields.names ?? []) out[key] = maskedName(row[key]);
  for (const key of fields.ids ?? []) out[key] = maskedId(row[key]);
  for (const key of fields.lists ?? []) out[key] = Array.isArray(row[key]) ? (row[key] as unknown[]).join("、") : "";
  return out;
}
