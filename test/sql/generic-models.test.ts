// The generic model tests (test/sql/generic-checks.ts) on the hand-made fixture warehouses and on a small
// generated sample county, plus a check that they do catch a broken table.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../loaders/paths.ts";
import { generateSampleCounty } from "../../loaders/sample/generate-sample-county.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { buildFixtureWarehouse } from "./fixture-warehouse.ts";
import { genericFailures, modelKeys } from "./generic-checks.ts";

const MODELS = modelKeys(DEFAULT_MODELS_DIR);

describe("generic model tests", () => {
  const work = mkdtempSync(join(tmpdir(), "dixian-generic-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("every model declares its key and is named like its file", () => {
    expect(MODELS.filter((m) => m.key === null).map((m) => m.path)).toEqual([]);
    expect(MODELS.length).toBeGreaterThan(30);
    const misnamed = MODELS.filter((m) => m.path.replace(/^\w+\/(\d+_)?/, "").replace(/\.sql$/, "") !== m.table);
    expect(misnamed.map((m) => `${m.path} → ${m.table}`)).toEqual([]);
  });

  it.each(["extracts", "extracts-edge", "extracts-worklist", "extracts-checks"])("hold on the fixture warehouse %s", async (extracts) => {
    const warehouse = await buildFixtureWarehouse({ extracts });
    try {
      expect(await genericFailures((sql) => warehouse.query(sql), MODELS)).toEqual([]);
    } finally {
      warehouse.close();
    }
  });

  it("hold on a small sample county", async () => {
    await generateSampleCounty({ outDir: join(work, "input"), households: 400, months: 6 });
    const dbPath = join(work, "sample.duckdb");
    // the sample county carries deliberate defects: rejected rows are expected, refused files are not
    const result = await buildWarehouse({ inputDir: join(work, "input"), dbPath, reportsDir: join(work, "reports") });
    expect(result.load.refused).toEqual([]);
    const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
    const conn = await instance.connect();
    try {
      const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
      expect((await query("select count(*)::integer as n from household_status"))[0].n).toBeGreaterThan(1000);
      expect(await genericFailures(query, MODELS)).toEqual([]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it("catch a duplicate key, an empty key and a value outside the accepted ones", async () => {
    const dir = join(work, "models");
    mkdirSync(join(dir, "marts"), { recursive: true });
    writeFileSync(join(dir, "marts", "t.sql"), "-- t — grain: area × month.\n-- key: area_code, month\ncreate table t as select 1;");
    writeFileSync(join(dir, "marts", "u.sql"), "-- key: (one row)\ncreate table u as select 1;");
    writeFileSync(join(dir, "marts", "v.sql"), "-- v — no key line\ncreate table v as select 1;");
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    await conn.run(`create table t as select * from (values
      ('530101001', 'town', '2025-01'), ('530101001', 'town', '2025-01'), (null, 'county', '2025-02'), ('530101002', 'city', '2025-13'))
      v(area_code, area_level, month)`);
    await conn.run("create table u as select * from range(2)");
    await conn.run("create table v as select 1 as x");
    const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
    const failures = await genericFailures(query, modelKeys(dir));
    expect(failures).toHaveLength(6);
    expect(failures[0]).toMatch(/^marts\/t\.sql: t 在 \("area_code", "month"\) 上不唯一/);
    expect(failures.slice(1)).toEqual([
      "marts/t.sql: t.area_code 有 1 行为空",
      "marts/t.sql: t.area_level 有不允许的值 city",
      "marts/t.sql: t.month 有不允许的值 2025-13",
      "marts/u.sql: u 应只有一行，实有 2 行",
      'marts/v.sql: 表头缺少 "-- key:" 行（声明粒度）',
    ]);
  });
});
