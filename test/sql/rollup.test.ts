// Roll-ups above the county from the exported additive marts (issue 14 point 4). Two counties are built in one
// warehouse and exported as Parquet (npm run export's code); loaders/sql/rollup/indicator_rollup.sql runs
// unchanged on DuckDB over the Parquet files; its prefecture (5299) and province (52) rows must equal the
// county-level indicators of ONE county holding both counties' households (test/sql/two-county-fixture.ts
// writeRollupInputs: the indicator SQL over household rows). Medians come from the histogram mart, exactly.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOG } from "../../loaders/indicators/catalog.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { duckdbViewSql, exportParquet } from "../../loaders/export/export-parquet.ts";
import { DEFAULT_MODELS_DIR } from "../../loaders/paths.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";
import { COUNTY_A, COUNTY_B, writeRollupInputs } from "./two-county-fixture.ts";

const ROLLUP_SQL = readFileSync(join(DEFAULT_MODELS_DIR, "rollup", "indicator_rollup.sql"), "utf-8");

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

async function rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-rollup-"));
  const inputs = writeRollupInputs(join(dir, "in"));
  for (const name of ["both", "merged"] as const) {
    const result = await buildWarehouse({
      inputDir: inputs[name], dbPath: join(dir, `${name}.duckdb`), reportsDir: join(dir, `reports-${name}`), configDir: join(FIXTURE_DIR, "config"),
    });
    expect(result.load.rowsRejected + result.load.refused.length).toBe(0);
  }
  await exportParquet({ dbPath: join(dir, "both.duckdb"), outDir: join(dir, "export"), parts: ["additive"] });
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
  await conn.run(duckdbViewSql(join(dir, "export"), "additive", "indicator_additive"));
  await conn.run(duckdbViewSql(join(dir, "export"), "additive", "indicator_bins"));
  await conn.run(`create table rollup as ${ROLLUP_SQL}`);
  await conn.run(`attach '${join(dir, "merged.duckdb")}' as merged (read_only)`);
  await conn.run(`attach '${join(dir, "both.duckdb")}' as both_counties (read_only)`);
}, 300_000);

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Row { code: string; period: string; value: number | null; numerator: number | null; denominator: number | null; complete: boolean }

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

describe("province roll-up from the exported additive marts", () => {
  it("every catalog code has a roll-up method", async () => {
    const methods = await rows<{ code: string }>("select distinct code from indicator_additive");
    expect(methods.map((m) => m.code).sort()).toEqual(CATALOG.map((c) => c.code).sort());
  });

  it("reads the county and period partitions back as text", async () => {
    expect(await rows("select distinct county_code from indicator_additive order by 1")).toEqual([{ county_code: COUNTY_A }, { county_code: COUNTY_B }]);
    const [{ type }] = await rows<{ type: string }>("select typeof(county_code) as type from indicator_additive limit 1");
    expect(type).toBe("VARCHAR");
  });

  it.each([["prefecture", "5299"], ["province", "52"]])("%s %s equals the one county built from both counties' households", async (level, code) => {
    const merged = await rows<Row>(`select code, period, value, numerator, denominator, complete from merged.indicators where area_level = 'county' and area_code = '${COUNTY_A}' order by code, period`);
    const rolled = await rows<Row>(`select code, period, value, numerator, denominator, complete from rollup where area_level = '${level}' and area_code = '${code}' order by code, period`);
    expect(rolled.length).toBe(merged.length);
    expect(merged.length).toBeGreaterThan(CATALOG.length * 10);
    const byKey = new Map(rolled.map((r) => [`${r.code}|${r.period}`, r]));
    const differences: string[] = [];
    for (const m of merged) {
      const r = byKey.get(`${m.code}|${m.period}`);
      if (!r) { differences.push(`${m.code} ${m.period}: no roll-up row`); continue; }
      for (const field of ["value", "numerator", "denominator"] as const) {
        if (!close(m[field], r[field])) differences.push(`${m.code} ${m.period} ${field}: households ${m[field]} roll-up ${r[field]}`);
      }
      if (m.complete !== r.complete) differences.push(`${m.code} ${m.period} complete: households ${m.complete} roll-up ${r.complete}`);
    }
    expect(differences).toEqual([]);
    // not a vacuous comparison: the medians and the growth have values
    const known = rolled.filter((r) => r.value !== null).map((r) => r.code);
    for (const c of ["income_pc_median", "ins_settle_days_median", "income_growth", "loan_balance_yoy", "below_line_share"]) expect(known).toContain(c);
  });

  it("each county's bins give back its own median (the histogram mart and the indicator agree)", async () => {
    const medianSql = ROLLUP_SQL; // the same portable median, grouped by county instead of prefecture
    expect(medianSql).toContain("floor((total + 1) / 2)");
    const mismatches = await rows(`
      with ranked as (
        select code, period, county_code, value,
          sum(weight) over (partition by code, period, county_code order by value rows between unbounded preceding and current row) as upto,
          sum(weight) over (partition by code, period, county_code) as total
        from indicator_bins
      ),
      medians as (
        select code, period, county_code,
          (min(case when upto >= floor((total + 1) / 2) then value end) + min(case when upto >= floor(total / 2) + 1 then value end)) / 2 as median
        from ranked group by code, period, county_code
      )
      select i.code, i.period, i.area_code, i.value, m.median
      from both_counties.indicators i
      left join medians m on m.code = i.code and m.period = i.period and m.county_code = i.area_code
      where i.area_level = 'county' and i.code in ('income_pc_median', 'ins_settle_days_median')
        and i.value is distinct from m.median`);
    expect(mismatches).toEqual([]);
  });

  it("one county re-exported replaces only its own partitions", async () => {
    const before = await rows("select county_code, count(*)::integer as n from indicator_additive group by 1 order by 1");
    const tables = await exportParquet({ dbPath: join(dir, "both.duckdb"), outDir: join(dir, "export"), parts: ["additive"], county: COUNTY_B });
    expect(tables.map((t) => t.table)).toEqual(["indicator_additive", "indicator_bins"]);
    expect(tables[0].rows).toBe(before.find((r) => r.county_code === COUNTY_B)!.n);
    expect(await rows("select county_code, count(*)::integer as n from indicator_additive group by 1 order by 1")).toEqual(before);
  });

  it("the roll-up SQL avoids DuckDB-only syntax (it must also run on Spark SQL and Trino)", () => {
    const code = ROLLUP_SQL.split("\n").filter((l) => !l.trim().startsWith("--")).join("\n").toLowerCase();
    for (const banned of ["::", "filter (", "qualify", "//", "left(", "any_value", "group by all", "list(", "struct", "ilike", "strftime", "exclude", "replace ("]) {
      expect(code, banned).not.toContain(banned);
    }
  });
});
