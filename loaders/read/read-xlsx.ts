import ExcelJS from "exceljs";
import type { Cell } from "./parse-values.ts";
import type { SheetRows, SourceRow } from "./source-rows.ts";

const BATCH = 2000;

/** Formula results, rich text and hyperlinks → the plain value a person sees in the cell. */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("result" in v) return plainCell(v.result);
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
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
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
