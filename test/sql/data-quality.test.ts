// The data_quality_* marts and the 数据质量 loader, on the loader fixtures (test/fixtures/extracts): villages.csv
// (4 rows, row 5 breaks code_hierarchy), households_2024-01.csv (16 data rows: rows 2, 3 and 18 good, rows 4–16
// one defect each — rows 4–7, 12 and 14 secondary errors kept with a warning, rows 8–11, 13, 15, 16 rejected —,
// row 9 in the unknown village 530101009999, row 16 with the 10-digit code 5301010010), loans-bank.xlsx (sheet
// 贷款台账, 7 rows of 农商银行 for 2024-01: rows 4–5 good, rows 6–10 one defect each, rows 6–8 warnings, 9–10
// rejected) and the six files of refused/. Built through the real buildWarehouse (allowPartial, since files are refused).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

let dir: string;
let dbPath: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, any>[];
const n = (v: unknown) => (v === null ? null : Number(v));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-quality-"));
  for (const name of ["villages.csv", "households_2024-01.csv", "loans-bank.xlsx", "refused"]) {
    cpSync(join(FIXTURES, "extracts", name), join(dir, "input", name), { recursive: true });
  }
  dbPath = join(dir, "fixture.duckdb");
  await buildWarehouse({
    inputDir: join(dir, "input"),
    dbPath,
    reportsDir: join(dir, "reports"),
    configDir: join(FIXTURES, "indicators", "config"),
    allowPartial: true,
  });
  instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe("data_quality marts", () => {
  it("data_quality_files: one row per file with its status and row accounting", async () => {
    const files = await rows("select file, sheet, status, rows_read, rows_accepted, rows_rejected, rows_warned from data_quality_files order by file");
    expect(files.filter((d) => d.status === "refused").map((d) => d.file)).toEqual([
      "refused/corrupt.xlsx", "refused/missing-id.csv", "refused/no-period.csv", "refused/policies-missing.xlsx",
      "refused/unknown-header.csv", "refused/utf16.csv",
    ]);
    const loaded = files.filter((d) => d.status === "loaded").map((d) => [d.file, d.sheet, n(d.rows_read), n(d.rows_accepted), n(d.rows_rejected), n(d.rows_warned)]);
    expect(loaded).toEqual([
      ["households_2024-01.csv", null, 16, 9, 7, 6],
      ["loans-bank.xlsx", "贷款台账", 7, 5, 2, 3],
      ["villages.csv", null, 4, 3, 1, 0],
    ]);
  });

  it("data_quality_periods: loaded files per extract and period, reject rate = rejected ÷ read", async () => {
    const periods = await rows("select * from data_quality_periods order by extract, period");
    expect(periods.map((d) => [d.extract, d.period, n(d.files), n(d.rows_read), n(d.rows_accepted), n(d.rows_rejected), n(d.rows_warned)])).toEqual([
      ["households", "2024-01", 1, 16, 9, 7, 6],
      ["loans", "2024-01", 1, 7, 5, 2, 3],
      ["villages", "—", 1, 4, 3, 1, 0], // the villages reference has no period
    ]);
    expect(periods.map((d) => d.reject_rate)).toEqual([7 / 16, 2 / 7, 1 / 4]);
  });

  it("data_quality_rules: distinct rejected rows per extract and rule, with the first row's message", async () => {
    const rules = await rows("select extract, rule, rows, example from data_quality_rules order by extract, rule");
    const count = (extract: string) => rules.filter((d) => d.extract === extract).map((d) => [d.rule, n(d.rows)]);
    expect(count("loans")).toEqual([["duplicate_key", 1], ["invalid_number", 1]]);
    expect(count("households")).toHaveLength(7); // rows 8–11, 13, 15, 16, seven different rules
    expect(count("villages")).toEqual([["code_hierarchy", 1]]);
    expect(rules.find((d) => d.rule === "id_checksum")?.example).toContain("最后一位应为 9");
  });

  it("data_quality_warning_rules: distinct kept rows per extract and warning, how many nulled, with an example", async () => {
    const rules = await rows("select extract, rule, rows, nulled, example from data_quality_warning_rules order by extract, rule");
    expect(rules.map((d) => [d.extract, d.rule, n(d.rows), n(d.nulled)])).toEqual([
      ["households", "elimination_before_identification", 1, 1],
      ["households", "income_inconsistent", 1, 0],
      ["households", "invalid_boolean", 1, 1],
      ["households", "invalid_date", 1, 1],
      ["households", "labour_exceeds_size", 1, 1],
      ["households", "monitor_kind_mismatch", 1, 0],
      ["loans", "balance_exceeds_contract", 1, 0],
      ["loans", "invalid_enum", 1, 1],
      ["loans", "maturity_not_after_issue", 1, 1],
    ]);
    const income = rules.find((d) => d.rule === "income_inconsistent");
    expect(income?.example).toContain("人均纯收入 8000"); // row 7: H006 states 8000, components give 6300
  });

  it("data_quality_sources: rejected and accepted rows per source, towns named from the village reference", async () => {
    const sources = await rows("select * from data_quality_sources order by extract, source_key");
    expect(sources.map((d) => [d.extract, d.period, d.source_key, d.source_name, n(d.rejected), n(d.accepted), n(d.warned)])).toEqual([
      // rejected rows 8, 10, 11, 13, 15, 16 (the 10-digit code of row 16 still starts with the town) against the
      // accepted rows 2–7, 12, 14, 18, of which 4–7, 12 and 14 carry a warning
      ["households", "2024-01", "530101001", "城关镇", 6, 9, 6],
      ["households", "2024-01", "530101009", "530101009", 1, null, 0], // row 9: a town the reference lacks keeps its code
      ["loans", "2024-01", "农商银行", "农商银行", 2, 5, 3],
      ["villages", null, "530101003", "530101003", 1, null, 0], // the bad village row's own town code
    ]);
    expect(sources.map((d) => d.reject_rate)).toEqual([6 / 15, 1, 2 / 7, 1]);
  });

  it("data_quality_source_rules: rules per source", async () => {
    const town = await rows("select rule, rows from data_quality_source_rules where source_key = '530101009'");
    expect(town.map((d) => [d.rule, n(d.rows)])).toEqual([["village_unknown", 1]]);
    const bank = await rows("select sum(rows) as rows, count(*) as rules from data_quality_source_rules where source_key = '农商银行'");
    expect([n(bank[0].rows), n(bank[0].rules)]).toEqual([2, 2]);
  });

  it("data_quality_details and totals: masked rejected rows in file and row order, and the full count", async () => {
    const details = await rows("select file, sheet, \"row\", rule, value_masked from data_quality_details order by detail_order");
    expect(details).toHaveLength(10); // 7 households + 2 loans + 1 village, one rule each
    expect(details.slice(0, 2).map((d) => [d.file, d.row, d.rule])).toEqual([
      ["households_2024-01.csv", 8, "id_checksum"],
      ["households_2024-01.csv", 9, "village_unknown"],
    ]);
    expect(details.find((d) => d.rule === "id_checksum")?.value_masked).toBe("530101********0018");
    expect(JSON.stringify(details)).not.toContain("530101198001010018");
    const warned = await rows("select file, \"row\", rule, action from data_quality_warning_details order by detail_order");
    expect(warned.map((d) => `${d.file}:${d.row}:${d.rule}:${d.action}`)).toEqual([
      "households_2024-01.csv:4:monitor_kind_mismatch:keep", "households_2024-01.csv:5:elimination_before_identification:null",
      "households_2024-01.csv:6:labour_exceeds_size:null", "households_2024-01.csv:7:income_inconsistent:keep",
      "households_2024-01.csv:12:invalid_date:null", "households_2024-01.csv:14:invalid_boolean:null",
      "loans-bank.xlsx:6:balance_exceeds_contract:keep", "loans-bank.xlsx:7:maturity_not_after_issue:null", "loans-bank.xlsx:8:invalid_enum:null",
    ]);
    const [totals] = await rows("select * from data_quality_totals");
    expect(Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, n(v)]))).toEqual({
      files_loaded: 3, files_refused: 6, files_skipped: 0, rows_read: 27, rows_accepted: 17, rows_rejected: 10, rows_warned: 9,
      rejections: 10, warnings: 9,
    });
  });
});

