// The data-quality page's data: the load log and the rejections aggregated per extract, period, rule and
// source (the bank or town that made the rows), so a county can send files back to whoever made them.
// Reads only load_log, rejections, the staging tables and (when present) areas; values stay masked.
import { CONTRACTS } from "../contracts/index.ts";
import { RULE_TITLES } from "../contracts/rules.ts";
import { fieldDocs } from "../contracts/field-docs.ts";

export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export interface QualityOptions {
  /** Leave the rejected-row details out (public builds). */
  omitDetails?: boolean;
  /** Most detail rows to publish; default 5,000 (the default sample county has about 2,000 defects). */
  detailLimit?: number;
  /** Whether the warehouse has the `areas` mart for town names. */
  hasAreas?: boolean;
}

const num = (sql: string) => `${sql}::double`;

export async function qualityReport(query: Query, options: QualityOptions = {}): Promise<Record<string, unknown>> {
  const files = await query(`
    select file, sheet, extract, period, status, ${num("rows_read")} as rows_read, ${num("rows_accepted")} as rows_accepted,
           ${num("rows_rejected")} as rows_rejected, message, strftime(loaded_at, '%Y-%m-%d %H:%M') as loaded_at
    from load_log order by status = 'loaded', extract, file`);

  // Monthly extracts are counted per period; file-level periods such as 2024-01~2024-03 stay as they are.
  const byExtractPeriod = await query(`
    select extract, coalesce(period, '—') as period, ${num("count(*)")} as files, ${num("sum(rows_read)")} as rows_read,
           ${num("sum(rows_accepted)")} as rows_accepted, ${num("sum(rows_rejected)")} as rows_rejected,
           sum(rows_rejected)::double / nullif(sum(rows_read), 0) as reject_rate
    from load_log where status = 'loaded' group by all order by extract, period`);

  // A row breaking two rules counts once per rule; `rows` is distinct rows.
  const topRules = await query(`
    select extract, rule, ${num("count(distinct (file, sheet, \"row\"))")} as rows, any_value(message) as example
    from rejections group by all order by extract, rows desc, rule`);

  const townName = options.hasAreas
    ? "coalesce((select any_value(a.name) from areas a where a.area_code = r.source_key), r.source_key)"
    : "r.source_key";
  const bySource = await query(`
    with rejected as (
      select extract, period, source_key, ${num("count(distinct (file, sheet, \"row\"))")} as rejected
      from rejections where source_key is not null group by all
    ),
    accepted as (
      select 'households' as extract, period, left(area_code, 9) as source_key, ${num("count(*)")} as accepted from stg_households group by all
      union all
      select 'loans', period, institution, ${num("count(*)")} from stg_loans group by all
      union all
      select 'policies', null, insurer, ${num("count(*)")} from stg_policies group by all
    ),
    joined as (
      select coalesce(r.extract, a.extract) as extract, coalesce(r.period, a.period) as period,
             coalesce(r.source_key, a.source_key) as source_key, coalesce(r.rejected, 0) as rejected, a.accepted
      from rejected r full join accepted a
        on r.extract = a.extract and r.source_key = a.source_key and r.period is not distinct from a.period
    )
    select r.extract, r.period, r.source_key, ${townName} as source_name, r.rejected, r.accepted,
           r.rejected / nullif(r.rejected + coalesce(r.accepted, 0), 0) as reject_rate
    from joined r where r.source_key is not null order by r.extract, r.source_key, r.period`);

  const bySourceRule = await query(`
    select extract, source_key, rule, ${num("count(distinct (file, sheet, \"row\"))")} as rows
    from rejections where source_key is not null group by all order by extract, source_key, rows desc`);

  const details = options.omitDetails
    ? null
    : await query(`
        select file, sheet, ${num('"row"')} as row, column_name, value_masked, rule, message, extract, period, source_key
        from rejections order by file, "row", rule limit ${options.detailLimit ?? 5000}`);
  const detailTotal = await query(`select ${num("count(*)")} as n from rejections`);

  return {
    extracts: CONTRACTS.map((c) => ({ extract: c.extract, title: c.title })),
    rules: Object.entries(RULE_TITLES).map(([rule, title]) => ({ rule, title })),
    files,
    byExtractPeriod,
    topRules,
    bySource,
    bySourceRule,
    details,
    detailTotal: Number(detailTotal[0]?.n ?? 0),
    // The field documentation comes from the same contracts the loader checks against.
    fields: CONTRACTS.flatMap((c) => fieldDocs(c)),
  };
}
