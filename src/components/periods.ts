// Period arithmetic for comparisons: the previous period (环比) and the same period last year (同比).
// Periods are 'YYYY-MM', 'YYYY-H1'/'YYYY-H2' or 'YYYY' as in the marts.
import { partPeriodEnd } from "./format.js";

export type PeriodType = "month" | "half" | "year";

export function periodType(period: string): PeriodType | undefined {
  if (/^\d{4}-\d{2}$/.test(period)) return "month";
  if (/^\d{4}-H[12]$/.test(period)) return "half";
  if (/^\d{4}$/.test(period)) return "year";
  return undefined;
}

/** The period just before: 2025-01 → 2024-12, 2025-H1 → 2024-H2, 2025 → 2024. */
export function previousPeriod(period: string): string | undefined {
  const year = Number(period.slice(0, 4));
  switch (periodType(period)) {
    case "month": {
      const month = Number(period.slice(5, 7));
      return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
    }
    case "half":
      return period.endsWith("H2") ? `${year}-H1` : `${year - 1}-H2`;
    case "year":
      return String(year - 1);
    default:
      return undefined;
  }
}

/** The same period one year earlier: 2025-03 → 2024-03, 2025-H1 → 2024-H1. */
export function samePeriodLastYear(period: string): string | undefined {
  if (!periodType(period)) return undefined;
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** The 12 months ending at (and including) the given month, oldest first. */
export function monthsEndingAt(month: string, count = 12): string[] {
  const out: string[] = [];
  let current: string | undefined = month;
  for (let i = 0; i < count && current; i++) {
    out.unshift(current);
    current = previousPeriod(current);
  }
  return out;
}

/** Months a period covers: itself for a month, six for a half-year, twelve for a year. */
export function monthsOf(period: string): string[] {
  const year = period.slice(0, 4);
  const type = periodType(period);
  if (type === "month") return [period];
  const first = type === "half" && period.endsWith("H2") ? 7 : 1;
  const count = type === "half" ? 6 : type === "year" ? 12 : 0;
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(2, "0")}`);
}

/**
 * 同比 that compares like with like when data end inside the period (`dataEnd`, 'YYYY-MM'): a whole period
 * against the same period last year; a year with data to June against last year's first half (the same
 * months); any other part period against nothing (undefined), since the marts hold no other year-to-date
 * period and half a year must never be set against a whole one.
 */
export function comparableLastYear(period: string, dataEnd?: string): string | undefined {
  const part = dataEnd === undefined ? null : partPeriodEnd(period, dataEnd);
  if (part === null) return samePeriodLastYear(period);
  return periodType(period) === "year" && part.endsWith("-06") ? `${Number(period.slice(0, 4)) - 1}-H1` : undefined;
}

/** 环比 only for a whole period: a part half-year or year is not set against a whole one. */
export function comparablePrevious(period: string, dataEnd?: string): string | undefined {
  if (dataEnd !== undefined && partPeriodEnd(period, dataEnd) !== null) return undefined;
  return previousPeriod(period);
}
