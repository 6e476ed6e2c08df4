// Monitoring episodes: risk discovered → identified (county approval) after a working-day lag → first
// assistance → possibly eliminated after at least six months (never for 整户无劳动能力) → possibly a new
// episode later (a reversal). A household's 是否监测对象 stays 是 once it was identified.
import { addWorkingDays, dayOf, monthEnd, monthStart, monthYear, nextWorkingDay, type Day } from "./dates.ts";
import { countyLine } from "./lines.ts";
import { rngFor, type Rng } from "./prng.ts";
import type { Household, Shock, SimWindow } from "./roster.ts";

export type MonitorKind = "脱贫不稳定户" | "边缘易致贫户" | "突发严重困难户";
export type EliminationMode = "帮扶消除" | "自然消除";

export interface Episode {
  /** The shock or screening that started it. */
  trigger: Day;
  found: Day;
  identified: Day;
  kind: MonitorKind;
  risks: string[];
  measures: string[];
  /** Day of the first assistance measure (every episode gets one; a snapshot before it shows none). */
  assist: Day | null;
  eliminated: Day | null;
  mode: EliminationMode | null;
  /** Day each guarantee is secured again, for guarantees found at risk (else absent). */
  fixes: Partial<Record<"housing" | "edu" | "med" | "water", Day>>;
}

const SHOCK_RISK = { illness: "因病", disaster: "因自然灾害", accident: "因意外事故", jobloss: "因务工就业不稳" } as const;
const MEASURE_FOR_RISK: Record<string, string[]> = {
  因病: ["健康帮扶"], 因残: ["综合保障", "公益岗位"], 因学: ["教育帮扶"], 因自然灾害: ["产业帮扶", "社会帮扶"],
  因意外事故: ["健康帮扶", "综合保障"], 因务工就业不稳: ["就业帮扶", "公益岗位"], 因产业项目失败: ["产业帮扶", "金融帮扶"],
  缺劳动力: ["综合保障"], 住房出现安全问题: ["住房保障"], 饮水安全问题: ["饮水保障"], 其他: ["社会帮扶"],
};

function kindFor(rng: Rng, hh: Household, severe: boolean): MonitorKind {
  if (severe ? rng.chance(0.85) : rng.chance(0.1)) return "突发严重困难户";
  return hh.type === "脱贫户" ? "脱贫不稳定户" : "边缘易致贫户";
}

function screeningRisk(rng: Rng, hh: Household): string {
  if (hh.noLabour) return "缺劳动力";
  return rng.weighted(["因病", "因残", "因学", "因务工就业不稳", "因产业项目失败", "其他"], [35, 15, 10, 22, 10, 8]);
}

/** Builds one episode from its trigger; `null` main risk means a screening find. */
function makeEpisode(rng: Rng, hh: Household, trigger: Day, mainRisk: string, severe: boolean): Episode {
  const found = trigger + rng.int(0, 20);
  // Most counties approve within 15 working days; some cases drag on.
  const identified = addWorkingDays(found, rng.chance(0.85) ? rng.int(3, 15) : rng.int(16, 45));
  const fixes: Episode["fixes"] = {};
  if (rng.chance(0.05)) fixes.housing = identified + rng.int(20, 200);
  if (rng.chance(0.02)) fixes.water = identified + rng.int(20, 150);
  if (rng.chance(0.01)) fixes.med = identified + rng.int(5, 60);
  if (hh.size >= 3 && rng.chance(0.01)) fixes.edu = identified + rng.int(10, 90);
  const risks = [mainRisk];
  if (fixes.housing !== undefined) risks.push("住房出现安全问题");
  if (fixes.water !== undefined) risks.push("饮水安全问题");
  if (hh.noLabour && !risks.includes("缺劳动力")) risks.push("缺劳动力");
  if (risks.length < 3 && rng.chance(0.3)) {
    const extra = rng.pick(["因病", "因残", "因学", "因务工就业不稳"]);
    if (!risks.includes(extra) && !(hh.noLabour && extra === "因务工就业不稳")) risks.push(extra);
  }
  const measures: string[] = [];
  for (const risk of risks.slice(0, 3)) {
    const m = rng.pick(MEASURE_FOR_RISK[risk]);
    if (!measures.includes(m)) measures.push(m);
  }
  if (!hh.noLabour && measures.length < 3 && rng.chance(0.2) && !measures.includes("金融帮扶")) measures.push("金融帮扶");
  // First assistance (DOMAIN §8): most within days to three weeks of approval, some within six weeks, a few
  // late (up to about three months); none waits longer, so the work list of households without a measure
  // holds only recent or late cases, never households identified years ago.
  const timing = rng.next();
  const assist = addWorkingDays(identified, timing < 0.8 ? rng.int(2, 15) : timing < 0.96 ? rng.int(16, 30) : rng.int(31, 65));
  let eliminated: Day | null = null;
  let mode: EliminationMode | null = null;
  // Elimination needs labour, a measure in place, six months of monitoring and every guarantee secured.
  if (!hh.noLabour && assist !== null && rng.chance(0.93)) {
    const secured = Math.max(0, ...Object.values(fixes).map((d) => d + 1));
    eliminated = nextWorkingDay(Math.max(identified + 183 + rng.int(0, 240), assist + 60, secured));
    mode = rng.chance(0.75) ? "帮扶消除" : "自然消除";
  }
  return {
    trigger, found, identified, kind: kindFor(rng, hh, severe), risks: risks.slice(0, 3),
    measures: assist === null ? [] : measures, assist, eliminated, mode, fixes,
  };
}

