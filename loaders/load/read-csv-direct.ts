// DuckDB reads a CSV extract itself: after locateExtract has found the header row (title rows above it,
// aliases, delimiter, encoding), read_csv takes the data rows with every column as text, and the rows are
// numbered exactly as the row path's CsvParser numbers them, so that source_row and the reports' rows agree.
//
// The two readers agree on every record DuckDB accepts in its strict mode, except that DuckDB drops empty
// lines where CsvParser counts them as (blank) rows. So a byte scan (no decoding: quotes, line ends and the
// delimiter only, as CsvParser treats them) counts the file's records and notes the empty ones; the row
// numbers come from DuckDB's row order plus the empty records before each row. The scan's count is checked
// against DuckDB's: when they differ, or DuckDB will not read the file (ragged rows, a quote closed in the
// middle of a field, bytes that are not UTF-8), the caller goes the text route instead, which reads the file
// with CsvParser and so gives the row path's results whatever the file holds.
//
// GB18030 files are transcoded to a temp UTF-8 file first, by streaming, with the decoder and the messages
// of readCsvRows (a bad byte refuses the file with the same EncodingError).
import { createReadStream, createWriteStream, openSync, readSync, closeSync } from "node:fs";
import { once } from "node:events";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { TextEncoding } from "../read/detect-encoding.ts";
import { decodedChunks, pickDelimiter } from "../read/read-csv.ts";
import { cellTooLong, MAX_CELL_CHARS } from "../read/limits.ts";
import { sqlString } from "./staging-writer.ts";
import { MACROS, WS_CLASS } from "./validate-table.ts";

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Most empty lines among a file's data rows numbered here; a file with more goes the text route. */
const MAX_EMPTY_RECORDS = 10_000;

/**
 * CsvParser's record boundaries over UTF-8 bytes: the number of records and those that are empty lines
 * (a line end right at a record's start). Quotes open only at a field's start, as in CsvParser.
 */
export class RecordScanner {
  private inQuotes = false;
  /** A closing quote was the chunk's last byte: a quote starting the next chunk escapes it. */
  private quoteSeen = false;
  private pendingCr = false;
  private atRecordStart = true;
  private atFieldStart = true;
  /** Number of the record being scanned, 1-based. */
  private record = 1;
  readonly empty: number[] = [];
  tooManyEmpty = false;

  constructor(private readonly delim: number) {}

