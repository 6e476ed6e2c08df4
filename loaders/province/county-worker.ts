// Child process of build-province.ts: takes one county at a time from its parent (IPC), builds that county's
// warehouse from its own folder and exports it over its own Parquet partitions, and answers with what it did.
// One process per job slot, reused for the next county, so the start-up cost is paid once per slot.
import type { ExportPart } from "../export/export-parquet.ts";
import { exportParquet } from "../export/export-parquet.ts";
import { buildWarehouse } from "../warehouse/build-warehouse.ts";

export interface CountyJob {
  county: string;
  inputDir: string;
  dbPath: string;
  reportsDir: string;
  exportDir: string;
  parts: ExportPart[];
  configDir?: string;
  modelsDir?: string;
}

export interface CountyJobResult {
  county: string;
  rowsRead: number;
  rowsRejected: number;
  refused: number;
  seconds: number;
  /** This process's CPU seconds for the county (all threads) and its peak memory so far. */
  cpuSeconds: number;
  peakRssMb: number;
  loadSeconds: number;
  modelsSeconds: number;
  suppressionSeconds: number;
  exportSeconds: number;
}

async function run(job: CountyJob): Promise<CountyJobResult> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const timings: { loadSeconds?: number; modelsSeconds?: number; suppressionSeconds?: number } = {};
  const result = await buildWarehouse({
    inputDir: job.inputDir, dbPath: job.dbPath, reportsDir: job.reportsDir, configDir: job.configDir, modelsDir: job.modelsDir,
    // A county's refused file is in its reports; the province still gets the rest of that county.
    allowPartial: true, county: job.county, timings,
  });
  const t1 = performance.now();
  await exportParquet({ dbPath: job.dbPath, outDir: job.exportDir, parts: job.parts, county: job.county, modelsDir: job.modelsDir });
  const cpu = process.cpuUsage(cpu0);
  return {
    county: job.county,
    rowsRead: result.load.rowsRead,
    rowsRejected: result.load.rowsRejected,
    refused: result.load.refused.length,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    loadSeconds: timings.loadSeconds ?? 0,
    modelsSeconds: timings.modelsSeconds ?? 0,
    suppressionSeconds: timings.suppressionSeconds ?? 0,
    exportSeconds: (performance.now() - t1) / 1000,
  };
}

process.on("message", (message: CountyJob | { done: true }) => {
  const send = process.send?.bind(process);
  if (!send) return;
  if ("done" in message) {
    setImmediate(() => process.disconnect?.());
    return;
  }
  run(message).then(
    (result) => send(result),
    (error: unknown) => send({ county: message.county, error: error instanceof Error ? error.message : String(error) }),
  );
});
