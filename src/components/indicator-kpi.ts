// One KPI card for a catalog indicator of one area and period, the same on every page: the value with its
// numerator and denominator (rates), 环比 and 同比 only against a like period (a part year is compared with the
// same months of last year, or not at all), coloured by the catalog's direction, and the missing sources.
import type { IndicatorStore } from "./indicator-store.js";
import { kpiCard, type KpiInput } from "./kpi-card.js";
import { formatPeriod, partPeriodEnd } from "./format.js";
import { comparableLastYear, comparablePrevious } from "./periods.js";

export interface CatalogEntry {
  code: string;
  name_zh: string;
  unit: string;
  higher_is_better: boolean | null;
  target?: number | null;
}

/** Why 环比/同比 are missing or narrowed for a part period, in words; "" for a whole period. */
export function comparisonNote(period: string, dataEnd: string | undefined): string {
  const part = dataEnd === undefined ? null : partPeriodEnd(period, dataEnd);
  if (part === null) return "";
  const lastYear = comparableLastYear(period, dataEnd);
  const upTo = `截至${Number(part.slice(5, 7))}月`;
  return lastYear
    ? `${upTo}：同比对${formatPeriod(lastYear)}（相同月份），不计环比`
    : `${upTo}：上年没有相同月份的可比数，不计环比、同比`;
}

/** Rates whose numerator and denominator are amounts or averages, not counts of households or persons: no base line. */
const NOT_COUNTED = new Set(["income_growth", "ins_loss_ratio", "ins_depth"]);

/** `extra`: card options a page adds for one indicator (e.g. loans in 万元 with two decimals, a link). */
export function indicatorKpi(
  store: IndicatorStore, entry: CatalogEntry, period: string, area: string, dataEnd?: string, extra: Partial<KpiInput> = {},
): HTMLElement {
  const row = store.get(entry.code, period, area);
  return kpiCard({
    code: entry.code,
    label: entry.name_zh,
    unit: entry.unit,
    target: entry.target,
    higherIsBetter: entry.higher_is_better,
    value: row?.value ?? null,
    numerator: NOT_COUNTED.has(entry.code) ? null : row?.numerator ?? null,
    denominator: NOT_COUNTED.has(entry.code) ? null : row?.denominator ?? null,
    missing: store.missing(entry.code, period, area),
    previous: store.value(entry.code, comparablePrevious(period, dataEnd), area),
    lastYear: store.value(entry.code, comparableLastYear(period, dataEnd), area),
    comparisonNote: comparisonNote(period, dataEnd) || undefined,
    ...extra,
  });
}
