// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import * as Plot from "@observablehq/plot";
import { MAX_SPOKEN_FIGURES, chartCard, chartSentence } from "../../src/components/chart-card.ts";
import { trendChart } from "../../src/components/trend-chart.ts";

describe("chartCard", () => {
  it("wraps a bare svg in a figure inside the card", () => {
    const card = chartCard(() => Plot.barY([1, 2, 3]).plot({ document }), { title: "图" });
    expect(card.querySelector(".card > figure > svg, figure > svg")).not.toBeNull();
    expect(card.querySelector("h2")!.textContent).toBe("图");
    // every chart has a text alternative: its title at least
    expect(card.querySelector("figure")!.getAttribute("role")).toBe("img");
    expect(card.querySelector("figure")!.getAttribute("aria-label")).toBe("图：图");
    const described = chartCard(() => Plot.barY([1]).plot({ document }), { title: "识别", subtitle: "按月", description: "识别：3 个月共 12 户。" });
    expect(described.querySelector("figure")!.getAttribute("aria-label")).toBe("识别：3 个月共 12 户。");
    const titled = chartCard(() => Plot.barY([1]).plot({ document }), { title: "识别", subtitle: "按月" });
    expect(titled.querySelector("figure")!.getAttribute("aria-label")).toBe("图：识别（按月）");
  });
  it("reads out the figures it draws", () => {
    const card = chartCard(() => Plot.barX([1, 2]).plot({ document }), { title: "识别及时性", subtitle: "2026年6月", figures: [["时限内", "12户"], ["超时限", "3户"]] });
    expect(card.querySelector("figure")!.getAttribute("aria-label")).toBe("图：识别及时性（2026年6月）：时限内 12户；超时限 3户。");
    const many = Array.from({ length: MAX_SPOKEN_FIGURES + 5 }, (_, i): [string, string] => [`村${i}`, `${i}户`]);
    expect(chartSentence("新识别", undefined, many)).toMatch(/；村23 23户；另有 5 项见表格。$/);
    expect(chartSentence("新识别", undefined, [])).toBe("图：新识别：没有数据。");
  });
  it("shows a sentence instead of empty axes", () => {
    const card = chartCard(() => Plot.barY([]).plot({ document }), { title: "图", empty: true });
    expect(card.querySelector("svg")).toBeNull();
    expect(card.querySelector(".table-empty")!.textContent).toBe("本期没有数据");
  });
});

describe("trendChart", () => {
  it("draws one line from monthly points, skipping missing values", () => {
    const card = trendChart(
      [
        { period: "2025-01", value: 0.5 },
        { period: "2025-02", value: null },
        { period: "2025-03", value: 0.7 },
        { period: "2025-H1", value: 0.9 },
      ],
      { title: "风险消除率", unit: "ratio" },
    );
    const svg = card.querySelector("figure svg")!;
    expect(svg).not.toBeNull();
    expect(svg.querySelectorAll('[aria-label="line"] path')).toHaveLength(1);
    expect(svg.querySelectorAll('[aria-label="line"] path')[0].getAttribute("d")!.split("L")).toHaveLength(2);
  });
  it("draws nothing when no month has a value", () => {
    const card = trendChart([{ period: "2025-01", value: null }], { title: "t", unit: "households" });
    expect(card.querySelector("svg")).toBeNull();
  });
});
