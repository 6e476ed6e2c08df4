// A monthly trend line in a card: one line per series (e.g. county, or several towns), rates on a percent
// axis that starts at 0 (a 99.86–99.96% axis makes noise look like swings), with the target drawn when there
// is one; amounts in the unit the indicator's card uses (incomes per person in 元, other amounts in 万元).
// Axis text is 12 px. The figure carries a sentence (aria-label) saying what the line shows, for screen readers
// and as the chart's text alternative. Returns a <figure> inside a .card so tests and print rules can find it.
import * as Plot from "@observablehq/plot";
import { chartCard } from "./chart-card.js";
import { amountUnitFor, formatValue, isAmountUnit, isRateUnit, formatPeriod } from "./format.js";
import type { AmountUnit } from "./format.js";

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
  /** The indicator's code: decides the amount unit as on its card (amountUnitFor). */
  code?: string;
  /** Amount unit of the axis; default from `code`, else 万元. */
  amountUnit?: AmountUnit;
  /** Target in the indicator's unit (1 = 100%), drawn as a dashed line; the rate axis then reaches it. */
  target?: number | null;
}

const AMOUNT_SCALE: Record<AmountUnit, number> = { 元: 1, 万元: 1e-4, 亿元: 1e-8 };

function axisAmountUnit(options: Pick<TrendOptions, "code" | "amountUnit">): AmountUnit {
  return options.amountUnit ?? amountUnitFor(options.code) ?? "万元";
}

/** "风险消除率，2024年7月至2026年6月：从 61.0% 到 62.3%，最低 60.1%，最高 63.0%。" — a line's text alternative. */
export function trendSentence(points: TrendPoint[], options: Pick<TrendOptions, "title" | "unit" | "code" | "amountUnit">): string {
  const valid = points.filter((p) => typeof p.value === "number" && Number.isFinite(p.value) && /^\d{4}-\d{2}$/.test(p.period));
  if (valid.length === 0) return `${options.title}：没有数据。`;
  const amount = isAmountUnit(options.unit) ? axisAmountUnit(options) : undefined;
  const show = (v: number) => formatValue(v, options.unit, amount);
  const series = [...new Set(valid.map((p) => p.series ?? ""))];
  const parts = series.map((name) => {
    const own = valid.filter((p) => (p.series ?? "") === name).sort((a, b) => (a.period < b.period ? -1 : 1));
    const values = own.map((p) => p.value as number);
    return `${name ? name + "：" : ""}从 ${show(values[0]!)} 到 ${show(values.at(-1)!)}，最低 ${show(Math.min(...values))}，最高 ${show(Math.max(...values))}`;
  });
  const months = valid.map((p) => p.period).sort();
  return `${options.title}，${formatPeriod(months[0]!)}至${formatPeriod(months.at(-1)!)}：${parts.join("；")}。`;
}

/** 'YYYY-MM' → the first day of that month (UTC), for a time axis. */
export function monthDate(period: string): Date {
  return new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1));
}

/** Points as Plot wants them: dated, scaled to the axis unit (万元 unless told), missing values dropped. */
export function trendPoints(points: TrendPoint[], unit: string, amountUnit: AmountUnit = "万元"): Array<{ date: Date; y: number; series: string; label: string }> {
  const scale = isAmountUnit(unit) ? AMOUNT_SCALE[amountUnit] : 1;
  return points
    .filter((p) => typeof p.value === "number" && Number.isFinite(p.value) && /^\d{4}-\d{2}$/.test(p.period))
    .map((p) => ({ date: monthDate(p.period), y: (p.value as number) * scale, series: p.series ?? "", label: formatPeriod(p.period) }));
}

export function trendChart(points: TrendPoint[], options: TrendOptions): HTMLElement {
  const doc = options.document ?? document;
  const amount = axisAmountUnit(options);
  const data = trendPoints(points, options.unit, amount);
  const multi = new Set(data.map((d) => d.series)).size > 1;
  const rate = isRateUnit(options.unit);
  const card = { title: options.title, subtitle: options.subtitle, document: doc };
  // No empty axes: a chart without marks reads as broken, a sentence does not.
  if (data.length === 0) return chartCard(null, card);
  const target = rate && typeof options.target === "number" ? options.target : null;
  const digits = amount === "元" ? 0 : 1;
  const chart = Plot.plot({
    document: doc,
    width: options.width ?? 640,
    height: options.height ?? 220,
    marginLeft: 56,
    style: { fontSize: "12px" },
    ariaLabel: trendSentence(points, options),
    x: { type: "utc", label: null, tickFormat: (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`, ticks: 6 },
    y: {
      grid: true,
      label: rate ? "%" : isAmountUnit(options.unit) ? amount : null,
      percent: rate,
      // every axis starts at 0; a rate's reaches its target (or 100% when values are near it)
      zero: true,
      // (a percent scale's domain is in percent, after its ×100 transform)
      domain: rate ? [0, 100 * Math.max(target ?? 0, ...data.map((d) => d.y))] : undefined,
    },
    color: multi ? { legend: true } : undefined,
    marks: [
      ...(target !== null ? [Plot.ruleY([target], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,3" })] : []),
      Plot.lineY(data, { x: "date", y: "y", stroke: multi ? "series" : "var(--theme-foreground-focus)", marker: data.length < 40 ? "circle-stroke" : undefined }),
      Plot.tip(data, Plot.pointerX({ x: "date", y: "y", title: (d: { label: string; series: string; y: number }) => `${d.series ? d.series + " " : ""}${d.label}\n${rate ? (d.y * 100).toFixed(1) + "%" : d.y.toLocaleString("zh-CN", { maximumFractionDigits: digits }) + (isAmountUnit(options.unit) ? amount : "")}` })),
    ],
  });
  // chartCard wraps a bare <svg> in a <figure>, so charts are always svg in figure.
  return chartCard(chart, { ...card, description: trendSentence(points, options) });
}
