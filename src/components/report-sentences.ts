// 半年考核报告: the sections, the cells of their standard table and the sentences, worked out from the rows of
// the report_rows mart only. Pure functions (pages, workbook and tests share them). A sentence never states
// more than its table shows: it reads the same rows and rounds with the same formatters, and a comparison the
// mart could not make (status other than 'ok') is said to be missing, incomplete or withheld, never invented.
import { formatAmount, formatCount, formatPeriod, formatRate, unitLabel } from "./format.js";
import { suppressionLabel } from "./table-model.js";

export type ComparisonStatus = "ok" | "missing" | "incomplete" | "suppressed" | "partial";

/** One row of report_rows as the page loader passes it (JSON). */
export interface ReportRow {
  period: string;
  code: string;
  area_code: string;
  area_level?: string;
  parent_code?: string | null;
  unit: string;
  kind?: string;
  partial?: boolean;
  end_month?: string | null;
  value: number | null;
  complete: boolean | null;
  missing_sources?: string[] | null;
  suppression: string | null;
  previous_period: string;
  previous_value: number | null;
  previous_suppression: string | null;
  previous_status: ComparisonStatus;
  change_previous: number | null;
  growth_previous: number | null;
  last_year_period: string;
  last_year_value: number | null;
  last_year_suppression: string | null;
  last_year_status: ComparisonStatus;
  change_last_year: number | null;
  growth_last_year: number | null;
}

/** What a sentence needs to know about the indicator (from the catalog). */
export interface IndicatorInfo {
  code: string;
  name_zh: string;
  unit: string;
  higher_is_better?: boolean | null;
}

export interface ReportSection {
  key: string;
  title: string;
  /** Rows of the standard table, in this order; codes the catalog lacks are skipped. */
  codes: string[];
  /** Codes worded in the section's sentences and drawn in its chart (the first). */
  lead: string[];
}

export const REPORT_SECTIONS: ReportSection[] = [
  {
    key: "monitoring",
    title: "防止返贫监测帮扶",
    codes: ["hh_lifted", "mon_active", "mon_active_pop", "mon_identified", "risk_elim_rate", "return_rate", "new_poverty_rate", "assist_coverage", "timely_identification_rate", "timely_assist_rate", "ident_overdue", "assist_overdue"],
    lead: ["return_rate", "new_poverty_rate", "mon_active", "risk_elim_rate", "timely_identification_rate", "timely_assist_rate"],
  },
  {
    key: "department",
    title: "部门比对预警",
    codes: ["lead_count", "lead_checked_timely_rate", "lead_identified_rate"],
    lead: ["lead_count", "lead_checked_timely_rate"],
  },
  {
    key: "guarantees",
    title: "三保障和饮水安全",
    codes: ["guarantee_rate", "housing_ok_rate", "edu_ok_rate", "med_ok_rate", "water_ok_rate"],
    lead: ["guarantee_rate"],
  },
  {
    key: "income",
    title: "收入",
    codes: ["income_pc_mean", "income_pc_median", "income_growth", "below_line_share"],
    lead: ["income_pc_mean", "below_line_share"],
  },
  {
    key: "finance",
    title: "金融帮扶",
    codes: ["loan_balance", "loan_balance_yoy", "loan_issued", "loan_issued_count", "loan_coverage", "loan_avg", "npl_ratio", "overdue_ratio", "interest_subsidy"],
    lead: ["loan_balance", "npl_ratio"],
  },
  {
    key: "insurance",
    title: "保险保障",
    codes: ["ins_coverage_antipoverty", "ins_premium", "ins_subsidy", "ins_paid", "ins_loss_ratio", "ins_settle_days_median"],
    lead: ["ins_coverage_antipoverty", "ins_paid"],
  },
  { key: "quality", title: "数据质量", codes: [], lead: [] },
];

/** The codes the town reports list per village (withheld cells shown "<N" / "×"). */
export const REPORT_VILLAGE_CODES = ["mon_active", "mon_identified", "risk_elim_rate"];

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** 2025-H1 → 上年下半年 is the half before; 2025-H2 → 上半年 (of the same year). */
export function previousLabel(period: string): string {
  return period.endsWith("-H1") ? "上年下半年" : "上半年";
}

/** 上半年 / 下半年, as a report names its own half-year. */
export function halfName(period: string): string {
  return period.endsWith("-H1") ? "上半年" : "下半年";
}

/** The decimals of a rate as the table shows it: two under 1%, else one (formatRate's rule). */
function rateDigits(...fractions: Array<number | null>): number {
  return fractions.some((f) => isNumber(f) && f !== 0 && Math.abs(f) < 0.01) ? 2 : 1;
}

/** The decimals of a rate row's three values (one precision per row, so 0.86% stands beside 1.01%, not 1.0%). */
export function valueDigits(row: ReportRow, info: Pick<IndicatorInfo, "unit">): number | undefined {
  return info.unit === "ratio" ? rateDigits(row.value, row.previous_value, row.last_year_value) : undefined;
}

