// The county's 人均纯收入容差 setting reaches the loader through buildWarehouse. Fixture
// test/fixtures/warehouse/income-tolerance: four 脱贫户 of 3 persons whose components give
// (12000+6000+300+3000−2400)/3 = 6300 yuan per person, stating 6300 (T01), 6300.5 (T02, off by 0.5), 6340 (T03,
// off by 40) and 6400 (T04, off by 100). A mismatch is a warning (DOMAIN §11): the row is kept with its stated
// 人均纯收入 and counts in every stock, so hh_lifted = 4 and pop_lifted = 4 × 3 = 12 whatever the tolerance.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SettingsError } from "../../loaders/config/settings.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "warehouse", "income-tolerance");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dixian-tolerance-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds with one of the fixture config folders; returns the accepted and the income-warned household rows. */
async function build(config: string) {
  const dbPath = join(dir, `${config}.duckdb`);
  const result = await buildWarehouse({
    inputDir: join(FIXTURE, "extracts"),
    dbPath,
    reportsDir: join(dir, `reports-${config}`),
    configDir: join(FIXTURE, config),
  });
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    const ids = async (sql: string) => ((await conn.runAndReadAll(sql)).getRows() as string[][]).map((r) => r[0]);
    return {
      result,
      accepted: await ids("select household_id from stg_households order by 1"),
      rejectedRows: await ids(`select "row"::varchar from rejections order by "row"`),
      warnedRows: await ids(`select "row"::varchar || ':' || action from warnings where rule = 'income_inconsistent' order by "row"`),
      incomes: await ids("select income_pc::varchar from stg_households order by household_id"),
      stocks: await ids(`
        select code || '=' || value::integer from indicators
        where code in ('hh_lifted', 'pop_lifted') and period = '2024-01' and area_level = 'county' order by code`),
      tolerance: (await ids("select income_tolerance::varchar from cfg_settings"))[0],
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("人均纯收入容差 through buildWarehouse", () => {
  it("keeps rows off by more than 1 yuan per person with a warning when the setting is absent, in the stocks", async () => {
    const { result, accepted, rejectedRows, warnedRows, incomes, stocks, tolerance } = await build("config-default");
    expect(accepted).toEqual(["T01", "T02", "T03", "T04"]);
    expect(rejectedRows).toEqual([]);
    expect(warnedRows).toEqual(["4:keep", "5:keep"]); // T03 and T04 (header is row 1), 人均纯收入 kept as stated
    expect(incomes).toEqual(["6300.0", "6300.5", "6340.0", "6400.0"]);
    expect(stocks).toEqual(["hh_lifted=4", "pop_lifted=12"]);
    expect([result.load.rowsRead, result.load.rowsAccepted, result.load.rowsRejected, result.load.rowsWarned]).toEqual([5, 5, 0, 2]); // with the village row
    expect(tolerance).toBe("1.0");
  });

  it("warns only about the row off by 100 when the county allows 50 yuan per person", async () => {
    const { accepted, warnedRows, stocks, tolerance } = await build("config-50");
    expect(accepted).toEqual(["T01", "T02", "T03", "T04"]);
    expect(warnedRows).toEqual(["5:keep"]); // T04, off by 100
    expect(stocks).toEqual(["hh_lifted=4", "pop_lifted=12"]);
    expect(tolerance).toBe("50.0");
  });

  it("refuses a bad tolerance before any loading work", async () => {
    const dbPath = join(dir, "bad.duckdb");
    const reportsDir = join(dir, "reports-bad");
    const error = await buildWarehouse({ inputDir: join(FIXTURE, "extracts"), dbPath, reportsDir, configDir: join(FIXTURE, "config-bad") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toContain("“人均纯收入容差”应为 0–1000 之间的金额（元/人）");
    // the loader writes its reports and the warehouse file as it goes: neither exists, so nothing was loaded
    expect(existsSync(reportsDir)).toBe(false);
    expect(existsSync(`${dbPath}.tmp`)).toBe(false);
    expect(existsSync(dbPath)).toBe(false);
  });
});
