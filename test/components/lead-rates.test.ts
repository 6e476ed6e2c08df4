import { describe, expect, it } from "vitest";
import { leadRateRows } from "../../src/components/lead-rates.ts";

describe("leadRateRows", () => {
  it("puts the period's three lead indicators of each department side by side, with numerators and denominators", () => {
    const rows = [
      { department: "医保", code: "lead_count", period: "2026-06", value: 5, numerator: null, denominator: null },
      { department: "医保", code: "lead_checked_timely_rate", period: "2026-06", value: 0.75, numerator: 3, denominator: 4 },
      { department: "医保", code: "lead_identified_rate", period: "2026-06", value: 0.5, numerator: 1, denominator: 2 },
      { department: "应急", code: "lead_count", period: "2026-06", value: 1, numerator: null, denominator: null },
      { department: "应急", code: "lead_count", period: "2026-05", value: 9, numerator: null, denominator: null },
    ];
    expect(leadRateRows(rows, "2026-06", "department")).toEqual([
      { key: "医保", leads: 5, due: 4, timely: 3, timely_rate: 0.75, closed: 2, identified: 1, identified_rate: 0.5 },
      { key: "应急", leads: 1 },
    ]);
  });
});
