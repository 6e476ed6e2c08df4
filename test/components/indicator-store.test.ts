import { describe, expect, it } from "vitest";
import { indicatorStore, packIndicators } from "../../src/components/indicator-store.ts";
import { INCOMPLETE_COLUMN, areaRows, indicatorColumn, rankRows, withIncompleteColumn } from "../../src/components/indicator-columns.ts";

const rows = [
  { code: "risk_elim_rate", period: "2025-02", area_code: "A", value: 0.61234567, numerator: 61, denominator: 99.6, suppressed: false },
  { code: "risk_elim_rate", period: "2025-01", area_code: "A", value: 0.5, numerator: 50, denominator: 100 },
  { code: "risk_elim_rate", period: "2025-H1", area_code: "A", value: 0.7, numerator: 70, denominator: 100 },
  { code: "risk_elim_rate", period: "2025-02", area_code: "B", value: 0.4, numerator: 4, denominator: 10 },
  { code: "risk_elim_rate", period: "2025-02", area_code: "V", value: null, numerator: null, denominator: null, suppressed: true, suppression: "primary" as const },
  { code: "mon_active", period: "2025-02", area_code: "V", value: null, numerator: null, denominator: null, suppressed: true, suppression: "secondary" as const },
  { code: "mon_active", period: "2025-02", area_code: "B", value: 12, numerator: null, denominator: null },
  { code: "mon_active", period: "2025-02", area_code: "C", value: Number.NaN, numerator: null, denominator: null },
];

describe("packIndicators / indicatorStore", () => {
  it("round-trips rows through the packed form, rounding to 6 significant digits", () => {
    const packed = packIndicators(rows);
    expect(packed.codes).toEqual(["risk_elim_rate", "mon_active"]);
    expect(packed.rows).toHaveLength(rows.length);
    const store = indicatorStore(JSON.parse(JSON.stringify(packed)));
    expect(store.get("risk_elim_rate", "2025-02", "A")).toEqual({
      code: "risk_elim_rate", period: "2025-02", area_code: "A", value: 0.612346, numerator: 61, denominator: 99.6, suppressed: false, suppression: null,
    });
    expect(store.value("mon_active", "2025-02", "C")).toBeNull();
    expect(store.get("risk_elim_rate", "2025-02", "V")).toMatchObject({ suppressed: true, suppression: "primary" });
    expect(store.get("mon_active", "2025-02", "V")).toMatchObject({ suppressed: true, suppression: "secondary" });
    expect(store.value("risk_elim_rate", undefined, "A")).toBeNull();
  });
  it("gives monthly series in time order without half-years", () => {
    const store = indicatorStore(packIndicators(rows));
    expect(store.series("risk_elim_rate", "A").map((d) => d.period)).toEqual(["2025-01", "2025-02"]);
    expect(store.series("risk_elim_rate", "A", "half")).toEqual([{ period: "2025-H1", value: 0.7 }]);
    expect(store.periods("month")).toEqual(["2025-01", "2025-02"]);
  });
});

describe("areaRows / rankRows / indicatorColumn", () => {
  const store = indicatorStore(packIndicators(rows));
  const areas = [
    { area_code: "A", name: "甲镇" },
    { area_code: "B", name: "乙镇" },
    { area_code: "V", name: "小村" },
  ];
  it("builds one row per area and marks each withheld cell with why", () => {
    const table = areaRows(store, areas, ["risk_elim_rate", "mon_active"], "2025-02");
    expect(table[0]).toEqual({ area_code: "A", name: "甲镇", risk_elim_rate: 0.612346, mon_active: null });
    expect(table[1].mon_active).toBe(12);
    expect(table[2].hidden).toEqual({ risk_elim_rate: "primary", mon_active: "secondary" });
    expect(table[0].hidden).toBeUndefined();
  });
  it("ranks by the indicator's direction, unranked rows last", () => {
    const table = areaRows(store, areas, ["risk_elim_rate"], "2025-02");
    expect(rankRows(table, "risk_elim_rate", true).map((r) => [r.name, r.rank])).toEqual([["甲镇", 1], ["乙镇", 2], ["小村", null]]);
    expect(rankRows(table, "risk_elim_rate", false).map((r) => [r.name, r.rank])).toEqual([["乙镇", 1], ["甲镇", 2], ["小村", null]]);
  });
  it("maps catalog units to column kinds", () => {
    expect(indicatorColumn({ code: "risk_elim_rate", name_zh: "风险消除率", unit: "ratio", higher_is_better: true }).kind).toBe("rate");
    expect(indicatorColumn({ code: "income_pc_median", name_zh: "中位数", unit: "yuan", higher_is_better: true })).toEqual({ key: "income_pc_median", label: "中位数", kind: "amount", unit: "元" });
    expect(indicatorColumn({ code: "loan_balance", name_zh: "贷款余额", unit: "yuan", higher_is_better: null }).unit).toBeUndefined();
    expect(indicatorColumn({ code: "mon_active", name_zh: "户数", unit: "households", higher_is_better: null }).kind).toBe("count");
  });
});

describe("missing sources (completeness) travel packed and mark tables", () => {
  const missingRows = [
    { code: "hh_lifted", period: "2025-06", area_code: "C", value: 7, numerator: 7, denominator: null, missing_sources: ["二乡 2025年6月户信息"] },
    { code: "loan_balance", period: "2025-06", area_code: "C", value: 4e4, numerator: 4e4, denominator: null, missing_sources: ["县农业银行 2025年6月贷款台账"] },
    { code: "hh_lifted", period: "2025-06", area_code: "T", value: 7, numerator: 7, denominator: null, missing_sources: [] },
    { code: "loan_balance", period: "2025-06", area_code: "T", value: 3e4, numerator: 3e4, denominator: null, missing_sources: ["县农业银行 2025年6月贷款台账"] },
  ];
  it("lists each distinct set once and gives it back per row", () => {
    const packed = packIndicators(missingRows);
    expect(packed.missing).toEqual([["二乡 2025年6月户信息"], ["县农业银行 2025年6月贷款台账"]]);
    const store = indicatorStore(JSON.parse(JSON.stringify(packed)));
    expect(store.missing("hh_lifted", "2025-06", "C")).toEqual(["二乡 2025年6月户信息"]);
    expect(store.missing("hh_lifted", "2025-06", "T")).toEqual([]);
    expect(store.get("hh_lifted", "2025-06", "T")!.missing_sources).toBeUndefined();
  });
  it("areaRows names every source a row's values lack, and the column appears only when needed", () => {
    const store = indicatorStore(packIndicators(missingRows));
    const table = areaRows(store, [{ area_code: "C", name: "县" }, { area_code: "T", name: "一镇" }], ["hh_lifted", "loan_balance"], "2025-06");
    expect(table[0]!.incomplete).toBe("二乡 2025年6月户信息、县农业银行 2025年6月贷款台账");
    expect(table[1]!.incomplete).toBe("县农业银行 2025年6月贷款台账");
    expect(withIncompleteColumn([], table)).toEqual([INCOMPLETE_COLUMN]);
    expect(withIncompleteColumn([], areaRows(store, [{ area_code: "T", name: "一镇" }], ["hh_lifted"], "2025-06"))).toEqual([]);
  });
});
