// 半年考核报告 (/report/<YYYY-Hn>, ?town=<code> for a town): builds the report's sections — sentences, the standard
// table, a chart — from one half-year's report data, and the workbook with one sheet per table. The words and
// cells come from report-sentences.ts (pure, tested); this file only lays them out. Print: one section per page
// (style.css), page numbers and the build date in the page footer (reportPrintStyle).
import * as Plot from "@observablehq/plot";
import { chartCard } from "./chart-card.js";
import { tableCard } from "./table-card.js";
import { fileName, MIME, saveBytes, workbookBytes } from "./download.js";
import type { SheetSpec } from "./download.js";
import { formatCount, formatPeriod, formatRate } from "./format.js";
import type { Column, Row } from "./table-model.js";
import {
  NPL_DIGITS, REPORT_SECTIONS, REPORT_VILLAGE_CODES, changeCell, formatReportValue, indicatorSentence, lowestSentence,
  nplRiseSentence, previousLabel, valueCell, valueDigits,
} from "./report-sentences.js";
import type { IndicatorInfo, ReportRow, ReportSection } from "./report-sentences.js";

export interface BankRow {
  institution: string;
  peer_group: string;
  total: number | null;
  grade: string;
  rank: number;
  banks_in_group: number;
  previous_period: string | null;
  previous_total: number | null;
  change: number | null;
  npl: number | null;
  previous_npl: number | null;
}

export interface DeliveryRow {
  source_type: string;
  source_key: string;
  source_name: string;
  months: number;
  delivered_months: number;
  rows: number;
  undelivered: string[] | null;
}

/** A row of the page data: report_rows without the fields every row of the half-year shares. */
export type PackedReportRow = Omit<ReportRow, "period" | "previous_period" | "last_year_period" | "partial" | "end_month" | "unit">;

export interface ReportData {
  period: string;
  previous_period: string;
  last_year_period: string;
  end_month: string | null;
  partial: boolean;
  rows: PackedReportRow[];
  banks: BankRow[];
  deliveries: DeliveryRow[];
}

interface Area {
  area_code: string;
  area_level: string;
  name?: string | null;
  parent_code?: string | null;
}

export interface ReportContext {
  data: Omit<ReportData, "rows"> & { rows: ReportRow[] };
  catalog: IndicatorInfo[];
  areas: Area[];
  /** The county's code or a town's. */
  areaCode: string;
  threshold: number;
  /** e.g. 数据构建于 2026年1月5日 08:00 (the site footer's words). */
  built: string;
}

/** The source a section's figures come from (source_completeness.source_type). */
const SECTION_SOURCE: Record<string, string> = { finance: "bank_ledger", insurance: "insurer" };

const SOURCE_TYPES: Record<string, string> = { town_roster: "乡镇户信息", bank_ledger: "银行贷款台账", insurer: "保险机构", department: "部门比对数据" };

function paragraph(text: string, className = "report-sentence"): HTMLElement {
  return Object.assign(document.createElement("p"), { className, textContent: text });
}

/** Screen columns: every cell already worded (units differ row to row); the download has numbers. */
function standardColumns(period: string): Column[] {
  return [
    { key: "name", label: "指标" },
    { key: "value", label: formatPeriod(period) },
    { key: "previous", label: `上期（${previousLabel(period)}）` },
    { key: "last_year", label: "上年同期" },
    { key: "change_previous", label: "较上期" },
    { key: "change_last_year", label: "较上年同期" },
  ];
}

/** The workbook's columns (the card's own downloads hold the worded cells it shows): numbers (rates in %, changes of rates in 百分点, amounts in 元), withheld cells "<N" / "×". */
const EXPORT_COLUMNS: Column[] = [
  { key: "name", label: "指标" },
  { key: "unit", label: "单位" },
  { key: "value", label: "本期", kind: "number" },
  { key: "previous", label: "上期", kind: "number" },
  { key: "last_year", label: "上年同期", kind: "number" },
  { key: "change_previous", label: "较上期增减", kind: "number" },
  { key: "growth_previous", label: "较上期增长(%)", kind: "number" },
  { key: "change_last_year", label: "较上年同期增减", kind: "number" },
  { key: "growth_last_year", label: "较上年同期增长(%)", kind: "number" },
  { key: "note_previous", label: "较上期说明" },
  { key: "note_last_year", label: "较上年同期说明" },
];

