// A monthly trend line in a card: one line per series (e.g. county, or several towns), rates on a percent
// axis, amounts in 万元. Returns a <figure> inside a .card so tests and print rules can find it.
import * as Plot from "@observablehq/plot";
import { chartCard } from "./chart-card.js";
import { isAmountUnit, isRateUnit, formatPeriod } from "./format.js";

export interface TrendPoint {
  period: string;
  value: number | null;
  series?: string;
}

export interface TrendOptions {
  title: string;
  unit: string;
  width?: number;
  height?: number;
  subtitle?: string;
  document?: Document;
}

/** 'YYYY-MM' → the first day of that month (UTC), for a time axis. */
export function monthDate(period: string): Date {
  return new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1));
}

/** Points as Plot wants them: dated, scaled to the axis unit, missing values dropped. */
export function trendPoints(points: TrendPoint[], unit: string): Array<{ date: Date; y: number; series: string; label: string }> {
  const scale = isAmountUnit(unit) ? 1e-4 : 1;
  return points
    .filter((p) => typeof p.value === "number" && Number.isFinite(p.value) && /^\d{4}-\d{2}$/.test(p.period))
    .map((p) => ({ date: monthDate(p.period), y: (p.value as number) * scale, series: p.series ?? "", label: formatPeriod(p.period) }));
}

export function trendChart(points: TrendPoint[], options: TrendOptions): HTMLElement {
  const doc = options.document ?? document;
  const data = trendPoints(points, options.unit);
  const multi = new Set(data.map((d) => d.series)).size > 1;
  const rate = isRateUnit(options.unit);
  const card = { title: options.title, subtitle: options.subtitle, document: doc };
  // No empty axes: a chart without marks reads as broken, a sentence does not.
  if (data.length === 0) return chartCard(null, card);
  const chart = Plot.plot({
    document: doc,
    width: options.width ?? 640,
    height: options.height ?? 220,
    marginLeft: 56,
    x: { type: "utc", label: null, tickFormat: (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`, ticks: 6 },
    y: {
      grid: true,
      label: rate ? "%" : isAmountUnit(options.unit) ? "万元" : null,
      percent: rate,
      zero: !rate,
    },
    color: multi ? { legend: true } : undefined,
    marks: [
      Plot.lineY(data, { x: "date", y: "y", stroke: multi ? "series" : "var(--theme-foreground-focus)", marker: data.length < 40 ? "circle-stroke" : undefined }),
      Plot.tip(data, Plot.pointerX({ x: "date", y: "y", title: (d: { label: string; series: string; y: number }) => `${d.series ? d.series + " " : ""}${d.label}\n${rate ? (d.y * 100).toFixed(1) + "%" : d.y.toLocaleString("zh-CN", { maximumFractionDigits: 1 })}` })),
    ],
  });
  // chartCard wraps a bare <svg> in a <figure>, so charts are always svg in figure.
  return chartCard(chart, card);
}
