// A province (or prefecture) on one machine, county by county (issue 14 points 3 and 4): each county folder of the
// input is built into its own warehouse, exactly as that county builds it, and exported as Parquet (its marts and
// additive marts, under its own county_code=… partitions); the roll-up above the county then reads only the additive
// marts of the export (loaders/sql/rollup/indicator_rollup.sql, the same file a cluster runs).
//
// Incremental by county: a county whose input files, county settings and pipeline code are unchanged since its last
// successful build is not rebuilt and its partitions are not touched; a re-delivered county, or a county given a new
// month, is rebuilt alone — no other county's rows are read. (Inside one county a new month rebuilds the whole
// county: its events and periods are worked out from its snapshots in order.) Memory is bounded by the largest
// county, not the province, and `jobs` counties build side by side, one child process each.
//
//   <work>/counties/<code>.duckdb          the county's warehouse (with its .check file, see live-file.ts)
//   <work>/counties/<code>.fingerprint     what it was built from: a digest of its files, settings and code
//   <work>/reports/<code>/                 the county's rejection and warning reports
//   <work>/export/…                        Parquet, Hive-partitioned by county and period (export-parquet.ts)
//   <work>/export/rollup/indicator_rollups.parquet   the prefecture and province rows
import { createHash } from "node:crypto";
import { fork } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { ADDITIVE_MARTS, duckdbViewSql, type ExportPart } from "../export/export-parquet.ts";
import { DEFAULT_CONFIG_DIR, DEFAULT_MODELS_DIR, PROJECT_ROOT } from "../paths.ts";
import type { CountyJob, CountyJobResult } from "./county-worker.ts";

export interface ProvinceOptions {
  /** One folder per county, named by its 6-digit county code. */
  inputDir: string;
  /** Where county warehouses, reports and the export go. */
  workDir: string;
  /** Counties built side by side (child processes). */
  jobs?: number;
  configDir?: string;
  modelsDir?: string;
  log?: (message: string) => void;
}

export interface ProvinceResult {
  counties: string[];
  built: CountyJobResult[];
  reused: string[];
  /** Counties no longer in the input: their warehouses and partitions were removed. */
  removed: string[];
  rollupRows: number;
  rollupSeconds: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const EXPORT_PARTS: ExportPart[] = ["marts", "additive"];

function files(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(path, root));
    else if (entry.isFile()) out.push(relative(root, path));
  }
  return out;
}

/** A digest of every file under the folders (names and contents), in a fixed order. */
function digestOf(dirs: string[]): string {
  const hash = createHash("sha256");
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of files(dir)) {
      hash.update(`${dir}\u0000${file}\u0000`);
      hash.update(readFileSync(join(dir, file)));
    }
  }
  return hash.digest("hex");
}

/** The county folders of the input; anything else there is refused with what to do. */
export function countyFolders(inputDir: string): string[] {
  if (!existsSync(inputDir)) throw new Error(`找不到省级输入文件夹 ${inputDir}`);
  const entries = readdirSync(inputDir, { withFileTypes: true });
  const stray = entries.filter((e) => !(e.isDirectory() && /^\d{6}$/.test(e.name)));
  if (stray.length > 0) {
    throw new Error(`省级输入文件夹应只含以 6 位县级区划代码命名的县文件夹（如 520101/），每个县的报送文件放在各自文件夹中；请移走或改名：${stray.map((e) => e.name).slice(0, 10).join("、")}`);
  }
  const codes = entries.map((e) => e.name).sort();
  if (codes.length === 0) throw new Error(`省级输入文件夹 ${inputDir} 中没有县文件夹（以 6 位县级区划代码命名）`);
  return codes;
}

/** Runs the jobs on `jobs` child processes, each taking the next county when it finishes one. */
async function runJobs(queue: CountyJob[], jobs: number): Promise<CountyJobResult[]> {
  const results: CountyJobResult[] = [];
  if (queue.length === 0) return results;
  const workers = Math.min(jobs, queue.length);
  let next = 0;
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
    const child = fork(join(here, "county-worker.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let failed = false;
    const give = () => {
      if (next >= queue.length) {
        child.send({ done: true });
        return;
      }
      child.send(queue[next++]);
    };
    child.on("message", (message: CountyJobResult | { error: string; county: string }) => {
      if ("error" in message) {
        failed = true;
        reject(new Error(`县 ${message.county} 构建失败：${message.error}`));
        child.kill();
        return;
      }
      results.push(message);
      give();
    });
    child.on("exit", (code) => {
      if (failed) return;
      if (code === 0) resolve();
      else reject(new Error(`县级构建子进程异常退出（退出码 ${code}）`));
    });
    give();
  })));
  return results.sort((a, b) => (a.county < b.county ? -1 : 1));
}