const NOTE: Record<string, string> = { ok: "", missing: "无可比数据", incomplete: "数据不完整，不作比较", suppressed: "按保密规则隐去", partial: "本期未满半年，不作比较" };

function exportUnit(info: IndicatorInfo): string {
  if (info.unit === "ratio") return "%（增减为百分点）";
  return { yuan: "元", households: "户", persons: "人", loans: "笔", days: "天" }[info.unit] ?? "";
}

function exportRow(row: ReportRow, info: IndicatorInfo, name = info.name_zh): Row {
  const scale = (v: number | null) => (v == null ? null : info.unit === "ratio" ? v * 100 : v);
  const hidden: Record<string, string> = {};
  if (row.suppression) for (const key of ["value", "change_previous", "growth_previous", "change_last_year", "growth_last_year"]) hidden[key] = row.suppression;
  if (row.previous_suppression) for (const key of ["previous", "change_previous", "growth_previous"]) hidden[key] ??= row.previous_suppression;
  if (row.last_year_suppression) for (const key of ["last_year", "change_last_year", "growth_last_year"]) hidden[key] ??= row.last_year_suppression;
  return {
    name, unit: exportUnit(info), hidden,
    value: scale(row.value), previous: scale(row.previous_value), last_year: scale(row.last_year_value),
    change_previous: row.change_previous, change_last_year: row.change_last_year,
    growth_previous: row.growth_previous == null ? null : row.growth_previous * 100,
    growth_last_year: row.growth_last_year == null ? null : row.growth_last_year * 100,
    note_previous: NOTE[row.previous_status], note_last_year: NOTE[row.last_year_status],
  };
}

function screenRow(row: ReportRow, info: IndicatorInfo, threshold: number, name = info.name_zh): Row {
  const digits = valueDigits(row, info);
  return {
    name,
    value: valueCell(row.value, row.suppression, info, threshold, digits),
    previous: valueCell(row.previous_value, row.previous_suppression, info, threshold, digits),
    last_year: valueCell(row.last_year_value, row.last_year_suppression, info, threshold, digits),
    change_previous: changeCell(row, "previous", info, threshold),
    change_last_year: changeCell(row, "last_year", info, threshold),
  };
}

/** A bar chart of one indicator: 上年同期, 上期, 本期 for the report's area (withheld or missing bars left out). */
function periodChart(row: ReportRow | undefined, info: IndicatorInfo | undefined, title: string): HTMLElement {
  if (!row || !info) return chartCard(null, { title, emptyText: "本期没有数据，不作图。" });
  const rate = info.unit === "ratio";
  // amounts other than incomes per person are drawn in 万元 (the axis would read 5,000,000 otherwise)
  const wan = info.unit === "yuan" && !info.code.startsWith("income");
  const points = [
    { label: `上年同期（${formatPeriod(row.last_year_period)}）`, value: row.last_year_suppression ? null : row.last_year_value },
    { label: `上期（${formatPeriod(row.previous_period)}）`, value: row.previous_suppression ? null : row.previous_value },
    { label: `本期（${formatPeriod(row.period)}）`, value: row.suppression ? null : row.value },
  ]
    .filter((p): p is { label: string; value: number } => typeof p.value === "number")
    .map((p) => ({ ...p, y: wan ? p.value / 1e4 : p.value, text: formatReportValue(p.value, info, valueDigits(row, info)) }));
  const subtitle = `${info.name_zh}，${rate ? "%" : wan ? "万元" : exportUnit(info)}`;
  if (points.length === 0) return chartCard(null, { title, subtitle, emptyText: "本期没有数据，不作图。" });
  const description = `图：${info.name_zh}，${points.map((p) => `${p.label}${p.text}`).join("，")}。`;
  const small = rate && Math.max(...points.map((p) => p.value)) < 0.05;
  return chartCard(
    () => Plot.plot({
      width: 560, height: 200, marginLeft: 60, marginBottom: 36,
      x: { label: null, domain: points.map((p) => p.label) },
      y: { label: null, grid: true, tickFormat: rate ? (v: number) => `${(v * 100).toFixed(small ? 1 : 0)}%` : (v: number) => formatCount(v) },
      marks: [
        Plot.barY(points, { x: "label", y: "y", fill: "#4e79a7" }),
        Plot.text(points, { x: "label", y: "y", text: "text", dy: -8 }),
        Plot.ruleY([0]),
      ],
    }),
    { title, subtitle, description },
  );
}

interface SectionParts {
  element: HTMLElement;
  sheets: SheetSpec[];
}

