import { createWriteStream, rmSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Contract, TypedRow } from "../contracts/contract.ts";
import { SQL_TYPES } from "../contracts/field.ts";

const FLUSH_CHARS = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

function csvValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.join("|") : String(value);
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
  private buffer = "";
  rows = 0;

  constructor(private readonly contract: Contract, private readonly tmpPath: string, private readonly sourceFile: string) {
    this.out = createWriteStream(tmpPath, { encoding: "utf-8" });
  }

  async write(row: TypedRow, sourceRow: number): Promise<void> {
    let line = "";
    for (const field of this.contract.fields) line += csvValue(row[field.key]) + ",";
    this.buffer += `${line}${csvValue(this.sourceFile)},${sourceRow}\n`;
    this.rows++;
    if (this.buffer.length >= FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer === "") return;
    const ok = this.out.write(this.buffer);
    this.buffer = "";
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
