// Turns catalog entries into table columns and indicator lookups into table rows, so every page's tables
// (towns, villages) share one layout and the downloads carry the catalog's names.
import type { Column, ColumnKind, Row } from "./table-model.js";
import type { IndicatorStore } from "./indicator-store.js";
import { amountUnitFor, isAmountUnit, isRateUnit } from "./format.js";

export interface CatalogEntry {
  code: string;
  name_zh: string;
  name_en?: string;
  formula_zh?: string;
  unit: string;
  higher_is_better: boolean | null;
  target?: number | null;
  kind?: string;
  source_fields?: string[];
  family?: string;
}

export function columnKind(unit: string | null | undefined): ColumnKind {
  if (isRateUnit(unit)) return "rate";
  if (isAmountUnit(unit)) return "amount";
  return "count";
}

/** A column for one indicator; incomes stay in 元 (a 万元 income reads oddly), other amounts adapt. */
export function indicatorColumn(entry: CatalogEntry, label = entry.name_zh): Column {
  const kind = columnKind(entry.unit);
  const unit = kind === "amount" ? amountUnitFor(entry.code) : undefined;
  return unit ? { key: entry.code, label, kind, unit } : { key: entry.code, label, kind };
}

export interface AreaLike {
  area_code: string;
  name: string;
}

/** The column that says which sources a row's values lack (DOMAIN.md §7); empty when complete. */
export const INCOMPLETE_COLUMN: Column = { key: "incomplete", label: "数据不完整（缺）" };

/**
 * One row per area with the indicators' values for a period. Cells the mart withheld (village figures,
 * DOMAIN §9) are listed in `hidden` with why: "primary" shows "<N", "secondary" shows "×". `incomplete` lists the
 * sources missing for any of the row's values (shown and downloaded through INCOMPLETE_COLUMN).
 */
export function areaRows(store: IndicatorStore, areas: AreaLike[], codes: string[], period: string | undefined): Row[] {
  return areas.map((area) => {
    const row: Row = { area_code: area.area_code, name: area.name };
    const hidden: Record<string, string> = {};
    const missing = new Set<string>();
    for (const code of codes) {
      const found = store.get(code, period, area.area_code);
      row[code] = found?.value ?? null;
      if (found?.suppressed) hidden[code] = found.suppression ?? "primary";
      for (const source of found?.missing_sources ?? []) missing.add(source);
    }
    if (Object.keys(hidden).length > 0) row.hidden = hidden;
    if (missing.size > 0) row.incomplete = [...missing].sort().join("、");
    return row;
  });
}

/** The table columns plus INCOMPLETE_COLUMN when any row lacks a source. */
export function withIncompleteColumn(columns: Column[], rows: Row[]): Column[] {
  return rows.some((row) => typeof row.incomplete === "string") ? [...columns, INCOMPLETE_COLUMN] : columns;
}

/**
 * Ranks rows by one indicator: 1 is the best per the catalog's direction (highest when higher is better,
 * lowest when lower is better, highest when neutral); rows without a value get no rank and go last.
 */
export function rankRows(rows: Row[], code: string, higherIsBetter: boolean | null): Row[] {
  const descending = higherIsBetter !== false;
  const valued = rows.filter((row) => typeof row[code] === "number" && row.suppressed !== true && !(row.hidden as Record<string, string> | undefined)?.[code]);
  const rest = rows.filter((row) => !valued.includes(row));
  valued.sort((a, b) => (descending ? (b[code] as number) - (a[code] as number) : (a[code] as number) - (b[code] as number)));
  return [...valued.map((row, i) => ({ ...row, rank: i + 1 })), ...rest.map((row) => ({ ...row, rank: null }))];
}
