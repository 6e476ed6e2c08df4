// The suppression is a pure function of the data: the same cells in another order, or with the last bits of
// their values changed (DuckDB's parallel sums of doubles may differ between two builds of the same input),
// withhold exactly the same cells. Two publications with different patterns would let a reader work out a
// withheld count by differencing them.
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../loaders/indicators/catalog.ts";
import { suppress, type IndicatorCell, type PeriodInfo } from "../../loaders/disclosure/suppress.ts";

/** A small seeded generator (mulberry32), so that the test data are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
const month = (m: string, i: number): PeriodInfo => ({
  period: m, period_type: "month", end_month: m, start_month: i > 0 ? MONTHS[i - 1] : null, first_month: m, last_month: m,
});
const PERIODS: PeriodInfo[] = [
  ...MONTHS.map(month),
  { period: "2025-H1", period_type: "half", end_month: "2025-06", start_month: null, first_month: "2025-01", last_month: "2025-06" },
];

/**
 * Two towns of six villages, six months and their half-year: households lifted (a stock), monitored households
 * with risk not eliminated and the risk elimination rate (an additive triple), newly identified households
 * (a flow, so the half-year adds up its months). Small counts, ties of equal counts in every town.
 */
function county(seed: number): { cells: IndicatorCell[]; villageTown: Map<string, string> } {
  const random = rng(seed);
  const pick = (values: number[]) => values[Math.floor(random() * values.length)];
  const villageTown = new Map<string, string>();
  for (const town of ["T1", "T2"]) for (let v = 1; v <= 6; v++) villageTown.set(`${town}V${v}`, town);
  const cells: IndicatorCell[] = [];
  const count = (code: string, period: string, area: string, value: number) =>
    cells.push({ code, period, area_code: area, value, numerator: value, denominator: null });
  for (const village of villageTown.keys()) {
    let identifiedH1 = 0;
    for (const period of [...MONTHS, "2025-H1"]) {
      const lifted = pick([0, 1, 3, 6, 6, 7, 7, 9, 12, 30]);
      const eliminated = pick([0, 1, 2, 6, 6, 8]);
      const active = pick([0, 2, 5, 6, 6, 7, 11]);
      const end = period === "2025-H1" ? "2025-06" : period;
      // a stock's half-year is its end month: the same count, published twice
      count("hh_lifted", period, village, period === "2025-H1" ? (cells.find((c) => c.code === "hh_lifted" && c.period === end && c.area_code === village)?.value ?? lifted) : lifted);
      if (period !== "2025-H1") {
        count("mon_active", period, village, active);
        const monitored = eliminated + active;
        cells.push({ code: "risk_elim_rate", period, area_code: village, value: monitored > 0 ? eliminated / monitored : null, numerator: eliminated, denominator: monitored });
        const identified = pick([0, 0, 1, 2, 6, 7]);
        identifiedH1 += identified;
        count("mon_identified", period, village, identified);
      } else {
        count("mon_identified", period, village, identifiedH1);
      }
    }
  }
  return { cells, villageTown };
}

const codeInfo = new Map(CATALOG.map((c) => [c.code, { unit: c.unit, kind: c.kind }]));

function run(cells: IndicatorCell[], villageTown: Map<string, string>, periods: PeriodInfo[] = PERIODS) {
  const { cells: withheld, unprotected } = suppress({ villageCells: cells, periods, villageTown, codeInfo, threshold: 5 });
  return { cells: [...withheld].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), unprotected };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every number times (1 ± up to 1e-12): what a sum of doubles in another order may give. */
function perturb(cells: IndicatorCell[], random: () => number): IndicatorCell[] {
  const nudge = (x: number | null) => (x === null || x === 0 ? x : x * (1 + (random() * 2 - 1) * 1e-12));
  return cells.map((c) => ({ ...c, value: nudge(c.value), numerator: nudge(c.numerator), denominator: nudge(c.denominator) }));
}

describe("suppression is a pure function of the data", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`gives the same cells whatever the order of cells and periods (county ${seed})`, () => {
      const { cells, villageTown } = county(seed);
      const expected = run(cells, villageTown);
      // the county withholds something on both levels, so the comparison means something
      expect(expected.cells.filter(([, why]) => why === "primary").length).toBeGreaterThan(10);
      expect(expected.cells.filter(([, why]) => why === "secondary").length).toBeGreaterThan(3);
      const random = rng(seed * 7919);
      for (let trial = 0; trial < 4; trial++) {
        const towns = new Map(shuffle([...villageTown], random));
        expect(run(shuffle(cells, random), towns, shuffle(PERIODS, random)), `trial ${trial}`).toEqual(expected);
      }
    });
    it(`gives the same cells when values differ in their last bits (county ${seed})`, () => {
      const { cells, villageTown } = county(seed);
      const expected = run(cells, villageTown);
      const random = rng(seed * 104729);
      for (let trial = 0; trial < 4; trial++) {
        expect(run(shuffle(perturb(cells, random), random), villageTown, shuffle(PERIODS, random)), `trial ${trial}`).toEqual(expected);
      }
    });
  }
});
