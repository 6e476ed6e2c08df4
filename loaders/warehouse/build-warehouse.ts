import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { loadInputFolder, type LoadSummary } from "../load/load-input-folder.ts";
import { readSettings, writeSettingsTables } from "../config/settings.ts";
import { readInsuranceSettings, writeInsuranceTables } from "../config/insurance.ts";
import { readFinanceSettings, writeFinanceTables } from "../config/finance.ts";
import { readLeadSettings, writeLeadTables } from "../config/lead-rules.ts";
import { readProfiles, type ExportProfile } from "../profiles/profile.ts";
import { readCheckRules, writeCheckTables } from "../config/checks.ts";
import { writeCatalogTable } from "../indicators/write-catalog-table.ts";
import { createDisclosureTable, writeSuppression } from "../disclosure/write-suppression.ts";
import { DEFAULT_CONFIG_DIR, DEFAULT_DB, DEFAULT_MODELS_DIR, DEFAULT_REPORTS_DIR } from "../paths.ts";
import { runSqlModels } from "./run-sql-models.ts";
import { checkMemoryLimit, warehouseDuckdbOptions } from "./duckdb-settings.ts";
import { selectCounty } from "./select-county.ts";
import { removeDatabaseFile, swapInFile } from "./swap-file.ts";
import { acquireBuildLock } from "../build/build-lock.ts";
import { faultPoint } from "../build/fault-points.ts";
import { checkLiveWarehouse, fingerprint, removeWarehouseLeftovers, setAsideDamaged, writeCheckFile, type Fingerprint } from "./live-file.ts";

export interface BuildWarehouseOptions {
  inputDir: string;
  dbPath?: string;
  reportsDir?: string;
  configDir?: string;
  modelsDir?: string;
  /** Swap the new warehouse in even when some files were refused. */
  allowPartial?: boolean;
  /** Keep only this county's rows (6-digit code) of a multi-county input, before the models (select-county.ts). */
  county?: string;
  /** Filled with how long the load and the SQL models took (npm run bench). */
  timings?: WarehouseTimings;
  /**
   * DuckDB's memory limit for the build, e.g. "6GB" (duckdb-settings.ts): above it DuckDB spills to a folder
   * beside the file. Default 4 GB (half the machine's memory when that is less).
   */
  memoryLimit?: string;
}

