// The warehouse as Parquet files, Hive-partitioned by county and period (issue 14 point 4): what a county sends
// up so that a prefecture, province or the nation can combine counties on DuckDB, Spark or Trino.
//   <out>/staging/<stg_table>/county_code=<6 digits>/<period column>=<value>/data_0.parquet
//   <out>/marts/<mart>/…                        every mart of loaders/sql/marts
//   <out>/additive/indicator_additive/…, <out>/additive/indicator_bins/…   the additive forms: all a roll-up
//                                               above the county needs (loaders/sql/rollup/), no household row
//   <out>/_manifest.json                        tables, partition columns, row counts
// Partition columns: county_code (the table's own, else the first 6 digits of its area_code, village_code or
// town_code; '_' when the row has none) and the table's period column (period, month, ledger_month,
// snapshot_month or year, when it has one; '_' when empty). A table with neither is written as one file.
// Partition values are text: readers must keep them text (DuckDB hive_types, Spark
// spark.sql.sources.partitionColumnTypeInference.enabled=false, Trino varchar partition columns), or county codes
// become numbers — the same trap as DuckDB's CSV sniffer.
// staging/ and the household-level marts hold names and ID numbers in clear, as the warehouse does: they stay on
// the internal network (--parts additive,marts sends no staging; the additive forms hold no personal value).
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { DEFAULT_MODELS_DIR } from "../paths.ts";

export type ExportPart = "staging" | "marts" | "additive";
export const EXPORT_PARTS: readonly ExportPart[] = ["staging", "marts", "additive"];
export const ADDITIVE_MARTS = ["indicator_additive", "indicator_bins"] as const;
const PERIOD_COLUMNS = ["period", "month", "ledger_month", "snapshot_month", "year"];
const AREA_COLUMNS = ["area_code", "village_code", "town_code"];

export interface ExportedTable {
  part: ExportPart;
  table: string;
  rows: number;
  partitionBy: string[];
  path: string;
}

export interface ExportOptions {
  dbPath: string;
  outDir: string;
  parts?: readonly ExportPart[];
  /**
   * Only this county's rows (6 digits), replacing only its own county_code=… partitions in outDir: a county
   * re-delivering its part of a province export. Tables without areas are then not written.
   */
  county?: string;
  modelsDir?: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function columnsOf(conn: DuckDBConnection, table: string): Promise<string[]> {
  const reader = await conn.runAndReadAll(`select column_name from information_schema.columns where table_name = ${literal(table)} order by ordinal_position`);
  return reader.getRowObjectsJS().map((r) => String(r.column_name));
}

/** The select that adds the partition columns, and which they are. */
export function partitionPlan(columns: string[]): { countyExpr: string | null; periodColumn: string | null } {
  const area = AREA_COLUMNS.find((c) => columns.includes(c));
  const countyExpr = columns.includes("county_code")
    ? `coalesce(cast(county_code as varchar), '_')`
    : area
      ? `coalesce(substr(cast(${quote(area)} as varchar), 1, 6), '_')`
      : null;
  const periodColumn = PERIOD_COLUMNS.find((c) => columns.includes(c)) ?? null;
  return { countyExpr, periodColumn };
}

function martNames(modelsDir: string): string[] {
  const dir = join(modelsDir, "marts");
  return readdirSync(dir).filter((f) => f.endsWith(".sql")).map((f) => f.replace(/\.sql$/, "")).sort();
}

export async function exportParquet(options: ExportOptions): Promise<ExportedTable[]> {
  const parts = options.parts ?? EXPORT_PARTS;
  if (options.county !== undefined && !/^\d{6}$/.test(options.county)) throw new Error(`--county 需要 6 位县级区划代码，得到 "${options.county}"`);
  const instance = await DuckDBInstance.create(options.dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    const existing = new Set(
      (await conn.runAndReadAll("select table_name from information_schema.tables")).getRowObjectsJS().map((r) => String(r.table_name)),
    );
    const marts = martNames(options.modelsDir ?? DEFAULT_MODELS_DIR);
    const wanted: { part: ExportPart; table: string }[] = [];
    if (parts.includes("staging")) for (const t of [...existing].filter((t) => t.startsWith("stg_")).sort()) wanted.push({ part: "staging", table: t });
    if (parts.includes("marts")) for (const t of marts.filter((m) => !(ADDITIVE_MARTS as readonly string[]).includes(m))) wanted.push({ part: "marts", table: t });
    if (parts.includes("additive")) for (const t of ADDITIVE_MARTS) wanted.push({ part: "additive", table: t });
    const missing = wanted.filter((w) => !existing.has(w.table)).map((w) => w.table);
    if (missing.length > 0) throw new Error(`数据仓库缺少这些表，请先用本版本重新构建数据仓库：${missing.join("、")}`);

    mkdirSync(options.outDir, { recursive: true });
    const exported: ExportedTable[] = [];
    for (const { part, table } of wanted) {
      const columns = await columnsOf(conn, table);
      const { countyExpr, periodColumn } = partitionPlan(columns);
      const path = join(options.outDir, part, table);
      // One county re-exported replaces only its own partitions: the other counties' files stay as they are,
      // so a province folder is refreshed county by county (a re-delivered county touches nothing else).
      const own = options.county ? join(path, `county_code=${options.county}`) : path;
      if (options.county && !countyExpr) continue; // a table without areas belongs to no one county
      if (existsSync(own)) rmSync(own, { recursive: true, force: true });
      mkdirSync(path, { recursive: true });
      const partitionBy: string[] = [];
      const selects = ["*"];
      if (countyExpr && !columns.includes("county_code")) selects.push(`${countyExpr} as county_code`);
      if (countyExpr) partitionBy.push("county_code");
      let source = `select ${selects.join(", ")} from ${quote(table)}`;
      if (countyExpr && columns.includes("county_code")) source = `select * replace (${countyExpr} as county_code) from ${quote(table)}`;
      if (periodColumn) {
        partitionBy.push(periodColumn);
        source = `select * replace (coalesce(cast(${quote(periodColumn)} as varchar), '_') as ${quote(periodColumn)}) from (${source})`;
      }
      if (options.county) {
        source = `select * from (${source}) where county_code = ${literal(options.county)}`;
      }
      const rows = Number((await conn.runAndReadAll(`select count(*) as n from (${source})`)).getRowObjectsJS()[0].n);
      const target = partitionBy.length > 0 ? path : join(path, "data_0.parquet");
      const partition = partitionBy.length > 0 ? `, partition_by (${partitionBy.map(quote).join(", ")}), overwrite_or_ignore` : "";
      await conn.run(`copy (${source}) to ${literal(target)} (format parquet, compression zstd${partition})`);
      exported.push({ part, table, rows, partitionBy, path: join(part, table) });
    }
    writeFileSync(
      join(options.outDir, options.county ? `_manifest-${options.county}.json` : "_manifest.json"),
      JSON.stringify({ generator: "dixian-export", county: options.county ?? null, tables: exported }, null, 2) + "\n",
    );
    return exported;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** The SQL that makes `table` readable by its name from an export folder, on DuckDB (partition values as text). */
export function duckdbViewSql(outDir: string, part: ExportPart, table: string, partitioned = true): string {
  const glob = join(outDir, part, table, partitioned ? "**/*.parquet" : "*.parquet");
  return `create or replace view ${quote(table)} as select * from read_parquet(${literal(glob)}, hive_partitioning = ${partitioned}, hive_types_autocast = false)`;
}
