import { describe, expect, it } from "vitest";
import { dayBuckets, sumOver } from "../../src/components/distributions.ts";

describe("sumOver", () => {
  it("adds the period's months only, largest first", () => {
    const rows = [
      { month: "2025-01", kind: "边缘易致贫户", households: 3 },
      { month: "2025-02", kind: "边缘易致贫户", households: 2 },
      { month: "2025-02", kind: "脱贫不稳定户", households: 4 },
      { month: "2025-07", kind: "突发严重困难户", households: 9 },
    ];
    expect(sumOver(rows, ["2025-01", "2025-02"], "kind")).toEqual([
      { key: "边缘易致贫户", households: 5 },
      { key: "脱贫不稳定户", households: 4 },
    ]);
  });
});

describe("dayBuckets", () => {
  it("puts the deadline on a bucket edge and marks buckets within it", () => {
    const buckets = dayBuckets(
      [
        { days: 0, households: 1 },
        { days: 12, households: 2 },
        { days: 13, households: 1 },
        { days: 14, households: 5 },
        { days: 61, households: 2 },
        { days: null, households: 3 },
      ],
      13,
    );
    const byLabel = Object.fromEntries(buckets.map((b) => [b.label, [b.households, b.withinDeadline]]));
    expect(byLabel["0–5个工作日"]).toEqual([1, true]);
    expect(byLabel["11–13个工作日"]).toEqual([3, true]);
    expect(byLabel["14–15个工作日"]).toEqual([5, false]);
    expect(byLabel["超过60个工作日"]).toEqual([2, false]);
    expect(byLabel["日期缺失"]).toEqual([3, null]);
    expect(buckets.reduce((sum, b) => sum + b.households, 0)).toBe(14);
  });
  it("drops empty buckets after the last used one but keeps the deadline visible", () => {
    const labels = dayBuckets([{ days: 3, households: 1 }], 15).map((b) => b.label);
    expect(labels).toEqual(["0–5个工作日", "6–10个工作日", "11–15个工作日"]);
  });
});

describe("dayBuckets tails", () => {
  it("shows the over-60 and missing buckets only when they hold households", () => {
    const labels = dayBuckets([{ days: 2, households: 1 }, { days: null, households: 1 }], 10, "尚无首次帮扶").map((b) => b.label);
    expect(labels).toEqual(["0–5个工作日", "6–10个工作日", "尚无首次帮扶"]);
  });
});
