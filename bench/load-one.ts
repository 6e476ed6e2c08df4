// One benchmark case in its own process, so peak RSS belongs to that case alone. Prints one JSON line.
//   node --import tsx bench/load-one.ts loader <folder>      → loadInputFolder on the folder
//   node --import tsx bench/load-one.ts read_csv <file.csv>  → DuckDB read_csv(all_varchar) into a table
//   node --import tsx bench/load-one.ts warehouse <folder>   → buildWarehouse (load + models), with timings
//   node --import tsx bench/load-one.ts duckdb <folder>      → "DuckDB alone": read_csv(all_varchar) of every
//                                                              CSV in the folder into tables, and a count per table
import { readdirSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { loadInputFolder } from "../loaders/load/load-input-folder.ts";
import { sqlString } from "../loaders/load/staging-writer.ts";
import { buildWarehouse, type WarehouseTimings } from "../loaders/warehouse/build-warehouse.ts";

const [mode, target, reports] = process.argv.slice(2);
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let rows: number;
const extra: Record<string, unknown> = {};
if (mode === "warehouse") {
  const dir = mkdtempSync(join(tmpdir(), "dixian-bench-wh-"));
  try {
    const timings: WarehouseTimings = {};
    const result = await buildWarehouse({ inputDir: target, dbPath: join(dir, "warehouse.duckdb"), reportsDir: reports, timings, allowPartial: true });
    rows = result.load.rowsRead;
    const models = [...(timings.models ?? [])].sort((a, b) => b.seconds - a.seconds).slice(0, 8)
      .map((m) => ({ file: m.file.split("/").slice(-2).join("/"), seconds: Math.round(m.seconds * 1000) / 1000 }));
    Object.assign(extra, {
      loadSeconds: timings.loadSeconds, modelsSeconds: timings.modelsSeconds, slowestModels: models,
      // the rest of the warehouse build: roll-ups, suppression of village figures, the final checkpoint
      rollupsSeconds: timings.rollupsSeconds, suppressionSeconds: timings.suppressionSeconds, checkpointSeconds: timings.checkpointSeconds,
      refused: result.load.refused.length,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  if (mode === "loader") {
    const summary = await loadInputFolder(conn, target, { reportsDir: reports });
    if (summary.refused.length > 0) throw new Error(summary.refused.map((f) => f.message).join("\n"));
    // The benchmark's own villages reference is not counted; a sample county's files all are.
    rows = summary.files.filter((f) => f.file !== "villages.csv").reduce((s, f) => s + f.rowsRead, 0);
  } else if (mode === "duckdb") {
    rows = 0;
    const files = readdirSync(target).filter((f) => f.toLowerCase().endsWith(".csv"));
    for (const [i, file] of files.entries()) {
      await conn.run(`create table t${i} as select * from read_csv(${sqlString(join(target, file))}, all_varchar = true, header = true)`);
      rows += Number((await conn.runAndReadAll(`select count(*)::integer from t${i}`)).getRows()[0][0]);
    }
  } else {
    await conn.run(`create table raw as select * from read_csv(${sqlString(target)}, all_varchar = true, header = true)`);
    const reader = await conn.runAndReadAll("select count(*)::integer as n from raw");
    rows = Number(reader.getRowObjectsJson()[0].n);
  }
  conn.closeSync();
  instance.closeSync();
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
process.stdout.write(JSON.stringify({ rows, seconds, cpuSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024, ...extra }) + "\n");