  push(buf: Uint8Array): void {
    const n = buf.length;
    let i = 0;
    if (this.pendingCr && n > 0) {
      this.pendingCr = false;
      if (buf[0] === LF) i = 1;
    }
    if (this.quoteSeen && i < n) {
      this.quoteSeen = false;
      if (buf[i] === QUOTE) {
        this.inQuotes = true;
        i++;
      }
    }
    const delim = this.delim;
    // Next LF, CR and quote at or after i (n when none is left), found lazily, as in CsvParser.
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    while (i < n) {
      if (this.inQuotes) {
        const q = buf.indexOf(QUOTE, i);
        if (q === -1) return;
        if (q + 1 >= n) {
          this.inQuotes = false;
          this.quoteSeen = true;
          return;
        }
        if (buf[q + 1] === QUOTE) {
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      if (this.atRecordStart) {
        // A whole line without a quote is one record: only whether it is empty matters.
        if (nextLf < i) nextLf = indexOr(buf, LF, i, n);
        if (nextCr < i) nextCr = indexOr(buf, CR, i, n);
        const end = nextLf < nextCr ? nextLf : nextCr;
        if (end < n) {
          if (nextQuote < i) nextQuote = indexOr(buf, QUOTE, i, n);
          if (nextQuote > end) {
            if (end === i) this.noteEmpty();
            this.record++;
            if (end === nextCr) {
              if (end + 1 < n) i = buf[end + 1] === LF ? end + 2 : end + 1;
              else {
                this.pendingCr = true;
                i = n;
              }
            } else i = end + 1;
            continue;
          }
        }
      }
      const c = buf[i];
      if (c === LF || c === CR) {
        if (this.atRecordStart) this.noteEmpty();
        this.record++;
        this.atRecordStart = true;
        this.atFieldStart = true;
        if (c === CR) {
          if (i + 1 < n) i = buf[i + 1] === LF ? i + 2 : i + 1;
          else {
            this.pendingCr = true;
            i = n;
          }
        } else i++;
        continue;
      }
      this.atRecordStart = false;
      if (c === QUOTE) {
        if (this.atFieldStart) this.inQuotes = true;
        this.atFieldStart = false;
        i++;
        continue;
      }
      if (c === delim) {
        this.atFieldStart = true;
        i++;
        continue;
      }
      this.atFieldStart = false;
      i++;
      while (i < n) {
        const d = buf[i];
        if (d === LF || d === CR || d === QUOTE || d === delim) break;
        i++;
      }
    }
  }

  private noteEmpty(): void {
    if (this.empty.length < MAX_EMPTY_RECORDS) this.empty.push(this.record);
    else this.tooManyEmpty = true;
  }

  /** Records CsvParser emits: the last one counts unless the file ends with a line end. */
  get records(): number {
    return this.atRecordStart && !this.inQuotes && !this.quoteSeen ? this.record - 1 : this.record;
  }
}

function indexOr(buf: Uint8Array, byte: number, from: number, n: number): number {
  const at = buf.indexOf(byte, from);
  return at === -1 ? n : at;
}

/** The delimiter readCsvRows picks: from the first line of the file's first 64 KiB. */
export function fileDelimiter(path: string, encoding: TextEncoding): string {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(1 << 16);
    const got = readSync(fd, head, 0, head.length, 0);
    const text = new TextDecoder(encoding === "gb18030" ? "gb18030" : "utf-8", { ignoreBOM: false }).decode(head.subarray(0, got), { stream: true });
    return pickDelimiter(text);
  } finally {
    closeSync(fd);
  }
}

/** Scans a UTF-8 file (its BOM left out, as the decoder leaves it out). */
async function scanUtf8(path: string, scanner: RecordScanner): Promise<void> {
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
    let buf = chunk;
    if (first && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    first = false;
    scanner.push(buf);
  }
}

/**
 * Transcodes a GB18030 file to UTF-8 at `out` by streaming, scanning the UTF-8 as it goes; throws the
 * EncodingError readCsvRows throws on the same bytes.
 */
async function transcodeGb18030(path: string, out: string, scanner: RecordScanner): Promise<void> {
  const sink = createWriteStream(out, { highWaterMark: 8 << 20 });
  const write = async (text: string) => {
    if (text === "") return;
    const buf = Buffer.from(text, "utf-8");
    scanner.push(buf);
    if (!sink.write(buf)) await once(sink, "drain");
  };
  try {
    for await (const text of decodedChunks(path, "gb18030", 1 << 20)) await write(text);
    sink.end();
    await once(sink, "close");
  } catch (error) {
    // A write still under way fails once the stream is destroyed: that is expected, not an error to report.
    sink.on("error", () => undefined);
    sink.destroy();
    throw error;
  }
}

export interface DirectRead {
  /** A view: source_row, then c0…c{width-1} (VARCHAR), blank and 合计 rows left out. */
  view: string;
  /** Tables and views to drop afterwards. */
  drop: string[];
}

/**
 * Reads the data rows (after `headerRow`) of a CSV file into a temp table with DuckDB, inside the caller's
 * transaction. Returns null when DuckDB's reading cannot be shown to match CsvParser's (the caller then goes
 * the text route); throws EncodingError or SheetLimitError where the row path would refuse the file.
 */
export async function readCsvDirect(
  conn: DuckDBConnection, path: string, encoding: TextEncoding, headerRow: number, width: number, tmpPath: string, name: string,
): Promise<DirectRead | null> {
  const profile = process.env.DIXIAN_SQL_PROFILE === "1";
  let mark = performance.now();
  const lap = (what: string) => {
    if (profile) process.stderr.write(`${((performance.now() - mark) / 1000).toFixed(2)} s  ${what}\n`);
    mark = performance.now();
  };
  const delimiter = fileDelimiter(path, encoding);
  const scanner = new RecordScanner(delimiter.charCodeAt(0));
  let source = path;
  if (encoding === "gb18030") {
    await transcodeGb18030(path, tmpPath, scanner);
    source = tmpPath;
  } else {
    await scanUtf8(path, scanner);
  }
  const why = (reason: string) => {
    if (profile) process.stderr.write(`read_csv: ${reason}; the text route instead\n`);
    return null;
  };
  lap(encoding === "gb18030" ? "transcode and scan" : "scan");
  if (scanner.tooManyEmpty) return why(`more than ${MAX_EMPTY_RECORDS} empty lines`);
  const empty = scanner.empty.filter((r) => r > headerRow);
  const expected = scanner.records - headerRow - empty.length;
  const raw = `${name}_raw`;
  const columns = Array.from({ length: width }, (_, c) => `'c${c}': 'VARCHAR'`).join(", ");
  try {
    await conn.run(`create temp table ${raw} as select * from read_csv(${sqlString(source)}, header = false, auto_detect = false, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', ` +
      `skip = ${headerRow}, max_line_size = 100000000, columns = {${columns}})`);
  } catch (error) {
    await conn.run(`drop table if exists ${raw}`).catch(() => undefined);
    return why(`DuckDB did not read the file (${String((error as Error).message).split("\n")[0].slice(0, 120)})`);
  }
  lap("read_csv");
  const count = Number((await conn.runAndReadAll(`select count(*) from ${raw}`)).getRows()[0][0]);
  if (count !== expected) {
    await conn.run(`drop table ${raw}`);
    return why(`DuckDB read ${count} rows where CsvParser finds ${expected}`);
  }
  // Row k (0-based, rowid) is record headerRow + 1 + k + the empty records before it: empty record j
  // (1-based, record number e) sits before row k when e - headerRow - j <= k.
  const shift = empty.length === 0 ? "0" : `(case ${empty.map((e, j) => ({ at: e - headerRow - (j + 1), n: j + 1 })).reverse().map(({ at, n }) => `when rowid >= ${at} then ${n}`).join(" ")} else 0 end)`;
  const numbered = `(rowid + ${headerRow + 1} + ${shift})::integer`;
  const cells = Array.from({ length: width }, (_, c) => `c${c}`);
  // A cell longer than Excel allows refuses the file, as CsvParser does (JavaScript counts UTF-16 units;
  // UTF-8 bytes are never fewer, so strlen screens first).
  const long = (await conn.runAndReadAll(`select min(${numbered}) from ${raw} where ${cells.map((c) => `(strlen(${c}) > ${MAX_CELL_CHARS} and length(${c}) + length(regexp_replace(${c}, '[^\\x{10000}-\\x{10FFFF}]', '', 'g')) > ${MAX_CELL_CHARS})`).join(" or ")}`)).getRows()[0][0];
  lap("count and cell lengths");
  if (long !== null) {
    await conn.run(`drop table ${raw}`);
    throw cellTooLong(Number(long));
  }
  // isSkippedRow: the first cell with text (JavaScript's trim, dx_text) is absent or starts a 合计/小计/总计/累计/total row.
  await conn.run(MACROS);
  const first = `coalesce(${cells.map((c) => `dx_text(${c})`).join(", ")})`;
  const view = `${name}_rows`;
  await conn.run(`create temp view ${view} as select source_row, ${cells.join(", ")} from (select ${numbered} as source_row, *, ${first} as first_text from ${raw})
where first_text is not null and not (left(first_text, 1) in ('合', '小', '总', '累', 't', 'T') and regexp_matches(first_text, '^(合${WS_CLASS}*计|小${WS_CLASS}*计|总${WS_CLASS}*计|累${WS_CLASS}*计|total)', 'i'))`);
  return { view, drop: [view, raw] };
}
