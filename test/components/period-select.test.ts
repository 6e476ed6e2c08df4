// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { periodChoices, periodSelect } from "../../src/components/period-select.ts";

const periods = ["2024", "2024-H2", "2025-H1", "2025-01", "2025-06", "2024-12", "2025-06"];

describe("periodSelect", () => {
  it("groups and labels periods in Chinese, newest first", () => {
    const element = periodSelect(periods);
    expect(element.dataset.role).toBe("period");
    const select = element.querySelector("select")!;
    const groups = [...select.querySelectorAll("optgroup")].map((g) => [g.label, [...g.querySelectorAll("option")].map((o) => o.textContent)]);
    expect(groups).toEqual([
      ["月度", ["2025年6月", "2025年1月", "2024年12月"]],
      ["半年度", ["2025年上半年", "2024年下半年"]],
      ["年度", ["2024年"]],
    ]);
    expect(element.value).toBe("2025-06");
  });
  it("exposes the chosen period and bubbles input events for view()", () => {
    const element = periodSelect(periods, { value: "2025-H1", types: ["half", "year"] });
    expect(element.value).toBe("2025-H1");
    let seen: string | undefined;
    element.addEventListener("input", () => (seen = element.value));
    const select = element.querySelector("select")!;
    select.value = "2024";
    select.dispatchEvent(new Event("input", { bubbles: true }));
    expect(seen).toBe("2024");
  });
  it("offers only the requested kinds", () => {
    expect(periodChoices(periods, ["half"])).toEqual(["2025-H1", "2024-H2"]);
  });
});
