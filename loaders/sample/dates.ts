// Dates as whole UTC day numbers (days since 1970-01-01): cheap to compare and add, free of time zones.

export type Day = number;
const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, date: number): Day {
  return Math.floor(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

export function partsOf(day: Day): { y: number; m: number; d: number } {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

// The same few thousand dates are printed hundreds of thousands of times, so their text is cached.
const isoCache = new Map<Day, string>();

export function isoDay(day: Day): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    const { y, m, d } = partsOf(day);
    text = `${y}-${pad2(m)}-${pad2(d)}`;
    isoCache.set(day, text);
  }
  return text;
}

/** `2025/3/5`, as many Chinese offices' spreadsheets print dates. */
export function slashDay(day: Day): string {
  const { y, m, d } = partsOf(day);
  return `${y}/${m}/${d}`;
}

export function utcDate(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** Absolute month index (year × 12 + month − 1) — months are counted with plain integers. */
export type MonthIndex = number;

export function monthIndex(year: number, month: number): MonthIndex {
  return year * 12 + month - 1;
}

export function parseMonth(text: string): MonthIndex {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`月份格式应为 YYYY-MM，得到 "${text}"`);
  return monthIndex(Number(m[1]), Number(m[2]));
}

export function monthYear(month: MonthIndex): number {
  return Math.floor(month / 12);
}

export function monthNumber(month: MonthIndex): number {
  return (month % 12) + 1;
}

export function monthLabel(month: MonthIndex): string {
  return `${monthYear(month)}-${pad2(monthNumber(month))}`;
}

/** `202503`, the form banks put in file names. */
export function monthCompact(month: MonthIndex): string {
  return `${monthYear(month)}${pad2(monthNumber(month))}`;
}

export function monthStart(month: MonthIndex): Day {
  return dayOf(monthYear(month), monthNumber(month), 1);
}

export function monthEnd(month: MonthIndex): Day {
  return monthStart(month + 1) - 1;
}

export function isWeekend(day: Day): boolean {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** The working day `count` working days after `day` (Monday–Friday; holidays are ignored here). */
export function addWorkingDays(day: Day, count: number): Day {
  let d = day;
  let left = count;
  while (left > 0) {
    d++;
    if (!isWeekend(d)) left--;
  }
  return d;
}

/** Moves a weekend day to the following Monday: offices approve and pay on working days. */
export function nextWorkingDay(day: Day): Day {
  let d = day;
  while (isWeekend(d)) d++;
  return d;
}
