// The finance pages' data loaders on the hand-made finance county (test/fixtures/finance, see finance.test.ts):
// the 政策例外清单 and per-town 风险关联清单 loaders mask names and ID numbers (the latter one town's rows only) and,
// with DIXIAN_PUBLIC=1, output no loan or household row; the bank page loader finds a bank by its slug.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { bankSlug } from "../../src/data/bank-list.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
let dir: string;
let dbPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-finance-loaders-"));
  dbPath = join(dir, "w.duckdb");
  await buildWarehouse({
    inputDir: join(FIXTURES, "finance", "extracts"), dbPath, reportsDir: join(dir, "reports"), configDir: join(FIXTURES, "indicators", "config"),
  });
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

const SECRETS = ["测试乙", "测试辛", "测试己", "测试庚", "529901197503030218", "529901196804040810", "52990119700808071X"];

it("政策例外清单: every rule with its source, loan rows masked", () => {
  const { text, json } = run("src/data/policy.json.ts");
  expect(json.public).toBe(false);
  expect(json.rules).toHaveLength(10);
  const a3 = json.loans.find((d: { loan_id: string }) => d.loan_id === "A3");
  expect(a3).toMatchObject({ rule: "rate_over_cap", borrower_name: "测*", id_number: "529901********0218", institution: "甲银行" });
  for (const secret of SECRETS) expect(text).not.toContain(secret);
});

it("政策例外清单 in a public build: counts only", () => {
  const { json } = run("src/data/policy.json.ts", { DIXIAN_PUBLIC: "1" });
  expect(json.public).toBe(true);
  expect(json.loans).toBeNull();
  expect(json.byBank.length).toBeGreaterThan(0);
});

const RISK_LINKS = "src/data/risk-links/[town].json.ts";
const listed = (rows: Array<{ list: string; household_id: string }>) => rows.map((r) => `${r.list}:${r.household_id}`);

it("风险关联清单 of a town: that town's household rows only, masked", () => {
  // F08 lives in 甲村 (一镇); F06 and F07 in 丙村 (二乡)
  const town1 = run(RISK_LINKS, {}, ["--town=529901001"]);
  expect(town1.json).toMatchObject({ public: false, town: "529901001", snapshotMonth: "2025-04", ledgerMonth: "2025-04" });
  expect(listed(town1.json.rows)).toEqual(["monitored_bad_loan:F08"]);
  expect(town1.json.rows[0]).toMatchObject({ head_name: "测*", id_number: "529901********0810", town_name: "一镇" });
  for (const other of ["F06", "F07", "丙村"]) expect(town1.text).not.toContain(other);
  const town2 = run(RISK_LINKS, {}, ["--town=529901002"]);
  expect(listed(town2.json.rows)).toEqual(["no_labour_micro:F06", "unserved_lead:F07"]);
  expect(town2.text).not.toContain("F08");
  for (const secret of SECRETS) {
    expect(town1.text).not.toContain(secret);
    expect(town2.text).not.toContain(secret);
  }
});

it("风险关联清单: nothing in a public build; a malformed town code is refused", () => {
  expect(run(RISK_LINKS, { DIXIAN_PUBLIC: "1" }, ["--town=529901001"]).json).toEqual({ public: true, town: "529901001", rows: null });
  const bad = spawnSync(process.execPath, ["--import", "tsx", RISK_LINKS, "--town=52990100"], {
    encoding: "utf8", env: { ...process.env, DIXIAN_DB: dbPath, DIXIAN_PUBLIC: "" },
  });
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toContain("乡镇代码应为 9 位数字");
});

it("the bank page loader finds the bank by its slug and shows the missing month", () => {
  const { json } = run("src/data/bank/[bank].json.ts", {}, [`--bank=${bankSlug("乙银行")}`]);
  expect(json.name).toBe("乙银行");
  expect(json.periods.find((p: { period: string }) => p.period === "2025-03")).toMatchObject({ reported: false, balance: null });
});
