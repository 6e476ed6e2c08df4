// Completeness (DOMAIN.md §7): a source that delivered earlier months but not a period's end month is missing
// for that period, and every indicator row of a family that depends on it says so.
// Fixture test/fixtures/indicators/extracts-missing: the main roster's 2025-05 snapshot (一镇 and 二乡), then a
// 2025-06 snapshot from 一镇 only (二乡's roster is missing: H06 H07 H08 are not there); loan ledgers 2025-05 from
// 县农商银行 (L002) and 县农业银行 (L005), 2025-06 from 县农商银行 only (L002 30000, L004 10000: 县农业银行's is missing).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureWarehouse, type FixtureWarehouse } from "./fixture-warehouse.ts";

const COUNTY = "529901";
const TOWN1 = "529901001";
const TOWN2 = "529901002";
const JIA = "529901001001";
const BING = "529901002001";
const TOWN2_MISSING = ["二乡 2025年6月户信息"];
const BANK_MISSING = ["县农业银行 2025年6月贷款台账"];

let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await buildFixtureWarehouse({ extracts: "extracts-missing" });
});
afterAll(() => warehouse?.close());

interface Row { value: number | null; complete: boolean; missing_sources: string[] }
async function row(code: string, period: string, area: string, table = "indicators"): Promise<Row> {
  const rows = await warehouse.query<Row>(
    `select value, complete, missing_sources from ${table} where code = '${code}' and period = '${period}' and area_code = '${area}'`,
  );
  expect(rows, `${code} ${period} ${area}`).toHaveLength(1);
  return rows[0]!;
}

describe("source_completeness", () => {
  it("has one row per source and month, delivered or not, with the rows delivered", async () => {
    const rows = await warehouse.query(
      "select source_type, source_key, source_name, month, delivered, rows, missing from source_completeness order by all",
    );
    expect(rows).toEqual([
      { source_type: "bank_ledger", source_key: "县农业银行", source_name: "县农业银行", month: "2025-01", delivered: false, rows: 0, missing: false },
      { source_type: "bank_ledger", source_key: "县农业银行", source_name: "县农业银行", month: "2025-02", delivered: false, rows: 0, missing: false },
      { source_type: "bank_ledger", source_key: "县农业银行", source_name: "县农业银行", month: "2025-03", delivered: false, rows: 0, missing: false },
      { source_type: "bank_ledger", source_key: "县农业银行", source_name: "县农业银行", month: "2025-04", delivered: false, rows: 0, missing: false },
      { source_type: "bank_ledger", source_key: "县农业银行", source_name: "县农业银行", month: "2025-05", delivered: true, rows: 1, missing: false },
      { source_type: "bank_ledger", source_key: "县农业银行", source_name: "县农业银行", month: "2025-06", delivered: false, rows: 0, missing: true },
      { source_type: "bank_ledger", source_key: "县农商银行", source_name: "县农商银行", month: "2025-01", delivered: false, rows: 0, missing: false },
      { source_type: "bank_ledger", source_key: "县农商银行", source_name: "县农商银行", month: "2025-02", delivered: false, rows: 0, missing: false },
      { source_type: "bank_ledger", source_key: "县农商银行", source_name: "县农商银行", month: "2025-03", delivered: false, rows: 0, missing: false },
      { source_type: "bank_ledger", source_key: "县农商银行", source_name: "县农商银行", month: "2025-04", delivered: false, rows: 0, missing: false },
      { source_type: "bank_ledger", source_key: "县农商银行", source_name: "县农商银行", month: "2025-05", delivered: true, rows: 1, missing: false },
      { source_type: "bank_ledger", source_key: "县农商银行", source_name: "县农商银行", month: "2025-06", delivered: true, rows: 2, missing: false },
      { source_type: "town_roster", source_key: TOWN1, source_name: "一镇", month: "2025-01", delivered: false, rows: 0, missing: false },
      { source_type: "town_roster", source_key: TOWN1, source_name: "一镇", month: "2025-02", delivered: false, rows: 0, missing: false },
      { source_type: "town_roster", source_key: TOWN1, source_name: "一镇", month: "2025-03", delivered: false, rows: 0, missing: false },
      { source_type: "town_roster", source_key: TOWN1, source_name: "一镇", month: "2025-04", delivered: false, rows: 0, missing: false },
      { source_type: "town_roster", source_key: TOWN1, source_name: "一镇", month: "2025-05", delivered: true, rows: 7, missing: false },
      { source_type: "town_roster", source_key: TOWN1, source_name: "一镇", month: "2025-06", delivered: true, rows: 8, missing: false },
      { source_type: "town_roster", source_key: TOWN2, source_name: "二乡", month: "2025-01", delivered: false, rows: 0, missing: false },
      { source_type: "town_roster", source_key: TOWN2, source_name: "二乡", month: "2025-02", delivered: false, rows: 0, missing: false },
      { source_type: "town_roster", source_key: TOWN2, source_name: "二乡", month: "2025-03", delivered: false, rows: 0, missing: false },
      { source_type: "town_roster", source_key: TOWN2, source_name: "二乡", month: "2025-04", delivered: false, rows: 0, missing: false },
      { source_type: "town_roster", source_key: TOWN2, source_name: "二乡", month: "2025-05", delivered: true, rows: 3, missing: false },
      { source_type: "town_roster", source_key: TOWN2, source_name: "二乡", month: "2025-06", delivered: false, rows: 0, missing: true },
    ]);
  });
});