/** A value as the table shows it: 0.86%, 164户, 1,234.6万元, 14,343元 (incomes per person in 元). */
export function formatReportValue(value: number | null, info: Pick<IndicatorInfo, "code" | "unit">, digits?: number): string {
  if (!isNumber(value)) return "—";
  // a negative figure (余额同比增速 −2.7%) with the minus sign, not a hyphen: a downloaded cell starting with "-"
  // would be quoted as a would-be formula
  if (value < 0) return `−${formatReportValue(-value, info, digits)}`;
  if (info.unit === "ratio") return formatRate(value, digits);
  if (info.unit === "yuan") return formatAmount(value, info.code.startsWith("income") ? { unit: "元" } : {});
  if (info.unit === "days") return `${formatCount(value, Number.isInteger(value) ? 0 : 1)}天`;
  return `${formatCount(value, Number.isInteger(value) ? 0 : 1)}${unitLabel(info.unit)}`;
}

/** The absolute size of a change in the indicator's own unit: 0.14个百分点, 12户, 65.9万元. */
function changeSize(change: number, info: Pick<IndicatorInfo, "code" | "unit">, digits: number): string {
  if (info.unit === "ratio") return `${Math.abs(change).toFixed(digits)}个百分点`;
  return formatReportValue(Math.abs(change), info);
}

/** A change rounded as shown; zero when it rounds to nothing (持平). */
function shownChange(change: number, info: Pick<IndicatorInfo, "code" | "unit">, digits: number): number {
  if (info.unit === "ratio") return Number(change.toFixed(digits));
  return Number(changeSize(change, info, digits).replace(/[^\d.]/g, "")) === 0 ? 0 : change;
}

type Side = "previous" | "last_year";

function sideOf(row: ReportRow, side: Side) {
  return side === "previous"
    ? { status: row.previous_status, change: row.change_previous, growth: row.growth_previous }
    : { status: row.last_year_status, change: row.change_last_year, growth: row.growth_last_year };
}

/** The table's change cell: 上升0.14个百分点, 减少12户（下降7.9%）, 持平, or why there is none. */
export function changeCell(row: ReportRow, side: Side, info: Pick<IndicatorInfo, "code" | "unit">, threshold?: number): string {
  const { status, change, growth } = sideOf(row, side);
  if (status === "suppressed") return suppressionLabel(threshold, row.suppression ?? (side === "previous" ? row.previous_suppression : row.last_year_suppression) ?? "primary");
  if (status !== "ok" || !isNumber(change)) return STATUS_CELL[status === "ok" ? "missing" : status];
  const digits = rateDigits(row.value, row.previous_value, row.last_year_value);
  if (shownChange(change, info, digits) === 0) return "持平";
  // words, not a sign: a cell starting with + or - would be quoted in the CSV as a would-be formula
  const up = change > 0;
  if (info.unit === "ratio") return `${up ? "上升" : "下降"}${changeSize(change, info, digits)}`;
  const percent = isNumber(growth) ? `（${up ? "增长" : "下降"}${Math.abs(growth * 100).toFixed(1)}%）` : "";
  return `${up ? "增加" : "减少"}${changeSize(change, info, digits)}${percent}`;
}

const STATUS_CELL: Record<Exclude<ComparisonStatus, "ok" | "suppressed">, string> = {
  missing: "无可比数据",
  incomplete: "数据不完整，不作比较",
  partial: "本期未满半年，不作比较",
};

/** A value cell: the figure, "<5" / "×" when withheld. */
export function valueCell(value: number | null, suppression: string | null, info: Pick<IndicatorInfo, "code" | "unit">, threshold?: number, digits?: number): string {
  if (suppression) return suppressionLabel(threshold, suppression);
  return formatReportValue(value, info, digits);
}

/** The clause for one comparison: 较上年同期下降0.03个百分点 / 上年同期数据不完整，不作比较. */
export function comparisonClause(row: ReportRow, side: Side, info: IndicatorInfo): string {
  const label = side === "previous" ? previousLabel(row.period) : "上年同期";
  const { status, change, growth } = sideOf(row, side);
  switch (status) {
    case "suppressed":
      return `${label}数据按保密规则不予公布，不作比较`;
    case "missing":
      return `${label}无可比数据`;
    case "incomplete":
      return row.complete === false ? `本期数据不完整，不与${label}比较` : `${label}数据不完整，不作比较`;
    case "partial":
      return `本期数据截至${Number(String(row.end_month ?? "").slice(5, 7)) || "?"}月，未满半年，不与${label}比较`;
  }
  if (!isNumber(change)) return `${label}无可比数据`;
  const digits = rateDigits(row.value, row.previous_value, row.last_year_value);
  if (shownChange(change, info, digits) === 0) return `与${label}持平`;
  const up = change > 0;
  if (info.unit === "ratio") return `较${label}${up ? "上升" : "下降"}${changeSize(change, info, digits)}`;
  const verb = up ? "增加" : "减少";
  const percent = isNumber(growth) ? `，${up ? "增长" : "下降"}${Math.abs(growth * 100).toFixed(1)}%` : "";
  return `较${label}${verb}${changeSize(change, info, digits)}${percent}`;
}

