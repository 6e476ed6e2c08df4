// Insurance: the county's 防贫保险 group cover (统保) each year, individual accident and agricultural
// policies, and claims that follow the households' shocks (illness → 防贫保险, disaster → agricultural or
// 防贫保险, accident → 意外伤害保险). Paid claims flow back into the households' income. Each insurer writes
// its products in its own words (能繁母猪保险, 农业保险-养殖, 政策性水稻种植保险 …); a few agricultural policies
// carry a name no default keyword rule knows (特色农产品价格指数保险), for the data administrator's list.
import { COUNTY, type Geography } from "./geography.ts";
import { dayOf, isoDay, monthEnd, monthYear, nextWorkingDay, type Day } from "./dates.ts";
import { episodeAt } from "./monitoring.ts";
import { rngFor } from "./prng.ts";
import type { Household, SimWindow } from "./roster.ts";
import type { Row } from "./snapshot.ts";

export const INSURERS = {
  picc: { name: "中国人民财产保险股份有限公司青山支公司", short: "人保财险" },
  life: { name: "中国人寿保险股份有限公司青山支公司", short: "国寿" },
  chic: { name: "中华联合财产保险股份有限公司青山支公司", short: "中华联合" },
} as const;
export type InsurerKey = keyof typeof INSURERS;

export interface Policy {
  insurer: InsurerKey;
  id: string;
  line: "防贫保险" | "种植业保险" | "养殖业保险" | "意外伤害保险";
  /** The insurer's own product name, as its 险种 column reads. */
  product: string;
  mode: "个人" | "统保";
  household: Household | null;
  areaCode: string;
  insured: number;
  premium: number;
  subsidy: number;
  sumInsured: number;
  start: Day;
  end: Day;
}

export interface Claim {
  insurer: InsurerKey;
  id: string;
  policy: Policy;
  household: Household;
  cause: string;
  loss: Day;
  report: Day;
  paid: Day | null;
  amount: number;
}

export interface InsuranceBook {
  policies: Policy[];
  claims: Claim[];
}

/** 防贫保险 is bought for 脱贫 and monitored people at about 50 yuan per person per year (DOMAIN.md §8). */
const ANTIPOVERTY_PREMIUM = 50;
const ANTIPOVERTY_LIMIT = 30_000;

const covered = (hh: Household, day: Day) => hh.type === "脱贫户" || episodeAt(hh, day) !== null;

/** Product names by insurer's wording: crops and livestock vary by policy, the rest by insurer. */
const CROP_PRODUCTS = ["政策性水稻种植保险", "玉米种植保险", "马铃薯种植保险"];
const LIVESTOCK_PRODUCTS = ["能繁母猪保险", "农业保险-养殖", "肉牛养殖保险"];
const CHIC_LIVESTOCK_PRODUCTS = ["育肥猪保险", "奶牛养殖保险"];
const UNRULED_PRODUCT = "特色农产品价格指数保险";

function groupPolicies(households: Household[], geography: Geography, years: number[]): Policy[] {
  const out: Policy[] = [];
  years.forEach((year, k) => {
    const start = dayOf(year, 1, 1);
    const end = dayOf(year, 12, 31);
    // The county bought the cover (6-digit code) until the last year, when the towns bought their own
    // (9-digit codes) and the last town did not renew: its monitored households with a shock risk go uncovered.
    const townYear = k === years.length - 1;
    const towns = geography.towns.length > 1 ? geography.towns.slice(0, -1) : geography.towns;
    const areas = townYear ? towns.map((t) => t.code) : [COUNTY.code];
    areas.forEach((area, i) => {
      let persons = 0;
      for (const hh of households) if (hh.village.code.startsWith(area) && covered(hh, start)) persons += hh.size;
      const premium = persons * ANTIPOVERTY_PREMIUM;
      out.push({
        insurer: "picc", id: `FP${year}${area}${String(i + 1).padStart(3, "0")}`, line: "防贫保险",
        product: townYear ? "防返贫综合保险（乡镇统保）" : "防贫返贫保险（政府统保）", mode: "统保", household: null,
        areaCode: area, insured: persons, premium, subsidy: premium, sumInsured: persons * ANTIPOVERTY_LIMIT, start, end,
      });
    });
  });
  return out;
}

