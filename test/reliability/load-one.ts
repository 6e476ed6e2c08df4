// Loads one file, given as bytes, through the real loader (loadInputFolder) into a fresh in-memory
// warehouse, and reports its outcome and what the warehouse holds, for the hostile-file tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { CONTRACTS } from "../../loaders/contracts/index.ts";
import { loadInputFolder, type FileOutcome } from "../../loaders/load/load-input-folder.ts";

export interface LoadedOne {
  outcome: FileOutcome;
  /** Rows of the outcome's staging table and of the rejections table, as the warehouse counts them. */
  staged: number;
  rejectedRows: number;
  ms: number;
}

export async function loadOne(name: string, bytes: Uint8Array): Promise<LoadedOne> {
  const dir = mkdtempSync(join(tmpdir(), "dixian-hostile-"));
  const input = join(dir, "input");
  mkdirSync(input);
  writeFileSync(join(input, name), bytes);
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  const started = performance.now();
  try {
    const summary = await loadInputFolder(conn, input, { reportsDir: join(dir, "reports") });
    const ms = performance.now() - started;
    if (summary.files.length !== 1) throw new Error(`expected one outcome, got ${summary.files.length}`);
    const outcome = summary.files[0];
    const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRows()[0][0]);
    const staged = outcome.extract && outcome.status === "loaded" ? await count(`select count(*) from ${CONTRACTS.find((c) => c.extract === outcome.extract)!.table}`) : 0;
    const rejectedRows = await count("select count(distinct row) from rejections");
    return { outcome, staged, rejectedRows, ms };
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What every hostile file must end in: its rows accounted for, or a refusal saying in Chinese what to fix. */
export function accountingProblem(result: LoadedOne): string | null {
  const o = result.outcome;
  if (o.status === "refused") {
    if (!o.message || !/[\u4e00-\u9fff]/.test(o.message)) return `refused without a Chinese message: ${o.message}`;
    if (o.rowsAccepted !== 0 || result.staged !== 0) return "refused but rows were staged";
    return null;
  }
  if (o.status !== "loaded") return `unexpected status ${o.status}`;
  if (o.rowsRead !== o.rowsAccepted + o.rowsRejected) return `read ${o.rowsRead} ≠ accepted ${o.rowsAccepted} + rejected ${o.rowsRejected}`;
  if (result.staged !== o.rowsAccepted) return `staged ${result.staged} ≠ accepted ${o.rowsAccepted}`;
  if (result.rejectedRows !== o.rowsRejected) return `rejections table holds ${result.rejectedRows} rows ≠ rejected ${o.rowsRejected}`;
  return null;
}
