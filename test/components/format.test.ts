import { describe, expect, it } from "vitest";
import {
  amountUnit,
  formatAmount,
  formatChange,
  formatCount,
  formatDate,
  formatPeriod,
  formatPointChange,
  formatRate,
  formatRelativeChange,
  formatValue,
} from "../../src/components/format.ts";

describe("formatAmount", () => {
  it("writes amounts the way county staff do", () => {
    expect(formatAmount(8700)).toBe("8,700元");
    expect(formatAmount(12_345_000)).toBe("1234.5万元");
    expect(formatAmount(321_000_000)).toBe("3.21亿元");
    expect(formatAmount(50_000)).toBe("5万元");
    expect(formatAmount(-25_000)).toBe("-2.5万元");
  });
  it("writes loans in 万元 with two decimals when asked", () => {
    expect(formatAmount(25_442_600, { unit: "万元", digits: 2 })).toBe("2,544.26万元");
    expect(formatAmount(50_000, { unit: "万元", digits: 2 })).toBe("5.00万元");
    expect(formatAmount(null, { unit: "万元", digits: 2 })).toBe("—");
  });
  it("switches units at 1万 and 1亿", () => {
    expect(amountUnit(9_999)).toBe("元");
    expect(amountUnit(10_000)).toBe("万元");
    expect(amountUnit(99_999_999)).toBe("万元");
    expect(amountUnit(100_000_000)).toBe("亿元");
  });
  it("can force yuan for incomes", () => {
    expect(formatAmount(14_300.4, { unit: "元" })).toBe("14,300元");
  });
  it("shows a dash for missing values", () => {
    expect(formatAmount(null)).toBe("—");
    expect(formatAmount(Number.NaN)).toBe("—");
  });
});

describe("counts, rates and changes", () => {
  it("separates thousands", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(3.456, 1)).toBe("3.5");
  });
  it("shows fractions as percentages", () => {
    expect(formatRate(0.123)).toBe("12.3%");
    expect(formatRate(1)).toBe("100.0%");
    expect(formatRate(0.00023)).toBe("0.02%");
    expect(formatRate(0)).toBe("0.0%");
    expect(formatRate(0.00023, 1)).toBe("0.0%");
    expect(formatRate(undefined)).toBe("—");
  });
  it("gives rate changes in percentage points", () => {
    expect(formatPointChange(0.135, 0.123)).toBe("+1.2个百分点");
    expect(formatPointChange(0.1, 0.123)).toBe("-2.3个百分点");
    expect(formatPointChange(0.12301, 0.123)).toBe("持平");
    expect(formatPointChange(0.1, null)).toBe("—");
  });
  it("gives level changes as a relative change", () => {
    expect(formatRelativeChange(1034, 1000)).toBe("+3.4%");
    expect(formatRelativeChange(900, 1000)).toBe("-10.0%");
    expect(formatRelativeChange(5, 0)).toBe("—");
  });
  it("chooses points or percent from the unit", () => {
    expect(formatChange(0.2, 0.1, "%")).toBe("+10.0个百分点");
    expect(formatChange(110, 100, "户")).toBe("+10.0%");
  });
  it("formats catalog values by unit", () => {
    expect(formatValue(0.987, "%")).toBe("98.7%");
    expect(formatValue(2345, "户")).toBe("2,345户");
    expect(formatValue(14300, "元")).toBe("1.4万元");
    expect(formatValue(12.5, "天")).toBe("12.5天");
  });
});

describe("periods and dates", () => {
  it("writes periods in Chinese", () => {
    expect(formatPeriod("2025-03")).toBe("2025年3月");
    expect(formatPeriod("2025-12")).toBe("2025年12月");
    expect(formatPeriod("2025-H1")).toBe("2025年上半年");
    expect(formatPeriod("2024-H2")).toBe("2024年下半年");
    expect(formatPeriod("2025")).toBe("2025年");
  });
  it("writes dates in Chinese", () => {
    expect(formatDate("2025-03-08")).toBe("2025年3月8日");
    expect(formatDate(new Date(Date.UTC(2024, 11, 31)))).toBe("2024年12月31日");
    expect(formatDate(null)).toBe("—");
  });
});

describe("catalog units", () => {
  it("reads the catalog's English unit names", () => {
    expect(formatValue(0.5, "ratio")).toBe("50.0%");
    expect(formatValue(1200, "households")).toBe("1,200户");
    expect(formatValue(3500, "persons")).toBe("3,500人");
    expect(formatValue(123_456_789, "yuan")).toBe("1.23亿元");
    expect(formatChange(0.5, 0.45, "ratio")).toBe("+5.0个百分点");
  });
});
