// The disclosure declarations cover the catalog, and the suppression does what DOMAIN §9 says on cells
// worked by hand.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../loaders/indicators/catalog.ts";
import { ADDITIVE, CODE_FIELDS, FLOW_QUANTITIES, parseRef } from "../../loaders/disclosure/relations.ts";
import { suppress, type IndicatorCell, type PeriodInfo } from "../../loaders/disclosure/suppress.ts";

describe("what is published", () => {
  it("every page data loader reads village figures from indicators_published, never the raw indicators", () => {
    const root = join(import.meta.dirname, "..", "..", "src", "data");
    const files = readdirSync(root, { recursive: true, encoding: "utf-8" }).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(join(root, file), "utf-8");
      expect(text, file).not.toMatch(/\b(from|join)\s+(ind_\w+|indicators|disclosure_cells)\b(?!_published)/);
    }
  });
});

describe("relations.ts", () => {
  it("declares every catalog code (a new count code must say what it carries) and nothing else", () => {
    expect(Object.keys(CODE_FIELDS).sort()).toEqual(CATALOG.map((c) => c.code).sort());
  });
  it("names only quantities some code publishes, flows only for flow codes", () => {
    const published = new Set(Object.values(CODE_FIELDS).flatMap((f) => [f.value, f.numerator, f.denominator, f.base]).filter((r): r is string => Boolean(r)).map((r) => parseRef(r).quantity));
    for (const { total, parts } of ADDITIVE) {
      for (const ref of [total, ...parts]) {
        const { quantity } = parseRef(ref);
        if (quantity !== "rural_households") expect(published, ref).toContain(quantity);
      }
    }
    for (const entry of CATALOG) {
      const fields = CODE_FIELDS[entry.code];
      const refs = [fields.value, fields.numerator].filter((r): r is string => Boolean(r));
      for (const ref of refs) {
        // a per-period count (`q@period`) is a flow code's part that does not add up over months (timely_assist_rate)
        if (ref.endsWith("@period")) expect(entry.kind, `${entry.code} ${ref}`).toBe("flow");
        else expect(FLOW_QUANTITIES.has(parseRef(ref).quantity), `${entry.code} ${ref}`).toBe(entry.kind === "flow");
      }
    }
  });
});

const MONTH: PeriodInfo[] = [{ period: "2025-06", period_type: "month", end_month: "2025-06", start_month: "2025-05", first_month: "2025-06", last_month: "2025-06" }];
const cell = (area: string, value: number, code = "hh_lifted"): IndicatorCell => ({ code, period: "2025-06", area_code: area, value, numerator: value, denominator: null });
const run = (cells: IndicatorCell[], villageTown: Record<string, string>) =>
  suppress({
    villageCells: cells,
    periods: MONTH,
    villageTown: new Map(Object.entries(villageTown)),
    codeInfo: new Map(CATALOG.map((c) => [c.code, { unit: c.unit, kind: c.kind }])),
    threshold: 5,
  });

describe("suppress, by hand", () => {
  it("withholds a small count and the town's smallest count above the threshold", () => {
    // town T: A 9, B 1, C 6 → B "<5"; T − A − C would give B away, so C (smallest above 5) "×"
    const { cells, unprotected } = run([cell("A", 9), cell("B", 1), cell("C", 6)], { A: "T", B: "T", C: "T" });
    expect(Object.fromEntries(cells)).toEqual({ "hh_lifted|2025-06|B": "primary", "hh_lifted|2025-06|C": "secondary" });
    expect(unprotected).toEqual([]);
  });
  it("shows zeros, and needs no second cell when two villages are small already", () => {
    // town T: A 2, B 3, C 0, D 40 → A and B "<5" (A + B = 5, each 1–4 either way), C's 0 and D shown
    const { cells } = run([cell("A", 2), cell("B", 3), cell("C", 0), cell("D", 40)], { A: "T", B: "T", C: "T", D: "T" });
    expect(Object.fromEntries(cells)).toEqual({ "hh_lifted|2025-06|A": "primary", "hh_lifted|2025-06|B": "primary" });
  });
  it("takes \"<5\" as 0 to 4: two 1s hide each other", () => {
    // A 1, B 1, C 30: A + B = 2, and "<5" may hide a withheld 0, so (0, 2), (1, 1) and (2, 0) all fit
    const { cells } = run([cell("A", 1), cell("B", 1), cell("C", 30)], { A: "T", B: "T", C: "T" });
    expect(Object.fromEntries(cells)).toEqual({ "hh_lifted|2025-06|A": "primary", "hh_lifted|2025-06|B": "primary" });
  });
  it("does not pick a complement equal to the threshold next to a 1 when a larger one exists", () => {
    // A 1, B 5, C 7: withholding B (5 = "×", so ≥ 5) beside A would give 1 + 5 = 6 away; C is taken instead
    const { cells } = run([cell("A", 1), cell("B", 5), cell("C", 7)], { A: "T", B: "T", C: "T" });
    expect(Object.fromEntries(cells)).toEqual({ "hh_lifted|2025-06|A": "primary", "hh_lifted|2025-06|C": "secondary" });
  });
  it("withholds a zero as <5 when nothing else can hide a town's single small count", () => {
    // town T = 1: A 1, B 0 → B's 0 would give A away; it reads "<5" (0 is fewer than 5)
    const { cells } = run([cell("A", 1), cell("B", 0)], { A: "T", B: "T" });
    expect(Object.fromEntries(cells)).toEqual({ "hh_lifted|2025-06|A": "primary", "hh_lifted|2025-06|B": "primary" });
  });
  it("withholds a rate with a small numerator or base, and its count where the rate would give it away", () => {
    const rate = (area: string, numerator: number, denominator: number): IndicatorCell => ({
      code: "risk_elim_rate", period: "2025-06", area_code: area, value: numerator / denominator, numerator, denominator,
    });
    // monitored = eliminated + active: A has 2 of 20 eliminated, so 2 is small; its 18 active would give 2 away
    const { cells } = run(
      [rate("A", 2, 20), rate("B", 30, 40), rate("C", 12, 50), cell("A", 18, "mon_active"), cell("B", 10, "mon_active"), cell("C", 38, "mon_active")],
      { A: "T", B: "T", C: "T" },
    );
    expect(cells.get("risk_elim_rate|2025-06|A")).toBe("primary");
    expect(cells.has("risk_elim_rate|2025-06|B") || cells.has("risk_elim_rate|2025-06|C")).toBe(true);
    expect(cells.has("mon_active|2025-06|A") || cells.has("risk_elim_rate|2025-06|A")).toBe(true);
  });
  it("does nothing with a threshold of 0 or 1", () => {
    expect(suppress({ villageCells: [cell("A", 1)], periods: MONTH, villageTown: new Map([["A", "T"]]), codeInfo: new Map(), threshold: 0 }).cells.size).toBe(0);
  });
});
