// The 比对预警 page's rate tables: the three lead indicators of one period, one row per department or town, with the
// numerators and denominators beside the rates (mart rows in, table rows out; the page only draws them).

export interface LeadIndicatorRow {
  code: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  [key: string]: unknown;
}

export interface LeadRateRow {
  key: string;
  leads?: number | null;
  due?: number | null;
  timely?: number | null;
  timely_rate?: number | null;
  closed?: number | null;
  identified?: number | null;
  identified_rate?: number | null;
}

/** One row per `by` value (first-seen order) for the period: lead_count, lead_checked_timely_rate and lead_identified_rate side by side. */
export function leadRateRows(rows: LeadIndicatorRow[], period: string, by: string): LeadRateRow[] {
  const out = new Map<string, LeadRateRow>();
  for (const r of rows) {
    if (r.period !== period) continue;
    const key = String(r[by]);
    const row = out.get(key) ?? { key };
    if (r.code === "lead_count") row.leads = r.value;
    if (r.code === "lead_checked_timely_rate") Object.assign(row, { due: r.denominator, timely: r.numerator, timely_rate: r.value });
    if (r.code === "lead_identified_rate") Object.assign(row, { closed: r.denominator, identified: r.numerator, identified_rate: r.value });
    out.set(key, row);
  }
  return [...out.values()];
}
