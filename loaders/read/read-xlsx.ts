import ExcelJS from "exceljs";
import { cellTooLong, MAX_CELL_CHARS, MAX_COLUMNS, tooManyColumns } from "./limits.ts";
import type { Cell } from "./parse-values.ts";
import type { SheetRows, SourceRow } from "./source-rows.ts";

/** Decodes a stream of UTF-8 chunks with one streaming decoder, so a character cut at a boundary survives. */
async function* decodeChunks(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text !== "") yield text;
  }
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

type ReaderPrototype = {
  _parseWorksheet: (iterator: AsyncIterable<unknown>, sheetNo: number) => unknown;
  _parseSharedStrings: (entry: { setEncoding(encoding: string): void }) => unknown;
  __dixianUtf8Fix?: true;
};

/**
 * exceljs 4's streaming reader decodes each zip chunk with a fresh `TextDecoder.decode(chunk)`, so a
 * Chinese character cut by a chunk boundary becomes U+FFFD (seen on the sample county's bank ledgers:
 * 脱贫人��小额信贷). Its parser passes strings through untouched, so the fix hands it text decoded in
 * streaming mode: the worksheet chunks go through one decoder, the shared-strings entry is set to UTF-8.
 * Patched on the prototype, so it holds whichever module loaded exceljs first.
 */
function fixUtf8Chunks(): void {
  const proto = (ExcelJS.stream.xlsx.WorkbookReader as unknown as { prototype: ReaderPrototype }).prototype;
  if (proto.__dixianUtf8Fix) return;
  const parseWorksheet = proto._parseWorksheet;
  const parseSharedStrings = proto._parseSharedStrings;
  proto._parseWorksheet = function (this: unknown, iterator, sheetNo) {
    return parseWorksheet.call(this, decodeChunks(iterator), sheetNo);
  };
  proto._parseSharedStrings = function (this: unknown, entry) {
    entry.setEncoding("utf8");
    return parseSharedStrings.call(this, entry);
  };
  proto.__dixianUtf8Fix = true;
}

fixUtf8Chunks();

const BATCH = 2000;

/**
 * Formula results, rich text and hyperlinks → the plain value a person sees in the cell. A formula is
 * never evaluated: its cached result is the value, and a formula saved without one (or an external link
 * never refreshed) is blank.
 */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("result" in v || "formula" in v || "sharedFormula" in v) return plainCell(v.result);
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join("");
    if ("text" in v) return plainCell(v.text);
    if ("error" in v) return null;
  }
  return String(value);
}

async function* sheetRows(worksheet: AsyncIterable<{ number: number; values: unknown }>): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  for await (const row of worksheet) {
    const values = row.values as unknown[];
    if (values.length - 1 > MAX_COLUMNS) throw tooManyColumns(row.number, values.length - 1);
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) {
      const cell = plainCell(values[i]);
      if (typeof cell === "string" && cell.length > MAX_CELL_CHARS) throw cellTooLong(row.number);
      cells.push(cell);
    }
    batch.push({ row: row.number, cells });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Streams every sheet of an XLSX workbook (exceljs' WorkbookReader, so a big workbook is never held
 * whole). Each sheet's rows must be read or abandoned before asking for the next sheet.
 */
export async function* readXlsxSheets(path: string): AsyncGenerator<SheetRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  for await (const worksheet of reader as unknown as AsyncIterable<{ name: string } & AsyncIterable<{ number: number; values: unknown }>>) {
    yield { name: worksheet.name, rows: sheetRows(worksheet) };
  }
}
