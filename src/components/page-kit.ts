// What every indicator page sets up before it draws, once and tested: the catalog by code, the county, its
// towns and villages, the last month with data (a part half-year or year reads 2026年（截至6月）), a period's
// end month and 24-month trend window, and the page's KPI cards and trend charts built the same way everywhere.
// Pages then only load, pick and draw (issue 9 point 3).
import type { IndicatorStore } from "./indicator-store.js";
import { indicatorKpi, type CatalogEntry } from "./indicator-kpi.js";
import type { KpiInput } from "./kpi-card.js";
import { trendChart } from "./trend-chart.js";
import { formatPeriod } from "./format.js";
import { monthsEndingAt, monthsOf, periodType } from "./periods.js";

export interface MetaArea {
  area_code: string;
  area_level: string;
  name: string;
  parent_code?: string | null;
  households?: number | null;
}

export interface MetaPeriod {
  period: string;
  period_type: string;
  end_month?: string | null;
}

export interface PageMeta {
  areas: MetaArea[];
  periods: MetaPeriod[];
  settings?: Record<string, unknown>;
  public?: boolean;
}

/** Months a trend chart shows, ending at the selected period's end month. */
export const TREND_MONTHS = 24;

export interface PageKit {
  byCode: Map<string, CatalogEntry>;
  /** The codes of `codes` the catalog has, in the given order (a county without a family drops its codes). */
  codes(codes: string[]): string[];
  county: MetaArea | undefined;
  countyCode: string | undefined;
  towns: MetaArea[];
  villagesOf(townCode: string): MetaArea[];
  /** Every period of the calendar, for the period selector. */
  periods: string[];
  /** Months with data, oldest first. */
  months: string[];
  /** The last month with data. */
  dataEnd: string | undefined;
  /** 2026年上半年, or 2026年（截至6月） when data end inside the period. */
  label(period: string): string;
  /** The month whose snapshot a period's stocks come from (a month is its own). */
  endMonth(period: string): string;
  /** The 24 months ending at the period's end month, oldest first. */
  trendMonths(period: string): string[];
  /** The indicator's card for an area and period, with 环比/同比 against like periods. */
  kpi(store: IndicatorStore, code: string, period: string, area: string | undefined, extra?: Partial<KpiInput>): HTMLElement;
  /** The indicator's monthly line for an area over the 24 months ending at the period's end month. */
  trend(store: IndicatorStore, code: string, period: string, area: string | undefined, options?: { title?: string; width?: number }): HTMLElement;
}

export function pageKit(catalog: CatalogEntry[], meta: PageMeta): PageKit {
  const byCode = new Map(catalog.map((d) => [d.code, d]));
  const county = meta.areas.find((d) => d.area_level === "county");
  const towns = meta.areas.filter((d) => d.area_level === "town");
  const months = meta.periods.filter((d) => d.period_type === "month").map((d) => d.period).sort();
  const dataEnd = months.at(-1);
  const endOf = new Map(meta.periods.map((d) => [d.period, d.end_month ?? undefined]));
  const endMonth = (period: string) => (periodType(period) === "month" ? period : endOf.get(period) ?? monthsOf(period).at(-1) ?? period);
  const trendMonths = (period: string) => monthsEndingAt(endMonth(period), TREND_MONTHS);
  const entry = (code: string) => {
    const found = byCode.get(code);
    if (!found) throw new Error(`指标目录中没有 ${code}`);
    return found;
  };
  return {
    byCode,
    codes: (codes) => codes.filter((code) => byCode.has(code)),
    county,
    countyCode: county?.area_code,
    towns,
    villagesOf: (townCode) => meta.areas.filter((d) => d.area_level === "village" && d.parent_code === townCode),
    periods: meta.periods.map((d) => d.period),
    months,
    dataEnd,
    label: (period) => formatPeriod(period, dataEnd),
    endMonth,
    trendMonths,
    kpi: (store, code, period, area, extra = {}) => indicatorKpi(store, entry(code), period, area ?? "", dataEnd, extra),
    trend: (store, code, period, area, options = {}) => {
      const e = entry(code);
      const window = new Set(trendMonths(period));
      return trendChart(store.series(code, area ?? "").filter((d) => window.has(d.period)), {
        title: options.title ?? e.name_zh,
        unit: e.unit,
        code,
        target: e.target,
        subtitle: `截至${formatPeriod(endMonth(period))}的 ${TREND_MONTHS} 个月`,
        width: options.width ?? 560,
      });
    },
  };
}
