// Components import each other with `.js` specifiers: Framework serves each module compiled to .js and
// does not rewrite `.ts` specifiers (tsc, tsx and vitest map `.js` back to the `.ts` source).
// Formatters for the way county staff write figures: 1234.5万元, 3.21亿元, 12.3%, +1.2个百分点,
// 2025年上半年. Pure functions, shared by the pages (browser) and the tests (Node).

const EMPTY = "—";

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Trims trailing zeros so 1234.50 reads 1234.5 and 12.0 reads 12, as people write them. */
function trimFixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** 12345 → "12,345"; digits for means such as 户均人口. */
export function formatCount(value: unknown, digits = 0): string {
  if (!isNumber(value)) return EMPTY;
  return value.toLocaleString("zh-CN", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export type AmountUnit = "元" | "万元" | "亿元";

/** Picks 元 below 10,000, 万元 below 100 million, else 亿元 — the unit a reader expects for the size. */
export function amountUnit(yuan: number): AmountUnit {
  const size = Math.abs(yuan);
  if (size >= 1e8) return "亿元";
  if (size >= 1e4) return "万元";
  return "元";
}

/**
 * Amount in yuan → "8,700元", "1234.5万元", "3.21亿元"; `unit` forces one unit (e.g. 元 for incomes); `digits`
 * fixes the decimals of 万元/亿元 (loans read 1,234.56万元, as the People's Bank tables write them).
 */
export function formatAmount(yuan: unknown, { unit, digits }: { unit?: AmountUnit; digits?: number } = {}): string {
  if (!isNumber(yuan)) return EMPTY;
  const chosen = unit ?? amountUnit(yuan);
  if (digits !== undefined && chosen !== "元") return `${formatCount(yuan / (chosen === "亿元" ? 1e8 : 1e4), digits)}${chosen}`;
  if (chosen === "亿元") return `${trimFixed(yuan / 1e8, 2)}亿元`;
  if (chosen === "万元") return `${trimFixed(yuan / 1e4, 1)}万元`;
  return `${formatCount(Math.round(yuan))}元`;
}

/**
 * Fraction → "12.3%". Rates are stored as fractions (0.123) in the marts. Rates under 1% (返贫率, 致贫率) get
 * two decimals by default, or a small but real rate would read "0.0%".
 */
export function formatRate(fraction: unknown, digits?: number): string {
  if (!isNumber(fraction)) return EMPTY;
  const places = digits ?? (fraction !== 0 && Math.abs(fraction) < 0.01 ? 2 : 1);
  return `${(fraction * 100).toFixed(places)}%`;
}

function sign(value: number, text: string): string {
  return value > 0 ? `+${text}` : value < 0 ? `-${text}` : text;
}

/** Difference of two rates (fractions) → "+1.2个百分点"; 0 reads "持平". */
export function formatPointChange(current: unknown, base: unknown, digits = 1): string {
  if (!isNumber(current) || !isNumber(base)) return EMPTY;
  const points = (current - base) * 100;
  const rounded = Number(points.toFixed(digits));
  if (rounded === 0) return "持平";
  return sign(rounded, `${Math.abs(rounded).toFixed(digits)}个百分点`);
}

/** Relative change of two levels → "+3.4%"; empty when the base is zero or missing. */
export function formatRelativeChange(current: unknown, base: unknown, digits = 1): string {
  if (!isNumber(current) || !isNumber(base) || base === 0) return EMPTY;
  const percent = Number((((current - base) / Math.abs(base)) * 100).toFixed(digits));
  if (percent === 0) return "持平";
  return sign(percent, `${Math.abs(percent).toFixed(digits)}%`);
}

/** Units the catalog uses for fractions; everything else is a level. */
const RATE_UNITS = new Set(["%", "率", "比例", "ratio", "rate", "share"]);
const AMOUNT_UNITS = new Set(["元", "yuan", "万元", "亿元"]);

export function isRateUnit(unit: string | null | undefined): boolean {
  return unit != null && RATE_UNITS.has(unit);
}
export function isAmountUnit(unit: string | null | undefined): boolean {
  return unit != null && AMOUNT_UNITS.has(unit);
}

/** The catalog's units (households, persons, …) as a reader writes them after a count. */
const COUNT_SUFFIX: Record<string, string> = { households: "户", persons: "人", days: "天", loans: "笔", count: "" };

/** Unit word shown in table headers, e.g. 户, 人, 元, %. */
export function unitLabel(unit: string | null | undefined): string {
  if (unit == null) return "";
  if (isRateUnit(unit)) return "%";
  if (isAmountUnit(unit)) return "元";
  return COUNT_SUFFIX[unit] ?? (/^[a-z_]+$/i.test(unit) ? "" : unit);
}

/** Incomes per person read in 元 (14,300元, not 1.4万元); other amounts pick their unit by size. */
export function amountUnitFor(code: string | undefined): AmountUnit | undefined {
  return code !== undefined && code.startsWith("income") ? "元" : undefined;
}

/** Value of a catalog indicator by its unit: rates as %, amounts as 元/万元/亿元, counts with the unit. */
export function formatValue(value: unknown, unit: string | null | undefined, amount?: AmountUnit): string {
  if (!isNumber(value)) return EMPTY;
  if (isRateUnit(unit)) return formatRate(value);
  if (isAmountUnit(unit)) return formatAmount(value, { unit: amount });
  const digits = Number.isInteger(value) ? 0 : 1;
  return `${formatCount(value, digits)}${unitLabel(unit)}`;
}

/** Change of an indicator against a base: 百分点 for rates, relative % for levels. */
export function formatChange(current: unknown, base: unknown, unit: string | null | undefined): string {
  return isRateUnit(unit) ? formatPointChange(current, base) : formatRelativeChange(current, base);
}

/**
 * "2025-03" → 2025年3月, "2025-H1" → 2025年上半年, "2025" → 2025年; anything else unchanged. With the last month
 * of data (`dataEnd`, 'YYYY-MM'), a half-year or year that data cover only in part says so: 2026年（截至6月）.
 */
export function formatPeriod(period: string, dataEnd?: string): string {
  let match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match) return `${match[1]}年${Number(match[2])}月`;
  const part = dataEnd !== undefined && partPeriodEnd(period, dataEnd);
  const upTo = part ? `（截至${Number(part.slice(5, 7))}月）` : "";
  match = /^(\d{4})-H([12])$/.exec(period);
  if (match) return `${match[1]}年${match[2] === "1" ? "上" : "下"}半年${upTo}`;
  match = /^(\d{4})$/.exec(period);
  if (match) return `${match[1]}年${upTo}`;
  return period;
}

/**
 * The last month with data when a half-year or year is covered only in part (data end inside it, before its
 * last month), else null: '2026' with data to '2026-06' → '2026-06'; '2025' with data to '2026-06' → null.
 */
export function partPeriodEnd(period: string, dataEnd: string): string | null {
  const year = period.slice(0, 4);
  let first: string;
  let last: string;
  if (/^\d{4}-H1$/.test(period)) [first, last] = [`${year}-01`, `${year}-06`];
  else if (/^\d{4}-H2$/.test(period)) [first, last] = [`${year}-07`, `${year}-12`];
  else if (/^\d{4}$/.test(period)) [first, last] = [`${year}-01`, `${year}-12`];
  else return null;
  return dataEnd >= first && dataEnd < last ? dataEnd : null;
}

/** "2025-03-08" (or a Date) → 2025年3月8日. */
export function formatDate(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  }
  if (typeof value !== "string") return EMPTY;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : value || EMPTY;
}

export const EMPTY_CELL = EMPTY;
