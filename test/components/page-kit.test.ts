// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { pageKit } from "../../src/components/page-kit.ts";
import { indicatorStore, packIndicators } from "../../src/components/indicator-store.ts";

const catalog = [
  { code: "mon_active", name_zh: "风险未消除监测对象", unit: "households", higher_is_better: false },
  { code: "risk_elim_rate", name_zh: "风险消除率", unit: "ratio", higher_is_better: true, target: 1 },
];
const months = Array.from({ length: 30 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
const meta = {
  areas: [
    { area_code: "1", area_level: "county", name: "青山县" },
    { area_code: "11", area_level: "town", name: "甲镇", parent_code: "1" },
    { area_code: "12", area_level: "town", name: "乙乡", parent_code: "1" },
    { area_code: "111", area_level: "village", name: "一村", parent_code: "11" },
    { area_code: "121", area_level: "village", name: "二村", parent_code: "12" },
  ],
  periods: [
    ...months.map((period) => ({ period, period_type: "month", end_month: period })),
    { period: "2026-H1", period_type: "half", end_month: "2026-06" },
    { period: "2026", period_type: "year", end_month: "2026-06" },
    { period: "2025", period_type: "year", end_month: "2025-12" },
  ],
};

describe("pageKit", () => {
  const kit = pageKit(catalog, meta);
  it("finds the county, its towns and a town's villages", () => {
    expect(kit.countyCode).toBe("1");
    expect(kit.towns.map((d) => d.name)).toEqual(["甲镇", "乙乡"]);
    expect(kit.villagesOf("12").map((d) => d.name)).toEqual(["二村"]);
  });
  it("keeps only catalogued codes, in order", () => {
    expect(kit.codes(["risk_elim_rate", "loan_balance", "mon_active"])).toEqual(["risk_elim_rate", "mon_active"]);
  });
  it("labels a part year by the last month with data and finds a period's end month", () => {
    expect(kit.dataEnd).toBe("2026-06");
    expect(kit.label("2026")).toBe("2026年（截至6月）");
    expect(kit.label("2025")).toBe("2025年");
    expect(kit.endMonth("2025")).toBe("2025-12");
    expect(kit.endMonth("2026-H1")).toBe("2026-06");
    expect(kit.endMonth("2025-03")).toBe("2025-03");
  });
  it("gives the 24 months ending at the period's end month", () => {
    const window = kit.trendMonths("2026-H1");
    expect(window).toHaveLength(24);
    expect(window[0]).toBe("2024-07");
    expect(window.at(-1)).toBe("2026-06");
  });
  it("draws the trend over that window only and the card of the period", () => {
    const store = indicatorStore(packIndicators(months.map((period, i) => ({ code: "mon_active", period, area_code: "1", value: 100 + i, numerator: null, denominator: null }))));
    const chart = kit.trend(store, "mon_active", "2026-06", "1");
    // 30 months of data, 24 shown: from 106 (2024-07) to 129 (2026-06)
    expect(chart.querySelector("figure")!.getAttribute("aria-label")).toBe("风险未消除监测对象，2024年7月至2026年6月：从 106户 到 129户，最低 106户，最高 129户。");
    const card = kit.kpi(store, "mon_active", "2026-06", "1");
    expect(card.textContent).toContain("129");
    expect(() => kit.kpi(store, "loan_balance", "2026-06", "1")).toThrow(/loan_balance/);
  });
});
