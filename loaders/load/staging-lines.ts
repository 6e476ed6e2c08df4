// Encodes accepted rows straight into UTF-8 bytes of the normalized staging CSV (one line per row: the
// contract's fields, then source_row; source_file is the same for every row, so the insert adds it). It writes what the old string path wrote
// (String(value) for numbers and booleans, lists joined by |, RFC 4180 quotes where a text needs them)
// without a string per cell, a joined line per row or a UTF-8 encoding pass over the whole text.
import type { Contract, TypedRow } from "../contracts/contract.ts";
import type { FieldKind } from "../contracts/field.ts";

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;

/** Writes one value of one field kind. */
type ValueWriter = (lines: StagingLines, value: unknown) => void;

export class StagingLines {
  private buffer: Buffer;
  private pos = 0;
  /** Per field: its writer; `read` copies a row's values into `values` in field order. */
  private readonly writers: ValueWriter[];
  private readonly read: (row: TypedRow, values: unknown[]) => void;
  private readonly values: unknown[];

  constructor(contract: Contract, private readonly capacity = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(capacity);
    this.writers = contract.fields.map((f) => writerFor(f.kind));
    // One named property load per field on rows that all share one shape, instead of a keyed load.
    const body = contract.fields.map((f, i) => `v[${i}] = r[${JSON.stringify(f.key)}];`).join(" ");
    this.read = new Function("r", "v", body) as (row: TypedRow, values: unknown[]) => void;
    this.values = new Array<unknown>(contract.fields.length).fill(null);
  }

  /** Bytes written since the last `take`. */
  get length(): number {
    return this.pos;
  }

  add(row: TypedRow, sourceRow: number): void {
    const values = this.values;
    this.read(row, values);
    for (let i = 0; i < values.length; i++) {
      this.writers[i](this, values[i]);
      this.byte(COMMA);
    }
    this.integer(sourceRow);
    this.byte(NEWLINE);
  }

  /** The bytes written so far; the encoder starts a new buffer. */
  take(): Buffer {
    const out = this.buffer.subarray(0, this.pos);
    this.buffer = Buffer.allocUnsafe(this.capacity);
    this.pos = 0;
    return out;
  }

  /** Room for n more bytes: a value bigger than what is left moves what is written to a bigger buffer. */
  private room(n: number): void {
    if (this.pos + n <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.pos + n));
    this.buffer.copy(bigger, 0, 0, this.pos);
    this.buffer = bigger;
  }

  byte(b: number): void {
    this.room(1);
    this.buffer[this.pos++] = b;
  }

  /** A text known to hold only ASCII characters that need no quotes (numbers, ISO dates, digit codes). */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const buffer = this.buffer;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buffer[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** String(n) for a number, with the digits of a safe integer written without a string. */
  number(n: number): void {
    if (Number.isSafeInteger(n)) this.integer(n);
    else this.ascii(String(n));
  }

  private integer(n: number): void {
    if (n === 0) {
      this.byte(48); // String(-0) is "0" too
      return;
    }
    this.room(17);
    const buffer = this.buffer;
    if (n < 0) {
      buffer[this.pos++] = 45;
      n = -n;
    }
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    let pos = this.pos + digits;
    this.pos = pos;
    while (n > 0) {
      const q = Math.floor(n / 10);
      buffer[--pos] = 48 + (n - q * 10);
      n = q;
    }
  }

  /**
   * Any text, in UTF-8, quoted (with doubled quotes) when it holds a quote, comma or line break.
   * Lone surrogates become U+FFFD, as Node's own UTF-8 encoding makes them.
   */
  text(text: string): void {
    const n = text.length;
    let quote = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE || c === COMMA || c === NEWLINE || c === 13) {
        quote = true;
        break;
      }
    }
    // At most 3 bytes per UTF-16 unit, each quote doubled, plus the two enclosing quotes.
    this.room(n * 3 + (quote ? n + 2 : 0));
    const buffer = this.buffer;
    let pos = this.pos;
    if (quote) buffer[pos++] = QUOTE;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buffer[pos++] = c;
        if (c === QUOTE) buffer[pos++] = QUOTE;
      } else if (c < 0x800) {
        buffer[pos++] = 0xc0 | (c >> 6);
        buffer[pos++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          buffer[pos++] = 0xf0 | (c >> 18);
          buffer[pos++] = 0x80 | ((c >> 12) & 0x3f);
          buffer[pos++] = 0x80 | ((c >> 6) & 0x3f);
          buffer[pos++] = 0x80 | (c & 0x3f);
        } else {
          buffer[pos++] = 0xef;
          buffer[pos++] = 0xbf;
          buffer[pos++] = 0xbd;
        }
      } else {
        buffer[pos++] = 0xe0 | (c >> 12);
        buffer[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buffer[pos++] = 0x80 | (c & 0x3f);
      }
    }
    if (quote) buffer[pos++] = QUOTE;
    this.pos = pos;
  }
}

const TRUE = "true";
const FALSE = "false";

/** The general writer: exactly what the string path wrote for any value. */
function anyValue(lines: StagingLines, value: unknown): void {
  if (value === null || value === undefined) return;
  if (typeof value === "number") lines.number(value);
  else if (typeof value === "boolean") lines.ascii(value ? TRUE : FALSE);
  else if (Array.isArray(value)) lines.text(value.join("|"));
  else lines.text(value as string);
}

/** Values of every kind go through anyValue; kinds whose values are plain types take a shorter way. */
function writerFor(kind: FieldKind): ValueWriter {
  switch (kind) {
    case "int":
    case "year":
    case "amount":
    case "rate":
      return (lines, value) => (typeof value === "number" ? lines.number(value) : anyValue(lines, value));
    case "bool":
      return (lines, value) => (value === true ? lines.ascii(TRUE) : value === false ? lines.ascii(FALSE) : anyValue(lines, value));
    case "list":
      return (lines, value) => {
        if (!Array.isArray(value)) return anyValue(lines, value);
        lines.text(value.length === 1 && typeof value[0] === "string" ? value[0] : value.join("|"));
      };
    default:
      return (lines, value) => (typeof value === "string" ? lines.text(value) : anyValue(lines, value));
  }
}
