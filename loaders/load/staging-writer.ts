import { createWriteStream, rmSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Contract, TypedRow } from "../contracts/contract.ts";
import { SQL_TYPES } from "../contracts/field.ts";
import { StagingLines } from "./staging-lines.ts";

/** Encoded bytes gathered before a write to the temp part. */
const FLUSH_BYTES = 1 << 19;
/** The temp part's write buffer: large enough that a flush rarely waits for the disk. */
const WRITE_BUFFER = 8 << 20;

export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Accepted rows go to normalized UTF-8 temp files (ISO dates, yuan, true/false, lists joined by |), which
 * DuckDB's read_csv inserts with every column read as text and cast by the contract's types. The file is
 * cut into parts: DuckDB inserts a finished part on its own thread while JavaScript parses the next, all
 * inside one transaction, so a file refused half-way leaves nothing behind.
 */
export class StagingWriter {
  private out: WriteStream;
  /** Accepted rows as UTF-8 bytes of the part's CSV, not yet written. */
  private readonly lines: StagingLines;
  private partRows = 0;
  private partIndex = 0;
  private partPath: string;
  private readonly partPaths: string[] = [];
  private pending: Promise<void> = Promise.resolve();
  private began = false;
  rows = 0;

  constructor(
    private readonly contract: Contract,
    private readonly tmpPath: string,
    private readonly sourceFile: string,
    private readonly conn: DuckDBConnection,
    /** Rows per temp part: each finished part is inserted while the next one is being parsed. */
    private readonly partSize = 100_000,
  ) {
    this.partPath = `${tmpPath}.0`;
    this.partPaths.push(this.partPath);
    this.out = createWriteStream(this.partPath, { highWaterMark: WRITE_BUFFER });
    this.lines = new StagingLines(contract);
  }

  /** Adds a row to the buffer; call `flush` when `full` says so (kept synchronous: no promise per row). */
  add(row: TypedRow, sourceRow: number): void {
    this.lines.add(row, sourceRow);
    this.rows++;
    this.partRows++;
  }

  get full(): boolean {
    return this.lines.length >= FLUSH_BYTES || this.partRows >= this.partSize;
  }

  async flush(): Promise<void> {
    if (this.lines.length > 0) {
      const ok = this.out.write(this.lines.take());
      if (!ok) await once(this.out, "drain");
    }
    if (this.partRows >= this.partSize) await this.nextPart();
  }

  private async closePart(): Promise<void> {
    this.out.end();
    await once(this.out, "close");
  }

  /** Closes the current part and queues its insert; DuckDB runs it while parsing goes on. */
  private async nextPart(): Promise<void> {
    await this.closePart();
    this.queueInsert(this.partPath);
    this.partRows = 0;
    this.partPath = `${this.tmpPath}.${++this.partIndex}`;
    this.partPaths.push(this.partPath);
    this.out = createWriteStream(this.partPath, { highWaterMark: WRITE_BUFFER });
  }

  private queueInsert(path: string): void {
    const run = async () => {
      if (!this.began) {
        await this.conn.run("begin transaction");
        this.began = true;
      }
      await this.conn.run(this.insertSql(path));
      rmSync(path, { force: true });
    };
    this.pending = this.pending.then(run);
    // The chain is awaited in commit/discard; this keeps an early failure from being reported as unhandled.
    this.pending.catch(() => undefined);
  }

  private insertSql(path: string): string {
    const fields = this.contract.fields;
    const names = [...fields.map((f) => f.key), "source_file", "source_row"];
    // The part holds the fields and source_row; source_file is one constant for the whole file.
    const columns = [...fields, null].map((_, i) => `'c${i}': 'VARCHAR'`).join(", ");
    const select = fields.map((field, i) => {
      const type = SQL_TYPES[field.kind];
      if (type === "VARCHAR") return `c${i}`;
      if (type === "VARCHAR[]") return `string_split(c${i}, '|')`;
      return `c${i}::${type}`;
    });
    select.push(sqlString(this.sourceFile), `c${fields.length}::INTEGER`);
    return (
      `insert into ${this.contract.table} (${names.join(", ")}) select ${select.join(", ")} from read_csv(${sqlString(path)}, ` +
      `header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`
    );
  }

  /** Inserts the remaining rows, commits the file's transaction and removes the temp parts. */
  async commit(): Promise<void> {
    try {
      await this.flush();
      await this.closePart();
      if (this.partRows > 0) this.queueInsert(this.partPath);
      await this.pending;
      if (this.began) await this.conn.run("commit");
    } catch (error) {
      await this.rollback();
      throw error;
    } finally {
      this.removeParts();
    }
  }

  /** Drops everything of this file: pending inserts are rolled back. */
  async discard(): Promise<void> {
    await this.closePart().catch(() => undefined);
    await this.pending.catch(() => undefined);
    await this.rollback();
    this.removeParts();
  }

  private async rollback(): Promise<void> {
    if (!this.began) return;
    this.began = false;
    await this.conn.run("rollback").catch(() => undefined);
  }

  private removeParts(): void {
    for (const path of this.partPaths) rmSync(path, { force: true });
  }
}