function individualPolicies(seed: number, households: Household[], years: number[], lastDay: Day): Policy[] {
  const out: Policy[] = [];
  let seq = 0;
  for (const hh of households) {
    const rng = rngFor(seed, "policies", hh.index);
    for (const year of years) {
      if (!hh.noLabour && rng.chance(0.12)) {
        const start = dayOf(year, 1, 1) + rng.int(0, 100);
        const perPerson = rng.pick([30, 50, 60, 80]);
        const premium = perPerson * hh.size;
        if (start <= lastDay) out.push({
          insurer: "life", id: `YW${year}${String(++seq).padStart(7, "0")}`, line: "意外伤害保险", product: "国寿农村小额意外伤害保险", mode: "个人", household: hh,
          areaCode: hh.village.code, insured: hh.size, premium, subsidy: hh.type === "脱贫户" ? premium / 2 : 0,
          sumInsured: 50_000 * hh.size, start, end: dayOf(year + 1, 1, 1) + (start - dayOf(year, 1, 1)) - 1,
        });
      }
      if (!hh.noLabour && rng.chance(0.2)) {
        const crop = rng.chance(0.7);
        // Crops are insured at planting (April–May); livestock any time of the year.
        const start = crop ? dayOf(year, 4, 1) + rng.int(0, 60) : dayOf(year, 1, 1) + rng.int(0, 330);
        const units = crop ? rng.int(3, 30) : rng.int(2, 20);
        const premium = units * (crop ? 20 : 60);
        // half the livestock is insured with a second property insurer, in its own wording
        const insurer: InsurerKey = !crop && rng.chance(0.5) ? "chic" : "picc";
        const product = rng.chance(0.04) ? UNRULED_PRODUCT : rng.pick(insurer === "chic" ? CHIC_LIVESTOCK_PRODUCTS : crop ? CROP_PRODUCTS : LIVESTOCK_PRODUCTS);
        // Agricultural premiums are ~80% subsidised (central, province, county).
        if (start <= lastDay) out.push({
          insurer, id: `NY${year}${String(++seq).padStart(7, "0")}`, line: crop ? "种植业保险" : "养殖业保险", product, mode: "个人",
          household: hh, areaCode: hh.village.code, insured: 1, premium, subsidy: Math.round(premium * 0.8 * 100) / 100,
          sumInsured: units * (crop ? 500 : 1500), start, end: start + 364,
        });
      }
    }
  }
  return out;
}

function inForce(policy: Policy, hh: Household, day: Day): boolean {
  if (day < policy.start || day > policy.end) return false;
  return policy.household ? policy.household === hh : hh.village.code.startsWith(policy.areaCode);
}