describe("indicators carry complete and missing_sources by the code's family", () => {
  it("a missing town roster: the county, that town and its villages are incomplete; the other town is not", async () => {
    // hh_lifted 2025-06: only 一镇's 脱贫户 H01 H02 H03 H05 H10 H11 H12 = 7 — the stock shrank, and says why
    expect(await row("hh_lifted", "2025-06", COUNTY)).toEqual({ value: 7, complete: false, missing_sources: TOWN2_MISSING });
    expect(await row("hh_lifted", "2025-06", TOWN2)).toEqual({ value: 0, complete: false, missing_sources: TOWN2_MISSING });
    expect(await row("hh_lifted", "2025-06", BING)).toEqual({ value: 0, complete: false, missing_sources: TOWN2_MISSING });
    expect(await row("hh_lifted", "2025-06", TOWN1)).toEqual({ value: 7, complete: true, missing_sources: [] });
    expect(await row("hh_lifted", "2025-06", JIA)).toEqual({ value: 6, complete: true, missing_sources: [] });
    // the half-year reads the same end month; income is a roster family too; May was delivered in full
    expect((await row("mon_active", "2025-H1", COUNTY)).missing_sources).toEqual(TOWN2_MISSING);
    expect((await row("income_pc_mean", "2025-06", COUNTY)).complete).toBe(false);
    expect(await row("hh_lifted", "2025-05", COUNTY)).toEqual({ value: 9, complete: true, missing_sources: [] });
  });

  it("a missing bank ledger: loan rows of every area are incomplete, roster rows of 一镇 are not", async () => {
    // 2025-06: L002 30000 (H01, 甲村) + L004 10000 (H07 by 证件号码) from 县农商银行; 县农业银行 (L005) missing
    expect(await row("loan_balance", "2025-06", COUNTY)).toEqual({ value: 40000, complete: false, missing_sources: BANK_MISSING });
    expect(await row("loan_balance", "2025-06", JIA)).toEqual({ value: 30000, complete: false, missing_sources: BANK_MISSING });
    expect((await row("loan_balance", "2025-H1", TOWN2)).missing_sources).toEqual(BANK_MISSING);
    expect(await row("loan_balance", "2025-05", COUNTY)).toEqual({ value: 132000, complete: true, missing_sources: [] });
  });

  it("indicators_published carries the same flags", async () => {
    expect(await row("hh_lifted", "2025-06", COUNTY, "indicators_published")).toEqual({ value: 7, complete: false, missing_sources: TOWN2_MISSING });
    // 丙村's town delivered no 2025-06 roster: its count reads 0 (a zero is published, DOMAIN §9) and is marked
    // incomplete, so the page says the 0 lacks a source instead of showing it as a fact
    expect(await row("hh_lifted", "2025-06", BING, "indicators_published")).toEqual({ value: 0, complete: false, missing_sources: TOWN2_MISSING });
  });
});
