// A province county by county (loaders/province/build-province.ts, issue 14 points 3 and 4): three small counties
// are built each into its own warehouse and exported over their own partitions; the roll-up from the export must
// equal the roll-up of one warehouse holding all three counties; a second run with nothing changed rebuilds
// nothing; a re-delivered county is rebuilt alone (the other counties' warehouses and partitions are not touched)
// and the roll-up follows its new figures; a county that left the input leaves the roll-up.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProvince, countyFolders, newestChange, type ProvinceResult } from "../../loaders/province/build-province.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { writeProvince } from "../../bench/province-inputs.ts";

let dir: string;
let input: string;
let work: string;
const quiet = () => undefined;

/** The rows of a query, in one order, numbers rounded to 9 significant digits (sums in another order differ in the last bits). */
async function rowsOf(db: string, sql: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(db, db === ":memory:" ? {} : { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    const rows = (await conn.runAndReadAll(`select * from (${sql}) order by all`)).getRowObjectsJS();
    const round = (v: unknown) => (typeof v === "number" ? Number(v.toPrecision(9)) : typeof v === "bigint" ? Number(v) : v);
    return rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const fromExport = () => rowsOf(":memory:", `select * from read_parquet('${join(work, "export", "rollup", "indicator_rollups.parquet")}')`);

/** The same input built as one warehouse of all its counties: its indicator_rollups table. */
async function fromOneWarehouse(name: string): Promise<string[]> {
  const db = join(dir, `${name}.duckdb`);
  await buildWarehouse({ inputDir: input, dbPath: db, reportsDir: join(dir, `reports-${name}`) });
  return rowsOf(db, "select * from indicator_rollups");
}

let first: ProvinceResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-province-"));
  input = join(dir, "in");
  work = join(dir, "work");
  await writeProvince({ outDir: input, counties: 3, households: 600, months: 2, end: "2026-06" });
  first = await buildProvince({ inputDir: input, workDir: work, jobs: 2, log: quiet });
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a province built county by county", () => {
  it("builds every county and rolls up to what one warehouse of all counties gives", async () => {
    expect(first.counties).toEqual(["529801", "529802", "529803"]);
    expect(first.built.map((b) => b.county)).toEqual(first.counties);
    expect(first.built.every((b) => b.rowsRead > 0 && b.refused === 0)).toBe(true);
    const rollup = await fromExport();
    expect(rollup.length).toBeGreaterThan(100);
    expect(rollup.some((r) => r.includes('"area_level":"province"'))).toBe(true);
    expect(rollup).toEqual(await fromOneWarehouse("all-before"));
  }, 600_000);

  it("rebuilds nothing when nothing changed", async () => {
    const before = statSync(join(work, "counties", "529801.duckdb")).mtimeMs;
    const again = await buildProvince({ inputDir: input, workDir: work, jobs: 2, log: quiet });
    expect(again.built).toEqual([]);
    expect(again.reused).toEqual(["529801", "529802", "529803"]);
    expect(statSync(join(work, "counties", "529801.duckdb")).mtimeMs).toBe(before);
  }, 600_000);

  it("rebuilds a re-delivered county alone, and the roll-up follows it", async () => {
    const partition = (county: string) => join(work, "export", "marts", "indicators", `county_code=${county}`);
    const untouched = { db: statSync(join(work, "counties", "529801.duckdb")).mtimeMs, parts: newestChange(partition("529801")) };
    const oldRollup = await fromExport();
    // County 529802 re-delivers its last month with one more household (the first data row again under a new 户编号).
    const file = join(input, "529802", "households_2026-06.csv");
    const [header, row] = readFileSync(file, "utf-8").split("\n");
    const cells = row.split(",");
    const idAt = header.split(",").indexOf("户编号");
    cells[idAt] = `${cells[idAt]}X`;
    appendFileSync(file, `${cells.join(",")}\n`);
    const next = await buildProvince({ inputDir: input, workDir: work, jobs: 2, log: quiet });
    expect(next.built.map((b) => b.county)).toEqual(["529802"]);
    expect(next.reused).toEqual(["529801", "529803"]);
    expect(statSync(join(work, "counties", "529801.duckdb")).mtimeMs).toBe(untouched.db);
    expect(newestChange(partition("529801"))).toBe(untouched.parts);
    const rollup = await fromExport();
    expect(rollup).not.toEqual(oldRollup);
    expect(rollup).toEqual(await fromOneWarehouse("all-after"));
  }, 600_000);

  it("drops a county that left the input from the warehouses, the export and the roll-up", async () => {
    rmSync(join(input, "529803"), { recursive: true });
    const next = await buildProvince({ inputDir: input, workDir: work, jobs: 2, log: quiet });
    expect(next.removed).toEqual(["529803"]);
    expect(next.built).toEqual([]);
    expect(() => statSync(join(work, "export", "marts", "indicators", "county_code=529803"))).toThrow();
    expect(await fromExport()).toEqual(await fromOneWarehouse("two-counties"));
  }, 600_000);

  it("refuses an input that is not one folder per county, saying what to do", () => {
    appendFileSync(join(input, "households_2026-06.csv"), "x\n");
    expect(() => countyFolders(input)).toThrow(/6 位县级区划代码.*households_2026-06\.csv/);
    rmSync(join(input, "households_2026-06.csv"));
  });
});