export function buildInsurance(seed: number, households: Household[], geography: Geography, window: SimWindow): InsuranceBook {
  const firstYear = monthYear(window.first);
  const years: number[] = [];
  for (let y = firstYear; y <= monthYear(window.last); y++) years.push(y);
  const lastDay = monthEnd(window.last);
  const group = groupPolicies(households, geography, years);
  const individual = individualPolicies(seed, households, years, lastDay);
  const byHousehold = new Map<Household, Policy[]>();
  for (const p of individual) {
    const list = byHousehold.get(p.household!) ?? [];
    list.push(p);
    byHousehold.set(p.household!, list);
  }
  const claims: Claim[] = [];
  const firstDay = dayOf(firstYear, 1, 1);
  for (const hh of households) {
    const rng = rngFor(seed, "claims", hh.index);
    const own = byHousehold.get(hh) ?? [];
    for (const shock of hh.shocks) {
      if (shock.day < firstDay || shock.day > lastDay) continue;
      let policy: Policy | undefined;
      let amount = 0;
      let cause = "";
      let reportLag = 0;
      let payLag = 0;
      const antipoverty = group.find((p) => inForce(p, hh, shock.day));
      if (shock.kind === "illness" && shock.severity > 0.3 && antipoverty && covered(hh, shock.day) && rng.chance(0.6)) {
        // Claims are filed once hospital bills are settled; payouts are tiered and capped.
        policy = antipoverty; cause = "疾病"; reportLag = rng.int(10, 60); payLag = rng.int(5, 40);
        amount = Math.round((2_000 + 18_000 * shock.severity * rng.uniform(0.5, 1)) / 10) * 10;
      } else if (shock.kind === "disaster") {
        const agri = own.find((p) => p.line !== "意外伤害保险" && inForce(p, hh, shock.day));
        if (agri && rng.chance(0.8)) {
          policy = agri; cause = rng.pick(["冰雹", "洪涝", "干旱", "风灾"]); reportLag = rng.int(1, 5); payLag = rng.int(10, 60);
          amount = Math.round(agri.sumInsured * rng.uniform(0.2, 0.7) * Math.max(0.3, shock.severity));
        } else if (antipoverty && covered(hh, shock.day) && shock.severity > 0.6 && rng.chance(0.3)) {
          policy = antipoverty; cause = "自然灾害"; reportLag = rng.int(3, 30); payLag = rng.int(10, 45);
          amount = Math.round((1_000 + 9_000 * shock.severity) / 10) * 10;
        }
      } else if (shock.kind === "accident") {
        const cover = own.find((p) => p.line === "意外伤害保险" && inForce(p, hh, shock.day));
        if (cover && rng.chance(0.85)) {
          policy = cover; cause = "意外伤害"; reportLag = rng.int(1, 10); payLag = rng.int(7, 30);
          amount = Math.round((2_000 + 28_000 * shock.severity) / 10) * 10;
        }
      }
      if (!policy || amount <= 0) continue;
      const report = nextWorkingDay(shock.day + reportLag);
      if (report > lastDay) continue;
      // A few claims stay open for months (disputes, missing papers): outstanding at the data's end.
      const paid = nextWorkingDay(report + (rng.chance(0.05) ? rng.int(120, 400) : payLag));
      claims.push({ insurer: policy.insurer, id: "", policy, household: hh, cause, loss: shock.day, report, paid: paid <= lastDay ? paid : null, amount });
    }
  }
  claims.sort((a, b) => a.report - b.report || a.household.index - b.household.index);
  const seqs: Record<InsurerKey, number> = { picc: 0, life: 0, chic: 0 };
  const prefix: Record<InsurerKey, string> = { picc: "PA", life: "LP", chic: "ZH" };
  for (const c of claims) {
    c.id = `${prefix[c.insurer]}${isoDay(c.report).slice(0, 4)}${String(++seqs[c.insurer]).padStart(6, "0")}`;
    if (c.paid !== null) c.household.payouts.push({ day: c.paid, amount: c.amount, component: c.policy.line === "种植业保险" || c.policy.line === "养殖业保险" ? "business" : "transfer" });
  }
  return { policies: [...group, ...individual], claims };
}

export function policyRow(p: Policy): Row {
  return {
    保单号: p.id, 保险机构: INSURERS[p.insurer].name, 险种: p.product, 投保方式: p.mode, 证件号码: p.household?.idNumber ?? null,
    户编号: p.household?.id ?? null, 区划代码: p.areaCode, 被保险人数: p.insured, 保费: p.premium, 财政补贴: p.subsidy,
    保险金额: p.sumInsured, 起保日期: isoDay(p.start), 终止日期: isoDay(p.end),
  };
}

export function claimRow(c: Claim): Row {
  return {
    赔案号: c.id, 保单号: c.policy.id, 险种: c.policy.product, 证件号码: c.household.idNumber, 户编号: c.household.id,
    区划代码: c.household.village.code, 出险原因: c.cause, 出险日期: isoDay(c.loss), 报案日期: isoDay(c.report),
    赔付日期: c.paid === null ? null : isoDay(c.paid), 赔付金额: c.paid === null ? 0 : c.amount, 未决赔款: c.paid === null ? c.amount : 0,
  };
}

