// Set-based validation: a text table in DuckDB (one row per source row, each mapped column as the office
// wrote it) becomes typed staging rows, rejections and warnings in a few SQL statements. The SQL is compiled
// from the contract: value parsing from each field's kind and unit (the same forms as loaders/read/
// parse-values.ts), the per-field checks from the field's zod definition (blank, enumeration, minimum and
// maximum, code pattern), the cross-field rules from their `sql` forms, written beside their `check`
// (loaders/contracts/). Row for row it gives what validateRow gives: the same defects, in the same order,
// the same severities, actions and Chinese messages (test/load/validate-table.test.ts loads the same files
// both ways and compares staging, rejections and warnings).
//
// The entry point is validateTextTable: whatever produced the text table (a CSV or XLSX reader, a national
// system's export profile turning its layout into canonical columns) goes through it.
import type { DuckDBConnection } from "@duckdb/node-api";
import type { z } from "zod";
import type { Contract, RowContext, SqlRuleContext, SqlValue } from "../contracts/contract.ts";
import { ENUM_ALIASES } from "../contracts/enums.ts";
import { SQL_TYPES, type FieldSpec } from "../contracts/field.ts";
import { maskValue } from "../privacy/mask.ts";
import type { Rejection } from "./bookkeeping.ts";
import { sqlString } from "./staging-writer.ts";
import { PARSE_HINTS, PARSE_RULES } from "./validate-row.ts";

/** JavaScript's \s and String.prototype.trim set. */
const WS = "\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
export const WS_CLASS = `[${[...WS].map((c) => `\\x{${c.codePointAt(0)!.toString(16)}}`).join("")}]`;
/** A character that is not white space: a cell starting and ending with one needs no trimming (most cells). */
const SOLID = `[^${WS_CLASS.slice(1, -1)}]`;
const FULL = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCharCode(0xff01 + i)).join("") + "\u3000";
const HALF = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join("") + " ";

/**
 * SQL macros shared by every compiled contract (temporary: they live with the connection). Membership in a
 * list of constants is list_contains, never IN: DuckDB turns a long IN list into a join, which carries every
 * column of the wide intermediate rows through a hash table (16 such joins made up most of the cost once).
 */
