// A second county made from the hand-made fixture county (529901 示例县): every code, key, name and ID
// moved to 529902 示例二县 (IDs get their new check digit), so the two counties share no household,
// loan, policy, claim, bank or insurer. The province's monitoring-line file (it already holds a line
// for 529902) is delivered once. Used by the multi-county tests: one warehouse holding both counties
// must give each county exactly what its own one-county warehouse gives.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gb11643CheckDigit } from "../../loaders/contracts/gb11643.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";

export const COUNTY_A = "529901";
export const COUNTY_B = "529902";
const SHARED = new Set(["monitoring_lines.csv"]);
const KEY_PREFIX: Record<string, [string, string]> = { 户编号: ["H", "K"], 贷款编号: ["L", "M"], 保单号: ["P", "Q"], 赔案号: ["C", "D"] };
const NAME_COLUMNS = new Set(["金融机构", "保险机构", "县名称", "借款人名称"]);

function moveId(id: string): string {
  if (!/^\d{17}[\dX]$/.test(id) || !id.startsWith(COUNTY_A)) return id;
  const first17 = COUNTY_B + id.slice(6, 17);
  return first17 + gb11643CheckDigit(first17);
}

function moveCell(header: string, value: string): string {
  if (value === "") return value;
  if (header === "证件号码") return moveId(value);
  if (header in KEY_PREFIX) {
    const [from, to] = KEY_PREFIX[header];
    return value.startsWith(from) ? to + value.slice(from.length) : value;
  }
  if (NAME_COLUMNS.has(header)) return value.replace("示例县", "示例二县").replace(/^县/, "二县");
  return value.startsWith(COUNTY_A) ? COUNTY_B + value.slice(COUNTY_A.length) : value;
}

/** The fixture CSVs have no quoted cells, so a plain split is exact. */
function moveCsv(text: string): string {
  const lines = text.split("\n");
  const headers = lines[0].split(",");
  return [lines[0], ...lines.slice(1).map((line) => (line === "" ? line : line.split(",").map((v, i) => moveCell(headers[i], v)).join(",")))].join("\n");
}

function copyCounty(sources: string[], out: string, transform: boolean, withShared: boolean): void {
  mkdirSync(out, { recursive: true });
  for (const src of sources) {
    for (const name of readdirSync(src)) {
      if (SHARED.has(name) && !withShared) continue;
      const text = readFileSync(join(src, name), "utf-8");
      writeFileSync(join(out, name), transform && !SHARED.has(name) ? moveCsv(text) : text);
    }
  }
}

/**
 * Writes `<dir>/a` (county 529901), `<dir>/b` (529902) and `<dir>/both` (a/ and b/ as subfolders, the
 * shared monitoring-line file once) from the named fixture folders.
 */
export function writeTwoCountyInputs(dir: string, folders = ["extracts", "extracts-insurance"]): { a: string; b: string; both: string } {
  const sources = folders.map((f) => join(FIXTURE_DIR, f));
  const a = join(dir, "a");
  const b = join(dir, "b");
  const both = join(dir, "both");
  copyCounty(sources, a, false, true);
  copyCounty(sources, b, true, true);
  copyCounty(sources, join(both, COUNTY_A), false, true);
  copyCounty(sources, join(both, COUNTY_B), true, false);
  return { a, b, both };
}