/**
 * One indicator in a sentence: 2025年上半年全县返贫率为0.86%，较上年同期上升0.14个百分点，较上年下半年下降0.14个百分点。
 * Two comparisons withheld for the same reason are said once (上年下半年和上年同期均无可比数据).
 */
export function indicatorSentence(row: ReportRow, info: IndicatorInfo, areaName: string, threshold?: number): string {
  const subject = `${formatPeriod(row.period)}${areaName}${info.name_zh}`;
  if (row.suppression) return `${subject}按保密规则不予公布。`;
  if (!isNumber(row.value)) return `${subject}本期无数据。`;
  const incomplete = row.complete === false ? `（本期${missingText(row)}）` : "";
  const lead = `${subject}为${valueCell(row.value, row.suppression, info, threshold, valueDigits(row, info))}${incomplete}`;
  const sides: Side[] = ["last_year", "previous"];
  const clauses = sides.map((side) => comparisonClause(row, side, info));
  const same = row.previous_status === row.last_year_status && row.previous_status !== "ok" && row.previous_status !== "incomplete";
  if (same) {
    const both = `${"上年同期"}和${previousLabel(row.period)}`;
    const merged = clauses[0].replace("上年同期", both).replace("无可比数据", "均无可比数据").replace("不予公布", "均不予公布");
    return `${lead}，${merged}。`;
  }
  return `${lead}，${clauses.join("，")}。`;
}

function missingText(row: ReportRow): string {
  const sources = row.missing_sources ?? [];
  return sources.length > 0 ? `缺${sources.slice(0, 3).join("、")}${sources.length > 3 ? `等${sources.length}个来源` : ""}的数据` : "数据不完整";
}

export interface RankedArea {
  name: string;
  value: number | null;
  complete: boolean | null;
}

/**
 * Which areas rank last on a rate where higher is better: 识别及时率较低的乡镇是：甲镇（62.5%）、乙乡（70.0%）。
 * Areas without a value or with incomplete data are left out of the ranking and counted.
 */
export function lowestSentence(areas: RankedArea[], info: IndicatorInfo, count = 3, kind = "乡镇"): string {
  const ranked = areas.filter((a) => isNumber(a.value) && a.complete !== false).sort((a, b) => (a.value as number) - (b.value as number) || a.name.localeCompare(b.name, "zh-CN"));
  const left = areas.length - ranked.length;
  const leftOut = left > 0 ? `另有${left}个${kind}无数据或数据不完整，未参与排名。` : "";
  if (ranked.length === 0) return `各${kind}${info.name_zh}均无可比数据。`;
  const worst = ranked.slice(0, Math.min(count, ranked.length));
  const list = worst.map((a) => `${a.name}（${formatReportValue(a.value, info)}）`).join("、");
  return `${info.name_zh}排名靠后的${kind}：${list}。${leftOut}`;
}

export interface BankNpl {
  institution: string;
  value: number | null;
  previous_value: number | null;
}

/** Decimals of bank NPL ratios in the report (the bank table and its sentence): two, as banks write them. */
export const NPL_DIGITS = 2;

/** Banks whose NPL ratio rose against their previous evaluation: 不良贷款率较上期上升的银行：甲银行（1.20%→1.85%，上升0.65个百分点）。 */
export function nplRiseSentence(banks: BankNpl[], previousName: string): string {
  const comparable = banks.filter((b) => isNumber(b.value) && isNumber(b.previous_value));
  const missing = banks.length - comparable.length;
  const missingText = missing > 0 ? `另有${missing}家银行${previousName}或本期无不良贷款率数据，不作比较。` : "";
  if (banks.length === 0) return "本期没有银行考核数据。";
  if (comparable.length === 0) return `各银行${previousName}或本期无不良贷款率数据，不作比较。`;
  const risen = comparable
    .map((b) => ({ ...b, digits: NPL_DIGITS }))
    .filter((b) => Number((((b.value as number) - (b.previous_value as number)) * 100).toFixed(b.digits)) > 0)
    .sort((a, b) => ((b.value as number) - (b.previous_value as number)) - ((a.value as number) - (a.previous_value as number)));
  if (risen.length === 0) return `与${previousName}相比，各银行不良贷款率均未上升。${missingText}`;
  const list = risen
    .map((b) => `${b.institution}（${formatRate(b.previous_value, b.digits)}→${formatRate(b.value, b.digits)}，上升${(((b.value as number) - (b.previous_value as number)) * 100).toFixed(b.digits)}个百分点）`)
    .join("、");
  return `与${previousName}相比，不良贷款率上升的银行：${list}。${missingText}`;
}