export const MACROS = `
create or replace temp macro dx_text(s) as case when regexp_full_match(s, '${SOLID}.*${SOLID}|${SOLID}') then s
  else nullif(regexp_replace(s, '^${WS_CLASS}+|${WS_CLASS}+$', '', 'g'), '') end;
create or replace temp macro dx_half(s) as case when regexp_matches(s, '[\\x{ff01}-\\x{ff5e}\\x{3000}]') then translate(s, ${sqlString(FULL)}, ${sqlString(HALF)}) else s end;
create or replace temp macro dx_compact_half(h) as case when regexp_matches(h, '${WS_CLASS}') then regexp_replace(h, '${WS_CLASS}', '', 'g') else h end;
create or replace temp macro dx_compact(s) as case when regexp_full_match(s, '[0-9A-Za-z]*') then s else dx_compact_half(dx_half(s)) end;
create or replace temp macro dx_numtext(t) as case
  when t is null then null
  when regexp_full_match(t, '-?[0-9]+(\\.[0-9]+)?') then t
  else nullif(nullif(regexp_replace(regexp_replace(regexp_replace(regexp_replace(dx_half(t), '[,${WS_CLASS.slice(1, -1)}]', '', 'g'), '^[¥￥]', ''), '%$', ''), '元$', ''), ''), '-') end;
create or replace temp macro dx_num_ok(n) as regexp_full_match(n, '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)');
create or replace temp macro dx_days(y, m) as case when m = 2 then (case when (y % 4 = 0 and y % 100 <> 0) or y % 400 = 0 then 29 else 28 end)
  when m in (4, 6, 9, 11) then 30 else 31 end;
create or replace temp macro dx_ymd(y, m, d) as case when y between 1900 and 2100 and m between 1 and 12 and d between 1 and dx_days(y, m)
  then printf('%04d-%02d-%02d', y, m, d) else '!' end;
create or replace temp macro dx_date_slow(h) as case
  when regexp_full_match(h, '([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})') then dx_ymd(regexp_extract(h, '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$', 1)::int, regexp_extract(h, '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$', 2)::int, regexp_extract(h, '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$', 3)::int)
  when regexp_full_match(h, '([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})') then dx_ymd(regexp_extract(h, '^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})$', 1)::int, regexp_extract(h, '^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})$', 2)::int, regexp_extract(h, '^([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})$', 3)::int)
  when regexp_full_match(h, '([0-9]{4})\\.([0-9]{1,2})\\.([0-9]{1,2})') then dx_ymd(regexp_extract(h, '^([0-9]{4})\\.([0-9]{1,2})\\.([0-9]{1,2})$', 1)::int, regexp_extract(h, '^([0-9]{4})\\.([0-9]{1,2})\\.([0-9]{1,2})$', 2)::int, regexp_extract(h, '^([0-9]{4})\\.([0-9]{1,2})\\.([0-9]{1,2})$', 3)::int)
  when regexp_full_match(h, '([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?') then dx_ymd(regexp_extract(h, '^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?$', 1)::int, regexp_extract(h, '^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?$', 2)::int, regexp_extract(h, '^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?$', 3)::int)
  when regexp_full_match(h, '[0-9]{8}') then dx_ymd(substr(h, 1, 4)::int, substr(h, 5, 2)::int, substr(h, 7, 2)::int)
  when regexp_full_match(h, '[0-9]{6}') then dx_ymd(substr(h, 1, 4)::int, substr(h, 5, 2)::int, 1)
  when regexp_full_match(h, '([0-9]{4})[-/.]([0-9]{1,2})') then dx_ymd(substr(h, 1, 4)::int, substr(h, 6)::int, 1)
  when regexp_full_match(h, '([0-9]{4})年([0-9]{1,2})月?') then dx_ymd(substr(h, 1, 4)::int, regexp_extract(h, '^[0-9]{4}年([0-9]{1,2})', 1)::int, 1)
  when regexp_full_match(h, '[0-9]{1,5}(\\.[0-9]+)?') then (case when h::double between 1 and 80000 then strftime(date '1899-12-30' + floor(h::double)::int, '%Y-%m-%d') else '!' end)
  else '!' end;
create or replace temp macro dx_ymd_ok(y, m, d) as y between 1900 and 2100 and m between 1 and 12 and d between 1 and dx_days(y, m);
create or replace temp macro dx_date_any(t) as dx_date_slow(regexp_replace(regexp_replace(dx_half(t), '${WS_CLASS}+[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?$', ''), 'T.*$', ''));
-- The forms most files hold, YYYY-MM-DD and YYYY-MM, here; '?' sends any other text to dx_date_any, run
-- afterwards on those rows only (a CASE's unused branches still cost when they are this large).
create or replace temp macro dx_date(t) as case
  when t is null then null
  when regexp_full_match(t, '[0-9]{4}-[0-9]{2}-[0-9]{2}') then (case when dx_ymd_ok(substr(t, 1, 4)::int, substr(t, 6, 2)::int, substr(t, 9, 2)::int) then t else '!' end)
  else '?' end;
create or replace temp macro dx_period(t) as case
  when t is null then null
  when regexp_full_match(t, '[0-9]{4}-[0-9]{2}') then (case when dx_ymd_ok(substr(t, 1, 4)::int, substr(t, 6, 2)::int, 1) then t else '!' end)
  else '?' end;
create or replace temp macro dx_bool(t) as case
  when t is null then null
  when t = '是' then 'true'
  when t = '否' then 'false'
  when list_contains(['是', 'y', 'yes', '1', 'true', '有', '√', 't'], lower(dx_half(t))) then 'true'
  when list_contains(['否', 'n', 'no', '0', 'false', '无', '×', 'f'], lower(dx_half(t))) then 'false'
  else '!' end;
create or replace temp macro dx_jsnum(x) as case when x = trunc(x) and abs(x) < 1e21 then (x::hugeint)::varchar else x::varchar end;
create or replace temp macro dx_jslen(s) as length(s) + length(regexp_replace(s, '[^\\x{10000}-\\x{10FFFF}]', '', 'g'));
-- The check digit of the first 17 digits, by integer arithmetic on two halves (17 substrings cost more).
create or replace temp macro dx_gb11643_sum(a, b) as ((a // 100000000) % 10) * 7 + ((a // 10000000) % 10) * 9 + ((a // 1000000) % 10) * 10 + ((a // 100000) % 10) * 5 + ((a // 10000) % 10) * 8 + ((a // 1000) % 10) * 4 + ((a // 100) % 10) * 2 + ((a // 10) % 10) * 1 + ((a // 1) % 10) * 6 + ((b // 10000000) % 10) * 3 + ((b // 1000000) % 10) * 7 + ((b // 100000) % 10) * 9 + ((b // 10000) % 10) * 10 + ((b // 1000) % 10) * 5 + ((b // 100) % 10) * 8 + ((b // 10) % 10) * 4 + ((b // 1) % 10) * 2;
create or replace temp macro dx_gb11643(id) as substr('10X98765432', (dx_gb11643_sum(try_cast(left(id, 9) as bigint), try_cast(substr(id, 10, 8) as bigint)) % 11) + 1, 1);
create or replace temp macro dx_certificate_id(s) as case when (length(s) = 20 or length(s) = 22) and regexp_full_match(substr(s, 19), '[0-9]+') then left(s, 18) else s end;
`;

