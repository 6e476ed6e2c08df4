import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { checkMemoryLimit, defaultMemoryLimit, warehouseDuckdbOptions } from "../../loaders/warehouse/duckdb-settings.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "indicators");
const GB = 2 ** 30;

describe("DuckDB settings of a warehouse build", () => {
  it("limits DuckDB to 4 GB by default, or half of a smaller machine", () => {
    expect(defaultMemoryLimit(24 * GB)).toBe("4GB");
    expect(defaultMemoryLimit(6 * GB)).toBe("3GB");
    expect(defaultMemoryLimit(1 * GB)).toBe("512MB");
  });

  it("spills beside the file being built and accepts only sizes with a unit", () => {
    expect(warehouseDuckdbOptions("/x/dixian.duckdb.tmp-1-ab", "6GB")).toEqual({
      memory_limit: "6GB",
      temp_directory: "/x/dixian.duckdb.tmp-1-ab.spill",
    });
    expect(checkMemoryLimit("512MB")).toBe("512MB");
    expect(() => checkMemoryLimit("lots")).toThrow(/内存上限“lots”无法识别/);
    expect(() => checkMemoryLimit("6")).toThrow(/例如 4GB/);
  });

  it("refuses a bad limit before building, and builds the same indicators under a small one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-memory-"));
    const dbPath = join(dir, "dixian.duckdb");
    const options = { inputDir: join(FIXTURES, "extracts"), configDir: join(FIXTURES, "config"), reportsDir: join(dir, "reports"), dbPath };
    await expect(buildWarehouse({ ...options, memoryLimit: "four" })).rejects.toThrow(/无法识别/);
    expect(existsSync(dbPath)).toBe(false);
    await buildWarehouse({ ...options, memoryLimit: "256MB" });
    const limited = await indicatorRows(dbPath);
    await buildWarehouse(options);
    expect(await indicatorRows(dbPath)).toEqual(limited);
    expect(limited.length).toBeGreaterThan(0);
    // nothing left beside the warehouse but the file and its check file
    expect(readdirSync(dir).filter((name) => name.startsWith("dixian.duckdb.tmp") || name.endsWith(".spill"))).toEqual([]);
  });
});

async function indicatorRows(dbPath: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll("select code, period, area_code, value, numerator, denominator from indicators order by all")).getRowsJS();
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
