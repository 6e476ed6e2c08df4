import { createRequire } from "node:module";
import type ExcelJSModule from "exceljs";
import type { Cell } from "./parse-values.ts";
import type { SheetRows, SourceRow } from "./source-rows.ts";

const require = createRequire(import.meta.url);

/**
 * exceljs 4's streaming reader decodes each zip chunk with a fresh `TextDecoder.decode(chunk)`, so a
 * Chinese character cut by a chunk boundary turns into U+FFFD (seen on the sample county's bank ledgers:
 * 脱贫人��小额信贷). Its parser takes `bufferToString` by destructuring when first loaded, so the fix —
 * one decoder in streaming mode, which carries a cut character over to the next chunk — must be put in
 * place before exceljs itself is required. Entries are parsed one after another, so one decoder serves all.
 */
function loadExcelJs(): typeof ExcelJSModule {
  const saxPath = require.resolve("exceljs/lib/utils/parse-sax.js");
  if (!require.cache[saxPath]) {
    const decode = require("exceljs/lib/utils/browser-buffer-decode.js") as { bufferToString: (chunk: unknown) => string };
    const decoder = new TextDecoder("utf-8");
    decode.bufferToString = (chunk) => (typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
  } else {
    process.emitWarning("exceljs 已在修补前载入，XLSX 中被分块截断的汉字可能变成乱码");
  }
  return require("exceljs") as typeof ExcelJSModule;
}

const ExcelJS = loadExcelJs();

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
