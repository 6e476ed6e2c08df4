// One household's row in a monthly snapshot (户信息快照): its state at the month's last day, with incomes
// over the trailing 12 months as the monitoring system records them.
import { isoDay, monthEnd, monthLabel, monthYear, type MonthIndex } from "./dates.ts";
import { countyLine } from "./lines.ts";
import { episodeAt, pendingAt, type Episode } from "./monitoring.ts";
import type { Household, SimWindow } from "./roster.ts";

export type Row = Record<string, string | number | null>;

function yesNo(b: boolean): string {
  return b ? "是" : "否";
}

/** A guarantee flag: 否 from identification until the day it is secured again. */
function flag(ep: Episode | null, key: keyof Episode["fixes"], day: number): string {
  const fixed = ep?.fixes[key];
  return fixed !== undefined && fixed > day ? "否" : "是";
}

interface Income {
  wage: number;
  business: number;
  property: number;
  transfer: number;
  cost: number;
  pc: number;
}

function income(hh: Household, month: MonthIndex, window: SimWindow): Income {
  const day = monthEnd(month);
  const dt = month - window.first;
  const n = hh.basePc * hh.size * Math.pow(1 + hh.growth, dt / 12) * (1 + 0.03 * Math.sin(hh.phase + dt / 4));
  let wageMult = 1;
  let businessMult = 1;
  for (const s of hh.shocks) {
    if (s.day > day || day >= s.until) continue;
    if (s.kind === "disaster") businessMult = Math.min(businessMult, s.mult);
    else wageMult = Math.min(wageMult, s.mult);
  }
  let wage = n * hh.shares.wage * wageMult;
  const netBusiness = n * hh.shares.business;
  const cost = (netBusiness / (1 - hh.shares.costRatio)) * hh.shares.costRatio;
  let business = (netBusiness + cost) * businessMult;
  const property = n * hh.shares.property;
  let transfer = n * hh.shares.transfer;
  for (const p of hh.payouts) {
    if (p.day > day || day >= p.day + 365) continue;
    if (p.component === "business") business += p.amount;
    else transfer += p.amount;
  }
  const ep = episodeAt(hh, day);
  const active = ep !== null && (ep.eliminated === null || ep.eliminated > day);
  if (active && ep.assist !== null && ep.assist <= day) {
    // Assistance lifts income over its first half-year: jobs raise wages, other measures transfers.
    const lift = n * 0.12 * Math.min(1, (day - ep.assist) / 180);
    if (ep.measures.includes("就业帮扶") || ep.measures.includes("公益岗位")) wage += lift;
    else transfer += lift;
  }
  if (!active && !pendingAt(hh, day)) {
    // Households outside monitoring are kept above the line by transfers (低保, pensions, subsidies).
    const target = countyLine(monthYear(month)) * hh.floor * hh.size;
    const net = wage + business - cost + property + transfer;
    if (net < target) transfer += target - net;
  }
  const r = { wage: Math.round(wage), business: Math.round(business), property: Math.round(property), transfer: Math.round(transfer), cost: Math.round(cost) };
  const pc = Math.round(((r.wage + r.business + r.property + r.transfer - r.cost) / hh.size) * 100) / 100;
  return { ...r, pc };
}

/** The canonical households row (DOMAIN.md §6) for `hh` in `month`. */
export function snapshotRow(hh: Household, month: MonthIndex, window: SimWindow): Row {
  const day = monthEnd(month);
  const ep = episodeAt(hh, day);
  const eliminated = ep !== null && ep.eliminated !== null && ep.eliminated <= day;
  const assisted = ep !== null && ep.assist !== null && ep.assist <= day;
  const inc = income(hh, month, window);
  return {
    数据期: monthLabel(month),
    户编号: hh.id,
    户主姓名: hh.headName,
    证件号码: hh.idNumber,
    联系电话: hh.phone,
    区划代码: hh.village.code,
    家庭人口数: hh.size,
    劳动力人数: hh.labour,
    户类型: hh.type,
    是否监测对象: yesNo(ep !== null),
    监测对象类别: ep?.kind ?? null,
    风险发现日期: ep ? isoDay(ep.found) : null,
    识别监测日期: ep ? isoDay(ep.identified) : null,
    致贫返贫风险: ep ? ep.risks.join("、") : null,
    风险是否消除: ep ? yesNo(eliminated) : null,
    风险消除方式: eliminated ? ep!.mode : null,
    风险消除日期: eliminated ? isoDay(ep!.eliminated!) : null,
    整户无劳动能力: yesNo(hh.noLabour),
    帮扶措施: assisted ? ep!.measures.join("、") : null,
    首次帮扶日期: assisted ? isoDay(ep!.assist!) : null,
    工资性收入: inc.wage,
    生产经营性收入: inc.business,
    财产性收入: inc.property,
    转移性收入: inc.transfer,
    生产经营性支出: inc.cost,
    人均纯收入: inc.pc,
    住房安全: flag(ep, "housing", day),
    义务教育保障: flag(ep, "edu", day),
    基本医疗保险: flag(ep, "med", day),
    饮水安全: flag(ep, "water", day),
    帮扶责任人: hh.type === "脱贫户" || ep !== null ? hh.helper : null,
  };
}
