// Value parsers for what county offices type into extracts. Each returns the parsed value, null for a
// blank cell, or an Invalid marker so the caller can report the raw value with a rule code.

export type Cell = string | number | boolean | Date | null | undefined;
export const INVALID = Symbol("invalid");
export type Parsed<T> = T | null | typeof INVALID;

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Full-width ASCII (１２３，．) → half-width; offices' input methods often leave them in. */
export function toHalfWidth(text: string): string {
  // Most cells have none: test first, so the common case allocates nothing.
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Cell → trimmed text, or null when blank. Integral numbers print without exponent (12-digit codes from XLSX). */
export function cellText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (cell instanceof Date) return isoDate(cell);
  const text = String(cell).trim();
  return text === "" ? null : text;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * Number(text) when text is a plain number, -?\d+(\.\d+)?, else NaN. Up to 15 digits without a point
 * are summed here (exact, the same double Number gives); other plain numbers go to Number.
 */
function plainNumber(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const first = i;
  let value = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    value = value * 10 + c;
  }
  const digits = i - first;
  if (digits === 0) return NaN;
  if (i === n) return digits <= 15 ? (first === 1 ? -value : value) : Number(text);
  if (text.charCodeAt(i) !== 46 || i + 1 === n) return NaN;
  for (i++; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  return Number(text);
}

/** "1,234.5", "１２３", "¥300", "3.45%" → number; the caller multiplies by the header's unit. */
export function parseNumber(cell: Cell): Parsed<number> {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : INVALID;
  if (typeof cell === "string") {
    // A plain number never gives NaN, so NaN means "not plain": go the long way below.
    const plain = plainNumber(cell);
    if (plain === plain) return plain;
  }
  const text = cellText(cell);
  if (text === null) return null;
  const cleaned = toHalfWidth(text).replace(/[,\s]/g, "").replace(/^[¥￥]/, "").replace(/%$/, "").replace(/元$/, "");
  if (cleaned === "" || cleaned === "-") return null;
  return NUMBER.test(cleaned) ? Number(cleaned) : INVALID;
}

export function parseInteger(cell: Cell): Parsed<number> {
  const value = parseNumber(cell);
  if (value === null || value === INVALID) return value;
  return Number.isInteger(value) ? value : INVALID;
}

const TRUE_WORDS = new Set(["是", "y", "yes", "1", "true", "有", "√", "t"]);
const FALSE_WORDS = new Set(["否", "n", "no", "0", "false", "无", "×", "f"]);

export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === "boolean") return cell;
  if (cell === "是") return true;
  if (cell === "否") return false;
  const text = cellText(cell);
  if (text === null) return null;
  const word = toHalfWidth(text).toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return INVALID;
}

/** Lists are separated by 、 , ; or | (full-width ，； too). */
export function parseList(cell: Cell): string[] | null {
  const text = cellText(cell);
  if (text === null) return null;
  const items = text.split(/[、,;|，；]/).map((s) => s.trim()).filter((s) => s !== "");
  return items.length === 0 ? null : items;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(date: Date): string {
  // exceljs gives dates as UTC midnight; reading them in UTC keeps the calendar day.
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Days in month m (1–12) of year y, Gregorian: the same as Date.UTC(y, m, 0) gives, without a Date per cell. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function dayOk(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function validDay(y: number, m: number, d: number): string | null {
  return dayOk(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** Value of the decimal digits text[start, end), or -1 when one is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's day serial (1900 system, with its phantom 1900-02-29 folded in by the 1899-12-30 epoch). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000) return null;
  return isoDate(new Date(EXCEL_EPOCH + Math.floor(serial) * 86400000));
}

const DAY_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
const MONTH_FORMS = [/^(\d{4})(\d{2})$/, /^(\d{4})[-/.](\d{1,2})$/, /^(\d{4})年(\d{1,2})月?$/];

/**
 * Every date form of DOMAIN.md §6 → 'YYYY-MM-DD'. A month-only `YYYYMM` gives the month's first day.
 * A time part after the date ("2024-01-05 00:00:00") is ignored.
 */
export function parseDate(cell: Cell): Parsed<string> {
  // Fast path for what most files hold, 'YYYY-MM-DD': such a text is already its own canonical form.
  if (typeof cell === "string" && cell.length === 10 && cell.charCodeAt(4) === 45 && cell.charCodeAt(7) === 45) {
    const y = digitsAt(cell, 0, 4);
    const m = digitsAt(cell, 5, 7);
    const d = digitsAt(cell, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return dayOk(y, m, d) ? cell : INVALID;
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? INVALID : isoDate(cell);
  if (typeof cell === "number") return excelSerialToIso(cell) ?? INVALID;
  const raw = cellText(cell);
  if (raw === null) return null;
  const text = toHalfWidth(raw).replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, "").replace(/T.*$/, "");
  for (const form of DAY_FORMS) {
    const m = form.exec(text);
    if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ?? INVALID;
  }
  for (const form of MONTH_FORMS) {
    const m = form.exec(text);
    if (m) return validDay(Number(m[1]), Number(m[2]), 1) ?? INVALID;
  }
  if (/^\d{1,5}(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text)) ?? INVALID;
  return INVALID;
}

/** 数据期 in any date or month form → 'YYYY-MM'. */
export function parsePeriod(cell: Cell): Parsed<string> {
  // Fast path for 'YYYY-MM', already canonical; every other form goes through parseDate.
  if (typeof cell === "string" && cell.length === 7 && cell.charCodeAt(4) === 45) {
    const y = digitsAt(cell, 0, 4);
    const m = digitsAt(cell, 5, 7);
    if (y >= 0 && m >= 0) return dayOk(y, m, 1) ? cell : INVALID;
  }
  const day = parseDate(cell);
  if (day === null || day === INVALID) return day;
  return day.slice(0, 7);
}

// Year–month and date forms in file names. Every number is bounded by non-digits, so a digit run is read
// whole: an 18-digit ID, a 10-digit timestamp or "608人" never yields a period. Years are 2000–2099.
const MONTH_IN_NAME = [
  /(?<!\d)(20\d{2})[-_.](0?[1-9]|1[0-2])(?![-_.]?\d)/, // 2025-09, 2025_9 (not the start of 2025-09-02)
  /(?<!\d)(20\d{2})年(0?[1-9]|1[0-2])月/, // 2025年9月 (also the start of 2025年9月2日)
  /(?<!\d)(20\d{2})(0[1-9]|1[0-2])(?!\d)/, // 202509: exactly six digits
];
const DAY_IN_NAME = [
  /(?<!\d)(20\d{2})([-_.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?!\d)/, // 2025-09-02
  /(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/, // 20250902: exactly eight digits
];

/**
 * The period a file name carries: a year–month (`2025-09`, `2025_09`, `2025年9月`, `202509`), else the month of a
 * date (`20250902`, `2025-09-02`: real exports are named with their export date, e.g.
 * `防止返贫致贫监测对象信息_20250902-风险未消除608人.xlsx` → 2025-09). A year–month wins over a date, since a
 * name such as `贷款台账_202506_导出20250705.xlsx` names its period and its export day. Null when none.
 */
export function periodFromFileName(name: string): string | null {
  for (const form of MONTH_IN_NAME) {
    const m = form.exec(name);
    if (m) return `${m[1]}-${pad(Number(m[2]))}`;
  }
  for (const form of DAY_IN_NAME) {
    const m = form.exec(name);
    if (!m) continue;
    const [y, mo, d] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    if (dayOk(Number(y), Number(mo), Number(d))) return `${y}-${pad(Number(mo))}`;
  }
  return null;
}
