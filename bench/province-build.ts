// Child process of the province bench: one step, measured alone so its peak memory is its own.
//   warehouse IN DB REPORTS   load + models of the whole province into one warehouse
//   export DB OUT [COUNTY]    the additive marts as Parquet (only COUNTY's partitions when given), then the
//                             portable roll-up SQL over the whole export folder
// Prints one JSON line: { seconds, cpuSeconds, peakRssMb, ... }.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { buildWarehouse } from "../loaders/warehouse/build-warehouse.ts";
import { duckdbViewSql, exportParquet } from "../loaders/export/export-parquet.ts";
import { DEFAULT_MODELS_DIR } from "../loaders/paths.ts";

const [mode, a, b, c] = process.argv.slice(2);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const extra: Record<string, unknown> = {};
if (mode === "warehouse") {
  const result = await buildWarehouse({ inputDir: a, dbPath: b, reportsDir: c, allowPartial: true });
  extra.rowsRead = result.load.rowsRead;
  extra.rowsRejected = result.load.rowsRejected;
  extra.refused = result.load.refused.length;
} else if (mode === "export") {
  const tables = await exportParquet({ dbPath: a, outDir: b, parts: ["additive"], county: c });
  extra.exportSeconds = (performance.now() - t0) / 1000;
  extra.additiveRows = Object.fromEntries(tables.map((t) => [t.table, t.rows]));
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  await conn.run(duckdbViewSql(b, "additive", "indicator_additive"));
  await conn.run(duckdbViewSql(b, "additive", "indicator_bins"));
  const t1 = performance.now();
  const sql = readFileSync(join(DEFAULT_MODELS_DIR, "rollup", "indicator_rollup.sql"), "utf-8");
  const rows = (await conn.runAndReadAll(`select area_level, count(*)::integer as n from (${sql}) group by 1 order by 1`)).getRowObjectsJS();
  extra.rollupSeconds = (performance.now() - t1) / 1000;
  extra.rollupRows = Object.fromEntries(rows.map((r) => [String(r.area_level), Number(r.n)]));
  conn.closeSync();
  instance.closeSync();
} else {
  throw new Error(`unknown mode ${mode}`);
}
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  JSON.stringify({
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...extra,
  }) + "\n",
);
