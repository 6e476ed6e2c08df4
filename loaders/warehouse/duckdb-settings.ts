// The DuckDB settings of a warehouse build: how much memory DuckDB may hold and where it spills the rest.
// DuckDB's own default limit is 80 % of the machine's memory, and without a lower one a build's peak memory grew
// with the rows loaded (0.84 GB at 293k rows, 2.8 GB at 1.5M: issue 14), so a province of 29M rows would not fit a
// 24 GB machine. Under a limit DuckDB evicts blocks it has written to the database file and spills the state of
// large joins, sorts, windows and aggregates to a folder beside the file: memory stays bounded while the data
// grows, at some cost in speed (measured: 10 counties, 2.9M rows, under a 1 GB limit peaked at 2.2 GB of process
// memory, the rest being Node and the load).
import { totalmem } from "node:os";

/** The memory limit when none is given: 4 GB, or half of a smaller machine's memory. */
export function defaultMemoryLimit(machineBytes = totalmem()): string {
  const gb = Math.min(4, Math.floor(machineBytes / 2 ** 30 / 2));
  return gb >= 1 ? `${gb}GB` : "512MB";
}

/** A memory size as DuckDB reads it: a number with KB, MB, GB or TB (also KiB…, or 4G); anything else is refused. */
export function checkMemoryLimit(value: string): string {
  const text = value.trim();
  if (!/^\d+(\.\d+)?\s*(k|m|g|t)i?b?$/i.test(text)) {
    throw new Error(`内存上限“${value}”无法识别：请写成数字加单位，例如 4GB、6GB 或 512MB`);
  }
  return text;
}

/** Options for `DuckDBInstance.create` of a warehouse being built at `dbPath`. */
export function warehouseDuckdbOptions(dbPath: string, memoryLimit?: string): Record<string, string> {
  return {
    memory_limit: memoryLimit ? checkMemoryLimit(memoryLimit) : defaultMemoryLimit(),
    // beside the file under construction: a build cleans `<db>.tmp*` left over from an interrupted one
    temp_directory: `${dbPath}.spill`,
  };
}
