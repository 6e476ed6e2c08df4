import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { RowContext } from "../contracts/contract.ts";
import { EncodingError } from "../read/read-csv.ts";
import { periodFromFileName } from "../read/parse-values.ts";
import { describeField } from "../read/match-header.ts";
import { cellText, type Cell } from "../read/parse-values.ts";
import { maskValue } from "../privacy/mask.ts";
import type { Rejection } from "./bookkeeping.ts";
import type { FileOutcome } from "./load-input-folder.ts";
import { isSkippedRow, locateExtract, Refusal, type LocatedExtract } from "./locate-extract.ts";
import { StagingWriter } from "./staging-writer.ts";
import { SheetLimitError } from "../read/limits.ts";

function firstLine(message: string): string {
  const line = message.split("\n")[0];
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
import { makePlan, validateRow } from "./validate-row.ts";
import { sqlCapable, validateTextTable, type TextColumn } from "./validate-table.ts";
import type { Contract } from "../contracts/contract.ts";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { once } from "node:events";
import { sqlString } from "./staging-writer.ts";
import { readCsvDirect } from "./read-csv-direct.ts";

/** How each file was last loaded (by its path relative to the folder): tests and DIXIAN_SQL_PROFILE read it. */
export const loadRoutes = new Map<string, "duckdb" | "text" | "row">();

function noteRoute(rel: string, route: "duckdb" | "text" | "row"): void {
  loadRoutes.set(rel, route);
  if (process.env.DIXIAN_SQL_PROFILE === "1") process.stderr.write(`${rel}: ${route}\n`);
}

/** What loading the files of one folder shares: the villages lookups and the keys already loaded. */
export interface LoadState {
  conn: DuckDBConnection;
  ctx: RowContext;
  /** Per extract, the keys of accepted rows, for duplicate_key across files. */
  keys: Map<string, Set<string>>;
  tmpDir: string;
  partRows: number;
  /** Extracts loaded set-based since `keys` was filled: the row path reloads their keys from staging first. */
  staleKeys?: Set<string>;
}

/** The row path's key set, reloaded from staging when set-based loads added rows it has not seen. */
async function syncKeys(state: LoadState, contract: Contract): Promise<void> {
  if (!state.staleKeys?.has(contract.extract) || contract.key.length === 0) return;
  state.staleKeys.delete(contract.extract);
  const reader = await state.conn.runAndReadAll(`select ${contract.key.map((k) => `coalesce(${k}::varchar, 'null')`).join(" || chr(1) || ")} || chr(1) from ${contract.table}`);
  state.keys.set(contract.extract, new Set((reader.getRows() as string[][]).map((r) => r[0])));
}

function csvCell(cell: unknown): string {
  if (cell === null || cell === undefined || cell === "") return "";
  // A string as the office wrote it; numbers, dates and booleans (XLSX) as their cell text.
  const text = typeof cell === "string" ? cell : (cellText(cell as Cell) ?? "");
  return text === "" ? "" : `"${text.replace(/"/g, '""')}"`;
}

/**
 * The set-based path for rows that come through JavaScript (XLSX sheets, an export profile's canonical
 * rows, a CSV file DuckDB will not read as CsvParser does): the rows (blank and 合计 rows left out) are
 * written to a temp CSV of text cells, which DuckDB reads into a text table for validateTextTable.
 */
async function loadViaText(located: LocatedExtract, rel: string, filePeriod: string | null, state: LoadState, base: FileOutcome): Promise<FileResult> {
  const mapped = located.match.columns;
  const path = join(state.tmpDir, `text-${process.pid}-${Date.now()}.csv`);
  const table = `dx_text_${process.pid}_${Date.now()}`;
  const out = createWriteStream(path, { highWaterMark: 8 << 20 });
  try {
    let buffer = "";
    for await (const batch of located.rows) {
      for (const { row, cells } of batch) {
        if (isSkippedRow(cells)) continue;
        let line = String(row);
        for (let c = 0; c < mapped.length; c++) line += `,${csvCell(cells[mapped[c].index])}`;
        buffer += `${line}\n`;
      }
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, "drain");
        buffer = "";
      }
    }
    await located.close();
    out.end(buffer);
    await once(out, "close");
    const columns: TextColumn[] = mapped.map((m, c) => ({ field: m.field, name: `c${c}`, header: m.header, factor: m.factor }));
    const spec = ["'source_row': 'INTEGER'", ...columns.map((c) => `'${c.name}': 'VARCHAR'`)].join(", ");
    return (await inTransaction(state, async () => {
      await state.conn.run(`create temp table ${table} as select * from read_csv(${sqlString(path)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
        `max_line_size = 100000000, columns = {${spec}})`);
      const result = await validate(located, rel, filePeriod, state, base, table, columns);
      await state.conn.run(`drop table ${table}`);
      return result;
    }))!;
  } catch (error) {
    // A write still under way fails once the stream is destroyed: expected here, not an error to report.
    out.on("error", () => undefined);
    out.destroy();
    throw error;
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * The set-based path for a CSV file: DuckDB reads the file's data rows itself (readCsvDirect), numbered as
 * the row path numbers them. Null when DuckDB's reading cannot be shown to be CsvParser's: the caller then
 * goes the text route.
 */
async function loadViaDuckDb(path: string, located: LocatedExtract, rel: string, filePeriod: string | null, state: LoadState, base: FileOutcome): Promise<FileResult | null> {
  await located.close();
  const name = `dx_csv_${process.pid}_${Date.now()}`;
  const utf8 = join(state.tmpDir, `utf8-${process.pid}-${Date.now()}.csv`);
  // The text table is made outside the transaction (its rowids, which number the rows, are only final
  // once committed); it is temporary and dropped either way.
  let read: Awaited<ReturnType<typeof readCsvDirect>> = null;
  try {
    read = await readCsvDirect(state.conn, path, located.encoding!, located.headerRow, located.headerWidth, utf8, name);
    await rm(utf8, { force: true });
    if (read === null) return null;
    const view = read.view;
    const columns: TextColumn[] = located.match.columns.map((m) => ({ field: m.field, name: `c${m.index}`, header: m.header, factor: m.factor }));
    return await inTransaction(state, () => validate(located, rel, filePeriod, state, base, view, columns));
  } finally {
    await rm(utf8, { force: true });
    if (read !== null) {
      await state.conn.run(`drop view if exists ${read.drop[0]}`);
      await state.conn.run(`drop table if exists ${read.drop[1]}`);
    }
  }
}

/** Runs `work` in one transaction: committed when it returns a result, rolled back when it throws or returns null. */
async function inTransaction<T>(state: LoadState, work: () => Promise<T | null>): Promise<T | null> {
  await state.conn.run("begin transaction");
  let result: T | null;
  try {
    result = await work();
  } catch (error) {
    await state.conn.run("rollback").catch(() => undefined);
    throw error;
  }
  await state.conn.run(result === null ? "rollback" : "commit");
  return result;
}

async function validate(located: LocatedExtract, rel: string, filePeriod: string | null, state: LoadState, base: FileOutcome, table: string, columns: TextColumn[]): Promise<FileResult> {
  const contract = located.match.contract;
  const result = await validateTextTable(state.conn, { contract, table, columns, filePeriod, file: rel, sheet: located.sheet }, state.ctx, MAX_DETAILS_PER_FILE);
  (state.staleKeys ??= new Set()).add(contract.extract);
  const outcome: FileOutcome = {
    ...base, sheet: located.sheet, extract: contract.extract, status: "loaded", period: periodLabel(new Set(result.periods), filePeriod),
    rowsRead: result.read, rowsAccepted: result.read - result.rejected, rowsRejected: result.rejected, rowsWarned: result.warned,
    message: loadMessage(result.rejected, result.rejections.length, result.warned, result.warnings.length),
  };
  return { outcome, rejections: result.rejections, warnings: result.warnings };
}

export interface FileResult {
  outcome: FileOutcome;
  rejections: Rejection[];
  /** Warnings of accepted rows (each with its action). */
  warnings: Rejection[];
}

/** Most rejection details (and, separately, warning details) kept per file; the counts stay exact beyond it. */
export const MAX_DETAILS_PER_FILE = 200_000;

function loadMessage(rejected: number, rejectionDetails: number, warned: number, warningDetails: number): string | null {
  const parts: string[] = [];
  if (rejected > 0) {
    parts.push(rejectionDetails >= MAX_DETAILS_PER_FILE
      ? `${rejected} 行被拒绝；明细过多，拒绝报告只列前 ${MAX_DETAILS_PER_FILE} 条，请先按报告修正后重新报送`
      : `${rejected} 行被拒绝，见拒绝报告`);
  }
  if (warned > 0) {
    parts.push(warningDetails >= MAX_DETAILS_PER_FILE
      ? `${warned} 行已载入但有警告；警告报告只列前 ${MAX_DETAILS_PER_FILE} 条`
      : `${warned} 行已载入但有警告，见警告报告`);
  }
  return parts.length === 0 ? null : parts.join("；");
}

function periodLabel(periods: Set<string>, fallback: string | null): string | null {
  if (periods.size === 0) return fallback;
  const sorted = [...periods].sort();
  return sorted.length === 1 ? sorted[0] : `${sorted[0]}~${sorted[sorted.length - 1]}`;
}

/**
 * Loads one file into its staging table. Never throws for a bad file: the outcome says `refused` with a
 * message naming the file's problem, and nothing of that file is inserted.
 */
export async function loadFile(
  path: string,
  rel: string,
  checksum: string,
  state: LoadState,
  /** Where the rows come from: the file by default; canonical rows (`canonicalSheet`) go through the same validation. */
  locate: () => Promise<LocatedExtract> = () => locateExtract(path),
): Promise<FileResult> {
  const base: FileOutcome = {
    file: rel, sheet: null, extract: null, period: null, checksum, status: "refused",
    rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rowsWarned: 0, message: null,
  };
  let writer: StagingWriter | null = null;
  let added: { known: Set<string>; keys: string[] } | null = null;
  try {
    const located = await locate();
    const contract = located.match.contract;
    base.sheet = located.sheet;
    base.extract = contract.extract;
    const filePeriod = contract.needsPeriod ? periodFromFileName(rel.split("/").pop() ?? rel) : null;
    const hasPeriodColumn = located.match.columns.some((c) => c.field.kind === "period");
    if (contract.needsPeriod && !hasPeriodColumn && filePeriod === null) {
      await located.close();
      const field = contract.fields.find((x) => x.kind === "period")!;
      throw new Refusal(`缺少数据期：文件中没有 ${describeField(field)} 列，文件名中也没有年月或日期（如 2025-03、202503、2025年3月 或导出日期 20250302），请加 数据期 列或在文件名中写明年月`);
    }
    // The set-based path is opt-in (DIXIAN_VALIDATION=sql): it gives the same results (test/load/
    // validate-table.test.ts) but is still slower than the row path (docs/architecture.md, 载入).
    if (sqlCapable(contract) && process.env.DIXIAN_VALIDATION === "sql") {
      // A CSV file (encoding known) is read by DuckDB itself; XLSX sheets and programs' rows go the text route.
      if (located.encoding !== null) {
        noteRoute(rel, "duckdb");
        const direct = await loadViaDuckDb(path, located, rel, filePeriod, state, base);
        if (direct !== null) return direct;
        noteRoute(rel, "text");
        return await loadViaText(await locate(), rel, filePeriod, state, base);
      }
      noteRoute(rel, "text");
      return await loadViaText(located, rel, filePeriod, state, base);
    }
    noteRoute(rel, "row");
    await syncKeys(state, contract);
    const plan = makePlan(contract, located.match.columns, filePeriod);
    writer = new StagingWriter(contract, join(state.tmpDir, `stage-${process.pid}-${Date.now()}.csv`), rel, state.conn, state.partRows);
    // One set holds the keys of earlier files and of this one, so a row costs one lookup; the keys this
    // file added are listed so that a refusal half-way can take them out again.
    const known = state.keys.get(contract.extract) ?? new Set<string>();
    state.keys.set(contract.extract, known);
    added = { known, keys: [] };
    const keyFields = contract.key;
    const periods = new Set<string>();
    let lastPeriod: unknown = null;
    const rejections: Rejection[] = [];
    const warnings: Rejection[] = [];
    const keyHeaders = keyFields.map((k) => located.match.columns.find((c) => c.field.key === k)?.header ?? contract.fields.find((x) => x.key === k)!.header);
    let read = 0;
    let rejected = 0;
    let warned = 0;
    for await (const batch of located.rows) {
      for (const { row: rowNumber, cells } of batch) {
        if (isSkippedRow(cells)) continue;
        read++;
        const result = validateRow(plan, cells, state.ctx);
        const row = result.row;
        let defects = result.defects;
        let isRejected = result.rejected;
        if (row.period !== lastPeriod && typeof row.period === "string") {
          lastPeriod = row.period;
          periods.add(row.period);
        }
        if (!isRejected && keyFields.length > 0) {
          let key = "";
          for (let k = 0; k < keyFields.length; k++) key += `${row[keyFields[k]]}\u0001`;
          if (known.has(key)) {
            // A repeat is rejected; the warnings of the copy are moot, the first row was kept.
            isRejected = true;
            defects = [{
              rule: "duplicate_key", column: keyHeaders[0], fieldKey: contract.key[0], value: contract.key.map((k) => String(row[k])).join(" / "),
              message: `与前面的记录重复（${keyHeaders.join(" + ")} 相同），请删除重复行或核对编号`, severity: "reject", action: null,
            }];
          } else {
            known.add(key);
            added.keys.push(key);
          }
        }
        if (defects.length > 0) {
          const sourceKey = contract.sourceKey(row, state.ctx);
          const period = typeof row.period === "string" ? row.period : null;
          // A rejected row lists what rejects it; a kept row lists its warnings.
          const list = isRejected ? rejections : warnings;
          for (const d of defects) {
            if (isRejected !== (d.severity === "reject")) continue;
            if (list.length >= MAX_DETAILS_PER_FILE) break;
            list.push({
              file: rel, sheet: located.sheet, row: rowNumber, column: d.column, value: d.value,
              valueMasked: maskValue(d.fieldKey, d.value) ?? "", rule: d.rule, message: d.message,
              extract: contract.extract, period, sourceKey, action: d.action,
            });
          }
          if (isRejected) {
            rejected++;
            continue;
          }
          warned++;
        }
        contract.complete?.(row);
        writer.add(row, rowNumber);
      }
      if (writer.full) await writer.flush();
    }
    await located.close();
    await writer.commit();
    writer = null;
    added = null;
    const outcome: FileOutcome = {
      ...base, status: "loaded", period: periodLabel(periods, filePeriod),
      rowsRead: read, rowsAccepted: read - rejected, rowsRejected: rejected, rowsWarned: warned,
      message: loadMessage(rejected, rejections.length, warned, warnings.length),
    };
    return { outcome, rejections, warnings };
  } catch (error) {
    await writer?.discard();
    if (added) for (const key of added.keys) added.known.delete(key);
    // Another error's message may quote the file's content (DuckDB's CSV errors echo the line, personal
    // values and all): only its first line, cut short, reaches the refusal.
    const message = error instanceof Refusal || error instanceof EncodingError || error instanceof SheetLimitError
      ? error.message
      : `文件无法读取（${firstLine((error as Error).message)}），如为 XLSX 请确认文件未损坏、未加密，可用 Excel 打开后另存`;
    if (error instanceof Refusal) {
      base.sheet = error.sheet ?? base.sheet;
      base.extract = error.extract ?? base.extract;
    }
    return { outcome: { ...base, status: "refused", message: `${rel}：${message}` }, rejections: [], warnings: [] };
  }
}