/** A file column as the text table holds it: the field it maps to, its header as written, its unit factor. */
export interface TextColumn {
  field: FieldSpec;
  /** Column name in the text table. */
  name: string;
  header: string;
  factor: number;
}

export interface TextTable {
  contract: Contract;
  /** DuckDB table: source_row INTEGER plus one VARCHAR column per mapped field. Blank and skipped rows left out. */
  table: string;
  columns: TextColumn[];
  /** Period from the file name, used where 数据期 is absent or blank. */
  filePeriod: string | null;
  file: string;
  sheet: string | null;
}

export interface TableResult {
  read: number;
  rejected: number;
  warned: number;
  periods: string[];
  rejections: Rejection[];
  warnings: Rejection[];
}

/** Whether the contract's every rule (and its source key) has a SQL form. */
export function sqlCapable(contract: Contract): boolean {
  return contract.sql !== undefined && contract.rules.every((r) => r.sql !== undefined);
}

/** The parts of zod's definitions read here (zod 4 `_zod.def`), as in compile-checks.ts. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  checks?: { _zod: { def: { check: string; format?: string; value?: number; inclusive?: boolean; pattern?: RegExp } } }[];
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** What zod's field schema says, read off its definition: nullable, enumeration, bounds, pattern. */
function zodFacts(schema: z.ZodType) {
  let def = defOf(schema);
  const nullable = def.type === "nullable";
  if (nullable) def = defOf(def.innerType!);
  const isList = def.type === "array";
  const base = isList ? defOf(def.element!) : def;
  const facts = { nullable, isList, values: null as string[] | null, min: null as { v: number; inclusive: boolean } | null, max: null as { v: number; inclusive: boolean } | null, pattern: null as string | null, safeint: false };
  if (base.type === "enum") facts.values = Object.values(base.entries!).map(String);
  for (const c of base.checks ?? []) {
    const d = c._zod.def;
    if (d.check === "greater_than") facts.min = { v: d.value!, inclusive: d.inclusive ?? false };
    else if (d.check === "less_than") facts.max = { v: d.value!, inclusive: d.inclusive ?? false };
    else if (d.check === "number_format") facts.safeint = true;
    else if (d.check === "string_format" && d.format === "regex") facts.pattern = d.pattern!.source;
    else throw new Error(`validate-table: zod check ${d.check} has no SQL form`);
  }
  return facts;
}

/**
 * The enumeration's values that its cells usually hold exactly: no white space or full-width forms (so
 * compaction leaves them as they are) and no alias of another value. A cell equal to one skips both.
 */
function plainValues(field: FieldSpec, values: string[] | null): string[] {
  return (values ?? []).filter((x) => !(x in (ENUM_ALIASES[field.key] ?? {})) && /^[^\s\uff01-\uff5e\u3000]+$/.test(x));
}

function enumSql(field: FieldSpec, x: string): string {
  const aliases = ENUM_ALIASES[field.key];
  if (!aliases || Object.keys(aliases).length === 0) return x;
  const whens = Object.entries(aliases).map(([from, to]) => `when ${sqlString(from)} then ${sqlString(to)}`).join(" ");
  return `(case ${x} ${whens} else ${x} end)`;
}

