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
}

export type Suppression = "primary" | "secondary";

/** [code index, period index, area index, value, numerator, denominator, 0 published / 1 primary / 2 secondary] */
export type PackedRow = [number, number, number, number | null, number | null, number | null, 0 | 1 | 2];

export interface PackedIndicators {
  codes: string[];
  periods: string[];
  areas: string[];
  rows: PackedRow[];
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
  const packed: PackedIndicators = { codes: [], periods: [], areas: [], rows: [] };
  const maps = { codes: new Map<string, number>(), periods: new Map<string, number>(), areas: new Map<string, number>() };
  for (const row of rows) {
    packed.rows.push([
      index(packed.codes, maps.codes, row.code),
      index(packed.periods, maps.periods, row.period),
      index(packed.areas, maps.areas, row.area_code),
      compact(row.value),
      compact(row.numerator),
      compact(row.denominator),
      row.suppression === "secondary" ? 2 : row.suppressed || row.suppression === "primary" ? 1 : 0,
    ]);
  }
  return packed;
}

export interface IndicatorStore {
  get(code: string, period: string | undefined, area: string): IndicatorRow | undefined;
  value(code: string, period: string | undefined, area: string): number | null;
  /** One area's values over periods of one kind, oldest first (for trend lines). */
  series(code: string, area: string, type?: PeriodType): Array<{ period: string; value: number | null }>;
  periods(type?: PeriodType): string[];
  areas(): string[];
}

export function indicatorStore(packed: PackedIndicators): IndicatorStore {
  const byKey = new Map<string, IndicatorRow>();
  const byCodeArea = new Map<string, IndicatorRow[]>();
  for (const [c, p, a, value, numerator, denominator, suppressed] of packed.rows) {
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
    series: (code, area, type = "month") =>
      (byCodeArea.get(`${code}|${area}`) ?? [])
        .filter((row) => periodType(row.period) === type)
        .map((row) => ({ period: row.period, value: row.value })),
    periods: (type) => packed.periods.filter((p) => type === undefined || periodType(p) === type).sort(),
    areas: () => [...packed.areas],
  };
  return store;
}
