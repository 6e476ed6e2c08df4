// --county CODE (issue 14 point 3): a warehouse for one county built from a two-county input must hold exactly
// what that county's own one-county warehouse holds, in every mart (the load bookkeeping and the 数据质量
// marts built on it excepted: they account for every file read).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { DEFAULT_MODELS_DIR } from "../../loaders/paths.ts";
import { FIXTURE_DIR } from "../sql/fixture-warehouse.ts";
import { COUNTY_B, writeTwoCountyInputs } from "../sql/two-county-fixture.ts";

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
let inputs: ReturnType<typeof writeTwoCountyInputs>;
const config = join(FIXTURE_DIR, "config");

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-select-county-"));
  inputs = writeTwoCountyInputs(join(dir, "in"));
  await buildWarehouse({ inputDir: inputs.b, dbPath: join(dir, "b.duckdb"), reportsDir: join(dir, "r1"), configDir: config });
  await buildWarehouse({ inputDir: inputs.both, dbPath: join(dir, "only-b.duckdb"), reportsDir: join(dir, "r2"), configDir: config, county: COUNTY_B });
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
  await conn.run(`attach '${join(dir, "b.duckdb")}' as own (read_only)`);
  await conn.run(`attach '${join(dir, "only-b.duckdb")}' as picked (read_only)`);
}, 240_000);

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const MARTS = readdirSync(join(DEFAULT_MODELS_DIR, "marts"))
  .map((f) => f.replace(/\.sql$/, ""))
  .filter((m) => !m.startsWith("data_quality_"));

describe("--county from a two-county input", () => {
  it.each(MARTS)("%s equals the county's own warehouse", async (mart) => {
    const one = `select * from own.${mart}`;
    const picked = `select * from picked.${mart}`;
    expect(await rows(`select * from ((${one}) except all (${picked})) limit 3`)).toEqual([]);
    expect(await rows(`select * from ((${picked}) except all (${one})) limit 3`)).toEqual([]);
  });

  it("staging holds no other county's household", async () => {
    expect(await rows(`select distinct left(area_code, 6) as county from picked.stg_households`)).toEqual([{ county: COUNTY_B }]);
    expect(await rows(`select count(*)::integer as n from picked.indicators`)).toEqual(await rows(`select count(*)::integer as n from own.indicators`));
  });

  it("refuses a county the input does not hold", async () => {
    await expect(
      buildWarehouse({ inputDir: inputs.both, dbPath: join(dir, "none.duckdb"), reportsDir: join(dir, "r3"), configDir: config, county: "529903" }),
    ).rejects.toThrow(/没有县级区划代码为 529903/);
  });
});
