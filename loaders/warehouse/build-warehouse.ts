import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadInputFolder, type LoadSummary } from "../load/load-input-folder.ts";
import { readSettings, writeSettingsTables } from "../config/settings.ts";
import { readInsuranceSettings, writeInsuranceTables } from "../config/insurance.ts";
import { readFinanceSettings, writeFinanceTables } from "../config/finance.ts";
import { readLeadSettings, writeLeadTables } from "../config/lead-rules.ts";
import { writeCatalogTable } from "../indicators/write-catalog-table.ts";
import { createDisclosureTable, writeSuppression } from "../disclosure/write-suppression.ts";
import { DEFAULT_CONFIG_DIR, DEFAULT_DB, DEFAULT_MODELS_DIR, DEFAULT_REPORTS_DIR } from "../paths.ts";
import { runSqlModels } from "./run-sql-models.ts";
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
  /** Filled with how long the load and the SQL models took (npm run bench). */
  timings?: WarehouseTimings;
}

export interface WarehouseTimings {
  loadSeconds?: number;
  modelsSeconds?: number;
  /** Per model file, in the order they ran. */
  models?: { file: string; seconds: number }[];
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
}

function readCountyConfig(dir: string): CountyConfig {
  return { settings: readSettings(dir), insurance: readInsuranceSettings(dir), finance: readFinanceSettings(dir), leads: readLeadSettings(dir) };
}

export async function buildWarehouse(options: BuildWarehouseOptions): Promise<BuildResult> {
  // Settings first: a bad settings file is refused before any loading work, and the loader needs the tolerance.
  const config = readCountyConfig(options.configDir ?? DEFAULT_CONFIG_DIR);
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
  const instance = await DuckDBInstance.create(tmpPath);
  let result: BuildResult;
  try {
    const conn = await instance.connect();
    try {
      const loadStart = performance.now();
      const load = await loadInputFolder(conn, options.inputDir, {
        reportsDir: options.reportsDir ?? DEFAULT_REPORTS_DIR,
        incomeTolerance: config.settings.incomeTolerance,
      });
      if (options.timings) options.timings.loadSeconds = (performance.now() - loadStart) / 1000;
      if (load.refused.length > 0 && !options.allowPartial) throw new RefusedFilesError(load);
      await writeSettingsTables(conn, config.settings);
      await writeInsuranceTables(conn, config.insurance);
      await writeFinanceTables(conn, config.finance);
      await writeLeadTables(conn, config.leads);
      await writeCatalogTable(conn);
      // Empty until the indicators exist; indicators_published (a view) reads it.
      await createDisclosureTable(conn);
      const modelsStart = performance.now();
      const models = await runSqlModels(conn, options.modelsDir ?? DEFAULT_MODELS_DIR, options.timings ? (options.timings.models = []) : undefined);
      if (options.timings) options.timings.modelsSeconds = (performance.now() - modelsStart) / 1000;
      const disclosure = await writeSuppression(conn);
      if (disclosure.unprotected.length > 0) {
        process.stderr.write(`提示：${disclosure.unprotected.length} 个隐去的村级数仍可推算（乡镇内各村均已隐去，无数可再隐去）：${disclosure.unprotected.slice(0, 5).join("、")}\n`);
      }
      await conn.run("checkpoint");
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
