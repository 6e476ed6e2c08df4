// npm run bench [-- --rows 20000,1000000] [--formats csv,gb18030,xlsx] [--no-county] [--no-build] [--keep DIR] [--json FILE]
// npm run bench -- --province [...]: the province bench (bench/province.ts)
// Loader throughput (rows/s, MB/s, peak RSS) for a households extract as CSV UTF-8, CSV GB18030 and XLSX,
// and the ratio of the validated CSV load to DuckDB's own read_csv(all_varchar) on the same UTF-8 file.
// Then the default sample county (every extract, 36 months, CSV and XLSX mixed): the warehouse (load +
// models) with its peak memory and the slowest models; the warehouse on the county's UTF-8 CSV files beside
// "DuckDB alone" (read_csv of the same files) in the same run; the whole build (warehouse + site).
// It ends by printing the issue's targets (issue 14 point 2) beside the measured figures, each 达标 or
// 未达标, and writes them as JSON (default bench/results/default-county.json when the county ran).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeHouseholdsCsv, writeHouseholdsXlsx, writeVillages } from "./make-inputs.ts";

const here = dirname(fileURLToPath(import.meta.url));
// --province: the multi-county bench (bench/province.ts, issue 14 point 3), nothing else.
if (process.argv.includes("--province")) {
  const { runProvinceBench } = await import("./province.ts");
  await runProvinceBench(process.argv.slice(2));
  process.exit(0);
}
const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "20000,1000000" },
    formats: { type: "string", default: "csv,gb18030,xlsx" },
    keep: { type: "string" },
    "no-county": { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const sizes = values.rows!.split(",").map((s) => Number(s.replace(/_/g, "")));
const formats = values.formats!.split(",") as ("csv" | "gb18030" | "xlsx")[];
const work = values.keep ?? mkdtempSync(join(tmpdir(), "dixian-bench-"));

interface Measure {
  rows: number; seconds: number; cpuSeconds: number; peakRssMb: number;
  loadSeconds?: number; modelsSeconds?: number; slowestModels?: { file: string; seconds: number }[]; refused?: number;
  rollupsSeconds?: number; suppressionSeconds?: number; checkpointSeconds?: number;
}

/** Issue 14 point 2: validated load of a 1M-row UTF-8 roster within 2× read_csv on the same file; under 2 GB. */
const TARGET_RATIO = 2;
const TARGET_RATIO_ROWS = 1_000_000;
/** The default county: warehouse ≤ 3× DuckDB alone on the same files; models ≤ 3 s; build ≤ 45 s; ≤ 2 GB. */
const TARGET_COUNTY_RATIO = 3;
const TARGET_MODELS_SECONDS = 3;
const TARGET_BUILD_SECONDS = 45;
const loadAtStart = loadavg();
const startedAt = new Date().toISOString();
const TARGET_PEAK_MB = 2048;
const TARGET_PEAK_ROWS = 1_000_000;
const verdicts: { target: string; measured: string; met: boolean }[] = [];
const verdict = (met: boolean) => (met ? "达标" : "未达标");

function runCase(mode: "loader" | "read_csv" | "warehouse" | "duckdb", target: string): Measure {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "load-one.ts"), mode, target, join(work, "reports")], {
    encoding: "utf-8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Measure;
}

const LABEL = { csv: "CSV UTF-8", gb18030: "CSV GB18030", xlsx: "XLSX" } as const;
const table: Record<string, string | number>[] = [];
const county: Record<string, unknown> = {};
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

