import { buildWarehouse, type WarehouseTimings } from "/work/wt/s14-load/loaders/warehouse/build-warehouse.ts";
const [dir] = process.argv.slice(2);
const timings: WarehouseTimings = {};
await buildWarehouse({ inputDir: dir, dbPath: `${dir}.duckdb`, reportsDir: `${dir}-rep`, timings, allowPartial: true });
console.log(JSON.stringify({ load: timings.loadSeconds, models: timings.modelsSeconds, per: Object.fromEntries((timings.models ?? []).map((m) => [m.file.split("/").pop(), Math.round(m.seconds * 1000)])) }));
