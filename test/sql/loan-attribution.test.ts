// loan_balance attribution (DOMAIN.md §7: by the record's 区划代码, else through the matched household) for a
// record whose 区划代码 is a 9-digit town code. The base fixture's 2025-06 ledgers (test/fixtures/indicators/
// extracts/loans.csv) give 甲村/一镇 30,000 (L002) and 丙村/二乡 30,000 (L003 + L004); two rows are added here.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";

const EXTRA_LOANS = [
  // L006: the record names 二乡 (529901002) though its household H01 lives in 甲村 of 一镇: the record wins.
  "2025-06,县农商银行,L006,个人,测试户一,529901196503120112,H01,529901002,脱贫人口小额信贷,8000,2025-06-10,2027-06-09,7000,3.1,0,信用,正常,0,0,否,否,",
  // L007: 二乡 by its record, no household to match.
  "2025-06,县农业银行,L007,合作社,示例合作社,,,529901002,产业精准扶贫贷款,5000,2025-06-12,2027-06-11,5000,3.9,0,保证,正常,0,0,否,否,3",
];

describe("loan_balance with a town code on the record", () => {
  let balances: Map<string, number>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-loans-"));
    const input = join(dir, "extracts");
    cpSync(join(FIXTURE_DIR, "extracts"), input, { recursive: true });
    const loans = join(input, "loans.csv");
    writeFileSync(loans, `${readFileSync(loans, "utf-8").trimEnd()}\n${EXTRA_LOANS.join("\n")}\n`);
    const dbPath = join(dir, "w.duckdb");
    const result = await buildWarehouse({ inputDir: input, dbPath, reportsDir: join(dir, "reports"), configDir: join(FIXTURE_DIR, "config") });
    expect(result.load.rowsRejected).toBe(0);
    const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
    const conn = await instance.connect();
    const rows = (await conn.runAndReadAll("select area_code, value from indicators where code = 'loan_balance' and period = '2025-06'")).getRowsJS();
    balances = new Map(rows.map(([area, value]) => [String(area), Number(value)]));
    conn.closeSync();
    instance.closeSync();
  });

  it("counts the loans for the town the record names, not the household's town", () => {
    expect(balances.get("529901001")).toBe(30000); // 一镇: L002 only
    expect(balances.get("529901002")).toBe(42000); // 二乡: L003 20,000 + L004 10,000 + L006 7,000 + L007 5,000
  });

  it("puts a town-coded loan in no village", () => {
    expect(balances.get("529901001001")).toBe(30000); // 甲村: L002 only, not L006 of its household
    expect(balances.get("529901002001")).toBe(30000); // 丙村: L003 + L004
  });

  it("keeps every loan in the county total", () => {
    expect(balances.get("529901")).toBe(172000); // 160,000 + 7,000 + 5,000
  });
});
