import { createWriteStream, rmSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Contract, TypedRow } from "../contracts/contract.ts";
import { SQL_TYPES } from "../contracts/field.ts";

const FLUSH_ROWS = 2000;
const NEEDS_QUOTES = /[",\r\n]/;

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = Array.isArray(value) ? value.join("|") : (value as string);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Accepted rows go to a normalized UTF-8 temp file (ISO dates, yuan, true/false, lists joined by |),
 * which DuckDB's read_csv then inserts in one statement with every column read as text and cast by the
 * contract's types: streaming, and nothing is inserted when the file is refused half-way.
 */
export class StagingWriter {
  private readonly out: WriteStream;
  // Each row is joined into one flat string at once: a long concatenation chain would keep every small
  // piece alive until the flush and make the young-generation GC copy them again and again.
  private lines: string[] = [];
  private readonly parts: string[];
  rows = 0;

  constructor(private readonly contract: Contract, private readonly tmpPath: string, private readonly sourceFile: string) {
    this.out = createWriteStream(tmpPath, { encoding: "utf-8" });
    this.sourceCell = csvValue(sourceFile);
    this.parts = new Array<string>(contract.fields.length + 2).fill("");
  }

  private readonly sourceCell: string;

  /** Adds a row to the buffer; call `flush` when `full` says so (kept synchronous: no promise per row). */
  add(row: TypedRow, sourceRow: number): void {
    const fields = this.contract.fields;
    const parts = this.parts;
    for (let i = 0; i < fields.length; i++) parts[i] = csvValue(row[fields[i].key]);
    parts[fields.length] = this.sourceCell;
    parts[fields.length + 1] = String(sourceRow);
    this.lines.push(parts.join(","));
    this.rows++;
  }

  get full(): boolean {
    return this.lines.length >= FLUSH_ROWS;
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const ok = this.out.write(this.lines.join("\n") + "\n");
    this.lines = [];
    if (!ok) await once(this.out, "drain");
  }

  private async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, "close");
  }

  /** Inserts the rows into the staging table and removes the temp file. */
  async commit(conn: DuckDBConnection): Promise<void> {
    await this.close();
    try {
      if (this.rows === 0) return;
      const fields = this.contract.fields;
      const names = [...fields.map((f) => f.key), "source_file", "source_row"];
      const columns = names.map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
      const select = fields.map((field, i) => {
        const type = SQL_TYPES[field.kind];
        if (type === "VARCHAR") return `c${i}`;
        if (type === "VARCHAR[]") return `string_split(c${i}, '|')`;
        return `c${i}::${type}`;
      });
      select.push(`c${fields.length}`, `c${fields.length + 1}::INTEGER`);
      await conn.run(
        `insert into ${this.contract.table} (${names.join(", ")}) select ${select.join(", ")} from read_csv(${sqlString(this.tmpPath)}, ` +
          `header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`,
      );
    } finally {
      rmSync(this.tmpPath, { force: true });
    }
  }

  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    rmSync(this.tmpPath, { force: true });
  }
}
