// Poverty-alleviation finance on a hand-made county (test/fixtures/finance/extracts), worked out by hand:
// two banks (甲银行 A, 乙银行 B) over 2025-01…2025-04; B sends no ledger for 2025-03. The default finance
// settings apply (the fixture's config folder has no finance.json or lpr.csv: the shipped ones are used).
//
// Villages 甲村 529901001001 and 乙村 529901001002 in 一镇 529901001; 丙村 529901002001 in 二乡 529901002.
// Households (the same every month): F01 甲 脱贫户; F02 甲 一般农户 monitored 边缘易致贫户; F03 乙 脱贫户 (born
// 2007-01-15); F04 乙 脱贫户 (born 1958-12-01); F05 丙 一般农户 not monitored; F06 丙 脱贫户 整户无劳动能力; F07 丙
// 脱贫户 monitored 脱贫不稳定户 with 产业帮扶 and no loan; F08 甲 脱贫户 monitored 脱贫不稳定户; F09 丙 脱贫户;
// F10 乙 脱贫户. Eligible (脱贫户 or monitored): all but F05 = 9; 一镇 6 (F01 F02 F08 F03 F04 F10); 丙村 3.
//
// Loans (balance = contract in every month reported; area from the household unless said):
//   A1 F01 “扶贫小额信贷” 50,000 2024-06-25→2027-06-24 3.45% (cap 3.95, 5-year LPR of 2024-06), 贴息 100/month
//   A2 F01 “小额信贷” top-up 30,000 2025-02-21→2026-02-20 3.10% = cap (1-year LPR of 2025-02); 贴息 0, 50, 50
//   A3 F02 matched by 证件号码 only (no 户编号) 40,000 2025-01-10→2026-01-09 3.60% > cap 3.10 (LPR of 2024-12); 贴息 80
//   A4 合作社 “产业发展贷款” 200,000, record 区划代码 丙村, 带动 8
//   A5 F04 20,000 issued 2025-02-10 (aged 66); A6 F03 20,000 issued 2025-01-20 (aged 18), 贴息 40
//   A7 F05 10,000 issued 2025-02-05: appears in 2025-02, disappears after 2025-03 (overdue 1,000 there, no 贴息)
//   A8 F09 80,000 issued 2025-03-05→2028-03-04 3.60% = cap
//   B1 F08 50,000 2022-03-01→2025-02-28 4.60% = cap; in 2025-04 past maturity, overdue 50,000, 次级, still 贴息 150
//      (贴息 150 also in 2025-01 and 2025-02 while performing)
//   B2 F09 续贷 30,000 2024-09-01→2025-08-31, 贴息 60; B3 F06 续贷 20,000 2023-03-15→2025-03-14, extended in 2025-04
//      to 2026-03-14 (展期); B4 F10 30,000 2024-11-25→2028-11-24 (48 months); B5 F10 “惠农e贷” 10,000 (no rule: 其他)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../loaders/indicators/catalog.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const COUNTY = "529901";
const TOWN1 = "529901001";
const VILLAGE3 = "529901002001";

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
const query = async <T = Record<string, unknown>>(sql: string): Promise<T[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-finance-"));
  const result = await buildWarehouse({
    inputDir: join(FIXTURES, "finance", "extracts"),
    dbPath: join(dir, "w.duckdb"),
    reportsDir: join(dir, "reports"),
    configDir: join(FIXTURES, "indicators", "config"),
  });
  expect(result.load.rowsRejected).toBe(0);
  instance = await DuckDBInstance.create(join(dir, "w.duckdb"), { access_mode: "READ_ONLY" });
  conn = await instance.connect();
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

async function indicator(code: string, period: string, area: string) {
  const rows = await query<{ value: number | null; numerator: number | null; denominator: number | null }>(
    `select value, numerator, denominator from indicators where code = '${code}' and period = '${period}' and area_code = '${area}'`);
  expect(rows, `${code} ${period} ${area}`).toHaveLength(1);
  return rows[0]!;
}

describe("product names as banks write them", () => {
  it("keeps every name and classifies it by the keyword rules; an unknown name is 其他 and listed", async () => {
    const names = await query("select institution, product, product_class, matched, loans::integer as loans from data_quality_loan_products order by institution, product");
    expect(names).toEqual([
      { institution: "乙银行", product: "惠农e贷", product_class: "其他", matched: false, loans: 1 },
      { institution: "乙银行", product: "脱贫人口小额信贷", product_class: "脱贫人口小额信贷", matched: true, loans: 4 },
      { institution: "甲银行", product: "产业发展贷款", product_class: "产业精准扶贫贷款", matched: true, loans: 1 },
      { institution: "甲银行", product: "小额信贷", product_class: "脱贫人口小额信贷", matched: true, loans: 1 },
      { institution: "甲银行", product: "扶贫小额信贷", product_class: "脱贫人口小额信贷", matched: true, loans: 1 },
      { institution: "甲银行", product: "脱贫人口小额信贷", product_class: "脱贫人口小额信贷", matched: true, loans: 5 },
    ]);
  });

  it("stages the optional 授信额度 and 信用等级", async () => {
    expect(await query("select loan_id, credit_line, credit_rating from stg_loans where period = '2025-01' and credit_line is not null order by loan_id"))
      .toEqual([
        { loan_id: "A1", credit_line: 50000, credit_rating: "优秀" },
        { loan_id: "A3", credit_line: 50000, credit_rating: "优秀" },
        { loan_id: "A6", credit_line: 50000, credit_rating: "优秀" },
      ]);
  });
});

describe("loan indicators", () => {
  it("has every loan code for every period and level", async () => {
    const codes = CATALOG.filter((c) => c.family === "loans").map((c) => c.code);
    const [{ n }] = await query<{ n: number }>(`
      select count(*)::integer as n from (select distinct period from int_periods) p
      cross join (select area_code, area_level from int_areas) a
      cross join (select unnest(['${codes.join("','")}']) as code) c
      anti join indicators i on i.code = c.code and i.period = p.period and i.area_code = a.area_code`);
    expect(n).toBe(0);
    const periods = (await query<{ period: string }>("select distinct period from indicators where code = 'loan_balance' order by period")).map((r) => r.period);
    expect(periods).toEqual(["2025", "2025-01", "2025-02", "2025-03", "2025-04", "2025-H1"]);
  });

  it("a bank missing a month: its loans are absent from that month (no zeros), and the bank is shown as not reported", async () => {
    // 2025-03: A1 50,000 + A2 30,000 + A3 40,000 + A4 200,000 + A5 20,000 + A6 20,000 + A7 10,000 + A8 80,000; B absent
    expect(await indicator("loan_balance", "2025-03", COUNTY)).toEqual({ value: 450000, numerator: 450000, denominator: null });
    expect(await indicator("loan_balance", "2025-03", TOWN1)).toMatchObject({ value: 160000 }); // A1 A2 A3 (甲) + A5 A6 (乙)
    expect(await indicator("loan_balance", "2025-03", VILLAGE3)).toMatchObject({ value: 290000 }); // A4 + A7 + A8
    const banks = await query("select institution, reported, last_month_reported, balance, loans from loan_banks where period = '2025-03' order by institution");
    expect(banks).toEqual([
      { institution: "乙银行", reported: false, last_month_reported: "2025-02", balance: null, loans: null },
      { institution: "甲银行", reported: true, last_month_reported: "2025-03", balance: 450000, loans: 8n },
    ]);
    const sources = await query("select distinct institution from int_loan_months where ledger_month = '2025-03'");
    expect(sources).toEqual([{ institution: "甲银行" }]);
  });

  it("2025-04: balances with both banks, the NPL and overdue ratios, the renewed and extended loans included", async () => {
    // A: 440,000 (A7 repaid); B: B1 50,000 + B2 30,000 + B3 20,000 + B4 30,000 + B5 10,000 = 140,000
    expect(await indicator("loan_balance", "2025-04", COUNTY)).toMatchObject({ value: 580000 });
    expect(await indicator("loan_balance", "2025-04", TOWN1)).toMatchObject({ value: 250000 }); // 甲 170,000 + 乙 80,000
    expect(await indicator("loan_balance", "2025-04", VILLAGE3)).toMatchObject({ value: 330000 }); // A4 A8 B2 B3
    expect(await indicator("npl_ratio", "2025-04", COUNTY)).toEqual({ value: 50000 / 580000, numerator: 50000, denominator: 580000 });
    expect(await indicator("npl_ratio", "2025-04", TOWN1)).toEqual({ value: 0.2, numerator: 50000, denominator: 250000 });
    expect(await indicator("overdue_ratio", "2025-04", VILLAGE3)).toEqual({ value: 0, numerator: 0, denominator: 330000 });
    expect(await indicator("overdue_ratio", "2025-03", COUNTY)).toEqual({ value: 1000 / 450000, numerator: 1000, denominator: 450000 });
    // H1 reads its stocks from 2025-04
    expect(await indicator("loan_balance", "2025-H1", COUNTY)).toMatchObject({ value: 580000 });
    // no ledger twelve months before: empty growth, never 0
    expect(await indicator("loan_balance_yoy", "2025-04", COUNTY)).toEqual({ value: null, numerator: 580000, denominator: null });
  });

  it("coverage counts 脱贫户 and monitored households with a microcredit or 个人精准 balance, matched by 户编号 or 证件号码", async () => {
    // 2025-04: F01 F02 (A3 by ID) F03 F04 F06 F08 F09 F10 (B4; B5 is 其他) — F07 has no loan; F05 not eligible
    expect(await indicator("loan_coverage", "2025-04", COUNTY)).toEqual({ value: 8 / 9, numerator: 8, denominator: 9 });
    expect(await indicator("loan_coverage", "2025-04", TOWN1)).toEqual({ value: 1, numerator: 6, denominator: 6 });
    expect(await indicator("loan_coverage", "2025-04", VILLAGE3)).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
    // 2025-03 without bank B: F01 F02 F03 F04 F09 (A8)
    expect(await indicator("loan_coverage", "2025-03", COUNTY)).toEqual({ value: 5 / 9, numerator: 5, denominator: 9 });
  });

  it("issuance counts each loan once, in the month of its 发放日期, and sums to the half-year", async () => {
    expect(await indicator("loan_issued", "2025-01", COUNTY)).toMatchObject({ value: 70000 }); // A3 A6 B5
    expect(await indicator("loan_issued_count", "2025-02", COUNTY)).toMatchObject({ value: 3 }); // A2 A5 A7
    expect(await indicator("loan_issued", "2025-02", TOWN1)).toMatchObject({ value: 50000 }); // A2 + A5
    expect(await indicator("loan_issued", "2025-03", VILLAGE3)).toMatchObject({ value: 80000 }); // A8
    expect(await indicator("loan_issued", "2025-04", COUNTY)).toMatchObject({ value: 0 });
    expect(await indicator("loan_issued", "2025-H1", COUNTY)).toMatchObject({ value: 210000 });
    expect(await indicator("loan_issued_count", "2025-H1", COUNTY)).toMatchObject({ value: 7 });
    // personal loans: 210,000 ÷ 7 borrowers (F02, F03, F10, F01, F04, F05, F09)
    expect(await indicator("loan_avg", "2025-H1", COUNTY)).toEqual({ value: 30000, numerator: 210000, denominator: 7 });
    expect(await indicator("loan_avg", "2025-04", COUNTY)).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it("interest subsidy sums the period's ledgers", async () => {
    expect(await indicator("interest_subsidy", "2025-01", COUNTY)).toMatchObject({ value: 430 }); // 100 + 80 + 40 + 150 + 60
    expect(await indicator("interest_subsidy", "2025-03", COUNTY)).toMatchObject({ value: 270 }); // A only: 100 + 50 + 80 + 40
    expect(await indicator("interest_subsidy", "2025-04", COUNTY)).toMatchObject({ value: 480 });
    expect(await indicator("interest_subsidy", "2025-H1", COUNTY)).toMatchObject({ value: 1610 }); // 430 + 430 + 270 + 480
  });
});

describe("breakdowns and coverage by group", () => {
  it("breaks the end-month balance down by bank, product class and borrower type", async () => {
    const rows = await query("select institution, product_class, borrower_type, loans, borrowers, balance, people_driven from loan_breakdown where period = '2025-04' order by institution, product_class, borrower_type");
    expect(rows).toEqual([
      { institution: "乙银行", product_class: "其他", borrower_type: "个人", loans: 1n, borrowers: 1n, balance: 10000, people_driven: 0n },
      { institution: "乙银行", product_class: "脱贫人口小额信贷", borrower_type: "个人", loans: 4n, borrowers: 4n, balance: 130000, people_driven: 0n },
      { institution: "甲银行", product_class: "产业精准扶贫贷款", borrower_type: "合作社", loans: 1n, borrowers: 1n, balance: 200000, people_driven: 8n },
      { institution: "甲银行", product_class: "脱贫人口小额信贷", borrower_type: "个人", loans: 6n, borrowers: 5n, balance: 240000, people_driven: 0n },
    ]);
  });

  it("gives 获贷率, 户贷率 and 授信率 by household group and town", async () => {
    const rows = await query(`select area_code, household_group, households, with_loan, ever_borrowed, with_credit from loan_coverage_groups
      where period = '2025-04' and area_code in ('${COUNTY}', '529901002') order by area_code, household_group`);
    expect(rows).toEqual([
      // county: 合计 9; 脱贫户 8 (F01 F03 F04 F06 F07 F08 F09 F10), with loans all but F07; credit lines on A1 A3 A6 (F01 F02 F03)
      { area_code: COUNTY, household_group: "合计", households: 9n, with_loan: 8n, ever_borrowed: 8n, with_credit: 3n },
      { area_code: COUNTY, household_group: "脱贫不稳定户", households: 2n, with_loan: 1n, ever_borrowed: 1n, with_credit: 0n }, // F07 F08
      { area_code: COUNTY, household_group: "脱贫户", households: 8n, with_loan: 7n, ever_borrowed: 7n, with_credit: 2n },
      { area_code: COUNTY, household_group: "边缘易致贫户", households: 1n, with_loan: 1n, ever_borrowed: 1n, with_credit: 1n }, // F02
      { area_code: "529901002", household_group: "合计", households: 3n, with_loan: 2n, ever_borrowed: 2n, with_credit: 0n },
      { area_code: "529901002", household_group: "脱贫不稳定户", households: 1n, with_loan: 0n, ever_borrowed: 0n, with_credit: 0n },
      { area_code: "529901002", household_group: "脱贫户", households: 3n, with_loan: 2n, ever_borrowed: 2n, with_credit: 0n },
    ]);
  });

  it("sums 带动脱贫人口 of industry loans by town", async () => {
    expect(await query("select town_code, loans, balance, people_driven from loan_industry_towns where period = '2025-04'"))
      .toEqual([{ town_code: "529901002", loans: 1n, balance: 200000, people_driven: 8n }]);
  });
});

describe("policy checks: each rule fires once here and stays silent on its near miss", () => {
  const fired = async () => (await query<{ rule: string; loan_id: string }>("select rule, loan_id from policy_exceptions order by rule, loan_id"))
    .map((r) => `${r.rule}:${r.loan_id}`);

  it("flags exactly the hand-picked loans", async () => {
    expect(await fired()).toEqual([
      "age_outside:A5", // 66 at issue; A6 is 18 (not flagged)
      "micro_household_over:A8", "micro_household_over:B2", // F09: 80,000 + 30,000 in 2025-04; F01's 80,000 passes
      "micro_single_over:A8", // 80,000; A1's 50,000 is at the cap
      "not_eligible:A7", // F05 is neither 脱贫户 nor monitored; F02 (monitored 一般农户) passes
      "past_maturity:B1", // B3 is past its first maturity but extended
      "rate_over_cap:A3", // 3.60 > 3.10; A2, A5, A6, A7 at the 1-year cap, A8, B1, B4 at the 5-year cap
      "repeated_rollover:B3", // renewal + extension; B2 renewed once
      "subsidy_beyond_cap:A2", // A2 lies wholly beyond F01's first 50,000 and got 贴息; A8's beyond part got none
      "subsidy_on_overdue:B1", // 2025-04; A7 was overdue in 2025-03 without 贴息
      "term_over:B4", // 48 months; A1, A8, B1 are 36
    ]);
  });

  it("says when and why, with the source sentence of each rule", async () => {
    const rows = await query("select rule, first_month, last_month, months, detail from policy_exceptions where rule in ('rate_over_cap', 'subsidy_on_overdue', 'subsidy_beyond_cap') order by rule");
    expect(rows).toEqual([
      { rule: "rate_over_cap", first_month: "2025-01", last_month: "2025-04", months: 4n, detail: "年利率 3.6%，期限 12 个月，上限 3.1%（2024-12 公布的一年期LPR）" },
      { rule: "subsidy_beyond_cap", first_month: "2025-03", last_month: "2025-04", months: 2n, detail: "该户在此笔之前已贷 50000 元，此笔 30000 元中超过 50000 元的部分为 30000 元，本月贴息 50.00 元" },
      { rule: "subsidy_on_overdue", first_month: "2025-04", last_month: "2025-04", months: 1n, detail: "逾期本金 50000.00 元、逾期 61 天，本月仍贴息 150.00 元" },
    ]);
    const rules = await query<{ rule: string; source: string; loans: bigint }>("select rule, source, loans from policy_rules order by rule");
    expect(rules).toHaveLength(10);
    for (const r of rules) expect(r.source.length).toBeGreaterThan(5);
    expect(rules.find((r) => r.rule === "micro_household_over")?.loans).toBe(2n);
  });
});

describe("risk links no single bank can see", () => {
  it("lists monitored households with bad loans, no-labour households with microcredit, and 应贷未贷 leads", async () => {
    const rows = await query("select list, household_id, loan_id, town_code from loan_risk_links order by list, household_id");
    expect(rows).toEqual([
      { list: "monitored_bad_loan", household_id: "F08", loan_id: "B1", town_code: "529901001" },
      { list: "no_labour_micro", household_id: "F06", loan_id: "B3", town_code: "529901002" },
      { list: "unserved_lead", household_id: "F07", loan_id: null, town_code: "529901002" },
    ]);
  });
});

describe("bank scorecard (county scheme, half-year)", () => {
  it("scores, grades and ranks the banks for 2025-H1", async () => {
    // A: growth 0 (no ledger a year earlier) + issued 200,000/210,000 ≥ 0.3 → 15 + coverage 5/8 → 15
    //    + micro 240,000/440,000 → 10 × 0.5454…/0.6 + NPL 0 → 15 + overdue 0 → 10 + exceptions 5/8 → 0 + reporting 4/4 → 5
    // B: 0 + 15 × (10,000/210,000)/0.3 + coverage 4/8 → 15 + micro 130,000/140,000 → 10 + NPL/overdue 0.357 → 0
    //    + exceptions 4/5 → 0 + reporting 3/4 → 3.75
    const a = 15 + 15 + (10 * (240000 / 440000)) / 0.6 + 15 + 10 + 5;
    const b = (15 * (10000 / 210000)) / 0.3 + 15 + 10 + 3.75;
    const rows = await query<{ institution: string; total: number; grade: string; rank: bigint }>("select institution, total, grade, rank from bank_scorecard where period = '2025-H1' order by rank");
    expect(rows.map((r) => [r.institution, r.grade, r.rank])).toEqual([["甲银行", "一般", 1n], ["乙银行", "勉励", 2n]]);
    expect(rows[0]!.total).toBeCloseTo(a, 9);
    expect(rows[1]!.total).toBeCloseTo(b, 9);
    const weights = await query<{ w: number }>("select sum(weight) as w from bank_scorecard_items where period = '2025-H1' and institution = '甲银行'");
    expect(weights[0]!.w).toBe(100);
  });
});
