import { describe, expect, it } from "vitest";
import { pivotWide, sumBy } from "../../src/components/reshape.ts";

describe("sumBy", () => {
  it("sums each value column by key, largest first", () => {
    const rows = [
      { rule: "缺户编号", rows: 2, nulled: 1 },
      { rule: "日期无效", rows: 5, nulled: 0 },
      { rule: "缺户编号", rows: 4, nulled: null },
    ];
    expect(sumBy(rows, "rule", ["rows", "nulled"], "rows")).toEqual([
      { rule: "缺户编号", rows: 6, nulled: 1 },
      { rule: "日期无效", rows: 5, nulled: 0 },
    ]);
  });
});

describe("pivotWide", () => {
  const rows = [
    { month: "2025-01", kind: "甲", households: 3 },
    { month: "2025-01", kind: "乙", households: 1 },
    { month: "2025-03", kind: "甲", households: 2 },
    { month: "2025-03", kind: "甲", households: 1 },
    { month: "2024-12", kind: "乙", households: 9 },
  ];
  it("gives one row per wanted month with a column per kind and the total, zeros where absent", () => {
    expect(pivotWide(rows, { row: "month", column: "kind", value: "households", rows: ["2025-01", "2025-02", "2025-03"] })).toEqual([
      { month: "2025-01", 乙: 1, 甲: 3, total: 4 },
      { month: "2025-02", 乙: 0, 甲: 0, total: 0 },
      { month: "2025-03", 乙: 0, 甲: 3, total: 3 },
    ]);
  });
  it("keeps only the wanted columns", () => {
    expect(pivotWide(rows, { row: "month", column: "kind", value: "households", columns: ["乙"] })).toEqual([
      { month: "2024-12", 乙: 9, total: 9 },
      { month: "2025-01", 乙: 1, total: 1 },
      { month: "2025-03", 乙: 0, total: 0 },
    ]);
  });
});
