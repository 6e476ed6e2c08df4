import type { DuckDBConnection } from "@duckdb/node-api";
import { STAGING_CONTRACTS } from "../contracts/index.ts";
import { stagingDdl } from "../contracts/staging-ddl.ts";
import { periodFromFileName } from "../read/parse-values.ts";
import { sqlString } from "./staging-writer.ts";
import type { FileOutcome } from "./load-input-folder.ts";

/**
 * A rejected row × broken rule, as the reports and the rejections table hold it; also a kept row × warning
 * (the warnings table), where `action` says what was done to the field.
 */
export interface Rejection {
  file: string;
  sheet: string | null;
  row: number;
  column: string;
  /** Raw value: only in the county's own report files, never in the warehouse. */
  value: string;
  valueMasked: string;
  rule: string;
  message: string;
  extract: string;
  period: string | null;
  sourceKey: string | null;
  /** Warnings only: 'keep' (value kept as written) or 'null' (value nulled in staging); null for rejections. */
  action: "keep" | "null" | null;
}

const BOOKKEEPING_DDL = `
create table if not exists load_log (
  file VARCHAR, sheet VARCHAR, checksum VARCHAR, extract VARCHAR, period VARCHAR,
  rows_read INTEGER, rows_accepted INTEGER, rows_rejected INTEGER, rows_warned INTEGER, status VARCHAR, message VARCHAR,
  loaded_at TIMESTAMP
);
create table if not exists rejections (
  file VARCHAR, sheet VARCHAR, "row" INTEGER, column_name VARCHAR, value_masked VARCHAR, rule VARCHAR,
  message VARCHAR, extract VARCHAR, period VARCHAR, source_key VARCHAR
);
create table if not exists warnings (
  file VARCHAR, sheet VARCHAR, "row" INTEGER, column_name VARCHAR, value_masked VARCHAR, rule VARCHAR,
  message VARCHAR, extract VARCHAR, period VARCHAR, source_key VARCHAR, action VARCHAR
);`;

/**
 * Every staging table (even for extracts with no file, and stg_household_members, which only an export
 * profile fills), load_log, rejections and warnings.
 */
export async function createLoadTables(conn: DuckDBConnection): Promise<void> {
  for (const contract of STAGING_CONTRACTS) await conn.run(stagingDdl(contract));
  await conn.run(BOOKKEEPING_DDL);
}

/**
 * What makes a file "the same file again": its content, plus the period its name carries, since two
 * months of a bank's ledger without a 数据期 column may hold identical bytes under different names.
 */
export function loadIdentity(checksum: string, file: string): string {
  return `${checksum}|${periodFromFileName(file.split("/").pop() ?? file) ?? ""}`;
}

export async function loadedIdentities(conn: DuckDBConnection): Promise<Set<string>> {
  const reader = await conn.runAndReadAll("select distinct checksum, file from load_log where status = 'loaded'");
  return new Set(reader.getRowObjectsJson().map((r) => loadIdentity(String(r.checksum), String(r.file))));
}

function sqlValue(value: string | number | null): string {
  if (value === null) return "null";
  return typeof value === "number" ? String(value) : sqlString(value);
}

export async function logOutcome(conn: DuckDBConnection, o: FileOutcome): Promise<void> {
  const values = [o.file, o.sheet, o.checksum, o.extract, o.period, o.rowsRead, o.rowsAccepted, o.rowsRejected, o.rowsWarned, o.status, o.message];
  await conn.run(
    "insert into load_log (file, sheet, checksum, extract, period, rows_read, rows_accepted, rows_rejected, rows_warned, status, message, loaded_at) " +
      `values (${values.map(sqlValue).join(", ")}, current_timestamp)`,
  );
}

/** Appends rejections (masked values only) to `rejections`, or warnings, with their action, to `warnings`. */
export async function storeRejections(conn: DuckDBConnection, rejections: readonly Rejection[], table: "rejections" | "warnings" = "rejections"): Promise<void> {
  if (rejections.length === 0) return;
  const appender = await conn.createAppender(table);
  const text = (v: string | null) => (v === null ? appender.appendNull() : appender.appendVarchar(v));
  for (const r of rejections) {
    text(r.file);
    text(r.sheet);
    appender.appendInteger(r.row);
    text(r.column);
    text(r.valueMasked);
    text(r.rule);
    text(r.message);
    text(r.extract);
    text(r.period);
    text(r.sourceKey);
    if (table === "warnings") text(r.action);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}