/** The parsed value as text ('!' when it cannot be parsed), from cellText `t` and the raw cell `raw`. */
function parseSql(field: FieldSpec, t: string, raw: string, factor: number, slow: ((t: string) => string) | null): string {
  switch (field.kind) {
    case "int":
    case "amount":
    case "rate":
      return `dx_numtext(${t})`;
    case "year":
      return `dx_numtext(dx_text(regexp_replace(${raw}, '年$', '')))`;
    case "date":
      return slow === null ? `dx_date(${t})` : `coalesce(nullif(dx_date(${t}), '?'), ${slow(t)})`;
    case "period":
      return slow === null ? `dx_period(${t})` : `coalesce(nullif(dx_period(${t}), '?'), left(${slow(t)}, 7))`;
    case "bool":
      return `dx_bool(${t})`;
    case "code":
      return `dx_compact(${t})`;
    case "id":
      return `upper(dx_compact(${t}))`;
    default:
      void factor;
      return t;
  }
}

interface FieldPlan {
  field: FieldSpec;
  i: number;
  column: TextColumn | null;
  header: string;
  severity: "reject" | "warn";
}

/**
 * Validates the text table into the contract's staging table, in one transaction (the caller's), and
 * returns the counts and the reports' rows. `known` staging rows (earlier files) count for duplicate keys.
 */
