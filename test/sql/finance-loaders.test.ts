// The finance pages' data loaders on the hand-made finance county (test/fixtures/finance, see finance.test.ts):
// the 政策例外清单 and 风险关联清单 loaders mask names and ID numbers and, with DIXIAN_PUBLIC=1, output no loan or
// household row; the bank page loader finds a bank by its slug.
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

it("风险关联清单: masked household rows; none in a public build", () => {
  const { text, json } = run("src/data/risk-links.json.ts");
  expect(json.rows.map((r: { list: string; household_id: string }) => `${r.list}:${r.household_id}`)).toEqual([
    "monitored_bad_loan:F08", "no_labour_micro:F06", "unserved_lead:F07",
  ]);
  expect(json.rows[0]).toMatchObject({ head_name: "测*", id_number: "529901********0810", town_name: "一镇" });
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(run("src/data/risk-links.json.ts", { DIXIAN_PUBLIC: "1" }).json).toEqual({ public: true, rows: null });
});

it("the bank page loader finds the bank by its slug and shows the missing month", () => {
  const { json } = run("src/data/bank/[bank].json.ts", {}, [`--bank=${bankSlug("乙银行")}`]);
  expect(json.name).toBe("乙银行");
  expect(json.periods.find((p: { period: string }) => p.period === "2025-03")).toMatchObject({ reported: false, balance: null });
});