interface Shared {
  ctx: ReportContext;
  byCode: Map<string, IndicatorInfo>;
  areaName: string;
  isCounty: boolean;
  label: string;
  sheetTitle: (table: string) => string;
  notice: string;
}

function standardTable(section: ReportSection, rows: Map<string, ReportRow>, shared: Shared): SectionParts & { present: ReportRow[] } {
  const { ctx, byCode } = shared;
  const present = section.codes.filter((code) => rows.has(code) && byCode.has(code)).map((code) => rows.get(code) as ReportRow);
  const title = `${section.title}主要指标`;
  const screen = present.map((row) => screenRow(row, byCode.get(row.code) as IndicatorInfo, ctx.threshold));
  const exported = present.map((row) => exportRow(row, byCode.get(row.code) as IndicatorInfo));
  const element = tableCard(screen, {
    title, name: section.title, page: `${shared.areaName}半年考核报告`, period: shared.label, threshold: ctx.threshold,
    columns: standardColumns(ctx.data.period),
    fileTitle: shared.sheetTitle(title), fileNotice: shared.notice,
    note: "比率的变化以百分点计；户数、金额等的变化为增减数，括号内为增长率。“无可比数据”“数据不完整，不作比较”处不计算变化。",
    empty: `本期没有${section.title}数据。`,
  });
  return { element, sheets: [{ columns: EXPORT_COLUMNS, rows: exported, options: { sheet: section.title, title: shared.sheetTitle(title), notice: shared.notice, threshold: ctx.threshold } }], present };
}

function sectionElement(section: ReportSection, index: number): HTMLElement {
  const element = document.createElement("section");
  element.className = "report-section";
  element.dataset.section = section.key;
  element.append(Object.assign(document.createElement("h2"), { textContent: `${"一二三四五六七八九十"[index]}、${section.title}` }));
  return element;
}

function indicatorSection(section: ReportSection, index: number, shared: Shared): SectionParts {
  const { ctx, byCode } = shared;
  const areaRows = new Map(ctx.data.rows.filter((r) => r.area_code === ctx.areaCode).map((r) => [r.code, r]));
  const element = sectionElement(section, index);
  const table = standardTable(section, areaRows, shared);
  const sheets = [...table.sheets];
  // finance and insurance figures exist only where the banks' ledgers or the insurers' files were delivered:
  // without any, a 0% coverage would be a statement about files nobody sent
  const source = SECTION_SOURCE[section.key];
  const delivered = source === undefined || ctx.data.deliveries.some((d) => d.source_type === source && d.delivered_months > 0);
  const hasData = delivered && table.present.some((row) => row.value != null);
  if (!hasData) {
    element.append(paragraph(`本期没有${section.title}的数据（相关数据文件尚未报送或尚未载入），本节从略。`, "report-sentence report-empty"));
    return { element, sheets: [] };
  }
  for (const code of section.lead) {
    const row = areaRows.get(code);
    const info = byCode.get(code);
    if (row && info) element.append(paragraph(indicatorSentence(row, info, shared.areaName, ctx.threshold)));
  }
  const extra: HTMLElement[] = [];
  if (section.key === "monitoring" && shared.isCounty) extra.push(...townTimeliness(shared, element, sheets));
  if (section.key === "monitoring" && !shared.isCounty) extra.push(villageTable(shared, sheets));
  if (section.key === "finance") extra.push(...bankSection(shared, element, sheets));
  const lead = section.lead[0];
  element.append(table.element, periodChart(areaRows.get(lead), byCode.get(lead), `${byCode.get(lead)?.name_zh ?? section.title}：本期、上期和上年同期`), ...extra);
  return { element, sheets };
}

