// Generic tests for every SQL model, in the spirit of dbt's unique / not_null / accepted_values: each model
// is unique on the key its header declares (`-- key: col1, col2?`; `?` marks a key column that may be
// empty, `-- key: (one row)` a one-row table), key columns are not null, and enumerated columns hold only
// the values the code gives them. The accepted values live here, by column name, because a column name
// means the same in every model (loaders/sql/README.md).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTRACTS } from "../../loaders/contracts/index.ts";
import { CATALOG } from "../../loaders/indicators/catalog.ts";
import { CHECK_RULES, CHECK_SEVERITIES } from "../../loaders/config/checks.ts";
import { listSqlModels } from "../../loaders/warehouse/run-sql-models.ts";

export interface ModelKey {
  path: string;
  table: string;
  /** Key columns; empty for a one-row table; null when the header declares no key. */
  key: { column: string; nullable: boolean }[] | null;
  oneRow: boolean;
}

/** Every model that creates a table or view, with the key its header declares (null when it declares none). */
export function modelKeys(modelsDir: string): ModelKey[] {
  return listSqlModels(modelsDir).flatMap((path): ModelKey[] => {
    const sql = readFileSync(join(modelsDir, path), "utf-8");
    const table = sql.match(/^create\s+(?:or\s+replace\s+)?(?:table|view)\s+([a-z_][a-z0-9_]*)/im)?.[1];
    if (!table) return []; // a macros file
    const line = sql.match(/^-- key:\s*(.+)$/m)?.[1].trim();
    if (!line) return [{ path, table, key: null, oneRow: false }];
    if (line === "(one row)") return [{ path, table, key: [], oneRow: true }];
    const key = line.split(",").map((c) => c.trim()).map((c) => ({ column: c.replace(/\?$/, ""), nullable: c.endsWith("?") }));
    return [{ path, table, key, oneRow: false }];
  });
}

const MONTH = String.raw`^\d{4}-(0[1-9]|1[0-2])$`;

/**
 * Enumerated columns: by column name, the values allowed (a list) or the pattern they match (a regex). A key
 * `table.column` holds for that table only and takes the place of the plain column name there (one word, two
 * enumerations: load_log's status is not timeliness's).
 */
export const ACCEPTED: Record<string, readonly string[] | { pattern: string }> = {
  area_level: ["county", "town", "village"],
  period_type: ["month", "half", "year"],
  colour_grade: ["red", "yellow", "green", "unknown"],
  list: ["no_measure", "lead", "review", "ident_overdue"],
  dimension: ["identified_kind", "identified_risk", "eliminated_mode", "active_measure"],
  status: ["loaded", "refused", "skipped"],
  "timeliness.status": ["on_time", "late", "pending", "overdue", "month_only"],
  "loan_risk_links.list": ["monitored_bad_loan", "no_labour_micro", "unserved_lead"],
  "leads.status": ["已纳入监测", "核查不符合", "已核查待办结", "逾期未核查", "待核查"],
  "int_lead_status.status": ["已纳入监测", "核查不符合", "已核查待办结", "逾期未核查", "待核查"],
  "timeliness.stage": ["identification", "assist"],
  source_type: ["town_roster", "bank_ledger", "insurer", "department"],
  "indicator_additive.method": ["sum", "ratio", "growth", "mean_growth", "median"],
  "indicator_bins.code": ["income_pc_median", "ins_settle_days_median"],
  extract: CONTRACTS.map((c) => c.extract),
  code: CATALOG.map((c) => c.code),
  // 规模性返贫风险研判 (verdict_triggers, verdict, cfg_verdict_thresholds)
  trigger: ["return_rate", "new_poverty_rate", "active_growth", "ident_overdue", "assist_overdue", "cluster_identified", "cluster_risk", "cluster_below_line"],
  level: ["green", "amber", "red"],
  // 半年考核报告 (report_rows): why a comparison has no change
  previous_status: ["ok", "missing", "incomplete", "suppressed", "partial"],
  last_year_status: ["ok", "missing", "incomplete", "suppressed", "partial"],
  window: ["period", "month", "quarter"],
  // 疑点核查 (int_check_hits, check_list, check_counts, check_rules; rules from loaders/config/checks.ts)
  "int_check_hits.rule": CHECK_RULES.map((r) => r.code),
  "check_list.rule": CHECK_RULES.map((r) => r.code),
  "check_counts.rule": CHECK_RULES.map((r) => r.code),
  "check_rules.rule": CHECK_RULES.map((r) => r.code),
  "check_rules.status": ["run", "skipped", "disabled"],
  "check_list.severity": CHECK_SEVERITIES,
  "check_rules.severity": CHECK_SEVERITIES,
  "int_check_hits.value_kind": ["id", "phone"],
  "check_list.value_kind": ["id", "phone"],
  // the words for a month (loaders/sql/README.md): always 'YYYY-MM'
  month: { pattern: MONTH },
  snapshot_month: { pattern: MONTH },
  ledger_month: { pattern: MONTH },
  first_month: { pattern: MONTH },
  last_month: { pattern: MONTH },
  end_month: { pattern: MONTH },
  start_month: { pattern: MONTH },
  prior_year_month: { pattern: MONTH },
  loan_end_month: { pattern: MONTH },
  // an indicator period: a month, a half-year or a year (int_periods)
  period: { pattern: String.raw`^\d{4}(-(0[1-9]|1[0-2])|-H[12])?$` },
};

