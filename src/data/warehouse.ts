// Shared by the thin data loaders (Node only; no second extension, so Framework does not run it as a
// loader). Opens the warehouse READ_ONLY, turns DuckDB values into plain JSON, and makes a loader exit
// non-zero on failure so Framework never caches an error as data.
import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { DEFAULT_DB, PROJECT_ROOT } from "../../loaders/paths.ts";
import { liveSizeProblem } from "../../loaders/warehouse/live-file.ts";
import { withoutBidiControls } from "../components/inert-text.ts";

export type JsonRow = Record<string, unknown>;

export interface Warehouse {
  query(sql: string, params?: Record<string, string | number | boolean | null>): Promise<JsonRow[]>;
}

export function warehousePath(): string {
  const fromEnv = process.env.DIXIAN_DB;
  if (!fromEnv) return DEFAULT_DB;
  return isAbsolute(fromEnv) ? fromEnv : resolve(PROJECT_ROOT, fromEnv);
}

/**
 * bigint → number (counts fit easily), DATE → 'YYYY-MM-DD', lists and structs recursively; text without
 * bidirectional controls, so that no name from a county's file can reorder what a page shows.
 */
export function toJson(value: unknown): unknown {
  if (typeof value === "string") return withoutBidiControls(value);
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

export async function withWarehouse<T>(work: (warehouse: Warehouse) => Promise<T>): Promise<T> {
  const path = warehousePath();
  if (!existsSync(path)) throw new Error(`找不到数据仓库 ${path}：请先运行 npm run build 或 npm run warehouse`);
  const problem = liveSizeProblem(path);
  if (problem) throw new Error(problem);
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const connection: DuckDBConnection = await instance.connect();
  const warehouse: Warehouse = {
    async query(sql, params) {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJS().map((row) => toJson(row) as JsonRow);
    },
  };
  try {
    return await work(warehouse);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs a loader body: JSON on stdout, a Chinese message on stderr and exit code 1 on failure. */
export function runLoader(produce: (warehouse: Warehouse) => Promise<unknown>): void {
  withWarehouse(produce).then(
    (data) => {
      process.stdout.write(JSON.stringify(data));
    },
    (error: unknown) => {
      process.stderr.write(`数据加载失败：${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

export interface PageSettings {
  identification_deadline_days: number;
  first_assist_deadline_days: number;
  village_suppression_min_households: number;
  grade_red_below: number;
  grade_green_from: number;
}

/** The one-row `cfg_settings` table the build writes from data/config/settings.json. */
export async function readPageSettings(warehouse: Warehouse): Promise<PageSettings> {
  const rows = await warehouse.query("select * from cfg_settings limit 1");
  if (rows.length === 0) throw new Error("数据仓库中的 cfg_settings 为空");
  return rows[0] as unknown as PageSettings;
}
