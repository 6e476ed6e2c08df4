// Attribution that survives real files (DOMAIN.md §7): loans with no area code are attributed through the
// matched household where it lives in the ledger month, else to the county of the roster even when the village
// file lists villages of two counties, else kept as unattributed — never dropped.
// Built at run time from test/fixtures/indicators/extracts-events (roster 2025-04…06 in county 529901; A2 lives
// in 甲村 529901001001 until May and in 丙村 529901002001 in June) plus:
//   villages.csv  + 戊村 529902001001 of 另一镇 529902001, county 另一县 529902 (a village file of two counties);
//   loans.csv     M1 县农商银行, 个人, 户编号 A2, no 区划代码: 20,000 in the 2025-05 ledger, 18,000 in 2025-06;
//   loans_农业银行.csv  M2 县农业银行, 企业, no 区划代码, no household: 50,000 in both ledgers (the bank's own file,
//                 in which nothing else is placed, so the file tells no county: int_home_county falls back to the
//                 roster's; a file whose other records lie in one county would give that county —
//                 test/sql/multi-county.test.ts).
// The second build adds a 2025-06 roster household Z1 in 戊村, so the roster spans two counties.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";

const LOAN_HEADER = "数据期,金融机构,贷款编号,借款人类型,借款人名称,证件号码,户编号,区划代码,贷款品种,合同金额,发放日期,到期日期,贷款余额,年利率,贴息金额,担保方式,五级分类,逾期本金,逾期天数,是否续贷,是否展期,带动脱贫人口";
const LOANS = [
  "2025-05,县农商银行,M1,个人,事件户A2,,A2,,脱贫人口小额信贷,30000,2025-04-20,2028-04-19,20000,3.1,0,信用,正常,0,0,否,否,",
  "2025-06,县农商银行,M1,个人,事件户A2,,A2,,脱贫人口小额信贷,30000,2025-04-20,2028-04-19,18000,3.1,0,信用,正常,0,0,否,否,",
  "2025-05,县农业银行,M2,企业,示例企业,,,,产业精准扶贫贷款,50000,2025-03-01,2027-02-28,50000,3.9,0,保证,正常,0,0,否,否,5",
  "2025-06,县农业银行,M2,企业,示例企业,,,,产业精准扶贫贷款,50000,2025-03-01,2027-02-28,50000,3.9,0,保证,正常,0,0,否,否,5",
];
const OTHER_VILLAGE = "529902001001,戊村,529902001,另一镇,529902,另一县,30,100,否";
const Z1 = "2025-06,Z1,外县户,529902198001012010,,529902001001,2,1,一般农户,否,,,,,,,,否,,,9000,是,是,是,是,";

async function build(extraHousehold: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "dixian-attribution-"));
  const input = join(dir, "extracts");
  cpSync(join(FIXTURE_DIR, "extracts-events"), input, { recursive: true });
  const villages = join(input, "villages.csv");
  writeFileSync(villages, `${readFileSync(villages, "utf-8").trimEnd()}\n${OTHER_VILLAGE}\n`);
  writeFileSync(join(input, "loans.csv"), `${LOAN_HEADER}\n${LOANS.slice(0, 2).join("\n")}\n`);
  writeFileSync(join(input, "loans_农业银行.csv"), `${LOAN_HEADER}\n${LOANS.slice(2).join("\n")}\n`);
  if (extraHousehold) {
    const june = join(input, "households_2025-06.csv");
    writeFileSync(june, `${readFileSync(june, "utf-8").trimEnd()}\n${Z1}\n`);
  }
  const dbPath = join(dir, "w.duckdb");
  const result = await buildWarehouse({ inputDir: input, dbPath, reportsDir: join(dir, "reports"), configDir: join(FIXTURE_DIR, "config") });
  expect(result.load.rowsRejected).toBe(0);
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  const balance = async (period: string, area: string) =>
    (await query(`select value from indicators where code = 'loan_balance' and period = '${period}' and area_code = '${area}'`))[0]?.value;
  return {
    query,
    balance,
    close() {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("a village file listing villages of two counties, the roster in one", () => {
  let w: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    w = await build(false);
  });
  afterAll(() => w?.close());

  it("keeps a loan with no area and no household in the roster's county (it used to vanish: two counties)", async () => {
    expect(await w.balance("2025-05", "529901")).toBe(70000); // M1 20,000 + M2 50,000
    expect(await w.balance("2025-06", "529901")).toBe(68000); // M1 18,000 + M2 50,000
    expect(await w.balance("2025-H1", "529901")).toBe(68000);
    expect(await w.balance("2025-06", "529902")).toBe(0);
    expect(await w.query("select * from unattributed_records")).toEqual([]);
  });

  it("counts a household's loan where the household lives in the ledger month (a mover moves its loan)", async () => {
    expect(await w.balance("2025-05", "529901001001")).toBe(20000); // A2 in 甲村 in May
    expect(await w.balance("2025-05", "529901002001")).toBe(0);
    expect(await w.balance("2025-06", "529901002001")).toBe(18000); // A2 in 丙村 in June
    expect(await w.balance("2025-06", "529901001001")).toBe(0);
    expect(await w.balance("2025-H1", "529901002")).toBe(18000); // 二乡 at the half-year's end
  });
});

describe("a roster spanning two counties", () => {
  let w: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    w = await build(true);
  });
  afterAll(() => w?.close());

  it("keeps a loan nothing places as unattributed, listed, not in either county", async () => {
    expect(await w.balance("2025-06", "529901")).toBe(18000); // M1 through its household
    expect(await w.balance("2025-06", "529902")).toBe(0);
    expect(await w.query("select extract, month, institution, records, amount from unattributed_records order by month")).toEqual([
      { extract: "loans", month: "2025-05", institution: "县农业银行", records: 1, amount: 50000 },
      { extract: "loans", month: "2025-06", institution: "县农业银行", records: 1, amount: 50000 },
    ]);
  });
});
