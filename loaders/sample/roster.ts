// The household roster: who lives where, household size and labour, income potential, and the shocks
// (illness, disaster, accident, job loss) that will hit each household over the simulated months.
import { COUNTY, type Geography, type Village } from "./geography.ts";
import { citizenId } from "./id-numbers.ts";
import { countyLine } from "./lines.ts";
import { monthEnd, monthStart, monthYear, type Day, type MonthIndex } from "./dates.ts";
import { personName, phoneNumber } from "./names.ts";
import { rngFor, type Rng } from "./prng.ts";
import type { Episode } from "./monitoring.ts";

export type HouseholdType = "脱贫户" | "一般农户";
export type ShockKind = "illness" | "disaster" | "accident" | "jobloss";

export interface Shock {
  day: Day;
  kind: ShockKind;
  /** 0–1; severe shocks make 突发严重困难户 and insurance claims. */
  severity: number;
  /** Day the income effect ends. */
  until: Day;
  /** Multiplier on wages (illness, accident, job loss) or gross business income (disaster). */
  mult: number;
}

/** Money paid to the household (insurance claims) that counts as income for the 12 months after payment. */
export interface Payout {
  day: Day;
  amount: number;
  component: "transfer" | "business";
}

export interface Household {
  index: number;
  id: string;
  village: Village;
  headName: string;
  idNumber: string;
  phone: string | null;
  size: number;
  labour: number;
  noLabour: boolean;
  type: HouseholdType;
  /** Per-capita net income (yuan/year) in the first simulated month, before shocks and support. */
  basePc: number;
  shares: { wage: number; business: number; property: number; transfer: number; costRatio: number };
  growth: number;
  phase: number;
  /** Non-monitored households below `line × floor` receive transfers (低保, pensions) up to it. */
  floor: number;
  helper: string;
  shocks: Shock[];
  episodes: Episode[];
  payouts: Payout[];
}

export interface SimWindow {
  first: MonthIndex;
  last: MonthIndex;
}

const SIZE_WEIGHTS = [0.1, 0.22, 0.28, 0.22, 0.11, 0.05, 0.02]; // sizes 1–7, mean ≈ 3.25
const NO_LABOUR_SIZE_WEIGHTS = [0.45, 0.4, 0.15];
/** Shocks are simulated from this many months before the window so early months already carry effects. */
export const HISTORY_MONTHS = 24;

function helpersFor(seed: number, village: Village): string[] {
  const rng = rngFor(seed, "helpers", village.code);
  return Array.from({ length: rng.int(4, 10) }, () => personName(rng, rng.chance(0.7)));
}

function incomeShares(rng: Rng, noLabour: boolean): Household["shares"] {
  if (noLabour) return { wage: 0, business: 0.08, property: 0.02, transfer: 0.9, costRatio: rng.uniform(0.25, 0.45) };
  // Rural income shares (DOMAIN.md §8): wages ~42%, business ~34%, property ~2.5%, transfers ~21%.
  const raw = [0.42, 0.34, 0.025, 0.215].map((s) => s * rng.uniform(0.6, 1.4));
  const total = raw.reduce((a, b) => a + b, 0);
  return { wage: raw[0] / total, business: raw[1] / total, property: raw[2] / total, transfer: raw[3] / total, costRatio: rng.uniform(0.25, 0.45) };
}

const SHOCK_KINDS: ShockKind[] = ["illness", "disaster", "accident", "jobloss"];

function makeShock(rng: Rng, day: Day, kind: ShockKind): Shock {
  const severity = rng.next();
  const months = { illness: rng.int(6, 18), disaster: 12, accident: rng.int(6, 12), jobloss: rng.int(3, 9) }[kind];
  const mult = {
    illness: 0.8 - 0.4 * severity,
    disaster: 0.6 - 0.4 * severity,
    accident: 0.85 - 0.35 * severity,
    jobloss: 0.6 - 0.3 * severity,
  }[kind];
  return { day, kind, severity, until: day + Math.round(months * 30.4), mult };
}

