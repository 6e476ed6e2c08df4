import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadInputFolder, type LoadSummary } from "../load/load-input-folder.ts";
import { readSettings, writeSettingsTables } from "../config/settings.ts";
import { readLeadSettings, writeLeadTables } from "../config/lead-rules.ts";
import { writeCatalogTable } from "../indicators/write-catalog-table.ts";
import { DEFAULT_CONFIG_DIR, DEFAULT_DB, DEFAULT_MODELS_DIR, DEFAULT_REPORTS_DIR } from "../paths.ts";
import { runSqlModels } from "./run-sql-models.ts";
import { removeDatabaseFile, swapInFile } from "./swap-file.ts";


export interface BuildWarehouseOptions {
  inputDir: string;
  dbPath?: string;
  reportsDir?: string;
  configDir?: string;
  modelsDir?: string;
  /** Swap the new warehouse in even when some files were refused. */
  allowPartial?: boolean;
}

export interface BuildResult {
  dbPath: string;
  load: LoadSummary;
  models: string[];
}

/** One line per refused file, saying what to fix. */
export function describeRefusals(load: LoadSummary): string {
  const lines = load.refused.map((f) => `  - ${f.file}${f.sheet ? `（${f.sheet}）` : ""}：${f.message}`);
  return `有 ${load.refused.length} 个文件无法使用：\n${lines.join("\n")}`;
}

/** Thrown when files were refused and the caller did not allow a partial warehouse. */
export class RefusedFilesError extends Error {
  constructor(readonly load: LoadSummary) {
    super(`${describeRefusals(load)}\n数据仓库未更新，保留上一次的结果（确需部分载入时加 --allow-partial）。`);
  }
}

/**
 * Builds the whole warehouse into `<db>.tmp` beside the live file and renames it over the live file only
 * when every step succeeded: a failure at any step leaves the last good warehouse as it was.
 */
export async function buildWarehouse(options: BuildWarehouseOptions): Promise<BuildResult> {
  // Settings first: a bad settings file is refused before any loading work, and the loader needs the tolerance.
  const settings = readSettings(options.configDir ?? DEFAULT_CONFIG_DIR);
  const leadSettings = readLeadSettings(options.configDir ?? DEFAULT_CONFIG_DIR);
  const dbPath = options.dbPath ?? DEFAULT_DB;
  const tmpPath = `${dbPath}.tmp`;
  mkdirSync(dirname(dbPath), { recursive: true });
  removeDatabaseFile(tmpPath);
  const instance = await DuckDBInstance.create(tmpPath);
  let result: BuildResult;
  try {
    const conn = await instance.connect();
    try {
      const load = await loadInputFolder(conn, options.inputDir, {
        reportsDir: options.reportsDir ?? DEFAULT_REPORTS_DIR,
        incomeTolerance: settings.incomeTolerance,
      });
      if (load.refused.length > 0 && !options.allowPartial) throw new RefusedFilesError(load);
      await writeSettingsTables(conn, settings);
      await writeLeadTables(conn, leadSettings);
      await writeCatalogTable(conn);
      const models = await runSqlModels(conn, options.modelsDir ?? DEFAULT_MODELS_DIR);
      await conn.run("checkpoint");
      result = { dbPath, load, models };
    } finally {
      conn.closeSync();
    }
  } catch (error) {
    instance.closeSync();
    removeDatabaseFile(tmpPath);
    throw error;
  }
  instance.closeSync();
  swapInFile(tmpPath, dbPath);
  return result;
}