export async function buildProvince(options: ProvinceOptions): Promise<ProvinceResult> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const counties = countyFolders(options.inputDir);
  const countiesDir = join(options.workDir, "counties");
  const exportDir = join(options.workDir, "export");
  mkdirSync(countiesDir, { recursive: true });
  mkdirSync(exportDir, { recursive: true });
  // The pipeline's code and the county settings: a change to either rebuilds every county.
  const common = digestOf([join(PROJECT_ROOT, "loaders"), options.configDir ?? DEFAULT_CONFIG_DIR, options.modelsDir ?? DEFAULT_MODELS_DIR]);
  const queue: CountyJob[] = [];
  const reused: string[] = [];
  const prints = new Map<string, string>();
  for (const county of counties) {
    const print = createHash("sha256").update(common).update(digestOf([join(options.inputDir, county)])).digest("hex");
    prints.set(county, print);
    const printFile = join(countiesDir, `${county}.fingerprint`);
    const dbPath = join(countiesDir, `${county}.duckdb`);
    if (existsSync(dbPath) && existsSync(printFile) && readFileSync(printFile, "utf-8").trim() === print) {
      reused.push(county);
      continue;
    }
    // Gone first: a build that fails half-way must not leave an old fingerprint that would match later.
    rmSync(printFile, { force: true });
    queue.push({
      county, inputDir: join(options.inputDir, county), dbPath, reportsDir: join(options.workDir, "reports", county),
      exportDir, parts: EXPORT_PARTS, configDir: options.configDir, modelsDir: options.modelsDir,
    });
  }
  // Counties that left the input: their warehouse and partitions go, so the roll-up no longer counts them.
  const removed = readdirSync(countiesDir).filter((f) => /^\d{6}\.duckdb$/.test(f)).map((f) => f.slice(0, 6)).filter((c) => !counties.includes(c));
  for (const county of removed) {
    for (const f of readdirSync(countiesDir).filter((f) => f.startsWith(`${county}.`))) rmSync(join(countiesDir, f), { force: true });
    removePartitions(exportDir, county);
  }
  log(`省级构建：${counties.length} 个县，其中 ${queue.length} 个需要重建，${reused.length} 个未变化沿用${removed.length ? `，移除 ${removed.length} 个已不在输入中的县` : ""}`);
  const built = await runJobs(queue, options.jobs ?? 2);
  for (const result of built) {
    writeFileSync(join(countiesDir, `${result.county}.fingerprint`), `${prints.get(result.county)}\n`);
    log(`  县 ${result.county}：读取 ${result.rowsRead} 行，拒收 ${result.rowsRejected}${result.refused ? `，${result.refused} 个文件无法使用` : ""}；${result.seconds.toFixed(1)} 秒`);
  }
  const t0 = performance.now();
  const rollupRows = await writeProvinceRollup(exportDir, options.modelsDir ?? DEFAULT_MODELS_DIR);
  return { counties, built, reused, removed, rollupRows, rollupSeconds: (performance.now() - t0) / 1000 };
}

/** Removes one county's partitions from every table of the export. */
function removePartitions(exportDir: string, county: string): void {
  for (const part of EXPORT_PARTS) {
    const dir = join(exportDir, part);
    if (!existsSync(dir)) continue;
    for (const table of readdirSync(dir)) rmSync(join(dir, table, `county_code=${county}`), { recursive: true, force: true });
  }
  rmSync(join(exportDir, `_manifest-${county}.json`), { force: true });
}

/** The portable roll-up SQL over the export's additive marts, written beside them. */
export async function writeProvinceRollup(exportDir: string, modelsDir: string): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  try {
    for (const table of ADDITIVE_MARTS) await conn.run(duckdbViewSql(exportDir, "additive", table));
    const sql = readFileSync(join(modelsDir, "rollup", "indicator_rollup.sql"), "utf-8");
    const out = join(exportDir, "rollup", "indicator_rollups.parquet");
    mkdirSync(dirname(out), { recursive: true });
    await conn.run(`copy (select * from (${sql}) order by all) to '${out.replaceAll("'", "''")}' (format parquet, compression zstd)`);
    return Number((await conn.runAndReadAll(`select count(*) from read_parquet('${out.replaceAll("'", "''")}')`)).getRows()[0][0]);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** For tests and the bench: when a file under the folder was last changed (a reused county's files stay put). */
export function newestChange(dir: string): number {
  return files(dir).reduce((t, f) => Math.max(t, statSync(join(dir, f)).mtimeMs), 0);
}
