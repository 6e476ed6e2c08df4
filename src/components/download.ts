// CSV and XLSX bytes for every table, built in the browser without a server. CSV is UTF-8 with a BOM so
// Excel/WPS on Windows read Chinese correctly; XLSX is minimal SpreadsheetML zipped with fflate, with
// numbers stored as numbers (rates as fractions formatted 0.00%) and inline strings.
import { strToU8, zipSync } from "fflate";
import { inertFormula, withoutBidiControls } from "./inert-text.js";
import { exportCell, exportLabel } from "./table-model.js";
import type { CellOptions, Column, ExportCell, Row } from "./table-model.js";

const BOM = "\uFEFF";

/** Characters Windows refuses in file names, replaced so 总览/乡镇 never becomes a folder. */
export function fileName(parts: Array<string | undefined>, extension: "csv" | "xlsx"): string {
  const stem = parts
    .filter((part): part is string => Boolean(part))
    .map((part) => withoutBidiControls(part).replace(/[\\/:*?"<>|\s]+/g, "_"))
    .join("_");
  return `${stem || "数据"}.${extension}`;
}

function csvField(cell: ExportCell): string {
  if (cell.type === "empty") return "";
  if (cell.type === "number") {
    // Excel reads "12.34%" back as the number 0.1234 shown as a percentage.
    return cell.percent ? `${Number((cell.value * 100).toFixed(4))}%` : String(cell.value);
  }
  // A leading = + - @ would run as a formula when the file is opened (CSV injection): inertFormula quotes it.
  let text = inertFormula(withoutBidiControls(cell.value));
  // Excel shows long digit strings (区划代码, 户编号) as 5.29931E+11 and drops digits past 15; a leading
  // tab makes it keep them as text.
  if (/^\d{12,}$/.test(text)) text = `\t${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text including the BOM, CRLF line ends as Excel writes them. */
export function toCsv(columns: Column[], rows: Row[], options: CellOptions = {}): string {
  const lines = [columns.map((column) => csvField({ type: "text", value: exportLabel(column) })).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvField(exportCell(row, column, options))).join(","));
  return BOM + lines.join("\r\n") + "\r\n";
}

export function csvBytes(columns: Column[], rows: Row[], options: CellOptions = {}): Uint8Array {
  return new TextEncoder().encode(toCsv(columns, rows, options));
}

function xmlEscape(text: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  return text
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Sheet names: at most 31 characters, none of []:*?/\ , and no apostrophe first or last (Excel refuses them). */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31).replace(/^'+|'+$/g, "") || "Sheet1";
}

const STYLE_PERCENT = 1;
const STYLE_HEADER = 2;

function xlsxCell(ref: string, cell: ExportCell, style = 0): string {
  const s = style ? ` s="${style}"` : "";
  if (cell.type === "empty") return "";
  if (cell.type === "number") return `<c r="${ref}"${cell.percent ? ` s="${STYLE_PERCENT}"` : s}><v>${cell.value}</v></c>`;
  // An inline string is text, never a formula, whatever it starts with; bidirectional controls are dropped.
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlEscape(withoutBidiControls(cell.value))}</t></is></c>`;
}

/** Display width of a text in Excel character units; CJK characters take two. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\uFFFF]/.test(char) ? 2 : 1;
  return width;
}

export interface SheetOptions extends CellOptions {
  sheet?: string;
  /** A title row above the header (e.g. 青山镇 干部工作清单（2025年6月）). */
  title?: string;
  /** A notice row under the title (e.g. 内部资料 不得外传). */
  notice?: string;
}

/** Column widths from the longest of the header and the cells (CJK counted double), 6 to 40 characters. */
export function columnWidths(columns: Column[], rows: Row[], options: CellOptions = {}): number[] {
  return columns.map((column) => {
    let widest = textWidth(exportLabel(column));
    for (const row of rows) {
      const cell = exportCell(row, column, options);
      const text = cell.type === "text" ? cell.value : cell.type === "number" ? String(cell.percent ? `${(cell.value * 100).toFixed(2)}%` : cell.value) : "";
      widest = Math.max(widest, textWidth(text));
    }
    return Math.min(40, Math.max(6, widest + 2));
  });
}

function worksheetXml(columns: Column[], rows: Row[], options: SheetOptions): string {
  const top = [options.title, options.notice].filter((text): text is string => Boolean(text));
  const headerRow = top.length + 1;
  const titleRows = top.map((text, i) => `<row r="${i + 1}">${xlsxCell(`A${i + 1}`, { type: "text", value: text }, STYLE_HEADER)}</row>`);
  const header = columns.map((column, i) => xlsxCell(`${columnLetter(i)}${headerRow}`, { type: "text", value: exportLabel(column) }, STYLE_HEADER));
  const body = rows.map((row, r) => {
    const cells = columns.map((column, i) => xlsxCell(`${columnLetter(i)}${r + headerRow + 1}`, exportCell(row, column, options)));
    return `<row r="${r + headerRow + 1}">${cells.join("")}</row>`;
  });
  const widths = columnWidths(columns, rows, options).map(
    (width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`,
  );
  const last = columnLetter(Math.max(0, columns.length - 1));
  const merges = top.length > 0 && columns.length > 1 ? `<mergeCells count="${top.length}">${top.map((_, i) => `<mergeCell ref="A${i + 1}:${last}${i + 1}"/>`).join("")}</mergeCells>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    (widths.length ? `<cols>${widths.join("")}</cols>` : "") +
    `<sheetData>${titleRows.join("")}<row r="${headerRow}">${header.join("")}</row>${body.join("")}</sheetData>` +
    merges +
    // A4 (paperSize 9), landscape, fitted to the page width
    (top.length > 0 ? `<pageSetup paperSize="9" orientation="landscape"/>` : "") +
    `</worksheet>`
  );
}

function contentTypes(sheets: number): string {
  const overrides = Array.from({ length: sheets }, (_, i) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    overrides +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `</Types>`
  );
}

const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
  `</Relationships>`;

function workbookRels(sheets: number): string {
  const sheetRels = Array.from({ length: sheets }, (_, i) =>
    `<Relationship Id="rId${i + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    sheetRels +
    `</Relationships>`
  );
}

// Style 1: built-in number format 10 (0.00%); style 2: bold header.
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="2"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/** One sheet of a workbook: a table with its columns and the sheet's title and notice rows. */
export interface SheetSpec {
  columns: Column[];
  rows: Row[];
  options: SheetOptions;
}

/** Sheet names made unique the way Excel would accept them (a repeated name gets (2), (3)…). */
export function uniqueSheetNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = sheetName(name);
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = sheetName(`${name.slice(0, 26)}(${n})`);
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A workbook with one sheet per table, in order (the 半年考核报告's workbook). */
export function workbookBytes(sheets: SheetSpec[]): Uint8Array {
  const names = uniqueSheetNames(sheets.map((sheet, i) => sheet.options.sheet ?? `Sheet${i + 1}`));
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheets>${names.map((name, i) => `<sheet name="${xmlEscape(name)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join("")}</sheets></workbook>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(contentTypes(sheets.length)),
    "_rels/.rels": strToU8(ROOT_RELS),
    "xl/workbook.xml": strToU8(workbook),
    "xl/_rels/workbook.xml.rels": strToU8(workbookRels(sheets.length)),
    "xl/styles.xml": strToU8(STYLES),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheetXml(sheet.columns, sheet.rows, sheet.options));
  });
  return zipSync(files);
}

/** A one-sheet workbook holding the table. */
export function xlsxBytes(columns: Column[], rows: Row[], options: SheetOptions = {}): Uint8Array {
  return workbookBytes([{ columns, rows, options: { ...options, sheet: options.sheet ?? "Sheet1" } }]);
}

export const MIME = {
  csv: "text/csv;charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** Hands bytes to the browser as a file download (browser only). */
export function saveBytes(bytes: Uint8Array, name: string, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = "none";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
