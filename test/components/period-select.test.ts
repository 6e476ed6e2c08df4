// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { PERIOD_STORAGE_KEY, carriedPeriod, periodChoices, periodSelect } from "../../src/components/period-select.ts";

const periods = ["2024", "2024-H2", "2025-H1", "2025-01", "2025-06", "2024-12", "2025-06"];

describe("periodSelect", () => {
  it("groups and labels periods in Chinese, newest first", () => {
    const element = periodSelect(periods, { storage: null, search: "" });
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
    const element = periodSelect(periods, { value: "2025-H1", types: ["half", "year"], storage: null, search: "" });
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

/** A stand-in for localStorage. */
function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), values };
}

describe("periodSelect carries the period between pages", () => {
  it("opens on the latest month by default, even when the page prefers nothing else", () => {
    const element = periodSelect(periods, { storage: memoryStorage(), search: "" });
    expect(element.value).toBe("2025-06");
  });
  it("opens on the period the reader chose on another page when this page offers it", () => {
    const storage = memoryStorage({ [PERIOD_STORAGE_KEY]: "2025-H1" });
    expect(periodSelect(periods, { storage, search: "" }).value).toBe("2025-H1");
    // a carried period this page does not offer falls back to the page's default
    expect(periodSelect(periods, { storage, search: "", types: ["month"] }).value).toBe("2025-06");
    expect(periodSelect(periods, { storage: memoryStorage({ [PERIOD_STORAGE_KEY]: "2019" }), search: "", value: "2024" }).value).toBe("2024");
  });
  it("prefers a ?period= in the address over the stored choice", () => {
    const storage = memoryStorage({ [PERIOD_STORAGE_KEY]: "2025-H1" });
    expect(carriedPeriod("?period=2024-H2", storage)).toBe("2024-H2");
    expect(periodSelect(periods, { storage, search: "?period=2024-H2" }).value).toBe("2024-H2");
  });
  it("stores the reader's choice, and not when carrying is off", () => {
    const storage = memoryStorage();
    const element = periodSelect(periods, { storage, search: "" });
    const select = element.querySelector("select")!;
    select.value = "2024";
    select.dispatchEvent(new Event("input", { bubbles: true }));
    expect(storage.values.get(PERIOD_STORAGE_KEY)).toBe("2024");
    const off = memoryStorage();
    const fixed = periodSelect(periods, { storage: off, search: "?period=2024", carry: false });
    expect(fixed.value).toBe("2025-06");
    fixed.querySelector("select")!.dispatchEvent(new Event("input", { bubbles: true }));
    expect(off.values.size).toBe(0);
  });
  it("puts the latest month and the latest half-year one click away", () => {
    const storage = memoryStorage();
    const element = periodSelect(periods, { storage, search: "", dataEnd: "2025-06" });
    const buttons = [...element.querySelectorAll("button")];
    expect(buttons.map((b) => b.textContent)).toEqual(["最近一个月（2025年6月）", "最近半年（2025年上半年）"]);
    let seen: string | undefined;
    element.addEventListener("input", () => (seen = element.value));
    buttons[1]!.click();
    expect(seen).toBe("2025-H1");
    expect(storage.values.get(PERIOD_STORAGE_KEY)).toBe("2025-H1");
  });
});
