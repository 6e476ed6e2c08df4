// Department records for the comparison of DOMAIN.md §10, drawn from the same simulated shocks as the roster:
// an illness produces hospital and clinic bills (医保), a disaster produces a household loss (应急). The
// records are dated at the shock, before the town finds the risk, so a lead usually precedes the household's
// identification in the roster; a shock the roster never picks up leaves a lead that is never identified.
// Some records are noise: small clinic bills of healthy households, and a few large one-off bills (false
// leads). A fifth of the bills are in a family member's name (an ID the roster does not hold: it matches no
// household until a members extract exists). The towns send back 核查反馈 for most of the false leads
// (one-off bills, and shocks the roster never picks up); the rest stay open.
// Deterministic per seed: each household has its own streams.
import { createHash } from "node:crypto";
import { addWorkingDays, monthEnd, monthStart, isoDay, monthYear, type Day } from "./dates.ts";
import { COUNTY } from "./geography.ts";
import { citizenId } from "./id-numbers.ts";
import { personName } from "./names.ts";
import { maskId, maskName } from "../privacy/mask.ts";
import { rngFor } from "./prng.ts";
import type { Household, SimWindow } from "./roster.ts";
import type { Row } from "./snapshot.ts";

export interface DepartmentRecords {
  medical: Row[];
  disasters: Row[];
  /** The towns' 核查反馈 on the false leads they checked (线索编号 made as int_leads makes it). */
  feedback: Row[];
}

/** 线索编号 as loaders/sql/intermediate/41_int_leads.sql makes it. */
export function leadId(prefix: string, department: string, rule: string, householdId: string, day: Day): string {
  const date = isoDay(day);
  const hash = createHash("md5").update(`${department}|${rule}|${householdId}|${date}`).digest("hex").slice(0, 8).toUpperCase();
  return `${prefix}-${date.replaceAll("-", "")}-${hash}`;
}

const DISASTER_TYPES = ["洪涝", "风雹", "干旱", "地质灾害"];
// The two rules the sample's records raise, as data/config/lead-rules.json's defaults set them.
const RULES = {
  medical: { prefix: "YB", department: "医保", rule: "medical_self_paid", name: "医疗自付费用高" },
  disaster: { prefix: "YJ", department: "应急", rule: "disaster_loss", name: "灾害损失大" },
} as const;
const MEDICAL = RULES.medical;
const DISASTER = RULES.disaster;

function bill(day: Day, total: number, reimbursedShare: number, id: string, name: string): Row {
  const totalCost = Math.round(total);
  const reimbursed = Math.round(totalCost * reimbursedShare);
  return { 证件号码: id, 姓名: name, 就诊日期: isoDay(day), 医疗总费用: totalCost, 医保报销: reimbursed, 个人自付: totalCost - reimbursed };
}

