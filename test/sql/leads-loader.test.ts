// The 比对预警 data loaders on the hand-made lead county (test/fixtures/leads, see leads.test.ts), built without
// the towns' feedback: the per-town loader (src/data/leads/[town].json.ts) prints only the town's leads, its
// overdue ones included, masked, and nothing with DIXIAN_PUBLIC=1; the county page's loader
// (src/data/leads.json.ts) carries aggregates only — no household row in any build (DOMAIN.md §9).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { HEADS, LEADS } from "../fixtures/leads/make-fixtures.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "leads");
const TOWN1 = "529901001"; // 一镇: 甲村 (A1 A3 C1 F1 …)
const TOWN2 = "529901002"; // 二乡: 丙村 (B1 B2 D1 E1)
let dir: string;
let dbPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-leads-loader-"));
  cpSync(join(FIXTURES, "extracts"), join(dir, "input"), { recursive: true });
  rmSync(join(dir, "input", "核查反馈.csv")); // no feedback: whatever is not identified by 05-31 and past its deadline is overdue
  dbPath = join(dir, "w.duckdb");
  await buildWarehouse({ inputDir: join(dir, "input"), dbPath, reportsDir: join(dir, "reports"), configDir: join(FIXTURES, "config") });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spawn = (loader: string, args: string[] = [], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", loader, ...args], {
    encoding: "utf8",
    env: { ...process.env, DIXIAN_DB: dbPath, DIXIAN_PUBLIC: "", ...env },
  });
const run = (loader: string, args: string[] = [], env: Record<string, string> = {}) => {
  const result = spawn(loader, args, env);
  expect(result.status, result.stderr).toBe(0);
  return { text: result.stdout, json: JSON.parse(result.stdout) };
};
const TOWN_LOADER = "src/data/leads/[town].json.ts";
const ids = (rows: Array<{ lead_id: string }>) => rows.map((r) => r.lead_id);
const overdue = (rows: Array<{ lead_id: string; status: string }>) => ids(rows.filter((r) => r.status === "逾期未核查"));
// names and IDs in clear of every household with a lead
const SECRETS = ["测试甲一", "测试甲三", "测试甲四", "测试甲七", "测试丙一", "测试丙二", "测试丙三", "测试丙四",
  HEADS.A1, HEADS.A3, HEADS.B1, HEADS.B2, HEADS.C1, HEADS.D1, HEADS.E1, HEADS.F1];

it("a town's lead list: its own leads only, overdue ones marked, names and IDs masked", () => {
  const town1 = run(TOWN_LOADER, [`--town=${TOWN1}`]);
  expect(town1.json).toMatchObject({ public: false, town: TOWN1, deadline: 5 });
  expect(ids(town1.json.rows)).toEqual([LEADS.L7, LEADS.L8, LEADS.L1, LEADS.L4]);
  expect(overdue(town1.json.rows)).toEqual([LEADS.L7, LEADS.L8, LEADS.L4]);
  expect(town1.json.rows[0]).toMatchObject({ household_id: "F1", head_name: "测*", town_name: "一镇", village_name: "甲村" });
  expect(town1.json.rows[0].id_number).toBe(`${HEADS.F1.slice(0, 6)}********${HEADS.F1.slice(-4)}`);
  const town2 = run(TOWN_LOADER, [`--town=${TOWN2}`]);
  expect(ids(town2.json.rows)).toEqual([LEADS.L6, LEADS.L2, LEADS.L3, LEADS.L5]);
  // L2 (B1, 04-01 → 04-08) and L3 (B2, 04-15 → 04-22): past the deadline, no check; L5 (05-28) not yet due
  expect(overdue(town2.json.rows)).toEqual([LEADS.L2, LEADS.L3]);
  // nothing of the other town, nothing personal in clear
  for (const other of [LEADS.L2, LEADS.L3, LEADS.L5, LEADS.L6, "丙村", "二乡"]) expect(town1.text).not.toContain(other);
  for (const other of [LEADS.L1, LEADS.L4, LEADS.L7, LEADS.L8, "甲村"]) expect(town2.text).not.toContain(other);
  for (const secret of SECRETS) {
    expect(town1.text).not.toContain(secret);
    expect(town2.text).not.toContain(secret);
  }
});

it("a town's lead list: nothing in a public build; a malformed town code is refused", () => {
  const pub = run(TOWN_LOADER, [`--town=${TOWN1}`], { DIXIAN_PUBLIC: "1" }).json;
  expect(pub).toMatchObject({ public: true, town: TOWN1, rows: null });
  const bad = spawn(TOWN_LOADER, ["--town=529901001' or '1'='1"]);
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toContain("乡镇代码应为 9 位数字");
});

it("the county page carries aggregates only, in either build: no household row, no overdue list", () => {
  for (const env of [{}, { DIXIAN_PUBLIC: "1" }] as Array<Record<string, string>>) {
    const { text, json } = run("src/data/leads.json.ts", [], env);
    expect(json.public).toBe("DIXIAN_PUBLIC" in env);
    expect(json).not.toHaveProperty("overdue");
    // the per-town counts the page links from: 一镇 L1 L4 L7 L8, L4 L7 L8 overdue and open (L1 closed: A1
    // identified later); 二乡 L2 L3 L5 L6, L2 L3 overdue, L5 pending, all three open (L6 closed: E1 identified)
    expect(json.overdueByTown).toEqual([
      { town_code: TOWN1, town_name: "一镇", leads: 4, overdue: 3, open: 3 },
      { town_code: TOWN2, town_name: "二乡", leads: 4, overdue: 2, open: 3 },
    ]);
    for (const leak of [...SECRETS, ...Object.values(LEADS), "F1", "测*"]) expect(text).not.toContain(leak);
  }
});