/** County report: the towns' timeliness rates, and the towns ranking last on each. */
function townTimeliness(shared: Shared, element: HTMLElement, sheets: SheetSpec[]): HTMLElement[] {
  const { ctx, byCode } = shared;
  const codes = ["timely_identification_rate", "timely_assist_rate"].filter((c) => byCode.has(c));
  const towns = ctx.areas.filter((a) => a.area_level === "town");
  const rowOf = new Map(ctx.data.rows.filter((r) => r.area_level === "town").map((r) => [`${r.code}|${r.area_code}`, r]));
  for (const code of codes) {
    const info = byCode.get(code) as IndicatorInfo;
    element.append(paragraph(lowestSentence(towns.map((t) => {
      const r = rowOf.get(`${code}|${t.area_code}`);
      return { name: t.name ?? t.area_code, value: r?.value ?? null, complete: r?.complete ?? null };
    }), info)));
  }
  const columns: Column[] = [{ key: "name", label: "乡镇" }, ...codes.flatMap((code) => [
    { key: `${code}_value`, label: `${byCode.get(code)?.name_zh}` },
    { key: `${code}_change`, label: "较上年同期" },
  ]), { key: "complete", label: "数据完整" }];
  const rows = towns.map((t) => {
    const row: Row = { name: t.name ?? t.area_code };
    let complete = true;
    for (const code of codes) {
      const r = rowOf.get(`${code}|${t.area_code}`);
      const info = byCode.get(code) as IndicatorInfo;
      row[`${code}_value`] = r ? valueCell(r.value, r.suppression, info, ctx.threshold) : "—";
      row[`${code}_change`] = r ? changeCell(r, "last_year", info, ctx.threshold) : "—";
      if (r?.complete === false) complete = false;
    }
    row.complete = complete ? "是" : "否";
    return row;
  });
  const title = "各乡镇识别及时率和帮扶及时率";
  sheets.push({ columns, rows, options: { sheet: "各乡镇及时率", title: shared.sheetTitle(title), notice: shared.notice } });
  return [tableCard(rows, { title, name: "各乡镇及时率", page: `${shared.areaName}半年考核报告`, period: shared.label, columns, fileTitle: shared.sheetTitle(title), fileNotice: shared.notice })];
}

/** Town report: its villages on a few codes; withheld cells stay "<N" / "×" (DOMAIN §9). */
function villageTable(shared: Shared, sheets: SheetSpec[]): HTMLElement {
  const { ctx, byCode } = shared;
  const codes = REPORT_VILLAGE_CODES.filter((c) => byCode.has(c));
  const villages = ctx.areas.filter((a) => a.area_level === "village" && a.parent_code === ctx.areaCode);
  const rowOf = new Map(ctx.data.rows.filter((r) => r.area_level === "village").map((r) => [`${r.code}|${r.area_code}`, r]));
  const columns: Column[] = [{ key: "name", label: "村" }, ...codes.flatMap((code) => [
    { key: `${code}_value`, label: `${byCode.get(code)?.name_zh}` },
    { key: `${code}_change`, label: "较上年同期" },
  ])];
  const rows = villages.map((v) => {
    const row: Row = { name: v.name ?? v.area_code };
    for (const code of codes) {
      const r = rowOf.get(`${code}|${v.area_code}`);
      const info = byCode.get(code) as IndicatorInfo;
      row[`${code}_value`] = r ? valueCell(r.value, r.suppression, info, ctx.threshold) : "—";
      row[`${code}_change`] = r ? changeCell(r, "last_year", info, ctx.threshold) : "—";
    }
    return row;
  });
  const title = `${shared.areaName}各村主要指标`;
  const note = `“<${ctx.threshold}”：户数为 1–${ctx.threshold - 1} 或以这样的小数计算的比率；“×”：为防止由乡镇合计反推而一并隐去。涉及隐去数字的变化同样隐去。`;
  sheets.push({ columns, rows, options: { sheet: "各村主要指标", title: shared.sheetTitle(title), notice: `${shared.notice}；${note}` } });
  return tableCard(rows, { title, name: "各村主要指标", page: `${shared.areaName}半年考核报告`, period: shared.label, columns, note, fileTitle: shared.sheetTitle(title), fileNotice: shared.notice });
}

