// Test helper: reads a generated extract back the way a person sees it — every row with its Excel row
// number and cell text — independently of the project's own readers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { ManifestFile } from "../../loaders/sample/manifest.ts";

export interface SheetRow {
  row: number;
  cells: string[];
}

/** Splits CSV text into rows of fields (RFC 4180 quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** All rows of the file (title, header, data, 合计), numbered as Excel shows them. */
export async function readRows(dir: string, file: ManifestFile): Promise<SheetRow[]> {
  const path = join(dir, file.name);
  if (file.format === "xlsx") {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet(file.sheet!)!;
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (r, number) => {
      const values = r.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let i = 1; i < Math.max(values.length, 2); i++) cells.push(cellText(values[i]));
      rows.push({ row: number, cells });
    });
    return rows;
  }
  const bytes = readFileSync(path);
  const text = file.format === "csv-gb18030" ? new TextDecoder("gb18030").decode(bytes) : new TextDecoder("utf-8").decode(bytes.subarray(3));
  return parseCsv(text).map((cells, i) => ({ row: i + 1, cells }));
}

/** Data rows as objects keyed by the file's headers, each with its Excel row number. */
export async function readRecords(dir: string, file: ManifestFile): Promise<{ row: number; values: Record<string, string> }[]> {
  const rows = await readRows(dir, file);
  const header = rows.find((r) => r.row === file.headerRow)!.cells;
  return rows
    .filter((r) => r.row > file.headerRow && r.row !== file.totalRow)
    .map((r) => ({ row: r.row, values: Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ""])) }));
}
