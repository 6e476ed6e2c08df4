// The flow invariant (months add up to half-years and years; page marts equal the indicators) on a small
// generated sample county through the real build, at every area level: the generator's households do not
// move, so villages add up too.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateSampleCounty } from "../../loaders/sample/generate-sample-county.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { expectFlowsAddUp, type Queryable } from "./flow-additivity.ts";

let work: string;
let instance: DuckDBInstance;
let warehouse: Queryable;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "dixian-sample-flows-"));
  await generateSampleCounty({ outDir: join(work, "input"), households: 400, months: 8, defectRate: 0 });
  await buildWarehouse({ inputDir: join(work, "input"), dbPath: join(work, "w.duckdb"), reportsDir: join(work, "reports") });
  instance = await DuckDBInstance.create(join(work, "w.duckdb"), { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  warehouse = {
    async query<T>(sql: string) {
      return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
    },
  };
}, 120_000);
afterAll(() => {
  instance?.closeSync();
  if (work) rmSync(work, { recursive: true, force: true });
});

it("adds up for every flow code and flow mart at every level", async () => {
  const identified = await warehouse.query<{ n: number }>(
    "select sum(numerator)::integer as n from indicators where code = 'mon_identified' and area_level = 'county' and length(period) = 4",
  );
  expect(identified[0]!.n).toBeGreaterThan(0); // the sample has identifications to add up
  expect(await expectFlowsAddUp(warehouse)).toBeGreaterThan(1000);
}, 120_000);