/** 金融帮扶: the bank evaluation of the half-year (county report) and the banks whose NPL ratio rose. */
function bankSection(shared: Shared, element: HTMLElement, sheets: SheetSpec[]): HTMLElement[] {
  const { ctx } = shared;
  if (!shared.isCounty) return [paragraph("银行考核按全县进行，各银行的得分、等级和不良贷款率见全县报告。")];
  const banks = ctx.data.banks;
  if (banks.length === 0) return [paragraph("本半年没有银行考核结果（考核按县里设置的周期进行，或本期没有银行台账）。")];
  element.append(paragraph(nplRiseSentence(banks.map((b) => ({ institution: b.institution, value: b.npl, previous_value: b.previous_npl })), "上期考核")));
  const columns: Column[] = [
    { key: "institution", label: "银行" }, { key: "peer_group", label: "同组" }, { key: "total", label: "总分", kind: "number", digits: 1 },
    { key: "grade", label: "等级" }, { key: "rank_text", label: "组内排名" }, { key: "previous_total", label: "上期总分", kind: "number", digits: 1 },
    { key: "change", label: "较上期", kind: "number", digits: 1 },
    { key: "npl_text", label: "不良贷款率" }, { key: "previous_npl_text", label: "上期不良贷款率" }, { key: "npl_change", label: "不良贷款率变化" },
  ];
  const rows = banks.map((b) => {
    const change = b.npl != null && b.previous_npl != null ? Number(((b.npl - b.previous_npl) * 100).toFixed(NPL_DIGITS)) : null;
    return {
      ...b, rank_text: `${b.rank}/${b.banks_in_group}`,
      npl_text: formatRate(b.npl, NPL_DIGITS), previous_npl_text: formatRate(b.previous_npl, NPL_DIGITS),
      npl_change: change == null ? "无可比数据" : change === 0 ? "持平" : `${change > 0 ? "上升" : "下降"}${Math.abs(change).toFixed(NPL_DIGITS)}个百分点`,
    };
  });
  const title = "银行考核结果";
  sheets.push({ columns, rows, options: { sheet: "银行考核", title: shared.sheetTitle(title), notice: shared.notice } });
  return [tableCard(rows, { title, name: "银行考核", page: `${shared.areaName}半年考核报告`, period: shared.label, columns, fileTitle: shared.sheetTitle(title), fileNotice: shared.notice, note: "总分满分 100，按县里设置的考核方案计算（见「银行考核」页）；上期为该行上一次考核。" })];
}

/** 数据质量: who delivered in each month of the half-year, and which indicators are incomplete. */
function qualitySection(section: ReportSection, index: number, shared: Shared): SectionParts {
  const { ctx, byCode } = shared;
  const element = sectionElement(section, index);
  const deliveries = ctx.data.deliveries.filter((d) => shared.isCounty || d.source_type !== "town_roster" || d.source_key === ctx.areaCode);
  const incomplete = ctx.data.rows.filter((r) => r.area_code === ctx.areaCode && r.complete === false && byCode.has(r.code));
  const late = deliveries.filter((d) => d.delivered_months < d.months);
  element.append(paragraph(deliveries.length === 0
    ? "本期没有任何来源的报送记录。"
    : late.length === 0
      ? `本期${deliveries.length}个数据来源按月报送齐全。`
      : `本期${deliveries.length}个数据来源中，${late.length}个有未报送的月份：${late.slice(0, 5).map((d) => `${d.source_name}（缺${(d.undelivered ?? []).map((m) => `${Number(m.slice(5, 7))}月`).join("、")}）`).join("、")}${late.length > 5 ? `等` : ""}。`));
  element.append(paragraph(incomplete.length === 0
    ? "本报告各项指标的来源数据齐全。"
    : `${incomplete.length}项指标因缺少来源数据而不完整，表中不与其他期比较：${incomplete.map((r) => byCode.get(r.code)?.name_zh).join("、")}。`));
  const columns: Column[] = [
    { key: "type", label: "来源类型" }, { key: "source_name", label: "来源" }, { key: "months", label: "应报月数", kind: "count" },
    { key: "delivered_months", label: "已报月数", kind: "count" }, { key: "missing", label: "未报月份" }, { key: "rows", label: "载入行数", kind: "count" },
  ];
  const rows = deliveries.map((d) => ({ ...d, type: SOURCE_TYPES[d.source_type] ?? d.source_type, missing: (d.undelivered ?? []).map((m) => formatPeriod(m)).join("、") || "无" }));
  const title = "各来源报送情况";
  const sheets: SheetSpec[] = [{ columns, rows, options: { sheet: "数据质量", title: shared.sheetTitle(title), notice: shared.notice } }];
  const table = tableCard(rows, { title, name: "数据质量", page: `${shared.areaName}半年考核报告`, period: shared.label, columns, fileTitle: shared.sheetTitle(title), fileNotice: shared.notice, empty: "本期没有报送记录。" });
  const chart = chartCard(rows.length === 0 ? null : () => Plot.plot({
    width: 640, height: Math.max(120, rows.length * 22 + 40), marginLeft: 270,
    x: { label: "已报月数", domain: [0, Math.max(...rows.map((r) => r.months))], ticks: Math.max(...rows.map((r) => r.months)) },
    y: { label: null, domain: rows.map((r) => `${r.source_name}`) },
    marks: [Plot.barX(rows, { y: "source_name", x: "delivered_months", fill: (r: { delivered_months: number; months: number }) => (r.delivered_months < r.months ? "#b26a00" : "#4e79a7") }), Plot.ruleX([0])],
  }), { title: "各来源已报月数", subtitle: `本期应报 ${rows[0]?.months ?? 0} 个月；橙色为有缺报`, description: `图：各来源已报月数。${late.length}个来源有缺报。` });
  element.append(table, chart);
  return { element, sheets };
}

