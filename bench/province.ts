// npm run bench -- --province [--counties 100] [--households 2000000] [--months 12] [--end 2026-06] [--single] [--jobs 2] [--keep DIR]
// The province target of issue 14 point 3: about 100 counties, 2,000,000 households × 12 months, load + models in
// ≤ 10 minutes under ≤ 8 GB on this machine. Generates the province (bench/province-inputs.ts), then:
//   by county (default): npm run province's code — every county built into its own warehouse and exported over its
//     own Parquet partitions, `--jobs` counties at a time, the roll-up from the additive marts; then the same again
//     with nothing changed (every county reused) and with one county re-delivered (that county alone rebuilt).
//     Peak memory is sampled over the whole process tree (this process and its children) every 200 ms.
//   --single: one warehouse holding every county, built in a child process (peak memory is the child's), then the
//     additive marts exported and the portable roll-up SQL run over them.
// Prints each target with 达标 / 未达标 — or 未测 when the run is smaller than the target's scale (then a linear
// extrapolation is printed beside it, labelled as such: it is not a measurement) — and writes the JSON to
// bench/results/province-[single-]<counties>c-<households>h-<months>m.json.
import { execFileSync } from "node:child_process";
import { cpus, freemem, loadavg, totalmem, tmpdir } from "node:os";
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeProvince } from "./province-inputs.ts";
import { buildProvince, type ProvinceResult } from "../loaders/province/build-province.ts";

const here = dirname(fileURLToPath(import.meta.url));
const TARGET = { counties: 100, households: 2_000_000, months: 12, seconds: 600, peakMb: 8192 };

/** Resident memory of this process and all its descendants, MB (Linux /proc). */
function treeRssMb(): number {
  const parentOf = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf-8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(name), Number(fields[1]));
      rss.set(Number(name), (Number(fields[21]) * 4096) / 2 ** 20);
    } catch {
      // the process ended while being read
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 50; p = parentOf.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, mb] of rss) if (inTree(pid)) total += mb;
  return total;
}

/** Runs `body` while sampling the process tree's memory; returns its result with the peak. */
async function sampled<T>(body: () => Promise<T>): Promise<{ result: T; seconds: number; peakTreeMb: number }> {
  let peak = treeRssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb());
  }, 200);
  const t0 = performance.now();
  try {
    const result = await body();
    return { result, seconds: (performance.now() - t0) / 1000, peakTreeMb: peak };
  } finally {
    clearInterval(timer);
  }
}

function summary(run: { result: ProvinceResult; seconds: number; peakTreeMb: number }) {
  const built = run.result.built;
  const sum = (f: (b: ProvinceResult["built"][number]) => number) => built.reduce((s, b) => s + f(b), 0);
  return {
    seconds: run.seconds,
    peakTreeRssMb: Math.round(run.peakTreeMb),
    countiesBuilt: built.length,
    countiesReused: run.result.reused.length,
    rowsRead: sum((b) => b.rowsRead),
    rowsRejected: sum((b) => b.rowsRejected),
    refused: sum((b) => b.refused),
    // Summed over the counties (they run `jobs` at a time, so these add up to more than the wall time).
    countySeconds: {
      total: sum((b) => b.seconds), cpu: sum((b) => b.cpuSeconds), load: sum((b) => b.loadSeconds), models: sum((b) => b.modelsSeconds),
      suppression: sum((b) => b.suppressionSeconds), export: sum((b) => b.exportSeconds),
    },
    largestCountyPeakRssMb: Math.round(Math.max(0, ...built.map((b) => b.peakRssMb))),
    rollupSeconds: run.result.rollupSeconds,
    rollupRows: run.result.rollupRows,
  };
}

