// npm run bench [-- --rows 20000,1000000] [--formats csv,gb18030,xlsx] [--no-county] [--keep DIR]
// npm run bench -- --province [...]: the province bench (bench/province.ts)
// Loader throughput (rows/s, MB/s, peak RSS) for a households extract as CSV UTF-8, CSV GB18030 and XLSX,
// and the ratio of the validated CSV load to DuckDB's own read_csv(all_varchar) on the same UTF-8 file.
// It ends by printing the targets (≤ 3× read_csv; peak RSS < 2 GB at 1,000,000 rows) beside the
// measured figures, saying plainly whether each is met.
// Default sizes: the default sample county's monthly households file (20,000 rows) and 1,000,000 rows;
// then the whole default sample county folder (every extract, 36 months, CSV and XLSX mixed).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
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
  },
});
const sizes = values.rows!.split(",").map((s) => Number(s.replace(/_/g, "")));
const formats = values.formats!.split(",") as ("csv" | "gb18030" | "xlsx")[];
const work = values.keep ?? mkdtempSync(join(tmpdir(), "dixian-bench-"));

interface Measure { rows: number; seconds: number; cpuSeconds: number; peakRssMb: number }

/** The targets: validated CSV load within 3× read_csv on the same UTF-8 file; under 2 GB at 1M rows. */
const TARGET_RATIO = 3;
const TARGET_PEAK_MB = 2048;
const TARGET_PEAK_ROWS = 1_000_000;
const verdicts: { target: string; measured: string; met: boolean }[] = [];
const verdict = (met: boolean) => (met ? "达标" : "未达标");

function runCase(mode: "loader" | "read_csv", target: string): Measure {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "load-one.ts"), mode, target, join(work, "reports")], {
    encoding: "utf-8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Measure;
}

const LABEL = { csv: "CSV UTF-8", gb18030: "CSV GB18030", xlsx: "XLSX" } as const;
const table: Record<string, string | number>[] = [];
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
        verdicts.push({
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
    const mb = readdirSync(dir).filter((f) => /\.(csv|xlsx)$/i.test(f)).reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1e6;
    const loader = runCase("loader", dir);
    table.push({
      格式: "默认样例县（全部文件）", 行数: fmt(loader.rows), 文件MB: fmt(mb, 1), 秒: fmt(loader.seconds, 2),
      "行/秒": fmt(loader.rows / loader.seconds), "MB/秒": fmt(mb / loader.seconds, 1), CPU秒: fmt(loader.cpuSeconds, 2), 峰值内存MB: fmt(loader.peakRssMb),
    });
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
console.table(table);
console.log(`目标：校验后载入 CSV UTF-8 用时不超过 DuckDB read_csv(all_varchar) 的 ${TARGET_RATIO} 倍；${fmt(TARGET_PEAK_ROWS)} 行时峰值内存低于 ${fmt(TARGET_PEAK_MB)} MB（2 GB）。`);
for (const v of verdicts) console.log(`  ${verdict(v.met)}  ${v.target}：实测 ${v.measured}`);
if (!sizes.some((size) => size >= TARGET_PEAK_ROWS)) console.log(`  未测  本次没有 ${fmt(TARGET_PEAK_ROWS)} 行的用例，内存目标无从判断（加 --rows ${TARGET_PEAK_ROWS}）`);
if (!formats.includes("csv")) console.log("  未测  本次没有 CSV UTF-8 用例，倍数目标无从判断");
console.log("注：秒为墙钟时间，CPU秒含 DuckDB 线程；机器与他人共用时墙钟时间波动大，请同时看 CPU秒。");
