// 规模性返贫风险研判: the verdict of a period (green / amber / red) and the sentences naming its triggers, from
// the marts verdict and verdict_triggers (the page only words them; the levels are decided in the mart).
import { formatCount, formatPeriod, formatRate } from "./format.js";

export type Level = "green" | "amber" | "red";

export interface VerdictRow {
  period: string;
  level: Level;
  red_triggers: number;
  amber_triggers: number;
}

export interface TriggerRow {
  period: string;
  trigger: string;
  area_code: string;
  area_level: "county" | "town" | "village";
  area_name: string | null;
  town_code: string | null;
  town_name: string | null;
  window: "period" | "month" | "quarter";
  window_start: string;
  window_end: string;
  detail: string | null;
  figure: number | null;
  numerator: number | null;
  denominator: number | null;
  amber: number;
  red: number;
  level: Level;
  link: string;
  /** A village whose figures are withheld (too few roster households): not named, no count (area_name, figure null). */
  suppressed?: boolean;
}

export const LEVEL_TEXT: Record<Level, string> = {
  red: "红色：出现规模性返贫风险苗头，需立即研判处置",
  amber: "黄色：有指标越过关注线，需跟踪核实",
  green: "绿色：未发现规模性返贫风险",
};
export const LEVEL_WORD: Record<Level, string> = { red: "红色", amber: "黄色", green: "绿色" };

export const TRIGGER_NAME: Record<string, string> = {
  return_rate: "返贫率",
  new_poverty_rate: "致贫率",
  active_growth: "风险未消除监测对象户数增长",
  ident_overdue: "超期未识别",
  assist_overdue: "超期未帮扶",
  cluster_identified: "新识别聚集",
  cluster_risk: "同一风险聚集",
  cluster_below_line: "低于监测线户数骤增",
};

const isRateTrigger = (trigger: string) => trigger === "return_rate" || trigger === "new_poverty_rate" || trigger === "active_growth";

function threshold(row: TriggerRow, value: number): string {
  return isRateTrigger(row.trigger) ? formatRate(value) : `${formatCount(value)}户`;
}

function windowText(row: TriggerRow): string {
  if (row.window === "month") return formatPeriod(row.window_end);
  if (row.window === "quarter") return `${formatPeriod(row.window_start)}至${formatPeriod(row.window_end)}三个月`;
  return "";
}

/** Where the trigger is: 一镇甲村, 二乡, or 全县 for the county triggers. */
export function triggerArea(row: TriggerRow): string {
  if (row.area_level === "county") return "全县";
  if (row.area_level === "town") return row.area_name ?? row.area_code;
  return `${row.town_name ?? ""}${row.area_name ?? row.area_code}`;
}

const WITHHELD_WHAT: Record<string, string> = {
  cluster_identified: "新识别监测对象",
  cluster_risk: "新识别监测对象中同一风险",
  cluster_below_line: "收入低于监测线的户增加",
};

/** The figure in words: "返贫率 2.23%（31/1,389户）", "一镇甲村 2025年6月新识别监测对象 5户". */
export function triggerFigure(row: TriggerRow): string {
  const n = row.figure;
  if (row.suppressed) {
    return `${row.town_name ?? ""}一个户数较少的村（不公布村名和户数） ${windowText(row)}${WITHHELD_WHAT[row.trigger] ?? ""}`;
  }
  switch (row.trigger) {
    case "return_rate":
    case "new_poverty_rate":
      return `全县${TRIGGER_NAME[row.trigger]} ${formatRate(n)}（${formatCount(row.numerator)}/${formatCount(row.denominator)}户）`;
    case "active_growth": {
      if (row.window_start === row.window_end) return `全县风险未消除监测对象 ${formatCount(row.denominator)}户（没有更早的快照可比）`;
      const change = row.numerator ?? 0;
      return `全县风险未消除监测对象 ${formatPeriod(row.window_start)}至${formatPeriod(row.window_end)}${change >= 0 ? "增加" : "减少"} ${formatCount(Math.abs(change))}户（${n != null && n >= 0 ? "+" : ""}${formatRate(n)}，期初 ${formatCount(row.denominator)}户）`;
    }
    case "ident_overdue":
      return `全县期末超期未识别 ${formatCount(n)}户`;
    case "assist_overdue":
      return `全县期末超期未帮扶 ${formatCount(n)}户`;
    case "cluster_identified":
      return `${triggerArea(row)} ${windowText(row)}新识别监测对象 ${formatCount(n)}户`;
    case "cluster_risk":
      return `${triggerArea(row)} ${windowText(row)}新识别监测对象中“${row.detail ?? "同一风险"}” ${formatCount(n)}户`;
    case "cluster_below_line":
      return `${triggerArea(row)} ${windowText(row)}收入低于监测线的户增加 ${formatCount(n)}户`;
    default:
      return `${triggerArea(row)} ${formatCount(n)}`;
  }
}