export async function validateTextTable(conn: DuckDBConnection, input: TextTable, ctx: RowContext, maxDetails: number): Promise<TableResult> {
  const { contract } = input;
  const profile = process.env.DIXIAN_SQL_PROFILE === "1";
  const run0 = conn.run.bind(conn);
  const runAndReadAll0 = conn.runAndReadAll.bind(conn);
  const timed = <T>(f: (sql: string) => Promise<T>) => async (sql: string) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const out = await f(sql);
    const used = process.cpuUsage(cpu);
    if (profile) process.stderr.write(`${((performance.now() - start) / 1000).toFixed(2)} s (CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)  ${sql.trim().slice(0, 80).replace(/\s+/g, " ")}\n`);
    return out;
  };
  conn = { run: timed(run0), runAndReadAll: timed(runAndReadAll0) } as unknown as DuckDBConnection;
  await conn.run(MACROS);
  const byKey = new Map(input.columns.map((c) => [c.field.key, c]));
  const shape = (contract.schema as unknown as { _zod: { def: { shape: Record<string, z.ZodType> } } })._zod.def.shape;
  const fields: FieldPlan[] = contract.fields.map((field, i) => {
    const column = byKey.get(field.key) ?? null;
    return { field, i, column, header: column?.header ?? field.header, severity: field.required === true || field.notNull === true ? "reject" : "warn" };
  });
  const sqlCtx: SqlRuleContext = { villagesLoaded: ctx.villages !== null, incomeTolerance: ctx.incomeTolerance };
  const id = `${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const work = `dx_val_${id}`;

  // Date texts in forms other than YYYY-MM-DD / YYYY-MM are parsed first, once per distinct text, into a
  // small lookup (a CASE's unused branches cost even when not taken); most files have none, and then the
  // lookup is left out, a few hundred are written into the statement, more are looked up in a table.
  const dated = fields.filter(({ field, column }) => column && (field.kind === "date" || field.kind === "period"));
  const slowTable = `${work}_dates`;
  const slowTexts = dated.length === 0 ? "select null::varchar as text" : `select unnest([${dated.map(({ column }) => `dx_text(${column!.name})`).join(", ")}]) as text from ${input.table}`;
  await conn.run(`create temp table ${slowTable} as select text, dx_date_any(text) as iso from (select distinct text from (${slowTexts}) where dx_date(text) = '?')`);
  const slowRows = Number((await conn.runAndReadAll(`select count(*) from ${slowTable}`)).getRows()[0][0]);
  let slow: ((t: string) => string) | null = null;
  if (slowRows > 0 && slowRows <= 500) {
    const pairs = (await conn.runAndReadAll(`select text, iso from ${slowTable}`)).getRows() as string[][];
    const whens = pairs.map(([text, iso]) => `when ${sqlString(text)} then ${sqlString(iso)}`).join(" ");
    slow = (t) => `(case ${t} ${whens} end)`;
  } else if (slowRows > 0) {
    slow = (t) => `(select iso from ${slowTable} where text = ${t})`;
  }
  // 1. text: cellText of every mapped cell, and the raw cell for the report.
  const texts = fields.map(({ i, column }) => column ? `dx_text(${column.name}) as t${i}, ${column.name} as r${i}` : `null::varchar as t${i}, null::varchar as r${i}`);
  // 2. parse: the value as normalised text, '!' when it cannot be parsed.
  const parsed = fields.map(({ field, i, column }) => {
    let p = column ? parseSql(field, `t${i}`, `r${i}`, column.factor, slow) : "null::varchar";
    if (field.kind === "period") p = `coalesce(${p}, ${input.filePeriod === null ? "null" : sqlString(input.filePeriod)})`;
    return `${p} as p${i}`;
  });
  // 3. type: the typed value (null when unparsable), the parse failure, zod's issue.
  const typed: string[] = [];
  const numbers: string[] = [];
  const issues: string[] = [];
  for (const { field, i, column } of fields) {
    const facts = zodFacts(shape[field.key]);
    const numeric = field.kind === "int" || field.kind === "year" || field.kind === "amount" || field.kind === "rate";
    let value: string;
    let bad: string;
    if (numeric) {
      const factor = column?.factor ?? 1;
      // n: the number, parsed once a level down (a macro used twice is evaluated twice).
      const n = `n${i}`;
      numbers.push(`(case when dx_num_ok(p${i}) then p${i}::double end) as n${i}`);
      bad = `(p${i} is not null and (n${i} is null${field.kind === "int" || field.kind === "year" ? ` or ${n} <> trunc(${n})` : ""}))`;
      value = field.kind === "amount" && factor !== 1 ? `floor(((${n} * ${factor}) * 1e6) + 0.5) / 1e6` : n;
      value = `(case when ${bad} then null else ${value} end)`;
    } else if (field.kind === "bool") {
      bad = `(p${i} = '!')`;
      value = `(case p${i} when 'true' then true when 'false' then false end)`;
    } else if (field.kind === "date" || field.kind === "period") {
      bad = `(p${i} = '!')`;
      value = `(case when p${i} = '!' then null else p${i} end)`;
    } else if (field.kind === "enum") {
      bad = "false";
      // Most cells hold one of the values exactly: those skip the compaction and the aliases.
      const plain = plainValues(field, facts.values);
      value = plain.length > 0
        ? `(case when list_contains([${plain.map(sqlString).join(", ")}], p${i}) then p${i} else ${enumSql(field, `dx_compact(p${i})`)} end)`
        : enumSql(field, `dx_compact(p${i})`);
    } else if (field.kind === "list") {
      bad = "false";
      // l: the items, split once a level down.
      numbers.push(`(case when p${i} is not null then list_filter(list_transform(regexp_split_to_array(p${i}, '[、,;|，；]'), x -> dx_text(x)), x -> x is not null) end) as l${i}`);
      const plain = plainValues(field, facts.values);
      const item = plain.length > 0 ? `(case when list_contains([${plain.map(sqlString).join(", ")}], x) then x else ${enumSql(field, "dx_compact(x)")} end)` : enumSql(field, "dx_compact(x)");
      value = `(case when len(l${i}) > 0 then list_transform(l${i}, x -> ${item}) end)`;
    } else {
      bad = "false";
      value = `p${i}`;
    }
    typed.push(`${value} as v${i}`, `${bad} as b${i}`);
    // zod's verdict on the typed value, when it parsed.
    const conds: string[] = [];
    if (!facts.nullable) conds.push(`when v${i} is null then 'required'`);
    if (facts.values) {
      const list = facts.values.map(sqlString).join(", ");
      conds.push(facts.isList
        ? `when v${i} is not null and len(list_filter(v${i}, x -> not list_contains([${list}], x))) > 0 then 'invalid_value'`
        : `when v${i} is not null and not list_contains([${list}], v${i}) then 'invalid_value'`);
    }
    if (facts.safeint) conds.push(`when v${i} is not null and abs(v${i}) > 9007199254740991 then 'too_big'`);
    if (facts.min) conds.push(`when v${i} is not null and v${i} ${facts.min.inclusive ? "<" : "<="} ${facts.min.v} then 'too_small'`);
    if (facts.max) conds.push(`when v${i} is not null and v${i} ${facts.max.inclusive ? ">" : ">="} ${facts.max.v} then 'too_big'`);
    if (facts.pattern) conds.push(`when v${i} is not null and not regexp_matches(v${i}, ${sqlString(facts.pattern)}) then 'invalid_format'`);
    issues.push(`(case when b${i} then null ${conds.join(" ")} end) as z${i}`);
  }
  // 4. the row as the rules see it: unparsable values and warned fields nulled; a rejected field keeps its value.
  const seen = fields.map(({ i, severity }) => `(case when b${i} ${severity === "warn" ? `or z${i} is not null` : ""} then null else v${i} end) as w${i}`);
  const keyIndex = new Map(fields.map((f) => [f.field.key, f.i]));
  const w: SqlValue = (key) => `w${keyIndex.get(key)!}`;
  const rules = contract.rules.map((rule, r) => {
    const skip = rule.uses.map((k) => `b${keyIndex.get(k)} or z${keyIndex.get(k)} is not null`).join(" or ");
    const msg = `(case when not (${skip || "false"}) and coalesce(${rule.sql!.broken(w, sqlCtx)}, false) then ${rule.sql!.message(w, sqlCtx)} end) as m${r}`;
    const action = rule.severity === "warn" ? (rule.sql!.action ? rule.sql!.action(w) : sqlString(typeof rule.action === "string" ? rule.action : "keep")) : "null";
    return `${msg}, ${action} as a${r}`;
  });
  // 5. settle: warned rules' 'null' actions, the rejection flag.
  const finals = fields.map(({ i, field }) => {
    const nulled = contract.rules.map((rule, r) => ({ rule, r })).filter(({ rule }) => rule.severity === "warn" && rule.column === field.key)
      .map(({ r }) => `(m${r} is not null and a${r} = 'null')`);
    return nulled.length === 0 ? `w${i} as f${i}` : `(case when ${nulled.join(" or ")} then null else w${i} end) as f${i}`;
  });
  const rejectedBy = [
    ...fields.filter((f) => f.severity === "reject").map(({ i }) => `b${i} or z${i} is not null`),
    ...contract.rules.map((rule, r) => ({ rule, r })).filter(({ rule }) => rule.severity === "reject").map(({ r }) => `m${r} is not null`),
  ];
  const warnedBy = [
    ...fields.filter((f) => f.severity === "warn").map(({ i }) => `b${i} or z${i} is not null`),
    ...contract.rules.map((rule, r) => ({ rule, r })).filter(({ rule }) => rule.severity === "warn").map(({ r }) => `m${r} is not null`),
  ];
  const f: SqlValue = (key) => `f${keyIndex.get(key)!}`;
  const ruleCols = contract.rules.map((_, r) => `m${r}, a${r}`);
  // One statement, a chain of CTEs. Date texts in forms other than YYYY-MM-DD / YYYY-MM are parsed first,
  // once per distinct text, into a small lookup table (a CASE's unused branches cost even when not taken).
  // The chain is run twice: over every row for the typed values and the two flags (a narrow table), then
  // over the rows with a defect only, for the reports' details (rejected or warned rows are few; writing
  // every row's details made a table of some 140 columns and cost as much as the checks).
  const chain = (source: string) => `