/** Tables whose `period` is something else: the data-quality marts carry the 数据期 of a file as loaded. */
const PERIOD_AS_LOADED = /^data_quality_/;

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ");

/** Runs the generic tests on a warehouse; returns one line per failure (empty when all pass). */
export async function genericFailures(query: Query, models: ModelKey[]): Promise<string[]> {
  const failures: string[] = [];
  for (const model of models) {
    const { table, path } = model;
    if (model.key === null) {
      failures.push(`${path}: 表头缺少 "-- key:" 行（声明粒度）`);
      continue;
    }
    const columns = new Set(
      (await query(`select column_name from information_schema.columns where table_name = '${table}'`)).map((r) => String(r.column_name)),
    );
    if (columns.size === 0) {
      failures.push(`${path}: 数据仓库中没有表 ${table}`);
      continue;
    }
    if (model.oneRow) {
      const [{ n }] = await query(`select count(*)::integer as n from ${quote(table)}`);
      if (n !== 1) failures.push(`${path}: ${table} 应只有一行，实有 ${n} 行`);
    }
    const unknown = model.key.filter((k) => !columns.has(k.column)).map((k) => k.column);
    if (unknown.length > 0) {
      failures.push(`${path}: key 中的列 ${unknown.join("、")} 不在 ${table} 中`);
      continue;
    }
    if (model.key.length > 0) {
      const cols = model.key.map((k) => quote(k.column)).join(", ");
      const dupes = await query(
        `select ${cols}, count(*)::integer as n from ${quote(table)} group by all having count(*) > 1 order by n desc limit 3`,
      );
      if (dupes.length > 0) failures.push(`${path}: ${table} 在 (${cols}) 上不唯一，例如 ${JSON.stringify(dupes[0])}`);
    }
    for (const k of model.key.filter((k) => !k.nullable)) {
      const [{ n }] = await query(`select count(*)::integer as n from ${quote(table)} where ${quote(k.column)} is null`);
      if (Number(n) > 0) failures.push(`${path}: ${table}.${k.column} 有 ${n} 行为空`);
    }
    for (const [name, accepted] of Object.entries(ACCEPTED)) {
      const [owner, column] = name.includes(".") ? name.split(".") : [null, name];
      if (owner !== null && owner !== table) continue;
      if (owner === null && `${table}.${column}` in ACCEPTED) continue;
      if (!columns.has(column) || (column === "period" && PERIOD_AS_LOADED.test(table))) continue;
      const test = Array.isArray(accepted)
        ? `${quote(column)}::varchar not in (${sqlList(accepted)})`
        : `not regexp_full_match(${quote(column)}::varchar, '${(accepted as { pattern: string }).pattern}')`;
      const bad = await query(`select distinct ${quote(column)}::varchar as v from ${quote(table)} where ${test} limit 5`);
      if (bad.length > 0) failures.push(`${path}: ${table}.${column} 有不允许的值 ${bad.map((r) => r.v).join("、")}`);
    }
  }
  return failures;
}
