// Aggregations the monitoring and income pages apply to the monthly distribution marts: flows add up
// over a period's months; working-day durations fall into buckets read against the deadline.

export interface MonthCount {
  month: string;
  households: number;
  [key: string]: unknown;
}

/** Sums households by one key over the given months, largest first (ties by key). */
export function sumOver(rows: MonthCount[], months: Iterable<string>, key: string): Array<{ key: string; households: number }> {
  const wanted = new Set(months);
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (!wanted.has(row.month)) continue;
    const name = String(row[key] ?? "");
    totals.set(name, (totals.get(name) ?? 0) + (row.households ?? 0));
  }
  return [...totals]
    .map(([name, households]) => ({ key: name, households }))
    .sort((a, b) => b.households - a.households || a.key.localeCompare(b.key, "zh-CN"));
}

export interface DayBucket {
  label: string;
  households: number;
  /** true: within the deadline; false: over it; null: dates missing. */
  withinDeadline: boolean | null;
}

/**
 * Buckets of working days, with the deadline as a bucket edge so no bucket straddles it:
 * 0–5, 6–10, … up to the deadline, then deadline+1–deadline+5, …, then "超过60个工作日" (61 means
 * more than 60 in the marts) and one bucket for missing dates.
 */
export function dayBuckets(rows: Array<{ days: number | null; households: number }>, deadline: number, missingLabel = "日期缺失"): DayBucket[] {
  const edges = new Set<number>([deadline, 60]);
  for (let e = 5; e < 60; e += 5) edges.add(e);
  const uppers = [...edges].filter((e) => e >= 0 && e <= 60).sort((a, b) => a - b);
  const buckets: DayBucket[] = [];
  let lower = 0;
  for (const upper of uppers) {
    buckets.push({ label: lower === upper ? `${upper}个工作日` : `${lower}–${upper}个工作日`, households: 0, withinDeadline: upper <= deadline });
    lower = upper + 1;
  }
  buckets.push({ label: "超过60个工作日", households: 0, withinDeadline: false });
  buckets.push({ label: missingLabel, households: 0, withinDeadline: null });
  for (const row of rows) {
    let index: number;
    if (row.days == null) index = buckets.length - 1;
    else if (row.days > 60) index = buckets.length - 2;
    else index = uppers.findIndex((u) => Math.max(0, row.days as number) <= u);
    buckets[index].households += row.households;
  }
  // Keep the scale readable: numeric buckets up to the deadline's or the last used one; the two tail
  // buckets (over 60, missing) only when they hold households.
  const numeric = buckets.slice(0, uppers.length);
  const lastUsed = Math.max(uppers.indexOf(deadline), ...numeric.map((b, i) => (b.households > 0 ? i : -1)));
  const tail = buckets.slice(uppers.length).filter((b) => b.households > 0);
  return [...numeric.slice(0, lastUsed + 1), ...tail];
}