/**
 * Calibration (DOMAIN §8: about 35% of the active stock newly identified each year, the stock roughly level):
 * scales the chance that a shock or a screening visit starts an episode, and the chance of an episode in the
 * years before the window (the stock the county already monitors).
 */
const NEW_EPISODE_SCALE = 0.72;
const STOCK_SCALE = 1.2;

/** Whether a household is under monitoring (or being identified) on `day`, so no new episode starts. */
function busy(hh: Household, day: Day): boolean {
  const last = hh.episodes[hh.episodes.length - 1];
  return last !== undefined && (last.eliminated === null || last.eliminated > day);
}

/**
 * Episodes before the window (the stock the county already monitors, picked mostly among low-income and
 * no-labour households), then shock-driven and screening-driven episodes through the window.
 */
export function simulateMonitoring(seed: number, hh: Household, window: SimWindow): void {
  const rng = rngFor(seed, "monitoring", hh.index);
  const start = monthStart(window.first);
  const ratio = hh.basePc / countyLine(monthYear(window.first));
  const lifted = hh.type === "脱贫户";
  const pStock = STOCK_SCALE * (hh.noLabour ? (lifted ? 0.45 : 0.35) : ratio < 1 ? (lifted ? 0.3 : 0.25) : ratio < 1.4 ? 0.08 : lifted ? 0.015 : 0.012);
  if (rng.chance(pStock)) {
    const stockFrom = dayOf(monthYear(window.first) - 3, 1, 1);
    const trigger = rng.int(stockFrom, start - 50);
    hh.episodes.push(makeEpisode(rng, hh, trigger, screeningRisk(rng, hh), rng.chance(0.2)));
  }
  const shocks = hh.shocks.filter((s) => s.day >= start - 90);
  let next = 0;
  for (let m = window.first - 3; m <= window.last; m++) {
    const end = monthEnd(m);
    for (; next < shocks.length && shocks[next].day <= end; next++) {
      const shock: Shock = shocks[next];
      if (busy(hh, shock.day)) continue;
      const p = NEW_EPISODE_SCALE * (0.1 + 0.3 * shock.severity + (ratio < 1.5 ? 0.1 : 0) + (hh.noLabour ? 0.25 : 0) + (lifted ? 0 : 0.1));
      if (rng.chance(p)) hh.episodes.push(makeEpisode(rng, hh, shock.day, SHOCK_RISK[shock.kind], shock.severity > 0.5));
    }
    // Monthly screening by village cadres finds low-income households without any shock.
    if (m >= window.first && (ratio < 1.3 || hh.noLabour) && rng.chance(NEW_EPISODE_SCALE * 0.003)) {
      const day = monthStart(m) + rng.int(0, end - monthStart(m));
      if (!busy(hh, day)) hh.episodes.push(makeEpisode(rng, hh, day, screeningRisk(rng, hh), false));
    }
  }
}

/** The episode a snapshot at `day` shows: the latest one already identified. */
export function episodeAt(hh: Household, day: Day): Episode | null {
  for (let i = hh.episodes.length - 1; i >= 0; i--) if (hh.episodes[i].identified <= day) return hh.episodes[i];
  return null;
}

/** True while an episode has started (risk found) but is not yet approved — income is not topped up then. */
export function pendingAt(hh: Household, day: Day): boolean {
  return hh.episodes.some((e) => e.trigger <= day && e.identified > day);
}