/** "…，达到红色线 5户（黄色线 3户）" — the figure against the threshold it crossed (or stays under). */
export function triggerSentence(row: TriggerRow): string {
  const lines = `黄色线 ${threshold(row, row.amber)}、红色线 ${threshold(row, row.red)}`;
  const verdict = row.level === "red" ? "达到红色线" : row.level === "amber" ? "达到黄色线" : "未达黄色线";
  if (row.suppressed) return `${triggerFigure(row)}${verdict}（${lines}）`;
  const scaled = isRateTrigger(row.trigger) ? "，按全年阈值折算到本期月数" : "";
  return `${triggerFigure(row)}，${verdict}（${lines}${scaled}）`;
}

export interface VerdictPanelInput {
  title: string;
  verdict: VerdictRow | undefined;
  triggers: TriggerRow[];
  /** Turns a mart link ('monitoring', 'town/529901001') into an href for the page. */
  href?: (link: string) => string;
}

/** A card: the level in words and colour, then one line per red or amber trigger with a link, then the rest. */
export function verdictPanel({ title, verdict, triggers, href = (link) => `./${link}` }: VerdictPanelInput): HTMLElement {
  const level: Level | null = verdict?.level ?? null;
  const card = document.createElement("section");
  card.className = `card verdict verdict-${level ?? "none"}`;
  card.dataset.level = level ?? "none";
  const heading = document.createElement("h2");
  heading.textContent = title;
  const badge = document.createElement("p");
  badge.className = "verdict-level";
  badge.textContent = level ? LEVEL_TEXT[level] : "该期没有户信息快照，无法研判";
  card.append(heading, badge);
  const raised = triggers.filter((t) => t.level !== "green");
  if (raised.length > 0) {
    const list = document.createElement("ul");
    list.className = "verdict-triggers";
    for (const row of raised) {
      const item = document.createElement("li");
      item.className = `verdict-trigger level-${row.level}`;
      item.dataset.trigger = row.trigger;
      const word = document.createElement("strong");
      word.textContent = `${LEVEL_WORD[row.level]} · ${TRIGGER_NAME[row.trigger] ?? row.trigger}：`;
      const text = document.createElement("span");
      text.textContent = `${triggerSentence(row)}。`;
      const link = document.createElement("a");
      link.href = href(row.link);
      link.textContent = row.area_level === "county" ? "查看监测帮扶" : `查看${row.area_level === "village" ? row.town_name ?? "乡镇" : row.area_name ?? "乡镇"}`;
      item.append(word, text, link);
      list.append(item);
    }
    card.append(list);
  }
  const calm = triggers.filter((t) => t.level === "green");
  if (calm.length > 0) {
    const rest = document.createElement("p");
    rest.className = "verdict-rest muted";
    rest.textContent = `未达黄色线：${calm.map((row) => triggerFigure(row)).join("；")}。`;
    card.append(rest);
  }
  if (level && raised.every((t) => t.area_level === "county")) {
    const none = document.createElement("p");
    none.className = "verdict-rest muted";
    none.textContent = "未发现村、乡镇的新识别、同一风险或低于监测线户数聚集。";
    card.append(none);
  }
  return card;
}