with t as (select source_row, ${texts.join(", ")} from ${source}),
p as (select *, ${parsed.join(", ")} from t),
n as (select *${numbers.map((x) => `, ${x}`).join("")} from p),
v as (select *, ${typed.join(", ")} from n),
z as (select *, ${issues.join(", ")} from v),
s as (select *, ${seen.join(", ")} from z),
r as (select *, ${rules.length ? rules.join(", ") : "1 as no_rules"} from s),
x as (select *, (${rejectedBy.join(" or ") || "false"}) as rejected, (${warnedBy.join(" or ") || "false"}) as warned from r)`;
  await conn.run(`create temp table ${work} as ${chain(input.table)}
select source_row, ${finals.join(", ")}, rejected, warned from x`);
  await conn.run(`create temp table ${work}_d as ${chain(`(select * from ${input.table} where source_row in (select source_row from ${work} where rejected or warned))`)}
select source_row, ${fields.map(({ i }) => `r${i}, b${i}, z${i}`).join(", ")}${ruleCols.length ? `, ${ruleCols.join(", ")}` : ""},
  ${finals.join(", ")}, rejected, warned
from x`);
  await conn.run(`drop table ${slowTable}`);
  try {
    // 6. duplicate keys among kept rows: a key seen in earlier files' staging rows or earlier in this file.
    const keys = contract.key.map((k) => ({ k, i: keyIndex.get(k)! }));
    let dupCol = "false";
    if (keys.length > 0) {
      const part = keys.map(({ i }) => `f${i}`).join(", ");
      const match = keys.map(({ k, i }) => `s.${k} is not distinct from w.f${i}`).join(" and ");
      await conn.run(`
