// Reshaping mart rows for a chart or a table, so pages do not hand-roll loops or reduce (issue 9 point 3).
// Plain functions rather than arquero in the browser: arquero would add ~74 KB (gzip) to every page that draws,
// against the 1 s first-view budget, for two small reshapes.

type Rec = Record<string, unknown>;

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * Sums `values` by `key`: one row per distinct key (in first-seen order unless sorted), e.g. rejected rows by rule.
 * `sortBy` sorts largest first by that value column (ties by key).
 */
export function sumBy<K extends string, V extends string>(rows: Rec[], key: K, values: V[], sortBy?: V): Array<Record<K, string> & Record<V, number>> {
  const out = new Map<string, Rec>();
  for (const row of rows) {
    const k = String(row[key] ?? "");
    let acc = out.get(k);
    if (!acc) out.set(k, (acc = { [key]: k, ...Object.fromEntries(values.map((v) => [v, 0])) }));
    for (const v of values) acc[v] = (acc[v] as number) + num(row[v]);
  }
  const result = [...out.values()] as Array<Record<K, string> & Record<V, number>>;
  if (sortBy) result.sort((a, b) => (b[sortBy] as number) - (a[sortBy] as number) || String(a[key]).localeCompare(String(b[key]), "zh-CN"));
  return result;
}

export interface PivotOptions {
  /** The column whose values become rows (e.g. "month"). */
  row: string;
  /** The column whose values become columns (e.g. "kind"). */
  column: string;
  /** The column summed into each cell (e.g. "households"). */
  value: string;
  /** Rows to give, in this order (others dropped); default every row value, sorted. */
  rows?: string[];
  /** Column values to give (each a 0 when absent); default every column value met, sorted. */
  columns?: string[];
}

/**
 * Long rows → one row per `row` value with a column per `column` value holding the summed `value`, and `total`.
 * E.g. identifications (month, kind, households) → {month, 脱贫不稳定户: 3, 边缘易致贫户: 1, total: 4}.
 */
export function pivotWide(rows: Rec[], options: PivotOptions): Array<Rec & { total: number }> {
  const columns = options.columns ?? [...new Set(rows.map((d) => String(d[options.column])))].sort();
  const wantedColumns = new Set(columns);
  const keys = options.rows ?? [...new Set(rows.map((d) => String(d[options.row])))].sort();
  const byRow = new Map<string, Rec & { total: number }>(
    keys.map((k) => [k, { [options.row]: k, ...Object.fromEntries(columns.map((c) => [c, 0])), total: 0 }]),
  );
  for (const d of rows) {
    const target = byRow.get(String(d[options.row]));
    const column = String(d[options.column]);
    if (!target || !wantedColumns.has(column)) continue;
    target[column] = (target[column] as number) + num(d[options.value]);
    target.total += num(d[options.value]);
  }
  return [...byRow.values()];
}
