// Writes canonical rows into one extract file in a bank's or office's own form (dates, 万元, title row,
// 合计 row), breaks a few rows on purpose and records each defect where Excel shows it.
import { join } from "node:path";
import { dayOf, slashDay, utcDate } from "./dates.ts";
import { DefectInjector, type DefectRecord } from "./defects.ts";
import { LOAN_AMOUNT_COLUMNS, type ExtractName } from "./headers.ts";
import type { ManifestFile } from "./manifest.ts";
import type { Row } from "./snapshot.ts";
import { openTable, type CellValue, type FileFormat, type TableWriter } from "./table-writer.ts";

const DATE_COLUMNS = new Set([
  "风险发现日期", "识别监测日期", "风险消除日期", "首次帮扶日期", "发放日期", "到期日期", "起保日期", "终止日期", "出险日期", "报案日期", "赔付日期",
]);
const TEN_THOUSAND = new Set<string>(LOAN_AMOUNT_COLUMNS);

export interface FileSpec {
  name: string;
  extract: ExtractName;
  format: FileFormat;
  /** Canonical column names, in file order (a missing one, e.g. 数据期, is simply left out). */
  columns: readonly string[];
  sheet?: string;
  title?: string;
  period?: string;
  periodInName?: boolean;
  source?: string;
  dates?: "iso" | "slash" | "excel";
  tenThousand?: boolean;
  /** Canonical columns summed on a trailing 合计 row (XLSX only). */
  totals?: readonly string[];
}

export interface EmitContext {
  outDir: string;
  seed: number;
  defectRate: number;
  fixedDate: Date;
  defects: DefectRecord[];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export class FileEmitter {
  private writer: TableWriter;
  private injector: DefectInjector;
  private headers: string[];
  private sums = new Map<string, number>();
  private converters: (((value: string | number) => CellValue) | null)[];

  constructor(private ctx: EmitContext, private spec: FileSpec) {
    this.headers = spec.columns.map((c) => (spec.tenThousand && TEN_THOUSAND.has(c) ? `${c}(万元)` : c));
    this.converters = spec.columns.map((c) => this.converter(c));
    const xlsx = spec.format === "xlsx" ? { sheet: spec.sheet ?? "Sheet1", title: spec.title, dateFormat: spec.dates === "excel" ? "yyyy-mm-dd" : undefined } : null;
    this.writer = openTable(join(ctx.outDir, spec.name), spec.format, this.headers, xlsx, ctx.fixedDate);
    this.injector = new DefectInjector(ctx.seed, spec.name, ctx.defectRate, spec.extract);
  }

  /** How each column's values are written: dates in the office's form, amounts in 万元 where the header says so. */
  private converter(column: string): ((value: string | number) => CellValue) | null {
    if (DATE_COLUMNS.has(column) && this.spec.dates !== undefined && this.spec.dates !== "iso") {
      const excel = this.spec.dates === "excel";
      return (value) => {
        if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
        const day = dayOf(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
        return excel ? utcDate(day) : slashDay(day);
      };
    }
    if (this.spec.tenThousand && TEN_THOUSAND.has(column)) return (value) => (typeof value === "number" ? round6(value / 10_000) : value);
    return null;
  }

  private cell(column: string, value: Row[string]): CellValue {
    if (value === null || value === undefined) return null;
    const convert = this.converters[this.spec.columns.indexOf(column)];
    return convert ? convert(value) : value;
  }

  private async put(row: Row): Promise<CellValue[]> {
    const columns = this.spec.columns;
    const cells: CellValue[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const value = row[columns[i]];
      const convert = this.converters[i];
      cells[i] = value === null || value === undefined ? null : convert ? convert(value) : value;
    }
    for (const c of this.spec.totals ?? []) this.sums.set(c, (this.sums.get(c) ?? 0) + ((row[c] as number) ?? 0));
    await this.writer.addRow(cells);
    return cells;
  }

  async write(row: Row): Promise<void> {
    const originalRow = this.writer.nextRow;
    const defect = this.injector.maybeBreak(row);
    if (defect?.duplicate) await this.put(row);
    const rowNumber = this.writer.nextRow;
    const cells = await this.put(row);
    if (!defect) return;
    const index = this.spec.columns.indexOf(defect.column);
    const value = cells[index];
    this.ctx.defects.push({
      file: this.spec.name,
      sheet: this.spec.format === "xlsx" ? (this.spec.sheet ?? "Sheet1") : null,
      row: rowNumber,
      column: this.headers[index],
      value: value instanceof Date ? value.toISOString().slice(0, 10) : String(value),
      kind: defect.kind,
      severity: defect.severity,
      extract: this.spec.extract,
      ...(defect.duplicate ? { note: `与第 ${originalRow} 行重复` } : defect.note ? { note: defect.note } : {}),
    });
  }

  async close(): Promise<ManifestFile> {
    const titleRows = this.spec.title ? 1 : 0;
    let totalRow: number | null = null;
    if (this.spec.format === "xlsx" && this.spec.totals) {
      totalRow = this.writer.nextRow;
      const total = this.spec.columns.map((c, i): CellValue => {
        if (i === 0) return "合计";
        const sum = this.sums.get(c);
        return sum === undefined ? null : (this.cell(c, Math.round(sum * 100) / 100) as CellValue);
      });
      await this.writer.close(total);
    } else await this.writer.close();
    return {
      name: this.spec.name,
      extract: this.spec.extract,
      format: this.spec.format,
      sheet: this.spec.format === "xlsx" ? (this.spec.sheet ?? "Sheet1") : null,
      titleRows,
      headerRow: titleRows + 1,
      dataRows: this.writer.dataRows,
      totalRow,
      period: this.spec.period ?? null,
      periodInName: this.spec.periodInName ?? false,
      source: this.spec.source ?? null,
      headers: this.headers,
      dates: this.spec.dates ?? "iso",
      amountUnit: this.spec.tenThousand ? "万元" : "元",
    };
  }
}