describe("quality.json loader", () => {
  const runLoader = (env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/data/quality.json.ts"], {
      encoding: "utf8",
      env: { ...process.env, DIXIAN_DB: dbPath, DIXIAN_PUBLIC: "", ...env },
    });
    expect(result.status, result.stderr).toBe(0);
    return { text: result.stdout, json: JSON.parse(result.stdout) };
  };

  it("prints the page's JSON from the marts, with titles and field docs from the contracts", () => {
    const { text, json } = runLoader();
    expect(Object.keys(json)).toEqual([
      "extracts", "rules", "files", "byExtractPeriod", "topRules", "bySource", "bySourceRule", "loanProducts", "details",
      "warningRules", "warningDetails", "deliveries", "unattributed", "checks", "totals", "detailTotal", "warningTotal", "fields",
    ]);
    // the bank's own product name with the class the keyword rules gave it (unknown names: test/sql/finance.test.ts);
    // 5 loans: the 2 good rows and the 3 kept with a warning
    expect(json.loanProducts.map((d: any) => [d.institution, d.product, d.product_class, d.matched, d.loans])).toEqual([
      ["农商银行", "脱贫人口小额信贷", "脱贫人口小额信贷", true, 5],
    ]);
    expect(json.byExtractPeriod[0]).toEqual({
      extract: "households", period: "2024-01", files: 1, rows_read: 16, rows_accepted: 9, rows_rejected: 7, rows_warned: 6, reject_rate: 7 / 16,
    });
    // loaded files last, so refused ones head the load log
    expect(json.files.slice(-3).map((d: any) => d.status)).toEqual(["loaded", "loaded", "loaded"]);
    expect(json.files[0].loaded_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(json.topRules.filter((d: any) => d.extract === "loans")).toHaveLength(2);
    expect(json.warningRules.filter((d: any) => d.extract === "loans")).toHaveLength(3);
    expect(json.bySource.find((d: any) => d.source_key === "农商银行")).toMatchObject({ rejected: 2, accepted: 5, warned: 3 });
    expect(json.details).toHaveLength(10);
    expect(json.detailTotal).toBe(10);
    expect(json.warningDetails).toHaveLength(9);
    expect(json.warningTotal).toBe(9);
    // the delivery grid (source_completeness): the bank delivered its ledger
    expect(json.deliveries.some((d: any) => d.source_type === "bank_ledger" && d.source_key === "农商银行" && d.delivered)).toBe(true);
    expect(json.unattributed).toEqual([]);
    expect(json.rules).toContainEqual({ rule: "income_inconsistent", title: "人均纯收入与收入构成不符" });
    const id = json.fields.find((d: any) => d.extract === "households" && d.column === "id_number");
    expect(id).toMatchObject({ header: "证件号码", required: true, type: "VARCHAR" });
    expect(id.aliases.split("、")).toContain("身份证号");
    expect(json.fields.filter((d: any) => d.extract === "monitoring_lines").map((d: any) => d.header)).toEqual(["年度", "区划代码", "监测线"]);
    expect(text).not.toContain("530101198001010018");
    expect(text).toContain("530101********0018");
  });

  it("leaves the rejected-row and warning details out of a public build but keeps their counts", () => {
    const { json } = runLoader({ DIXIAN_PUBLIC: "1" });
    expect(json.details).toBeNull();
    expect(json.detailTotal).toBe(10);
    expect(json.warningDetails).toBeNull();
    expect(json.warningTotal).toBe(9);
    expect(json.byExtractPeriod).toHaveLength(3);
  });
});
