// Several counties in one warehouse (issue 14 point 3): the hand-made fixture county (529901) and a copy of it
// moved to 529902 (test/sql/two-county-fixture.ts) are built alone and together; every published figure of
// each county in the two-county warehouse must equal, row by row, its own one-county warehouse's. Completeness
// (a bank's missing ledger), home-county attribution (a loan with no area and no household), county-specific
// monitoring lines (529902 has its own) and the verdict are the parts that used to assume one county.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indicatorStore, type PackedIndicators } from "../../src/components/indicator-store.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { FIXTURE_DIR } from "./fixture-warehouse.ts";
import { COUNTY_A, COUNTY_B, writeTwoCountyInputs } from "./two-county-fixture.ts";

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-multi-county-"));
  const inputs = writeTwoCountyInputs(join(dir, "in"));
  for (const name of ["a", "b", "both"] as const) {
    const result = await buildWarehouse({
      inputDir: inputs[name], dbPath: join(dir, `${name}.duckdb`), reportsDir: join(dir, `reports-${name}`), configDir: join(FIXTURE_DIR, "config"),
    });
    expect(result.load.rowsRejected + result.load.rowsWarned + result.load.refused.length).toBe(0);
  }
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
  for (const name of ["a", "b", "both"]) await conn.run(`attach '${join(dir, `${name}.duckdb`)}' as w_${name} (read_only)`);
}, 240_000);

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const TABLES: [table: string, countyOf: string][] = [
  ["indicators", "left(area_code, 6)"],
  ["indicators_published", "left(area_code, 6)"],
  ["verdict_triggers", "left(area_code, 6)"],
  ["verdict", "county_code"],
];

describe("two counties in one warehouse", () => {
  it.each(TABLES)("%s: each county's rows equal its one-county build's", async (table, countyOf) => {
    for (const [single, county] of [["a", COUNTY_A], ["b", COUNTY_B]]) {
      const one = `select * from w_${single}.${table} where ${countyOf} = '${county}'`;
      const both = `select * from w_both.${table} where ${countyOf} = '${county}'`;
      const [{ n }] = await rows(`select count(*)::integer as n from (${one})`);
      expect(n).toBeGreaterThan(0);
      expect(await rows(`select * from ((${one}) except all (${both})) limit 5`)).toEqual([]);
      expect(await rows(`select * from ((${both}) except all (${one})) limit 5`)).toEqual([]);
    }
  });

  it("holds both counties, and no area outside them", async () => {
    expect(await rows(`select distinct left(area_code, 6) as county from w_both.indicators order by 1`)).toEqual([{ county: COUNTY_A }, { county: COUNTY_B }]);
  });

  it("the counties differ where their inputs do: 529902's own monitoring line (9,999 yuan in 2025)", async () => {
    const lines = await rows(`
      select left(area_code, 6) as county, value from w_both.indicators
      where code = 'below_line_share' and period = '2025-06' and area_level = 'county' order by 1`);
    expect(lines).toHaveLength(2);
    expect(lines[0].value).not.toEqual(lines[1].value);
  });

  it("a loan with no area and no household counts for the county whose ledger file it came in", async () => {
    const homes = await rows(`
      select county_code, attribution from w_both.int_loan_months where loan_id in ('L005', 'M005') order by loan_id, ledger_month`);
    expect(homes.length).toBeGreaterThan(0);
    for (const h of homes) expect(h.attribution).toBe("home_county");
    expect(new Set(homes.map((h) => h.county_code))).toEqual(new Set([COUNTY_A, COUNTY_B]));
  });
});

function runLoader(script: string, args: string[] = []): Record<string, unknown> {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, DIXIAN_DB: join(dir, "both.duckdb") },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe("the county pages' loaders on a two-county warehouse", () => {
  it("县域排名: both counties, the province roll-up from the additive marts, ranks by the catalog's direction", () => {
    const out = runLoader("src/data/counties.json.ts") as {
      counties: { area_code: string; name: string }[];
      regions: { area_code: string; area_level: string; counties: number; name: string }[];
      rollups: PackedIndicators;
      indicators: PackedIndicators;
      ranks: { code: string; period: string; area_code: string; rank: number }[];
      verdicts: { period: string; county_code: string }[];
    };
    expect(out.counties).toEqual([{ area_code: COUNTY_A, name: "示例县" }, { area_code: COUNTY_B, name: "示例二县" }]);
    expect(out.regions).toEqual([
      { area_code: "52", area_level: "province", counties: 2, name: "省级合计（52）" },
      { area_code: "5299", area_level: "prefecture", counties: 2, name: "地区合计（5299）" },
    ]);
    const counties = indicatorStore(out.indicators);
    const province = indicatorStore(out.rollups);
    // a count adds up; a rate is Σ numerators over Σ denominators, not a mean of the two rates
    expect(province.value("mon_active", "2025-06", "52")).toBe(counties.value("mon_active", "2025-06", COUNTY_A)! + counties.value("mon_active", "2025-06", COUNTY_B)!);
    const a = counties.get("below_line_share", "2025-06", COUNTY_A)!;
    const b = counties.get("below_line_share", "2025-06", COUNTY_B)!;
    expect(province.value("below_line_share", "2025-06", "52")).toBeCloseTo((a.numerator! + b.numerator!) / (a.denominator! + b.denominator!), 12);
    // below_line_share: lower is better; 529901's line (8,000) leaves fewer households below it than 529902's (9,999)
    expect(a.value!).toBeLessThan(b.value!);
    expect(out.ranks.filter((r) => r.code === "below_line_share" && r.period === "2025-06").map((r) => [r.area_code, r.rank])).toEqual([[COUNTY_A, 1], [COUNTY_B, 2]]);
    expect(new Set(out.verdicts.map((v) => v.county_code))).toEqual(new Set([COUNTY_A, COUNTY_B]));
  });

  it("one county's page: that county and its towns only", () => {
    const out = runLoader("src/data/county/[county].json.ts", [`--county=${COUNTY_B}`]) as { indicators: PackedIndicators; verdicts: unknown[] };
    const areas = indicatorStore(out.indicators).areas();
    expect(areas.length).toBeGreaterThan(1);
    for (const area of areas) expect(area.startsWith(COUNTY_B) && (area.length === 6 || area.length === 9)).toBe(true);
    expect(out.verdicts.length).toBeGreaterThan(0);
  });

  it("refuses a county argument that is not 6 digits", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/data/county/[county].json.ts", "--county=52990"], {
      encoding: "utf8", env: { ...process.env, DIXIAN_DB: join(dir, "both.duckdb") },
    });
    expect(result.status).not.toBe(0);
  });
});