export function buildDepartmentRecords(seed: number, households: Household[], window: SimWindow): DepartmentRecords {
  const first = monthStart(window.first);
  const last = monthEnd(window.last);
  const taken = new Set(households.map((hh) => hh.idNumber));
  const medical: Row[] = [];
  const disasters: Row[] = [];
  const feedback: Row[] = [];
  for (const hh of households) {
    const rng = rngFor(seed, "department", hh.index);
    // the person a bill is for: the head, or (one in five) another member whose ID the roster lacks
    let member: { id: string; name: string } | null = null;
    const patient = () => {
      if (hh.size < 2 || !rng.chance(0.2)) return { id: hh.idNumber, name: hh.headName };
      member ??= { id: citizenId(rng, COUNTY.code, monthYear(window.first) - rng.int(5, 80), rng.chance(0.5), taken), name: personName(rng, rng.chance(0.5)) };
      return member;
    };
    // the town's downloaded lead list, sent back with the three feedback columns filled in; mostly within the
    // 5 working days of the check deadline
    const townCheck = (day: Day, rule: (typeof RULES)[keyof typeof RULES], conclusion: string, note: string) => {
      const checked = addWorkingDays(day, rng.chance(0.8) ? rng.int(1, 5) : rng.int(6, 15));
      if (checked > last) return;
      feedback.push({
        线索编号: leadId(rule.prefix, rule.department, rule.rule, hh.id, day), 部门: rule.department, 预警规则: rule.name,
        线索日期: isoDay(day), 核查期限: isoDay(addWorkingDays(day, 5)), 乡镇: hh.village.town.name, 村: hh.village.name,
        户编号: hh.id, "户主(脱敏)": maskName(hh.headName), "证件号码(脱敏)": maskId(hh.idNumber), 状态: "待核查",
        核查日期: isoDay(checked), 核查结论: conclusion, 说明: note,
      });
    };
    // a shock the roster never turns into monitoring, for a household not monitored at the time: the town
    // checks most of these leads and records why the household does not qualify (or 其他); the rest stay open
    const unmonitored = (day: Day) =>
      !hh.episodes.some((e) => e.trigger === day || (e.identified <= day && (e.eliminated === null || e.eliminated > day)));
    const checkFalseLead = (day: Day, rule: (typeof RULES)[keyof typeof RULES], note: string) => {
      if (!unmonitored(day)) return;
      const draw = rng.next();
      if (draw < 0.6) townCheck(day, rule, "不符合", note);
      else if (draw < 0.75) townCheck(day, rule, "其他", "已落实临时救助，继续观察");
    };
    for (const shock of hh.shocks) {
      if (shock.day < first || shock.day > last) continue;
      if (shock.kind === "illness") {
        // a hospital stay at the shock, then follow-up visits; costs grow with severity
        const person = patient();
        const total = 3000 + 60_000 * shock.severity * rng.uniform(0.6, 1.4);
        const share = rng.uniform(0.55, 0.75);
        const stay = bill(shock.day, total * 0.75, share, person.id, person.name);
        medical.push(stay);
        // the stay alone is above the default line (10,000): a lead on the shock's day for the head
        if (person.id === hh.idNumber && (stay["个人自付"] as number) > 10_000) checkFalseLead(shock.day, MEDICAL, "大病保险和医疗救助报销后家庭收入仍高于监测线");
        const visits = rng.int(1, 4);
        for (let v = 0; v < visits; v++) {
          const day = shock.day + rng.int(10, 120);
          if (day <= last) medical.push(bill(day, (total * 0.25) / visits, share, person.id, person.name));
        }
      } else if (shock.kind === "disaster") {
        const loss = Math.round((1000 + 30_000 * shock.severity * rng.uniform(0.6, 1.4)) / 100) * 100;
        disasters.push({ 证件号码: hh.idNumber, 区划代码: hh.village.code, 灾害日期: isoDay(shock.day), 灾害类型: rng.pick(DISASTER_TYPES), 损失金额: loss });
        if (loss > 10_000) checkFalseLead(shock.day, DISASTER, "损失已由农业保险赔付，家庭收入未低于监测线");
      }
    }
    // background: clinic bills of households without a shock (below any line), and rare large one-off bills
    // (a planned operation): leads the town checks and finds not qualifying
    for (let y = monthYear(window.first); y <= monthYear(window.last); y++) {
      if (rng.chance(0.04)) {
        const day = first + rng.int(0, last - first);
        const person = patient();
        medical.push(bill(day, rng.uniform(300, 4000), rng.uniform(0.5, 0.7), person.id, person.name));
      }
      if (rng.chance(0.004)) {
        const day = first + rng.int(0, last - first);
        medical.push(bill(day, rng.uniform(40_000, 80_000), rng.uniform(0.6, 0.7), hh.idNumber, hh.headName));
        // most such leads are checked and found not qualifying; a household monitored then raises no lead
        // (DOMAIN §10: already monitored for the risk), so there is nothing for the town to send back
        if (rng.chance(0.7) && unmonitored(day)) townCheck(day, MEDICAL, "不符合", "一次性手术费用，医保和大病保险已报销，家庭收入稳定");
      }
    }
  }
  const byDate = (a: Row, b: Row, key: string) => String(a[key]).localeCompare(String(b[key])) || String(a["证件号码"]).localeCompare(String(b["证件号码"]));
  medical.sort((a, b) => byDate(a, b, "就诊日期"));
  disasters.sort((a, b) => byDate(a, b, "灾害日期"));
  feedback.sort((a, b) => byDate(a, b, "核查日期") || String(a["线索编号"]).localeCompare(String(b["线索编号"])));
  return { medical, disasters, feedback };
}
