// Reading a downloaded file back into rows of text, and deciding whether they are the rows the page showed.
// The screen shows formatted text (1,234.5万元, 12.3%, 2025年3月8日, "<5"); the files hold typed values
// (12345000, 12.34% or 0.1234, 2025-03-08), so a cell matches when both denote the same value to the
// precision the screen shows.
import ExcelJS from "exceljs";

export type Grid = string[][];

/** RFC 4180 CSV (quotes, doubled quotes, CRLF), the UTF-8 BOM dropped. */
export function parseCsv(text: string): Grid {
  const source = text.replace(/^\uFEFF/, "");
  const rows: Grid = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The first sheet as text cells; numbers as their plain decimal form. */
export async function parseXlsx(bytes: Uint8Array): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("XLSX 文件中没有工作表");
  const grid: Grid = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const value = row.getCell(c).value;
      cells.push(value == null ? "" : typeof value === "object" && "richText" in value ? value.richText.map((r) => r.text).join("") : String(value));
    }
    grid[number - 1] = cells;
  });
  return Array.from(grid, (cells) => cells ?? []);
}

const EMPTY_MARKS = new Set(["", "—", "-", "–"]);
const SCALE: Array<[RegExp, number]> = [
  [/亿元$/, 1e8],
  [/万元$/, 1e4],
  [/元$/, 1],
  [/%$/, 0.01],
];

/** The number a text denotes and half a unit of its last digit, in the same scale; null if not a number. */
export function readNumber(text: string): { value: number; tolerance: number } | null {
  let body = text.trim().replace(/,/g, "");
  let scale = 1;
  for (const [suffix, factor] of SCALE) {
    if (suffix.test(body)) {
      body = body.replace(suffix, "");
      scale = factor;
      break;
    }
  }
  if (!/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(body)) return null;
  const decimals = /e/i.test(body) ? 15 : (body.split(".")[1] ?? "").length;
  return { value: Number(body) * scale, tolerance: 0.5 * 10 ** -decimals * scale };
}

function isoDate(text: string): string | null {
  const match = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text.trim()) ?? /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.trim());
  return match ? `${match[1]}-${match[2].padStart(2, "0")}-${match[3].padStart(2, "0")}` : null;
}

export function cellMatches(shown: string, exported: string): boolean {
  const a = shown.trim();
  const b = exported.trim();
  if (a === b) return true;
  if (EMPTY_MARKS.has(a) && EMPTY_MARKS.has(b)) return true;
  const dateA = isoDate(a);
  if (dateA !== null && dateA === isoDate(b)) return true;
  const x = readNumber(a);
  const y = readNumber(b);
  if (x && y) return Math.abs(x.value - y.value) <= x.tolerance + y.tolerance + 1e-9 * Math.max(1, Math.abs(x.value));
  return false;
}

export function headerMatches(shown: string, exported: string): boolean {
  const a = shown.trim();
  const b = exported.trim();
  return a === b || b === `${a}(元)` || b === `${a}（元）`;
}

/** Why the file's rows are not the table's rows, or null when they are. */
export function compareGrid(table: { header: string[]; rows: Grid }, file: Grid): string | null {
  const filled = file.filter((row) => row.some((cell) => cell.trim() !== ""));
  // a work list's Excel file opens with a title row and a notice row, each one text merged across the columns
  const oneText = (row: string[]) => new Set(row.map((cell) => cell.trim()).filter((cell) => cell !== "")).size === 1;
  while (table.header.length > 1 && filled.length > 0 && oneText(filled[0])) filled.shift();
  const [header = [], ...body] = filled;
  if (header.length !== table.header.length) return `列数不同：页面 ${table.header.length}，文件 ${header.length}`;
  for (let c = 0; c < header.length; c++) {
    if (!headerMatches(table.header[c], header[c])) return `第 ${c + 1} 列表头不同：页面「${table.header[c]}」，文件「${header[c]}」`;
  }
  if (body.length !== table.rows.length) return `行数不同：页面 ${table.rows.length}，文件 ${body.length}`;
  for (let r = 0; r < body.length; r++) {
    for (let c = 0; c < header.length; c++) {
      const shown = table.rows[r][c] ?? "";
      const exported = body[r][c] ?? "";
      if (!cellMatches(shown, exported)) return `第 ${r + 1} 行「${table.header[c]}」不同：页面「${shown}」，文件「${exported}」`;
    }
  }
  return null;
}
