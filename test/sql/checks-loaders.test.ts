// The 疑点核查 page loaders on the hand-made roster (test/fixtures/indicators/extracts-checks, see checks.test.ts): the
// per-town 疑点清单 (/checks/<town>) outputs one town's rows only, with names, IDs and phones masked and each finding
// written from the figure and threshold; a public build outputs no row; the quality page gets counts by rule and town.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";

let dir: string;
let dbPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-checks-loaders-"));
  dbPath = join(dir, "w.duckdb");
  await buildWarehouse({ inputDir: join(FIXTURE_DIR, "extracts-checks"), dbPath, reportsDir: join(dir, "reports"), configDir: join(FIXTURE_DIR, "config") });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (loader: string, env: Record<string, string> = {}, args: string[] = []) => {
  const result = spawnSync(process.execPath, ["--import", "tsx", loader, ...args], {
    encoding: "utf8",
    env: { ...process.env, DIXIAN_DB: dbPath, DIXIAN_PUBLIC: "", ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return { text: result.stdout, json: JSON.parse(result.stdout) };
};

const CHECKS = "src/data/checks/[town].json.ts";
const SECRETS = ["测试辰", "测试申", "测试甲", "529901196001010618", "529901190002301612", "999901198602022119", "0851-1234567", "13800000001.0", "13800000015"];
interface Row { household_id: string; rule: string; head_name: string; id_number: string; flagged_value: string; finding: string; severity: string; village_name: string }

it("疑点清单 of a town: that town's hits only, masked, with the finding in words", () => {
  const { text, json } = run(CHECKS, {}, ["--town=529901002"]);
  expect(json).toMatchObject({ public: false, town: "529901002", snapshotMonth: "2025-06" });
  const rows = json.rows as Row[];
  expect([...new Set(rows.map((r) => r.household_id))].sort()).toEqual(["H09", "H10", "H11", "H12", "H14", "H15", "H16", "H17", "H18", "H19", "H20"]);
  // 错误 first
  const severities = rows.map((r) => r.severity);
  expect(severities.indexOf("疑点")).toBeGreaterThan(severities.lastIndexOf("错误"));
  expect(rows.find((r) => r.rule === "duplicate_head" && r.household_id === "H15")).toMatchObject({
    head_name: "测*", id_number: "529901********0618", flagged_value: "529901********0618", finding: "同一证件号码还是户 H16 的户主", village_name: "丁村",
  });
  expect(rows.find((r) => r.rule === "phone_invalid" && r.household_id === "H19")).toMatchObject({
    flagged_value: "085*****4567", finding: "户主联系电话有 11 位数字，不是以1开头的11位手机号码",
  });
  expect(rows.find((r) => r.rule === "identified_income_high")?.finding).toBe("纳入监测时（2025年05月快照）的人均纯收入 25,000 元（不低于 20,000 元）");
  expect(rows.find((r) => r.rule === "eliminated_below_line")?.finding).toBe("帮扶消除；人均纯收入 7,000 元，低于监测线 8,000 元");
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  for (const other of ["H01", "H03", "甲村"]) expect(text).not.toContain(other);
  // the catalogue with this town's counts: quick eliminations are all in 一镇
  const rules = json.rules as Array<{ rule: string; households: number; status: string }>;
  expect(rules.find((r) => r.rule === "quick_elimination")).toMatchObject({ households: 0, status: "run" });
  expect(rules.find((r) => r.rule === "id_invalid")).toMatchObject({ households: 3 });
  expect(rules.find((r) => r.rule === "duplicate_person")).toMatchObject({ status: "skipped" });
});

it("疑点清单: nothing in a public build; a malformed town code is refused", () => {
  expect(run(CHECKS, { DIXIAN_PUBLIC: "1" }, ["--town=529901001"]).json).toEqual({ public: true, town: "529901001", snapshotMonth: null, rules: null, rows: null });
  const bad = spawnSync(process.execPath, ["--import", "tsx", CHECKS, "--town=52990100"], { encoding: "utf8", env: { ...process.env, DIXIAN_DB: dbPath } });
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toContain("乡镇代码应为 9 位数字");
});

it("数据质量: counts by rule and town, the county by month, no household", () => {
  for (const env of [{}, { DIXIAN_PUBLIC: "1" }] as Record<string, string>[]) {
    const { text, json } = run("src/data/quality.json.ts", env);
    expect(json.checks.lists).toBe(!("DIXIAN_PUBLIC" in env));
    expect(json.checks.rules).toHaveLength(13);
    expect(json.checks.byTown.filter((d: { rule: string }) => d.rule === "quick_elimination")).toEqual([
      { rule: "quick_elimination", area_code: "529901001", area_name: "一镇", households: 3 },
      { rule: "quick_elimination", area_code: "529901002", area_name: "二乡", households: 0 },
    ]);
    expect(json.checks.trend.filter((d: { rule: string }) => d.rule === "identified_income_high")).toEqual([
      { rule: "identified_income_high", snapshot_month: "2025-05", households: 1 },
      { rule: "identified_income_high", snapshot_month: "2025-06", households: 1 },
    ]);
    expect(text).not.toContain("H15");
  }
});
