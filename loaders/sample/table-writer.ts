// Writers for the three forms offices exchange: CSV in UTF-8 with BOM, CSV in GB18030, and XLSX (with an
// optional title row above the header and a 合计 row below the data). Rows are streamed in chunks; the
// writer counts rows so defects can be recorded with the row number Excel shows.
import { closeSync, openSync, writeSync } from "node:fs";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { fixZipTimes } from "./zip-times.ts";

export type FileFormat = "csv-utf8-bom" | "csv-gb18030" | "xlsx";
export type CellValue = string | number | Date | null;

export interface TableWriter {
  /** Excel row number the next data row will get. */
  readonly nextRow: number;
  readonly dataRows: number;
  addRow(cells: CellValue[]): Promise<void>;
  /** Writes the trailing 合计 row (XLSX only) and closes the file. */
  close(total?: CellValue[]): Promise<void>;
}

const CHUNK_CHARS = 1 << 20;

const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

class CsvWriter implements TableWriter {
  private fd: number;
  private buffer: string[] = [];
  private bufferChars = 0;
  dataRows = 0;

  constructor(path: string, private gb18030: boolean, header: readonly string[]) {
    this.fd = openSync(path, "w");
    if (!gb18030) writeSync(this.fd, Buffer.from([0xef, 0xbb, 0xbf]));
    this.push(header.map(csvCell).join(","));
  }

  get nextRow(): number {
    return this.dataRows + 2;
  }

  private push(line: string): void {
    this.buffer.push(line);
    this.bufferChars += line.length + 2;
    if (this.bufferChars >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const text = this.buffer.join("\r\n") + "\r\n";
    writeSync(this.fd, this.gb18030 ? iconv.encode(text, "gb18030") : Buffer.from(text, "utf8"));
    this.buffer = [];
    this.bufferChars = 0;
  }

  async addRow(cells: CellValue[]): Promise<void> {
    let line = csvCell(cells[0]);
    for (let i = 1; i < cells.length; i++) line += "," + csvCell(cells[i]);
    this.push(line);
    this.dataRows++;
  }

  async close(): Promise<void> {
    this.flush();
    closeSync(this.fd);
  }
}

export interface XlsxOptions {
  sheet: string;
  title?: string;
  /** A second title row under the first (the national system's downloads: the exporting office and date). */
  subtitle?: string;
  /** Number format for Date cells; dates are written as real Excel dates when cells are Date objects. */
  dateFormat?: string;
}

class XlsxWriter implements TableWriter {
  private workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: ExcelJS.Worksheet;
  private titleRows: number;
  dataRows = 0;

  constructor(private path: string, header: readonly string[], private options: XlsxOptions, private fixedDate: Date) {
    // Styles cost a lot per cell in exceljs; only sheets with real Excel dates need them (for the date format).
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: options.dateFormat !== undefined, useSharedStrings: false });
    // Fixed metadata dates keep the workbook's content identical for the same seed.
    this.workbook.created = fixedDate;
    this.workbook.modified = fixedDate;
    this.workbook.creator = "Dixian sample generator";
    this.sheet = this.workbook.addWorksheet(options.sheet);
    this.titleRows = 0;
    if (options.title) {
      const row = this.sheet.addRow([options.title]);
      row.font = { bold: true, size: 14 };
      this.sheet.mergeCells(1, 1, 1, header.length);
      row.commit();
      this.titleRows = 1;
    }
    if (options.subtitle) {
      this.sheet.addRow([options.subtitle]).commit();
      this.titleRows++;
    }
    const headerRow = this.sheet.addRow([...header]);
    headerRow.font = { bold: true };
    headerRow.commit();
  }

  get nextRow(): number {
    return this.titleRows + 2 + this.dataRows;
  }

  async addRow(cells: CellValue[]): Promise<void> {
    const row = this.sheet.addRow(cells);
    if (this.options.dateFormat) {
      cells.forEach((c, i) => {
        if (c instanceof Date) row.getCell(i + 1).numFmt = this.options.dateFormat!;
      });
    }
    row.commit();
    this.dataRows++;
  }

  async close(total?: CellValue[]): Promise<void> {
    if (total) this.sheet.addRow(total).commit();
    this.sheet.commit();
    await this.workbook.commit();
    fixZipTimes(this.path, this.fixedDate);
  }
}

/** Opens a writer and writes the header (and the title row for XLSX). */
export function openTable(path: string, format: FileFormat, header: readonly string[], xlsx: XlsxOptions | null, fixedDate: Date): TableWriter {
  if (format === "xlsx") return new XlsxWriter(path, header, xlsx ?? { sheet: "Sheet1" }, fixedDate);
  return new CsvWriter(path, format === "csv-gb18030", header);
}
