// A small streaming RFC 4180 parser: quoted fields, doubled quotes, CR/LF/CRLF line ends, newlines
// inside quotes. It keeps one partial record between chunks, never the whole file.
//
// Most records hold no quote at all: for those, starting at a record's first character with its line
// end inside the chunk, the record is cut at the delimiters directly (the line end found by indexOf).
// Every other record (quotes, a record cut by the chunk's end) goes through the character state machine.

import { cellTooLong, MAX_CELL_CHARS, MAX_COLUMNS, tooManyColumns } from "./limits.ts";

const LF = 10;
const CR = 13;

export class CsvParser {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private pendingCr = false;
  /** Nothing of the current record consumed yet: the fast path may take it. */
  private atStart = true;
  /** Cells of the last record, to size the next one's array. */
  private width = 0;
  /** Number of the record being built, 1-based, as Excel numbers its rows. */
  private recordNumber = 1;
  private readonly delimCode: number;

  constructor(private readonly onRecord: (cells: string[], row: number) => void, private readonly delimiter = ",") {
    this.delimCode = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
  }

  push(chunk: string): void {
    let i = 0;
    const n = chunk.length;
    if (this.pendingCr && n > 0) {
      this.pendingCr = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    // Next LF, CR and quote at or after i (n when none is left), found lazily.
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    const delim = this.delimCode;
    while (i < n) {
      if (this.atStart && delim >= 0) {
        if (nextLf < i) nextLf = indexOr(chunk, "\n", i, n);
        if (nextCr < i) nextCr = indexOr(chunk, "\r", i, n);
        const end = nextLf < nextCr ? nextLf : nextCr;
        if (end < n) {
          if (nextQuote < i) nextQuote = indexOr(chunk, '"', i, n);
          if (nextQuote > end) {
            this.splitLine(chunk, i, end, delim);
            if (end === nextCr) {
              if (end + 1 < n) i = chunk.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
              else {
                this.pendingCr = true;
                i = n;
              }
            } else i = end + 1;
            continue;
          }
        }
      }
      i = this.step(chunk, i);
    }
  }

  /** A quote-free record chunk[start, end) cut at the delimiters: what the state machine gives for it. */
  private splitLine(chunk: string, start: number, end: number, delim: number): void {
    const cells = new Array<string>(this.width);
    let count = 0;
    let from = start;
    for (let j = start; j < end; j++) {
      if (chunk.charCodeAt(j) === delim) {
        cells[count++] = chunk.slice(from, j);
        from = j + 1;
      }
    }
    cells[count++] = chunk.slice(from, end);
    if (count > MAX_COLUMNS) throw tooManyColumns(this.recordNumber, count);
    if (end - start > MAX_CELL_CHARS) for (const cell of cells) if (cell.length > MAX_CELL_CHARS) throw cellTooLong(this.recordNumber);
    if (count !== cells.length) cells.length = count;
    this.width = count;
    this.onRecord(cells, this.recordNumber++);
  }

  /**
   * The character state machine, from i until the current record ends (returns the index after its line
   * end) or the chunk does (returns chunk.length).
   */
  private step(chunk: string, start: number): number {
    const delim = this.delimiter;
    let field = this.field;
    let i = start;
    const n = chunk.length;
    this.atStart = false;
    while (i < n) {
      if (this.inQuotes) {
        const q = chunk.indexOf('"', i);
        if (q === -1) { field += chunk.slice(i); i = n; break; }
        field += chunk.slice(i, q);
        if (q + 1 >= n) { this.quoteSeen = true; this.inQuotes = false; i = n; break; }
        if (chunk[q + 1] === '"') { field += '"'; i = q + 2; continue; }
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      if (this.quoteSeen) {
        // A quote closed right at the end of the previous chunk: a following quote means an escaped one.
        this.quoteSeen = false;
        if (chunk[i] === '"') { field += '"'; this.inQuotes = true; i++; continue; }
      }
      // Scan to the next special character.
      let j = i;
      while (j < n) {
        const c = chunk.charCodeAt(j);
        if (c === 44 /* , */ && delim === ",") break;
        if (c === 34 || c === LF || c === CR || (delim !== "," && chunk[j] === delim)) break;
        j++;
      }
      if (j > i) field += chunk.slice(i, j);
      if (j >= n) { i = n; break; }
      const ch = chunk[j];
      if (ch === '"') {
        if (field === "") this.inQuotes = true;
        else field += '"'; // stray quote inside an unquoted field: keep it, as Excel does
        i = j + 1;
      } else if (ch === "\n" || ch === "\r") {
        this.record.push(field);
        this.field = "";
        this.emit();
        if (ch === "\r") {
          if (j + 1 < n) return chunk[j + 1] === "\n" ? j + 2 : j + 1;
          this.pendingCr = true;
          return n;
        }
        return j + 1;
      } else {
        this.record.push(field);
        field = "";
        i = j + 1;
      }
    }
    // A field that grows past a chunk (a quote that never closes) must not hold the rest of the file.
    if (field.length > MAX_CELL_CHARS) throw cellTooLong(this.recordNumber);
    if (this.record.length > MAX_COLUMNS) throw tooManyColumns(this.recordNumber, this.record.length);
    this.field = field;
    return i;
  }

  /** Flushes the last record when the file does not end with a newline. */
  end(): void {
    if (this.field !== "" || this.record.length > 0) {
      this.record.push(this.field);
      this.field = "";
      this.emit();
    }
  }

  private emit(): void {
    const cells = this.record;
    if (cells.length > MAX_COLUMNS) throw tooManyColumns(this.recordNumber, cells.length);
    for (const cell of cells) if (cell.length > MAX_CELL_CHARS) throw cellTooLong(this.recordNumber);
    this.record = [];
    this.atStart = true;
    this.width = cells.length;
    this.onRecord(cells, this.recordNumber++);
  }
}

/** chunk.indexOf(text, from), or n when absent. */
function indexOr(chunk: string, text: string, from: number, n: number): number {
  const at = chunk.indexOf(text, from);
  return at === -1 ? n : at;
}