export interface WarehouseTimings {
  loadSeconds?: number;
  modelsSeconds?: number;
  /** Per model file, in the order they ran. */
  models?: { file: string; seconds: number }[];
  /** The steps after the models: roll-ups, suppression (disclosure control), the final checkpoint. */
  rollupsSeconds?: number;
  suppressionSeconds?: number;
  checkpointSeconds?: number;
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

const log = (message: string) => process.stderr.write(`[dixian] ${message}\n`);

/**
 * Builds the whole warehouse into a temporary file beside the live one (`<db>.tmp-<pid>-<random>`) and
 * renames it over the live file only when every step succeeded: a failure at any step leaves the last
 * good warehouse as it was. One build at a time: the lock `<db>.lock` is held throughout. A live file
 * that is damaged is set aside at the start, so that it is rebuilt rather than kept as the last good one.
 */
/** Everything a county sets in data/config, read (and refused when wrong) before any loading work. */
interface CountyConfig {
  settings: ReturnType<typeof readSettings>;
  insurance: ReturnType<typeof readInsuranceSettings>;
  finance: ReturnType<typeof readFinanceSettings>;
  leads: ReturnType<typeof readLeadSettings>;
  checks: ReturnType<typeof readCheckRules>;
  /** Export profiles (data/config/profiles/*.json): real download layouts mapped onto the canonical contract. */
  profiles: ExportProfile[];
}

function readCountyConfig(dir: string): CountyConfig {
  return { settings: readSettings(dir), insurance: readInsuranceSettings(dir), finance: readFinanceSettings(dir), leads: readLeadSettings(dir), checks: readCheckRules(dir), profiles: readProfiles(dir) };
}

/**
 * indicator_rollups: the prefecture and province rows of loaders/sql/rollup/indicator_rollup.sql, the portable
 * roll-up that reads only the additive marts (the same file a province runs on Spark or Trino over the Parquet
 * export). Not a model: the file is a plain SELECT so that it runs unchanged elsewhere. The county ranking page
 * reads it. Skipped for a models folder without it (tests' own folders).
 */
async function writeRollups(conn: DuckDBConnection, modelsDir: string): Promise<void> {
  const file = join(modelsDir, "rollup", "indicator_rollup.sql");
  if (!existsSync(file)) return;
  await conn.run(`create or replace table indicator_rollups as ${readFileSync(file, "utf-8")}`);
}

export async function buildWarehouse(options: BuildWarehouseOptions): Promise<BuildResult> {
  // Settings first: a bad settings file is refused before any loading work, and the loader needs the tolerance.
  const config = readCountyConfig(options.configDir ?? DEFAULT_CONFIG_DIR);
  if (options.memoryLimit !== undefined) checkMemoryLimit(options.memoryLimit);
  const dbPath = resolve(options.dbPath ?? DEFAULT_DB);
  mkdirSync(dirname(dbPath), { recursive: true });
  const lock = await acquireBuildLock(dbPath);
  try {
    const leftovers = removeWarehouseLeftovers(dbPath);
    if (leftovers.length > 0) log(`已清理上一次中断的构建留下的临时文件：${leftovers.join("、")}`);
    const live = await checkLiveWarehouse(dbPath);
    if (live.state === "damaged") {
      const aside = setAsideDamaged(dbPath);
      log(`现有数据仓库 ${dbPath} 已损坏（${live.reason}），已移到 ${aside}，本次重新构建`);
    }
    const tmpPath = `${dbPath}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    return await buildInto(dbPath, tmpPath, live.state === "ok" ? live.print : null, config, options);
  } finally {
    lock.release();
  }
}

async function buildInto(
  dbPath: string,
  tmpPath: string,
  livePrint: Fingerprint | null,
  config: CountyConfig,
  options: BuildWarehouseOptions,
): Promise<BuildResult> {
  const instance = await DuckDBInstance.create(tmpPath, warehouseDuckdbOptions(tmpPath, options.memoryLimit));
  let result: BuildResult;
  try {
    const conn = await instance.connect();
    try {
      const loadStart = performance.now();
      const load = await loadInputFolder(conn, options.inputDir, {
        reportsDir: options.reportsDir ?? DEFAULT_REPORTS_DIR,
        incomeTolerance: config.settings.incomeTolerance,
        profiles: config.profiles,
      });
      if (options.timings) options.timings.loadSeconds = (performance.now() - loadStart) / 1000;
      if (load.refused.length > 0 && !options.allowPartial) throw new RefusedFilesError(load);
      if (options.county) {
        const selection = await selectCounty(conn, options.county);
        const dropped = Object.entries(selection.tables).filter(([, t]) => t.otherCounties + t.unknown > 0);
        log(`只保留县 ${options.county} 的数据：${dropped.map(([table, t]) => `${table} 去掉其他县 ${t.otherCounties} 行${t.unknown ? `、无法判定所属县 ${t.unknown} 行` : ""}`).join("；") || "输入中没有其他县的数据"}`);
      }
      await writeSettingsTables(conn, config.settings);
      await writeInsuranceTables(conn, config.insurance);
      await writeFinanceTables(conn, config.finance);
      await writeLeadTables(conn, config.leads);
      await writeCheckTables(conn, config.checks);
      await writeCatalogTable(conn);
      // Empty until the indicators exist; indicators_published (a view) reads it.
      await createDisclosureTable(conn);
      const modelsStart = performance.now();
      const models = await runSqlModels(conn, options.modelsDir ?? DEFAULT_MODELS_DIR, options.timings ? (options.timings.models = []) : undefined);
      if (options.timings) options.timings.modelsSeconds = (performance.now() - modelsStart) / 1000;
      const lap = (key: "rollupsSeconds" | "suppressionSeconds" | "checkpointSeconds", since: number) => {
        if (options.timings) options.timings[key] = (performance.now() - since) / 1000;
        return performance.now();
      };
      let since = performance.now();
      await writeRollups(conn, options.modelsDir ?? DEFAULT_MODELS_DIR);
      since = lap("rollupsSeconds", since);
      const disclosure = await writeSuppression(conn);
      since = lap("suppressionSeconds", since);
      if (disclosure.unprotected.length > 0) {
        process.stderr.write(`提示：${disclosure.unprotected.length} 个隐去的村级数仍可推算（乡镇内各村均已隐去，无数可再隐去）：${disclosure.unprotected.slice(0, 5).join("、")}\n`);
      }
      await conn.run("checkpoint");
      lap("checkpointSeconds", since);
      result = { dbPath, load, models };
    } finally {
      conn.closeSync();
    }
    instance.closeSync();
    // The check file lists the old and the new digest while the rename happens, so a build killed between
    // the two writes finds a live file it recognises either way.
    const fresh = await fingerprint(tmpPath);
    writeCheckFile(dbPath, livePrint ? [fresh, livePrint] : [fresh]);
    await faultPoint("warehouse-swap");
    swapInFile(tmpPath, dbPath);
    writeCheckFile(dbPath, [fresh]);
  } catch (error) {
    instance.closeSync();
    removeDatabaseFile(tmpPath);
    throw error;
  }
  return result;
}