export async function runProvinceBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      province: { type: "boolean" },
      counties: { type: "string", default: String(TARGET.counties) },
      households: { type: "string", default: String(TARGET.households) },
      months: { type: "string", default: String(TARGET.months) },
      end: { type: "string", default: "2026-06" },
      single: { type: "boolean", default: false },
      jobs: { type: "string", default: "2" },
      keep: { type: "string" },
    },
  });
  const counties = Number(values.counties);
  const households = Number(values.households!.replace(/_/g, ""));
  const months = Number(values.months);
  const jobs = Number(values.jobs);
  const work = values.keep ?? mkdtempSync(join(tmpdir(), "dixian-province-"));
  const input = join(work, "input");
  rmSync(input, { recursive: true, force: true });
  const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
  try {
    const g0 = performance.now();
    const written = await writeProvince({ outDir: input, counties, households, months, end: values.end! });
    const generateSeconds = (performance.now() - g0) / 1000;
    log(`生成 ${counties} 个县、${written.households} 户 × ${months} 个月：${written.rows} 行，${generateSeconds.toFixed(1)} 秒`);
    const loadAvgBefore = loadavg();
    const full = counties >= TARGET.counties && written.households >= TARGET.households && months >= TARGET.months;
    const scale = (TARGET.households * TARGET.months) / (written.households * months);
    let measured: { seconds: number; peakMb: number; what: string };
    let detail: Record<string, unknown>;
    const notes: string[] = [];
    if (!values.single) {
      const workDir = join(work, "province");
      const quiet = () => undefined;
      const first = summary(await sampled(() => buildProvince({ inputDir: input, workDir, jobs, log: quiet })));
      log(`逐县构建（${jobs} 个县同时）：${first.seconds.toFixed(1)} 秒，进程树峰值内存 ${first.peakTreeRssMb} MB；各县合计 CPU ${first.countySeconds.cpu.toFixed(0)} 秒`);
      const unchanged = summary(await sampled(() => buildProvince({ inputDir: input, workDir, jobs, log: quiet })));
      log(`无变化重跑：${unchanged.seconds.toFixed(1)} 秒（沿用 ${unchanged.countiesReused} 个县）`);
      // One county re-delivers its last month with one more household (its first row again under a new 户编号).
      const one = readdirSync(input).sort()[0];
      const file = join(input, one, `households_${values.end}.csv`);
      const [head, row] = readFileSync(file, "utf-8").split("\n");
      const cells = row.split(",");
      const at = head.split(",").indexOf("户编号");
      cells[at] = `${cells[at]}X`;
      appendFileSync(file, `${cells.join(",")}\n`);
      const redelivered = summary(await sampled(() => buildProvince({ inputDir: input, workDir, jobs, log: quiet })));
      log(`县 ${one} 重新报送：${redelivered.seconds.toFixed(1)} 秒（重建 ${redelivered.countiesBuilt} 个县，沿用 ${redelivered.countiesReused} 个）`);
      measured = { seconds: first.seconds, peakMb: first.peakTreeRssMb, what: `逐县构建，${jobs} 个县同时` };
      detail = { mode: "by-county", jobs, firstBuild: first, unchangedRerun: unchanged, redeliveredCounty: { county: one, ...redelivered } };
      notes.push(
        "by-county = npm run province's code (loaders/province/build-province.ts): each county's warehouse built from its own folder (load + SQL models + suppression, buildWarehouse) and exported as Parquet (marts + additive marts, its own partitions) in child processes, `jobs` at a time; then the roll-up SQL over the additive marts. seconds = wall time of the whole; countySeconds = per-county figures summed (they overlap in time).",
        "peakTreeRssMb = the largest sum of resident memory of this process and its children, sampled every 200 ms (a peak shorter than that can be missed).",
        "The target is load + models: the figure measured here also holds suppression, the Parquet export and the roll-up.",
      );
    } else {
      const child = (args: string[]) =>
        JSON.parse(
          execFileSync(process.execPath, ["--import", "tsx", join(here, "province-build.ts"), ...args], {
            encoding: "utf-8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 22,
          }).trim().split("\n").pop()!,
        ) as Record<string, number>;
      const db = join(work, "province.duckdb");
      const warehouse = child(["warehouse", input, db, join(work, "reports")]);
      log(`一个仓库（载入 + 模型 + 隐去）：${warehouse.seconds.toFixed(1)} 秒，峰值内存 ${warehouse.peakRssMb.toFixed(0)} MB`);
      const exported = child(["export", db, join(work, "export")]);
      log(`导出可加总集市 + 省级汇总 SQL：${exported.seconds.toFixed(1)} 秒`);
      measured = { seconds: warehouse.seconds, peakMb: warehouse.peakRssMb, what: "一个仓库" };
      detail = { mode: "single-warehouse", warehouse, exportAndRollup: exported };
      notes.push("single-warehouse = buildWarehouse of every county into one warehouse in a child process: load + SQL models + suppression; peakRssMb = the child's maxRSS; cpuSeconds = its user + system time (all threads).");
    }
    notes.push(
      "The province input has households and one bank's loan ledgers per county; no insurance or department extracts.",
      "Wall times depend on what else the machine ran: see the load averages.",
    );
    const verdicts = [
      {
        target: `全省载入 + 模型 ≤ ${TARGET.seconds} 秒（${TARGET.counties} 个县、${TARGET.households.toLocaleString("en-US")} 户 × ${TARGET.months} 个月）`,
        measured: `${measured.seconds.toFixed(1)} 秒（${measured.what}；${counties} 个县、${written.households.toLocaleString("en-US")} 户 × ${months} 个月）`,
        met: full ? measured.seconds <= TARGET.seconds : null,
        linearEstimateAtTarget: full ? null : scale <= 50 ? `${(measured.seconds * scale).toFixed(0)} 秒（按户×月线性外推，不是实测）` : "规模不到目标的 2%，不外推",
      },
      {
        target: `全省峰值内存 ≤ ${TARGET.peakMb} MB`,
        measured: `${measured.peakMb.toFixed(0)} MB`,
        met: full ? measured.peakMb <= TARGET.peakMb : null,
        linearEstimateAtTarget: full || !values.single ? null : scale <= 50 ? `${(measured.peakMb * scale).toFixed(0)} MB（按户×月线性外推，不是实测；内存不一定线性）` : "规模不到目标的 2%，不外推",
      },
    ];
    for (const v of verdicts) {
      const word = v.met === null ? "未测（规模小于目标）" : v.met ? "达标" : "未达标";
      process.stdout.write(`${word}\t${v.target}\t实测 ${v.measured}${v.linearEstimateAtTarget ? `\t外推 ${v.linearEstimateAtTarget}` : ""}\n`);
    }
    const result = {
      bench: "province",
      date: new Date().toISOString(),
      commit: gitCommit(),
      machine: { cpus: cpus().length, totalMemMb: Math.round(totalmem() / 2 ** 20), freeMemMbBefore: Math.round(freemem() / 2 ** 20), loadAverageBefore: loadAvgBefore, loadAverageAfter: loadavg(), node: process.version },
      scale: { counties, households: written.households, months, dataRows: written.rows, full },
      generateSeconds,
      ...detail,
      verdicts,
      notes,
    };
    const resultsDir = join(here, "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `province-${values.single ? "single-" : ""}${counties}c-${written.households}h-${months}m.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
    log(`结果写入 ${file}`);
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: here, encoding: "utf-8" }).trim();
  } catch {
    return null;
  }
}
