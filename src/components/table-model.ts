// One description of a table's columns drives the screen (formatted text), CSV and XLSX (typed cells),
// so the three never disagree. Village rows the mart suppressed carry `suppressed: true` (every figure) or
// `hidden: {column key: "primary" | "secondary"}` (single cells: "<N" and "×", DOMAIN §9).
import { formatAmount, formatCount, formatDate, formatPeriod, formatRate, EMPTY_CELL } from "./format.js";
import type { AmountUnit } from "./format.js";

export type ColumnKind = "text" | "count" | "number" | "rate" | "amount" | "date" | "period";

export interface Column {
  key: string;
  label: string;
  /** Default "text". Numeric kinds show "<N" on suppressed rows. */
  kind?: ColumnKind;
  /** For amounts: force one unit on screen (incomes read in 元). */
  unit?: AmountUnit;
  /** Decimal places for "number", and for "amount" in 万元/亿元 (e.g. loans: 万元 with 2). */
  digits?: number;
  /** Left empty for the reader to fill in on paper (e.g. 核实情况). */
  blank?: boolean;
  /** On screen the cell links to this address (downloads keep the text). */
  href?: (row: Row) => string;
}

export type Row = Record<string, unknown>;

export interface CellOptions {
  /** Households below which village figures are suppressed; shown as "<N". */
  threshold?: number;
}

export type ExportCell =
  | { type: "number"; value: number; percent?: boolean }
  | { type: "text"; value: string }
  | { type: "empty" };

function isNumeric(kind: ColumnKind | undefined): boolean {
  return kind === "count" || kind === "number" || kind === "rate" || kind === "amount";
}

/** "<5" for a threshold of 5; "<N" when the threshold is unknown; "×" for a figure withheld to protect another. */
export function suppressionLabel(threshold?: number, why: string = "primary"): string {
  return why === "secondary" ? SECONDARY_LABEL : `<${threshold ?? "N"}`;
}

/** Shown for a figure withheld only so that a "<N" cannot be worked out by subtraction. */
export const SECONDARY_LABEL = "×";

/** Why the cell is withheld, or null when it is shown. */
export function suppressionOf(row: Row, column: Column | string): string | null {
  const key = typeof column === "string" ? column : column.key;
  if (typeof column !== "string" && !isNumeric(column.kind)) return null;
  if (row.suppressed === true) return "primary";
  const hidden = row.hidden as Record<string, string> | undefined;
  return hidden?.[key] ?? null;
}

export function isSuppressed(row: Row, column: Column): boolean {
  return suppressionOf(row, column) !== null;
}

/** The text a reader sees in the cell. */
export function cellText(row: Row, column: Column, options: CellOptions = {}): string {
  if (column.blank) return "";
  if (isSuppressed(row, column)) return suppressionLabel(options.threshold, suppressionOf(row, column) ?? undefined);
  const value = row[column.key];
  switch (column.kind) {
    case "count":
      return formatCount(value);
    case "number":
      return formatCount(value, column.digits ?? 1);
    case "rate":
      return formatRate(value);
    case "amount":
      return formatAmount(value, column.digits === undefined ? { unit: column.unit } : { unit: column.unit, digits: column.digits });
    case "date":
      return formatDate(value);
    case "period":
      return typeof value === "string" ? formatPeriod(value) : EMPTY_CELL;
    default:
      return value == null || value === "" ? EMPTY_CELL : String(value);
  }
}

/** The typed cell for a spreadsheet: numbers stay numbers (amounts in 元, rates as fractions). */
export function exportCell(row: Row, column: Column, options: CellOptions = {}): ExportCell {
  if (column.blank) return { type: "empty" };
  if (isSuppressed(row, column)) return { type: "text", value: suppressionLabel(options.threshold, suppressionOf(row, column) ?? undefined) };
  const value = row[column.key];
  if (value == null || value === "") return { type: "empty" };
  if (isNumeric(column.kind)) {
    const number = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(number)) return { type: "empty" };
    return column.kind === "rate" ? { type: "number", value: number, percent: true } : { type: "number", value: number };
  }
  if (column.kind === "period" && typeof value === "string") return { type: "text", value: formatPeriod(value) };
  if (value instanceof Date) return { type: "text", value: value.toISOString().slice(0, 10) };
  return { type: "text", value: String(value) };
}

/** Header for a download: amounts say they are in 元 so the number is unambiguous. */
export function exportLabel(column: Column): string {
  return column.kind === "amount" ? `${column.label}(元)` : column.label;
}
