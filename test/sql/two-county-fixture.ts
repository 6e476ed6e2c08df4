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

/** Moves county 529902's codes into 529901 as towns 9xx (529902001 → 529901901), for the merged county. */
function mergeCell(header: string, value: string): string {
  if (header === "证件号码" || !value.startsWith(COUNTY_B)) return header === "县名称" ? value.replace("示例二县", "示例县") : value;
  if (value.length === 6) return COUNTY_A;
  return COUNTY_A + "9" + value.slice(7);
}

function mapCsv(text: string, cell: (header: string, value: string) => string): string {
  const lines = text.split("\n");
  const headers = lines[0].split(",");
  return [lines[0], ...lines.slice(1).map((line) => (line === "" ? line : line.split(",").map((v, i) => cell(headers[i], v)).join(",")))].join("\n");
}

/**
 * For the roll-up test (test/sql/rollup.test.ts): the two counties as above, and `<dir>/merged`, ONE county
 * (529901) holding both counties' households, loans, policies and claims — county 529902's towns become towns
 * 9xx of 529901 — so that its county-level indicators, computed by the indicator SQL from household rows, are
 * the province's. Two things cannot be one county's and are made equal first: both counties get the same
 * monitoring line (8,000 in 2025), and the county-wide 统保 policy (P02, 区划代码 = the county) is left out
 * (in one county it would cover the other county's households); the merged county's statistics are the sum of
 * the two counties' (population, GDP).
 */
export function writeRollupInputs(dir: string, folders = ["extracts", "extracts-insurance"]): { a: string; b: string; both: string; merged: string } {
  const paths = writeTwoCountyInputs(dir, folders);
  const merged = join(dir, "merged");
  mkdirSync(merged, { recursive: true });
  const fix = (path: string, edit: (text: string) => string) => writeFileSync(path, edit(readFileSync(path, "utf-8")));
  const sameLine = (text: string) => text.replace(`2025,${COUNTY_B},9999`, `2025,${COUNTY_B},8000`);
  const noCountyPolicy = (text: string) => text.split("\n").filter((l) => !/^[PQ]02,/.test(l)).join("\n");
  for (const folder of [paths.a, paths.b, join(paths.both, COUNTY_A), join(paths.both, COUNTY_B)]) {
    for (const name of readdirSync(folder)) {
      if (name === "monitoring_lines.csv") fix(join(folder, name), sameLine);
      if (name === "policies.csv") fix(join(folder, name), noCountyPolicy);
    }
  }
  for (const name of readdirSync(paths.a)) {
    const a = readFileSync(join(paths.a, name), "utf-8");
    const b = readFileSync(join(paths.b, name), "utf-8");
    if (name === "monitoring_lines.csv") writeFileSync(join(merged, name), a);
    else if (name === "county_stats.csv") {
      const lines = a.trimEnd().split("\n");
      writeFileSync(join(merged, name), [lines[0], ...lines.slice(1).map((l) => {
        const [year, code, pop, gdp, income] = l.split(",");
        return [year, code, Number(pop) * 2, Number(gdp) * 2, income].join(",");
      })].join("\n") + "\n");
    } else {
      writeFileSync(join(merged, name), a);
      writeFileSync(join(merged, `merged_${name}`), mapCsv(b, mergeCell));
    }
  }
  return { ...paths, merged };
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