create temp table ${work}_dup as
select source_row from (select source_row, row_number() over (partition by ${part} order by source_row) as rn from ${work} where not rejected) where rn > 1
union
select w.source_row from ${work} w where not w.rejected and exists (select 1 from ${contract.table} s where ${match})`);
      dupCol = `(source_row in (select source_row from ${work}_dup))`;
    }
    // A view, not a copy: the wide table is written once.
    await conn.run(`create temp view ${work}_f as select *, ${dupCol} as dup from ${work}`);
    await conn.run(`create temp view ${work}_df as select *, ${dupCol} as dup from ${work}_d`);

    // 7. staging: kept rows, completed, cast to the contract's types.
    const completes = contract.sql?.complete ?? {};
    const cols = fields.map(({ field, i }) => {
      const expr = completes[field.key] ? completes[field.key](f) : `f${i}`;
      const type = SQL_TYPES[field.kind];
      return type === "VARCHAR" || type === "VARCHAR[]" ? expr : `(${expr})::${type}`;
    });
    await conn.run(`insert into ${contract.table} (${contract.fields.map((x) => x.key).join(", ")}, source_file, source_row)
select ${cols.join(", ")}, ${sqlString(input.file)}, source_row from ${work}_f where not rejected and not dup`);

    // 8. the reports' rows: per row its defects in validateRow's order (parse failures and zod issues by
    // field, then the rules), the rejecting ones for a rejected row, the warnings for a kept one.
    const periodI = contract.fields.findIndex((x) => x.kind === "period");
    const periodExpr = periodI >= 0 ? `f${periodI}` : "null";
    const sourceKey = contract.sql ? contract.sql.sourceKey(f) : "null";
    const defects: string[] = [];
    fields.forEach(({ field, i, header, severity }, ord) => {
      const parseRule = PARSE_RULES[field.kind];
      const zodCase = zodCases(field, header, i);
      const rule = `case when b${i} then ${sqlString(parseRule ?? "")} ${zodCase.rule} end`;
      const message = `case when b${i} then ${sqlString(parseRule ? `「${header}」${PARSE_HINTS[parseRule]}` : "")} ${zodCase.message} end`;
      defects.push(`select source_row, case when b${i} then ${ord} else ${fields.length + ord} end as ord, ${rule} as rule, ${sqlString(header)} as column_name, ${sqlString(field.key)} as field_key, coalesce(dx_text(r${i}), '') as value, ${message} as message,
  ${sqlString(severity)} as severity, ${severity === "warn" ? "'null'" : "null"} as action, rejected, dup, ${periodExpr} as period, ${sourceKey} as source_key
from ${work}_df where (b${i} or z${i} is not null) and not dup`);
    });
    contract.rules.forEach((rule, r) => {
      const ci = keyIndex.get(rule.column)!;
      const header = fields[ci].header;
      defects.push(`select source_row, ${2 * fields.length + r} as ord, ${sqlString(rule.code)} as rule, ${sqlString(header)} as column_name, ${sqlString(rule.column)} as field_key, coalesce(dx_text(r${ci}), '') as value, m${r} as message,
  ${sqlString(rule.severity)} as severity, ${rule.severity === "warn" ? `a${r}` : "null"} as action, rejected, dup, ${periodExpr} as period, ${sourceKey} as source_key