try {
  for (const size of sizes) {
    let rawCsv: Measure | null = null;
    for (const format of formats) {
      const dir = join(work, `${format}-${size}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeVillages(dir);
      const file = join(dir, format === "xlsx" ? "households_2026-06.xlsx" : "households_2026-06.csv");
      const t0 = Date.now();
      if (format === "xlsx") await writeHouseholdsXlsx(file, size);
      else await writeHouseholdsCsv(file, size, format === "csv" ? "utf-8" : "gb18030");
      process.stderr.write(`生成 ${LABEL[format]} ${fmt(size)} 行：${((Date.now() - t0) / 1000).toFixed(1)} 秒\n`);
      const mb = statSync(file).size / 1e6;
      const loader = runCase("loader", dir);
      if (format === "csv") rawCsv = runCase("read_csv", file);
      const row: Record<string, string | number> = {
        格式: LABEL[format], 行数: fmt(loader.rows), 文件MB: fmt(mb, 1), 秒: fmt(loader.seconds, 2),
        "行/秒": fmt(loader.rows / loader.seconds), "MB/秒": fmt(mb / loader.seconds, 1), CPU秒: fmt(loader.cpuSeconds, 2), 峰值内存MB: fmt(loader.peakRssMb),
      };
      if (format === "csv" && rawCsv) {
        const ratio = loader.seconds / rawCsv.seconds;
        row["read_csv秒"] = fmt(rawCsv.seconds, 2);
        row["倍数(载入/read_csv)"] = fmt(ratio, 2);
        row[`倍数目标≤${TARGET_RATIO}`] = verdict(ratio <= TARGET_RATIO);
        if (size >= TARGET_RATIO_ROWS) verdicts.push({
          target: `CSV UTF-8 ${fmt(size)} 行：校验后载入 ≤ ${TARGET_RATIO} 倍 read_csv`,
          measured: `${fmt(ratio, 2)} 倍（${fmt(loader.seconds, 2)} 秒 / ${fmt(rawCsv.seconds, 2)} 秒；CPU ${fmt(loader.cpuSeconds, 2)} 秒 / ${fmt(rawCsv.cpuSeconds, 2)} 秒）`,
          met: ratio <= TARGET_RATIO,
        });
        row["read_csv CPU秒"] = fmt(rawCsv.cpuSeconds, 2);
        row["read_csv峰值MB"] = fmt(rawCsv.peakRssMb);
      }
      if (size >= TARGET_PEAK_ROWS) {
        row[`内存目标<${TARGET_PEAK_MB}MB`] = verdict(loader.peakRssMb < TARGET_PEAK_MB);
        verdicts.push({
          target: `${LABEL[format]} ${fmt(size)} 行：峰值内存 < ${fmt(TARGET_PEAK_MB)} MB`,
          measured: `${fmt(loader.peakRssMb)} MB`,
          met: loader.peakRssMb < TARGET_PEAK_MB,
        });
      }
      table.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
      if (!values.keep) rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!values["no-county"]) {
    const dir = join(work, "county");
    const t0 = Date.now();
    const { generateSampleCounty } = await import("../loaders/sample/generate-sample-county.ts");
    await generateSampleCounty({ outDir: dir });
    process.stderr.write(`生成默认样例县：${((Date.now() - t0) / 1000).toFixed(1)} 秒\n`);
    const files = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f));
    const mb = files.reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1e6;
    // The whole county: load + models, peak memory, the slowest models.
    const wh = runCase("warehouse", dir);
    county.warehouse = wh;
    table.push({
      格式: "默认样例县 仓库（载入+模型）", 行数: fmt(wh.rows), 文件MB: fmt(mb, 1), 秒: fmt(wh.seconds, 2),
      "行/秒": fmt(wh.rows / wh.seconds), "MB/秒": fmt(mb / wh.seconds, 1), CPU秒: fmt(wh.cpuSeconds, 2), 峰值内存MB: fmt(wh.peakRssMb),
      载入秒: fmt(wh.loadSeconds ?? 0, 2), 模型秒: fmt(wh.modelsSeconds ?? 0, 2), 隐去秒: fmt(wh.suppressionSeconds ?? 0, 2),
    });
    verdicts.push({ target: `默认样例县：SQL 模型 ≤ ${TARGET_MODELS_SECONDS} 秒`, measured: `${fmt(wh.modelsSeconds ?? 0, 2)} 秒（最慢：${(wh.slowestModels ?? []).slice(0, 3).map((m) => `${m.file} ${fmt(m.seconds, 2)} 秒`).join("，")}）`, met: (wh.modelsSeconds ?? Infinity) <= TARGET_MODELS_SECONDS });
    verdicts.push({ target: `默认样例县：峰值内存 ≤ ${fmt(TARGET_PEAK_MB)} MB`, measured: `${fmt(wh.peakRssMb)} MB`, met: wh.peakRssMb <= TARGET_PEAK_MB });
    // The county's UTF-8 CSV files alone: the warehouse beside DuckDB reading the same files.
    const { detectFileEncoding } = await import("../loaders/read/read-csv.ts");
    const csvDir = join(work, "county-csv");
    mkdirSync(csvDir, { recursive: true });
    for (const f of files) if (/\.csv$/i.test(f) && detectFileEncoding(join(dir, f)) !== "gb18030") copyFileSync(join(dir, f), join(csvDir, f));
    const whCsv = runCase("warehouse", csvDir);
    const alone = runCase("duckdb", csvDir);
    county.warehouseCsv = whCsv;
    county.duckdbAlone = alone;
    const ratio = whCsv.seconds / alone.seconds;
    table.push({
      格式: "默认样例县 UTF-8 CSV：仓库 / DuckDB 单独读", 行数: fmt(whCsv.rows), 秒: fmt(whCsv.seconds, 2), CPU秒: fmt(whCsv.cpuSeconds, 2), 峰值内存MB: fmt(whCsv.peakRssMb),
      载入秒: fmt(whCsv.loadSeconds ?? 0, 2), 模型秒: fmt(whCsv.modelsSeconds ?? 0, 2), read_csv秒: fmt(alone.seconds, 2), "倍数(仓库/DuckDB)": fmt(ratio, 2),
    });
    verdicts.push({
      target: `默认样例县 UTF-8 CSV（${readdirSync(csvDir).length} 个文件）：仓库（载入+模型）≤ ${TARGET_COUNTY_RATIO} 倍 DuckDB 单独读同样文件`,
      measured: `${fmt(ratio, 2)} 倍（${fmt(whCsv.seconds, 2)} 秒 / ${fmt(alone.seconds, 2)} 秒；其中载入 ${fmt(whCsv.loadSeconds ?? 0, 2)} 秒、模型 ${fmt(whCsv.modelsSeconds ?? 0, 2)} 秒）`,
      met: ratio <= TARGET_COUNTY_RATIO,
    });
    if (!values["no-build"]) {
      const out = join(work, "county-build");
      const t1 = Date.now();
      execFileSync(process.execPath, ["--import", "tsx", join(here, "..", "loaders", "cli", "build.ts"), "--in", dir, "--db", join(out, "w.duckdb"), "--out", join(out, "dist"), "--reports", join(out, "reports")], {
        stdio: ["ignore", "ignore", "inherit"], cwd: join(here, ".."),
      });
      const seconds = (Date.now() - t1) / 1000;
      county.buildSeconds = seconds;
      verdicts.push({ target: `默认样例县：整个构建（仓库+网站）≤ ${TARGET_BUILD_SECONDS} 秒`, measured: `${fmt(seconds, 1)} 秒`, met: seconds <= TARGET_BUILD_SECONDS });
    }
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
console.table(table);
console.log(`目标（议题 14 第 2 点）：${fmt(TARGET_RATIO_ROWS)} 行 CSV UTF-8 校验后载入不超过 DuckDB read_csv(all_varchar) 的 ${TARGET_RATIO} 倍；峰值内存低于 ${fmt(TARGET_PEAK_MB)} MB；默认样例县仓库不超过 DuckDB 单独读的 ${TARGET_COUNTY_RATIO} 倍、SQL 模型 ≤ ${TARGET_MODELS_SECONDS} 秒、整个构建 ≤ ${TARGET_BUILD_SECONDS} 秒。`);
for (const v of verdicts) console.log(`  ${verdict(v.met)}  ${v.target}：实测 ${v.measured}`);
if (values["no-county"]) console.log("  未测  本次没有默认样例县（去掉 --no-county），县级目标无从判断");
if (!sizes.some((size) => size >= TARGET_PEAK_ROWS)) console.log(`  未测  本次没有 ${fmt(TARGET_PEAK_ROWS)} 行的用例，内存目标无从判断（加 --rows ${TARGET_PEAK_ROWS}）`);
if (!formats.includes("csv")) console.log("  未测  本次没有 CSV UTF-8 用例，倍数目标无从判断");
console.log("注：秒为墙钟时间，CPU秒含 DuckDB 线程；机器与他人共用时墙钟时间波动大，请同时看 CPU秒。");

const loadAtEnd = loadavg();
console.log(`机器：${cpus().length} 核，${fmt(totalmem() / 2 ** 30, 1)} GB；平均负载 开始 ${loadAtStart.map((x) => x.toFixed(2)).join(" ")}，结束 ${loadAtEnd.map((x) => x.toFixed(2)).join(" ")}`);
const jsonPath = values.json ?? (values["no-county"] ? null : join(here, "results", "default-county.json"));
if (jsonPath) {
  let commit: string | null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: here, encoding: "utf-8" }).trim();
  } catch {
    commit = null;
  }
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, JSON.stringify({
    startedAt, finishedAt: new Date().toISOString(), commit, args: process.argv.slice(2),
    machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverageStart: loadAtStart, loadAverageEnd: loadAtEnd },
    targets: verdicts.map((v) => ({ ...v, verdict: verdict(v.met) })), cases: table, county,
  }, null, 2) + "\n");
  console.log(`结果已写入 ${jsonPath}`);
}
