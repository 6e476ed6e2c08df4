import { describe, expect, it } from "vitest";
import { monthsEndingAt, monthsOf, periodType, previousPeriod, samePeriodLastYear } from "../../src/components/periods.ts";

describe("period arithmetic", () => {
  it("recognises the three kinds", () => {
    expect(periodType("2025-03")).toBe("month");
    expect(periodType("2025-H2")).toBe("half");
    expect(periodType("2025")).toBe("year");
    expect(periodType("2025-13x")).toBeUndefined();
  });
  it("steps back one period across year ends", () => {
    expect(previousPeriod("2025-01")).toBe("2024-12");
    expect(previousPeriod("2025-10")).toBe("2025-09");
    expect(previousPeriod("2025-H1")).toBe("2024-H2");
    expect(previousPeriod("2025-H2")).toBe("2025-H1");
    expect(previousPeriod("2025")).toBe("2024");
  });
  it("finds the same period last year", () => {
    expect(samePeriodLastYear("2025-03")).toBe("2024-03");
    expect(samePeriodLastYear("2025-H2")).toBe("2024-H2");
    expect(samePeriodLastYear("2025")).toBe("2024");
  });
  it("lists months", () => {
    expect(monthsEndingAt("2025-02", 3)).toEqual(["2024-12", "2025-01", "2025-02"]);
    expect(monthsOf("2025-H2")).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]);
    expect(monthsOf("2025")).toHaveLength(12);
  });
});
