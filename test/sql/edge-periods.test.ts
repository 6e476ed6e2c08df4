// A second, tiny roster (test/fixtures/indicators/extracts-edge) for cases the main roster cannot hold:
// one village; households only for 2025-01, a loan ledger only for 2025-02; no monitoring-line file.
//   E1 脱贫户 3 persons, not monitored, yet carries a stray 识别监测日期 2025-01-10; loan L9 (户编号 E1)
//      with balance 5000 in the 2025-02 ledger.
//   E2 一般农户 2 persons, monitored 边缘易致贫户, 发现 2025-01-02 → 识别 2025-01-08 (4 working days).
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildFixtureWarehouse, type FixtureWarehouse } from "./fixture-warehouse.ts";

let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await buildFixtureWarehouse({ extracts: "extracts-edge" });
});
afterAll(() => warehouse?.close());

const county = (code: string, period: string) =>
  warehouse.query<{ value: number | null; numerator: number | null; denominator: number | null }>(
    `select value, numerator, denominator from indicators where code = '${code}' and period = '${period}' and area_code = '529901'`,
  );

it("counts only monitored households as identified, ignoring a stray date on a non-monitored row", async () => {
  expect(await county("mon_identified", "2025-01")).toEqual([{ value: 1, numerator: 1, denominator: null }]);
  // new_poverty_rate: E2 ÷ (40 农村户数 − 1 脱贫户 at the start, which is 2025-01 itself)
  expect(await county("new_poverty_rate", "2025-01")).toEqual([{ value: 1 / 39, numerator: 1, denominator: 39 }]);
});

it("leaves below_line_share empty when no monitoring line is known, rather than 0", async () => {
  expect(await county("below_line_share", "2025-01")).toEqual([{ value: null, numerator: 0, denominator: 0 }]);
});

it("lists a month with ledgers but no roster as a period whose roster stocks are empty", async () => {
  const periods = await warehouse.query("select period, end_month from periods order by period");
  expect(periods).toEqual([
    { period: "2025", end_month: "2025-01" },
    { period: "2025-01", end_month: "2025-01" },
    { period: "2025-02", end_month: "2025-02" },
    { period: "2025-H1", end_month: "2025-01" },
  ]);
  // no roster in 2025-02: its stocks are empty (not 0); flows still count events dated in it (none here)
  expect(await county("hh_lifted", "2025-02")).toEqual([{ value: null, numerator: null, denominator: null }]);
  expect(await county("income_pc_mean", "2025-02")).toEqual([{ value: null, numerator: null, denominator: null }]);
  expect(await county("mon_identified", "2025-02")).toEqual([{ value: 0, numerator: 0, denominator: null }]);
  // coverage needs the roster's end snapshot: empty, not 0
  expect(await county("loan_coverage", "2025-02")).toEqual([{ value: null, numerator: null, denominator: null }]);
  // a month with a roster but no ledger has empty stocks (the gap shows), and the issuance that later ledgers tell
  expect(await county("loan_balance", "2025-01")).toEqual([{ value: null, numerator: null, denominator: null }]);
  expect(await county("interest_subsidy", "2025-01")).toEqual([{ value: null, numerator: null, denominator: null }]);
  expect(await county("loan_balance", "2025-02")).toEqual([{ value: 5000, numerator: 5000, denominator: null }]);
  // the half-year reads stocks from its last roster month (2025-01) and balances from its last ledger (2025-02)
  expect(await county("hh_lifted", "2025-H1")).toEqual([{ value: 1, numerator: 1, denominator: null }]);
  expect(await county("loan_balance", "2025-H1")).toEqual([{ value: 5000, numerator: 5000, denominator: null }]);
  // the loan is attributed to E1's village through 户编号
  const village = await warehouse.query("select value from indicators where code = 'loan_balance' and period = '2025-02' and area_code = '529901001001'");
  expect(village).toEqual([{ value: 5000 }]);
});
