// Builds a warehouse from the hand-made fixture extracts through the real path (loader → settings →
// catalog → SQL models) and gives the tests a read-only query helper.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";

export const FIXTURE_DIR = join(import.meta.dirname, "..", "fixtures", "indicators");

export interface FixtureWarehouse {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): void;
}

/** `extracts` and `config` name folders under test/fixtures/indicators. */
export async function buildFixtureWarehouse({ extracts = "extracts", config = "config" } = {}): Promise<FixtureWarehouse> {
  const dir = mkdtempSync(join(tmpdir(), "dixian-indicators-"));
  const dbPath = join(dir, "fixture.duckdb");
  const result = await buildWarehouse({
    inputDir: join(FIXTURE_DIR, extracts),
    dbPath,
    reportsDir: join(dir, "reports"),
    configDir: join(FIXTURE_DIR, config),
  });
  // every hand-made row must reach staging as written (no rejection, no warning that might null a value), or
  // the hand-worked expectations mean nothing
  if (result.load.rowsRejected > 0 || result.load.rowsWarned > 0 || result.load.refused.length > 0) {
    throw new Error(`fixture rows rejected: ${JSON.stringify(result.load)}`);
  }
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn: DuckDBConnection = await instance.connect();
  return {
    async query<T>(sql: string): Promise<T[]> {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS() as T[];
    },
    close() {
      conn.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