from ${work}_df where m${r} is not null and not dup`);
    });
    if (keys.length > 0) {
      const keyHeaders = keys.map(({ i }) => fields[i].header);
      const value = keys.map(({ i }) => `coalesce(f${i}::varchar, 'null')`).join(" || ' / ' || ");
      defects.push(`select source_row, 0 as ord, 'duplicate_key' as rule, ${sqlString(keyHeaders[0])} as column_name, ${sqlString(keys[0].k)} as field_key, ${value} as value,
  ${sqlString(`与前面的记录重复（${keyHeaders.join(" + ")} 相同），请删除重复行或核对编号`)} as message, 'reject' as severity, null as action, true as rejected, dup, ${periodExpr} as period, ${sourceKey} as source_key
from ${work}_f where dup`);
    }
    const all = defects.join("\nunion all\n");
    const read = async (where: string) => {
      const reader = await conn.runAndReadAll(`select source_row, rule, column_name, field_key, value, message, action, period, source_key from (${all}) d where ${where} order by source_row, ord limit ${maxDetails}`);
      return (reader.getRows() as (string | number | null)[][]).map((x): Rejection => ({
        file: input.file, sheet: input.sheet, row: Number(x[0]), column: String(x[2]), value: String(x[4]),
        valueMasked: maskValue(String(x[3]), String(x[4])) ?? "", rule: String(x[1]), message: String(x[5]),
        extract: contract.extract, period: x[7] === null ? null : String(x[7]), sourceKey: x[8] === null ? null : String(x[8]),
        action: x[6] === null ? null : (String(x[6]) as "keep" | "null"),
      }));
    };
    const rejections = await read("(rejected or dup) and severity = 'reject'");
    const warnings = await read("not rejected and not dup and severity = 'warn'");
    const counts = (await conn.runAndReadAll(`select count(*)::integer, count(*) filter (where rejected or dup)::integer, count(*) filter (where warned and not rejected and not dup)::integer from ${work}_f`)).getRows()[0] as number[];
    const periods = periodI >= 0
      ? ((await conn.runAndReadAll(`select distinct f${periodI} from ${work}_f where f${periodI} is not null order by 1`)).getRows() as string[][]).map((x) => x[0])
      : [];
    return { read: counts[0], rejected: counts[1], warned: counts[2], periods, rejections, warnings };
  } finally {
    await conn.run(`drop view if exists ${work}_f`);
    await conn.run(`drop view if exists ${work}_df`);
    for (const t of [work, `${work}_d`, `${work}_dup`]) await conn.run(`drop table if exists ${t}`);
  }
}

/** zod's issue codes → the rule and message validateRow gives (its zodRule), as CASE branches. */
function zodCases(field: FieldSpec, header: string, i: number): { rule: string; message: string } {
  const enumHint = `取值应为：${field.values?.join("、")}`;
  const rangeHint = field.kind === "year" ? "年度应在 1990–2100 之间" : `不能小于 ${field.min ?? 0}`;
  const other = field.kind === "period"
    ? { rule: "invalid_period", hint: PARSE_HINTS.invalid_period! }
    : { rule: "invalid_code", hint: `应为 ${(field.codeLengths ?? [12]).join(" 或 ")} 位数字代码` };
  const required = field.kind === "period" ? "数据期为空，文件名中也没有年月，请补填 数据期（如 2024-01）" : `「${header}」不能为空，请补填`;
  const out = {
    rule: `when z$ = 'required' then 'required' when z$ = 'invalid_value' then 'invalid_enum' when z$ in ('too_small', 'too_big') then 'out_of_range' else ${sqlString(other.rule)}`,
    message: `when z$ = 'required' then ${sqlString(required)} when z$ = 'invalid_value' then ${sqlString(`「${header}」${enumHint}`)} ` +
      `when z$ in ('too_small', 'too_big') then ${sqlString(`「${header}」${rangeHint}`)} else ${sqlString(`「${header}」${other.hint}`)}`,
  };
  return { rule: out.rule.replaceAll("z$", `z${i}`), message: out.message.replaceAll("z$", `z${i}`) };
}