/** Hail, floods and landslides hit whole villages: each village has a few disaster months. */
function villageDisasters(seed: number, village: Village, window: SimWindow): MonthIndex[] {
  const rng = rngFor(seed, "village-disaster", village.code);
  const months: MonthIndex[] = [];
  for (let m = window.first - HISTORY_MONTHS; m <= window.last; m++) {
    const summer = ((m % 12) + 1) >= 5 && ((m % 12) + 1) <= 9; // rainy season
    if (rng.chance(summer ? 0.016 : 0.002)) months.push(m);
  }
  return months;
}

function drawShocks(rng: Rng, hh: Pick<Household, "noLabour">, disasters: MonthIndex[], window: SimWindow): Shock[] {
  const shocks: Shock[] = [];
  const hazard = hh.noLabour ? 0.0055 : 0.0045;
  const weights = hh.noLabour ? [0.8, 0.12, 0.08, 0] : [0.5, 0.14, 0.14, 0.22];
  for (let m = window.first - HISTORY_MONTHS; m <= window.last; m++) {
    const start = monthStart(m);
    const days = monthEnd(m) - start + 1;
    if (disasters.includes(m) && rng.chance(0.25)) shocks.push(makeShock(rng, start + rng.int(0, days - 1), "disaster"));
    else if (rng.chance(hazard)) shocks.push(makeShock(rng, start + rng.int(0, days - 1), rng.weighted(SHOCK_KINDS, weights)));
  }
  return shocks;
}

export function buildRoster(seed: number, count: number, geography: Geography, window: SimWindow): Household[] {
  const weights = geography.villages.map((v) => v.weight);
  const helpers = new Map(geography.villages.map((v) => [v.code, helpersFor(seed, v)]));
  const disasters = new Map(geography.villages.map((v) => [v.code, villageDisasters(seed, v, window)]));
  const takenIds = new Set<string>();
  const line0 = countyLine(monthYear(window.first));
  const startYear = monthYear(window.first);
  const households: Household[] = [];
  for (let index = 0; index < count; index++) {
    const rng = rngFor(seed, "household", index);
    const village = geography.villages[rng.weightedIndex(weights)];
    const type: HouseholdType = rng.chance(village.lifted ? 0.78 : 0.66) ? "脱贫户" : "一般农户";
    const noLabour = rng.chance(type === "脱贫户" ? 0.09 : 0.06);
    const size = noLabour ? 1 + rng.weightedIndex(NO_LABOUR_SIZE_WEIGHTS) : 1 + rng.weightedIndex(SIZE_WEIGHTS);
    const labour = noLabour ? 0 : Math.min(size, Math.max(1, Math.round(size * rng.uniform(0.4, 0.75))));
    const male = rng.chance(0.8);
    // No-labour households are mostly elderly; heads are 25–85 years old at the start.
    const birthYear = noLabour ? rng.int(startYear - 88, startYear - 62) : rng.int(startYear - 70, startYear - 25);
    const basePc = noLabour
      ? line0 * rng.uniform(0.8, 1.6)
      : rng.logNormalMean(type === "脱贫户" ? 12_000 : 13_500, 0.85);
    const hh: Household = {
      index,
      id: COUNTY.code + String(index + 1).padStart(8, "0"),
      village,
      headName: personName(rng, male),
      idNumber: citizenId(rng, COUNTY.code, birthYear, male, takenIds),
      phone: rng.chance(0.97) ? phoneNumber(rng) : null,
      size,
      labour,
      noLabour,
      type,
      basePc,
      shares: incomeShares(rng, noLabour),
      growth: 0.1 + 0.025 * rng.normal(),
      phase: rng.uniform(0, 2 * Math.PI),
      floor: rng.uniform(1.05, 1.45),
      helper: rng.pick(helpers.get(village.code)!),
      shocks: [],
      episodes: [],
      payouts: [],
    };
    hh.shocks = drawShocks(rngFor(seed, "shocks", index), hh, disasters.get(village.code)!, window);
    households.push(hh);
  }
  return households;
}
