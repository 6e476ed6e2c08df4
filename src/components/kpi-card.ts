// A headline figure with its change against the previous period (环比) and the same period last year
// (同比): percentage points for rates, relative change for levels, coloured by whether the move is good.
import { amountUnitFor, formatAmount, formatChange, formatValue, isAmountUnit, isRateUnit } from "./format.js";

export interface KpiInput {
  label: string;
  value: number | null | undefined;
  unit: string | null | undefined;
  previous?: number | null;
  lastYear?: number | null;
  /** true: up is good; false: down is good; null/undefined: neutral (e.g. a count of households). */
  higherIsBetter?: boolean | null;
  /** Target shown under the figure, in the indicator's unit (e.g. 1 for 100%). */
  target?: number | null;
  code?: string;
  /** Sources missing for this period (DOMAIN.md §7): the card says 数据不完整 and names them. */
  missing?: string[];
  /** Fixed decimals for an amount shown in 万元/亿元 (loans: 2). */
  amountDigits?: number;
  /** Makes the whole card a link (e.g. the overview's 贷款余额 card → 金融帮扶总览). */
  href?: string;
  /** A rate's numerator and denominator, shown in small text under it; a small denominator is marked. */
  numerator?: number | null;
  denominator?: number | null;
  /** Why a comparison is left out (e.g. a part year has no like period last year), shown in small text. */
  comparisonNote?: string;
}

/** A rate on fewer cases than this is marked 基数小: one household moves it by more than 3 points. */
export const SMALL_BASE = 30;

/** "分子 6 / 分母 179" under a rate; with "基数小" when the denominator is under SMALL_BASE. */
export function baseText(numerator: number | null | undefined, denominator: number | null | undefined): string {
  if (typeof numerator !== "number" || typeof denominator !== "number" || denominator <= 0) return "";
  const count = (n: number) => formatValue(n, "households").replace(/户$/, "");
  const small = denominator < SMALL_BASE ? "，基数小，仅供参考" : "";
  return `分子 ${count(numerator)} / 分母 ${count(denominator)}${small}`;
}

/** "数据不完整：缺 县农业银行 2025年6月贷款台账、…" — the one wording for cards, tables and downloads. */
export function incompleteText(missing: string[] | undefined): string {
  return missing && missing.length > 0 ? `数据不完整：缺 ${missing.join("、")}` : "";
}

export type Tone = "good" | "bad" | "flat" | "none";

/** Whether a move from base to current is good, given the indicator's direction. */
export function changeTone(current: unknown, base: unknown, higherIsBetter: boolean | null | undefined, unit?: string | null): Tone {
  if (typeof current !== "number" || typeof base !== "number" || !Number.isFinite(current) || !Number.isFinite(base)) return "none";
  // Compare at display precision so "持平" is never coloured.
  const delta = isRateUnit(unit) ? Math.round((current - base) * 1000) : current - base;
  if (delta === 0) return "flat";
  if (higherIsBetter == null) return "none";
  return delta > 0 === higherIsBetter ? "good" : "bad";
}

function changeLine(label: string, input: KpiInput, base: number | null | undefined): HTMLElement {
  const line = document.createElement("div");
  line.className = `kpi-change tone-${changeTone(input.value, base, input.higherIsBetter, input.unit)}`;
  line.textContent = `${label} ${formatChange(input.value, base, input.unit)}`;
  return line;
}

export function kpiCard(input: KpiInput): HTMLElement {
  const card = document.createElement("div");
  card.className = "card kpi";
  if (input.code) card.dataset.code = input.code;
  const title = document.createElement("h2");
  title.textContent = input.label;
  const value = document.createElement("span");
  value.className = "big";
  value.textContent = input.amountDigits !== undefined && isAmountUnit(input.unit)
    ? formatAmount(input.value, { unit: "万元", digits: input.amountDigits })
    : formatValue(input.value, input.unit, amountUnitFor(input.code));
  card.append(title, value, changeLine("环比", input, input.previous), changeLine("同比", input, input.lastYear));
  const base = isRateUnit(input.unit) ? baseText(input.numerator, input.denominator) : "";
  if (base) {
    const line = document.createElement("div");
    line.className = `kpi-base muted${typeof input.denominator === "number" && input.denominator < SMALL_BASE ? " small-base" : ""}`;
    line.textContent = base;
    card.append(line);
  }
  if (input.comparisonNote) {
    const note = document.createElement("div");
    note.className = "kpi-note muted";
    note.textContent = input.comparisonNote;
    card.append(note);
  }
  if (input.target != null) {
    const target = document.createElement("div");
    target.className = "kpi-target muted";
    target.textContent = `目标 ${formatValue(input.target, input.unit, amountUnitFor(input.code))}`;
    card.append(target);
  }
  if (input.missing && input.missing.length > 0) {
    card.classList.add("incomplete");
    const note = document.createElement("div");
    note.className = "kpi-incomplete";
    note.textContent = incompleteText(input.missing);
    card.append(note);
  }
  if (input.href) {
    const link = document.createElement("a");
    link.href = input.href;
    link.className = "kpi-link";
    link.textContent = "查看详情 →";
    card.append(link);
  }
  return card;
}
