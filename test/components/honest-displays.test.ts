// @vitest-environment jsdom
// Honest displays (issue 16 point 2): part periods labelled and compared only with like periods, numerator and
// denominator under rates with small bases marked, rate axes from 0 (or the target), one unit per quantity.
import { describe, expect, it } from "vitest";
import { formatPeriod, partPeriodEnd } from "../../src/components/format.ts";
import { comparableLastYear, comparablePrevious } from "../../src/components/periods.ts";
import { comparisonNote, indicatorKpi } from "../../src/components/indicator-kpi.ts";
import { indicatorStore, packIndicators } from "../../src/components/indicator-store.ts";
import { baseText } from "../../src/components/kpi-card.ts";
import { periodSelect } from "../../src/components/period-select.ts";
import { trendChart, trendPoints, trendSentence } from "../../src/components/trend-chart.ts";

describe("part periods", () => {
  it("label a half-year or year that data end inside, and nothing else", () => {
    expect(formatPeriod("2026", "2026-06")).toBe("2026年（截至6月）");
    expect(formatPeriod("2026-H2", "2026-09")).toBe("2026年下半年（截至9月）");
    expect(formatPeriod("2026-H1", "2026-06")).toBe("2026年上半年");
    expect(formatPeriod("2025", "2026-06")).toBe("2025年");
    expect(formatPeriod("2026-06", "2026-06")).toBe("2026年6月");
    expect(formatPeriod("2026")).toBe("2026年");
    expect(partPeriodEnd("2026-H2", "2026-06")).toBeNull();
  });
  it("are compared with the same months of last year, or not at all", () => {
    expect(comparableLastYear("2026", "2026-06")).toBe("2025-H1");
    expect(comparableLastYear("2026", "2026-05")).toBeUndefined();
    expect(comparableLastYear("2026-H1", "2026-04")).toBeUndefined();
    expect(comparableLastYear("2025", "2026-06")).toBe("2024");
    expect(comparableLastYear("2026-03", "2026-06")).toBe("2025-03");
    expect(comparablePrevious("2026", "2026-06")).toBeUndefined();
    expect(comparablePrevious("2026-H1", "2026-06")).toBe("2025-H2");
    expect(comparisonNote("2026", "2026-06")).toBe("截至6月：同比对2025年上半年（相同月份），不计环比");
    expect(comparisonNote("2026", "2026-05")).toBe("截至5月：上年没有相同月份的可比数，不计环比、同比");
    expect(comparisonNote("2026-05", "2026-06")).toBe("");
  });
  it("are labelled in the period selector", () => {
    const select = periodSelect(["2026", "2026-H1", "2026-06"], { dataEnd: "2026-05" });
    expect([...select.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["2026年6月", "2026年上半年（截至5月）", "2026年（截至5月）"]);
  });
});

describe("the indicator KPI card", () => {
  const store = indicatorStore(packIndicators([
    { code: "mon_identified", period: "2026", area_code: "1", value: 351, numerator: 351, denominator: null },
    { code: "mon_identified", period: "2025", area_code: "1", value: 724, numerator: 724, denominator: null },
    { code: "mon_identified", period: "2025-H1", area_code: "1", value: 300, numerator: 300, denominator: null },
    { code: "timely_assist_rate", period: "2026-06", area_code: "1", value: 1 / 9, numerator: 1, denominator: 9 },
    { code: "timely_assist_rate", period: "2026-05", area_code: "1", value: 0.5, numerator: 1, denominator: 2 },
    { code: "mon_active", period: "2026-06", area_code: "1", value: 1894, numerator: 1894, denominator: null },
    { code: "mon_active", period: "2025-06", area_code: "1", value: 1782, numerator: 1782, denominator: null },
  ]));
  const entry = (code: string, unit: string, higher: boolean | null) => ({ code, name_zh: code, unit, higher_is_better: higher });
  it("compares a year to June with last year's first half, not the whole year", () => {
    const card = indicatorKpi(store, entry("mon_identified", "households", null), "2026", "1", "2026-06");
    expect([...card.querySelectorAll(".kpi-change")].map((c) => c.textContent)).toEqual(["环比 —", "同比 +17.0%"]);
    expect(card.querySelector(".kpi-note")!.textContent).toBe("截至6月：同比对2025年上半年（相同月份），不计环比");
  });
  it("shows a rate's numerator and denominator and marks a small base", () => {
    const card = indicatorKpi(store, entry("timely_assist_rate", "ratio", true), "2026-06", "1", "2026-06");
    expect(card.querySelector(".kpi-base")!.textContent).toBe("分子 1 / 分母 9，基数小，仅供参考");
    expect(card.querySelector(".kpi-base")!.classList.contains("small-base")).toBe(true);
    expect(baseText(120, 400)).toBe("分子 120 / 分母 400");
    expect(baseText(0, 0)).toBe("");
  });
  it("colours a rise of the active monitored stock as bad (catalog: lower is better)", () => {
    const card = indicatorKpi(store, entry("mon_active", "households", false), "2026-06", "1", "2026-06");
    expect(card.querySelectorAll(".kpi-change")[1]!.className).toBe("kpi-change tone-bad");
  });
});

describe("trend charts", () => {
  const months = (values: number[]) => values.map((value, i) => ({ period: `2025-${String(i + 1).padStart(2, "0")}`, value }));
  it("start a rate axis at 0 and reach the target", () => {
    const card = trendChart(months([0.9986, 0.9990, 0.9996]), { title: "三保障达标率", unit: "ratio", target: 1 });
    const ticks = [...card.querySelectorAll('[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    expect(Number(ticks[0])).toBe(0);
    expect(Number(ticks.at(-1))).toBe(100);
    expect(card.querySelectorAll('[aria-label="rule"] line')).toHaveLength(1);
  });
  it("keep an income per person in 元, as its card", () => {
    expect(trendPoints(months([12000]), "yuan", "元")[0]!.y).toBe(12000);
    expect(trendPoints(months([12000]), "yuan")[0]!.y).toBe(1.2);
    const card = trendChart(months([11800, 12000]), { title: "中位数", unit: "yuan", code: "income_pc_median" });
    expect(card.querySelector('[aria-label="y-axis label"]')!.textContent).toContain("元");
    expect(card.querySelector('[aria-label="y-axis label"]')!.textContent).not.toContain("万元");
  });
  it("carry a sentence as text alternative and 12 px axis text", () => {
    const points = months([0.5, 0.7, 0.6]);
    expect(trendSentence(points, { title: "风险消除率", unit: "ratio" })).toBe("风险消除率，2025年1月至2025年3月：从 50.0% 到 60.0%，最低 50.0%，最高 70.0%。");
    const card = trendChart(points, { title: "风险消除率", unit: "ratio" });
    expect(card.querySelector("figure")!.getAttribute("aria-label")).toBe(trendSentence(points, { title: "风险消除率", unit: "ratio" }));
    expect(card.querySelector("svg")!.getAttribute("style")).toContain("font-size: 12px");
  });
});
