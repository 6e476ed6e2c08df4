// One benchmark case in its own process, so peak RSS belongs to that case alone. Prints one JSON line.
//   node --import tsx bench/load-one.ts loader <folder>     → loadInputFolder on the folder
//   node --import tsx bench/load-one.ts read_csv <file.csv>  → DuckDB read_csv(all_varchar) into a table
import { DuckDBInstance } from "@duckdb/node-api";
import { loadInputFolder } from "../loaders/load/load-input-folder.ts";
import { sqlString } from "../loaders/load/staging-writer.ts";

const [mode, target, reports] = process.argv.slice(2);
const instance = await DuckDBInstance.create(":memory:");
const conn = await instance.connect();
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let rows: number;
if (mode === "loader") {
  const summary = await loadInputFolder(conn, target, { reportsDir: reports });
  if (summary.refused.length > 0) throw new Error(summary.refused.map((f) => f.message).join("\n"));
  // The benchmark's own villages reference is not counted; a sample county's files all are.
  rows = summary.files.filter((f) => f.file !== "villages.csv").reduce((s, f) => s + f.rowsRead, 0);
} else {
  await conn.run(`create table raw as select * from read_csv(${sqlString(target)}, all_varchar = true, header = true)`);
  const reader = await conn.runAndReadAll("select count(*)::integer as n from raw");
  rows = Number(reader.getRowObjectsJson()[0].n);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
conn.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({ rows, seconds, cpuSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + "\n");
