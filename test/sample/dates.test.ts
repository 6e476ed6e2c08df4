import { describe, expect, it } from "vitest";
import { addWorkingDays, dayOf, isoDay, isWeekend, monthEnd, monthLabel, parseMonth, slashDay } from "../../loaders/sample/dates.ts";

describe("dates", () => {
  it("formats day numbers and month ends", () => {
    expect(isoDay(dayOf(2024, 2, 29))).toBe("2024-02-29");
    expect(slashDay(dayOf(2025, 3, 5))).toBe("2025/3/5");
    expect(isoDay(monthEnd(parseMonth("2024-02")))).toBe("2024-02-29");
    expect(monthLabel(parseMonth("2026-06") - 35)).toBe("2023-07");
    expect(() => parseMonth("2026-13")).toThrow();
  });

  it("counts working days Monday to Friday", () => {
    const friday = dayOf(2025, 3, 7);
    expect(isWeekend(friday)).toBe(false);
    expect(isWeekend(friday + 1)).toBe(true);
    expect(isoDay(addWorkingDays(friday, 1))).toBe("2025-03-10");
    expect(isoDay(addWorkingDays(friday, 15))).toBe("2025-03-28");
  });
});
