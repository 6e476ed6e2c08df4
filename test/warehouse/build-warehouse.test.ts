import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse, RefusedFilesError } from "../../loaders/warehouse/build-warehouse.ts";
import { DEFAULT_MODELS_DIR } from "../../loaders/paths.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const EXTRACTS = join(FIXTURES, "indicators", "extracts");
const CONFIG = join(FIXTURES, "indicators", "config");

async function indicatorRows(dbPath: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    const reader = await conn.runAndReadAll(
      "select code, period, area_code, value, numerator, denominator from indicators order by all",
    );
    return reader.getRowsJS();
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("buildWarehouse", () => {
  let dir: string;
  let dbPath: string;
  let firstBuild: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dixian-build-"));
    dbPath = join(dir, "dixian.duckdb");
    await buildWarehouse({ inputDir: EXTRACTS, dbPath, reportsDir: join(dir, "reports"), configDir: CONFIG });
    firstBuild = readFileSync(dbPath);
  });

  it("builds the warehouse file with the indicators mart and leaves no temporary file", async () => {
    expect((await indicatorRows(dbPath)).length).toBeGreaterThan(0);
    expect(existsSync(`${dbPath}.tmp`)).toBe(false);
    expect(existsSync(`${dbPath}.tmp.wal`)).toBe(false);
  });

  it("gives the same marts when re-run on the same input", async () => {
    const before = await indicatorRows(dbPath);
    const again = join(dir, "again.duckdb");
    await buildWarehouse({ inputDir: EXTRACTS, dbPath: again, reportsDir: join(dir, "reports2"), configDir: CONFIG });
    expect(await indicatorRows(again)).toEqual(before);
  });

  it("leaves the previous warehouse intact when a model fails midway", async () => {
    const models = mkdtempSync(join(tmpdir(), "dixian-models-"));
    cpSync(DEFAULT_MODELS_DIR, models, { recursive: true });
    writeFileSync(join(models, "marts", "zz_fails.sql"), "create table broken as select * from no_such_table;");
    await expect(
      buildWarehouse({ inputDir: EXTRACTS, dbPath, reportsDir: join(dir, "r3"), configDir: CONFIG, modelsDir: models }),
    ).rejects.toThrow(/zz_fails\.sql/);
    expect(readFileSync(dbPath).equals(firstBuild)).toBe(true);
    expect(existsSync(`${dbPath}.tmp`)).toBe(false);
  });

  it("keeps the previous warehouse when a file is refused, and swaps with allowPartial", async () => {
    const input = mkdtempSync(join(tmpdir(), "dixian-input-"));
    cpSync(EXTRACTS, input, { recursive: true });
    cpSync(join(FIXTURES, "extracts", "refused", "unknown-header.csv"), join(input, "unknown-header.csv"));
    const build = (allowPartial: boolean) =>
      buildWarehouse({ inputDir: input, dbPath, reportsDir: join(dir, "r4"), configDir: CONFIG, allowPartial });

    const error = await build(false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedFilesError);
    expect((error as Error).message).toContain("unknown-header.csv");
    expect(readFileSync(dbPath).equals(firstBuild)).toBe(true);

    const partial = await build(true);
    expect(partial.load.refused.map((f) => f.file)).toEqual(["unknown-header.csv"]);
    expect(readFileSync(dbPath).equals(firstBuild)).toBe(false);
    expect(await indicatorRows(dbPath)).toEqual(await indicatorRows(join(dir, "again.duckdb")));
  });
});
