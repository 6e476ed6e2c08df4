// Indicator rows travel to the browser packed (codes, periods and areas listed once, rows as index
// tuples) to keep each page's data small; this unpacks them into lookups the pages use.
import { periodType } from "./periods.js";
import type { PeriodType } from "./periods.js";

export interface IndicatorRow {
  code: string;
  period: string;
  area_code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed?: boolean;
  /** Why a village figure is withheld (DOMAIN §9): "primary" shows "<N", "secondary" shows "×". */
  suppression?: Suppression | null;
  /** Sources missing for the period (DOMAIN.md §7 completeness), e.g. "县农业银行 2025年6月贷款台账"; empty when complete. */
  missing_sources?: string[];
}

export type Suppression = "primary" | "secondary";

/**
 * [code index, period index, area index, value, numerator, denominator, 0 published / 1 primary / 2 secondary,
 * missing]: missing is 0 when the row is complete, else 1 + the index of its list in `missing`.
 */
export type PackedRow = [number, number, number, number | null, number | null, number | null, 0 | 1 | 2, number];

export interface PackedIndicators {
  codes: string[];
  periods: string[];
  areas: string[];
  rows: PackedRow[];
  /** Distinct lists of missing sources, listed once (many rows share one). */
  missing?: string[][];
}

/** Rounds to 6 significant digits: enough for display and downloads, far shorter in JSON. */
function compact(value: unknown): number | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  return Number(value.toPrecision(6));
}

export function packIndicators(rows: IndicatorRow[]): PackedIndicators {
  const index = (list: string[], map: Map<string, number>, key: string) => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = list.push(key) - 1));
    return i;
  };
  const packed: PackedIndicators = { codes: [], periods: [], areas: [], rows: [], missing: [] };
  const maps = { codes: new Map<string, number>(), periods: new Map<string, number>(), areas: new Map<string, number>() };
  const missingIndex = new Map<string, number>();
  const missingOf = (sources: string[] | undefined): number => {
    if (!sources || sources.length === 0) return 0;
    const key = sources.join("\u0000");
    let i = missingIndex.get(key);
    if (i === undefined) missingIndex.set(key, (i = packed.missing!.push([...sources]) - 1));
    return i + 1;
  };
  for (const row of rows) {
    packed.rows.push([
      index(packed.codes, maps.codes, row.code),
      index(packed.periods, maps.periods, row.period),
      index(packed.areas, maps.areas, row.area_code),
      compact(row.value),
      compact(row.numerator),
      compact(row.denominator),
      row.suppression === "secondary" ? 2 : row.suppressed || row.suppression === "primary" ? 1 : 0,
      missingOf(row.missing_sources),
    ]);
  }
  return packed;
}

export interface IndicatorStore {
  get(code: string, period: string | undefined, area: string): IndicatorRow | undefined;
  value(code: string, period: string | undefined, area: string): number | null;
  /** The sources missing for this value (empty when complete or unknown). */
  missing(code: string, period: string | undefined, area: string): string[];
  /** One area's values over periods of one kind, oldest first (for trend lines). */
  series(code: string, area: string, type?: PeriodType): Array<{ period: string; value: number | null }>;
  periods(type?: PeriodType): string[];
  areas(): string[];
}

export function indicatorStore(packed: PackedIndicators): IndicatorStore {
  const byKey = new Map<string, IndicatorRow>();
  const byCodeArea = new Map<string, IndicatorRow[]>();
  for (const [c, p, a, value, numerator, denominator, suppressed, missing] of packed.rows) {
    const row: IndicatorRow = {
      code: packed.codes[c],
      period: packed.periods[p],
      area_code: packed.areas[a],
      value,
      numerator,
      denominator,
      suppressed: suppressed !== 0,
      suppression: suppressed === 2 ? "secondary" : suppressed === 1 ? "primary" : null,
    };
    if (missing) row.missing_sources = packed.missing?.[missing - 1] ?? [];
    byKey.set(`${row.code}|${row.period}|${row.area_code}`, row);
    const key = `${row.code}|${row.area_code}`;
    const list = byCodeArea.get(key);
    if (list) list.push(row);
    else byCodeArea.set(key, [row]);
  }
  for (const list of byCodeArea.values()) list.sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
  const store: IndicatorStore = {
    get: (code, period, area) => (period === undefined ? undefined : byKey.get(`${code}|${period}|${area}`)),
    value: (code, period, area) => store.get(code, period, area)?.value ?? null,
    missing: (code, period, area) => store.get(code, period, area)?.missing_sources ?? [],
    series: (code, area, type = "month") =>
      (byCodeArea.get(`${code}|${area}`) ?? [])
        .filter((row) => periodType(row.period) === type)
        .map((row) => ({ period: row.period, value: row.value })),
    periods: (type) => packed.periods.filter((p) => type === undefined || periodType(p) === type).sort(),
    areas: () => [...packed.areas],
  };
  return store;
}