/** The whole report: its sections in order and the workbook's sheets. */
export function buildReport(options: Omit<ReportContext, "data"> & { data: ReportData }): { sections: HTMLElement[]; sheets: SheetSpec[]; areaName: string; title: string } {
  const byCode = new Map(options.catalog.map((c) => [c.code, c]));
  const { period, previous_period, last_year_period, partial, end_month } = options.data;
  const rows = options.data.rows.map((r) => ({ ...r, period, previous_period, last_year_period, partial, end_month, unit: byCode.get(r.code)?.unit ?? "" }));
  const ctx: ReportContext = { ...options, data: { ...options.data, rows } };
  const area = ctx.areas.find((a) => a.area_code === ctx.areaCode);
  const isCounty = area?.area_level !== "town";
  const areaName = area?.name ?? ctx.areaCode;
  const label = formatPeriod(ctx.data.period);
  const title = `${areaName}${label}巩固脱贫成果考核数据报告`;
  const shared: Shared = {
    ctx, byCode, isCounty, areaName: isCounty ? "全县" : areaName, label,
    sheetTitle: (table) => `${areaName}${label}：${table}`,
    notice: `${ctx.built}；“<${ctx.threshold}”“×”为按保密规则隐去的村级数字`,
  };
  const sections: HTMLElement[] = [];
  const sheets: SheetSpec[] = [];
  REPORT_SECTIONS.forEach((section, index) => {
    const parts = section.key === "quality" ? qualitySection(section, index, shared) : indicatorSection(section, index, shared);
    sections.push(parts.element);
    sheets.push(...parts.sheets);
  });
  return { sections, sheets, areaName, title };
}

/** The button that saves the report's workbook (one sheet per table). */
export function workbookButton(report: { sheets: SheetSpec[]; title: string }): HTMLElement {
  const button = Object.assign(document.createElement("button"), { type: "button", textContent: "下载本报告全部表格（Excel，每表一页）" });
  button.dataset.download = "report-xlsx";
  button.addEventListener("click", () => saveBytes(workbookBytes(report.sheets), fileName([report.title], "xlsx"), MIME.xlsx));
  return Object.assign(document.createElement("p"), { className: "no-print" }).appendChild(button).parentNode as HTMLElement;
}

/** Links to the county's and every town's report of the half-year; the PDF command reads data-report-area. */
export function areaLinks(areas: Area[], current: string): HTMLElement {
  const nav = document.createElement("nav");
  nav.className = "report-areas no-print";
  nav.append("选择区域：");
  const county = areas.find((a) => a.area_level === "county");
  const entries = [...(county ? [{ ...county, href: "?" }] : []), ...areas.filter((a) => a.area_level === "town").map((t) => ({ ...t, href: `?town=${t.area_code}` }))];
  for (const entry of entries) {
    const link = Object.assign(document.createElement("a"), { href: entry.href, textContent: entry.area_level === "county" ? `全县（${entry.name ?? entry.area_code}）` : entry.name ?? entry.area_code });
    link.dataset.reportArea = entry.area_code;
    link.dataset.reportName = entry.name ?? entry.area_code;
    if (entry.area_code === current) link.setAttribute("aria-current", "page");
    nav.append(link, " ");
  }
  return nav;
}

/** Print: A4 portrait, the build date and page numbers in the footer (CSS page-margin boxes, Chromium 131+). */
export function reportPrintStyle(footer: string): HTMLStyleElement {
  const text = footer.replace(/["\\\n\r\f]/g, " ");
  const style = document.createElement("style");
  // the PDF command removes it and prints its own footer (Chromium's footerTemplate)
  style.id = "report-print-style";
  style.textContent = `@page { size: A4 portrait; margin: 16mm 14mm 18mm;
  @bottom-left { content: "${text}"; font-size: 8pt; color: #555; }
  @bottom-right { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-size: 8pt; color: #555; } }`;
  return style;
}
