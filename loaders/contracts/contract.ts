import { z } from "zod";
import type { FieldSpec } from "./field.ts";
import type { RuleCode } from "./rules.ts";

export type ExtractName =
  | "households" | "loans" | "policies" | "claims" | "villages" | "monitoring_lines" | "county_stats"
  | "medical_costs" | "social_aid" | "dwelling_appraisals" | "school_dropouts" | "disability_certificates" | "disaster_losses"
  | "lead_feedback"
  | "household_members";

/** What the cross-field rules may look up beyond the row itself. */
export interface RowContext {
  /** 12-digit village codes of the villages reference; null when no villages file was loaded. */
  villages: Set<string> | null;
  towns: Set<string> | null;
  counties: Set<string> | null;
  /** Allowed gap between 人均纯收入 and the one computed from its components, in yuan per person. */
  incomeTolerance: number;
  /** 保单号 → 保险机构 of the loaded policies, so a claim's defects go back to the insurer. */
  insurers: Map<string, string> | null;
}

export type TypedRow = Record<string, unknown>;

/**
 * What a broken rule does to its row (DOMAIN.md §11): `reject` drops the row (it cannot be used at all);
 * `warn` keeps it and reports the break beside the rejections.
 */
export type Severity = "reject" | "warn";
/** What a warning does to the reported field: `keep` it as written, or `null` it in staging. */
export type WarnAction = "keep" | "null";

/** What a rule's SQL form may use beyond the row: whether a villages reference is loaded, the income tolerance. */
export interface SqlRuleContext {
  villagesLoaded: boolean;
  incomeTolerance: number;
}

/** A field's value in a rule's SQL: ISO text for dates, DOUBLE for numbers, BOOLEAN, VARCHAR[] for lists. */
export type SqlValue = (key: string) => string;

/**
 * The same rule as a vectorised SQL expression (loaders/load/validate-table.ts): `broken` is true exactly
 * when `check` returns a message, `message` builds the same words, `action` the same 'keep'/'null'.
 */
export interface RuleSql {
  broken: (v: SqlValue, ctx: SqlRuleContext) => string;
  message: (v: SqlValue, ctx: SqlRuleContext) => string;
  action?: (v: SqlValue) => string;
}

/** A rule across fields; `uses` are field keys, and the rule is skipped when one of them is already invalid. */
export interface CrossRule {
  code: RuleCode;
  /** Field key the defect is reported against (and, for a warning whose action is `null`, the field nulled). */
  column: string;
  uses: readonly string[];
  severity: Severity;
  /** For warnings: what happens to `column`, fixed or decided by the row (the reason is documented at the rule). */
  action?: WarnAction | ((row: TypedRow) => WarnAction);
  /** A Chinese message saying what to fix when broken, else null. */
  check(row: TypedRow, ctx: RowContext): string | null;
  /** The rule in SQL; a contract whose every rule has it is validated set-based in DuckDB. */
  sql?: RuleSql;
}

export interface Contract {
  extract: ExtractName;
  title: string;
  table: string;
  fields: readonly FieldSpec[];
  /** Field keys that identify a row; a repeat is rejected as duplicate_key. Empty: rows have no key (department records). */
  key: readonly string[];
  /** Who made the row, for sending defects back: a field key, or a function of the row. */
  sourceKey: (row: TypedRow, ctx: RowContext) => string | null;
  /** The file needs a period: from its 数据期 column, else from its name. */
  needsPeriod: boolean;
  /** Sets of columns of which at least one set must be fully present (households' income). */
  requiredOneOf?: readonly (readonly string[])[];
  rules: readonly CrossRule[];
  /** Fills derived values on an accepted row (e.g. 人均纯收入 from its components). */
  complete?: (row: TypedRow) => void;
  /** Per-field types, enumerations, ranges and blanks, as zod checks them on the parsed row. */
  schema: z.ZodType<TypedRow>;
  /** `sourceKey` and `complete` in SQL (on the row's final values), for the set-based path. */
  sql?: { sourceKey: (v: SqlValue) => string; complete?: Record<string, (v: SqlValue) => string> };
}

function fieldSchema(field: FieldSpec): z.ZodType {
  const min = field.min ?? 0;
  let schema: z.ZodType;
  switch (field.kind) {
    case "int":
      schema = z.number().int().min(min);
      break;
    case "year":
      schema = z.number().int().min(1990).max(2100);
      break;
    case "amount":
    case "rate":
      schema = z.number().min(min);
      break;
    case "bool":
      schema = z.boolean();
      break;
    case "enum":
      schema = z.enum(field.values as [string, ...string[]]);
      break;
    case "list":
      schema = z.array(z.enum(field.values as [string, ...string[]]));
      break;
    case "code": {
      const lengths = (field.codeLengths ?? [12]).map((n) => `\\d{${n}}`).join("|");
      schema = z.string().regex(new RegExp(`^(${lengths})$`));
      break;
    }
    case "period":
      schema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
      break;
    default:
      schema = z.string();
  }
  return (field.notNull ?? field.required) ? schema : schema.nullable();
}

export function defineContract(spec: Omit<Contract, "schema">): Contract {
  const shape: Record<string, z.ZodType> = {};
  for (const field of spec.fields) shape[field.key] = fieldSchema(field);
  return { ...spec, schema: z.object(shape) as unknown as z.ZodType<TypedRow> };
}

/** A 12-, 9- or 6-digit code exists in the villages reference (village, town or county level). */
export function areaKnown(code: string, ctx: RowContext): boolean {
  if (code.length === 12) return ctx.villages!.has(code);
  if (code.length === 9) return ctx.towns!.has(code);
  if (code.length === 6) return ctx.counties!.has(code);
  return false;
}

/** The village-code rule, shared by every extract with a 区划代码; skipped without a villages file. */
export function villageRule(column = "area_code"): CrossRule {
  return {
    sql: {
      broken: (v, ctx) => ctx.villagesLoaded
        ? `(${v(column)} is not null and not coalesce(case length(${v(column)}) when 12 then ${v(column)} in (select area_code from stg_villages) ` +
          `when 9 then ${v(column)} in (select town_code from stg_villages) when 6 then ${v(column)} in (select county_code from stg_villages) else false end, false))`
        : "false",
      message: (v) => `'区划代码 ' || ${v(column)} || ' 不在村级参考表中，请核对代码或先补充村级参考'`,
    },
    code: "village_unknown",
    column,
    uses: [column],
    // An area code not in the reference: the row cannot be placed in any town or village (DOMAIN §11).
    severity: "reject",
    check(row, ctx) {
      const code = row[column] as string | null;
      if (code === null || ctx.villages === null || areaKnown(code, ctx)) return null;
      return `区划代码 ${code} 不在村级参考表中，请核对代码或先补充村级参考`;
    },
  };
}

/**
 * A rule that one date does not come before another (`strict`: comes after it). Either date blank: the rule
 * has nothing to compare and passes. Dates are ISO `YYYY-MM-DD` strings here, so text order is date order.
 * Dates out of order are a warning (DOMAIN §11): the row is kept, and `action` says whether the reported date
 * (`report`: the later one by default) is kept or nulled; each rule says why at its definition.
 */
export function dateOrderRule(
  code: RuleCode,
  later: { key: string; label: string },
  earlier: { key: string; label: string },
  { strict = false, action = "keep" as WarnAction, report = "later" as "later" | "earlier" } = {},
): CrossRule {
  return {
    code,
    column: report === "later" ? later.key : earlier.key,
    uses: [later.key, earlier.key],
    severity: "warn",
    action,
    sql: {
      // ISO dates as text: text order is date order, as in check().
      broken: (v) => `(${v(later.key)} is not null and ${v(earlier.key)} is not null and not (${v(later.key)} ${strict ? ">" : ">="} ${v(earlier.key)}))`,
      message: (v) => `'${later.label} ' || ${v(later.key)} || ' ${strict ? "不晚于" : "早于"}${earlier.label} ' || ${v(earlier.key)} || '，请核对'`,
    },
    check(row) {
      const a = row[later.key] as string | null;
      const b = row[earlier.key] as string | null;
      if (a === null || a === undefined || b === null || b === undefined || (strict ? a > b : a >= b)) return null;
      return `${later.label} ${a} ${strict ? "不晚于" : "早于"}${earlier.label} ${b}，请核对`;
    },
  };
}

/**
 * A rule that one number is not greater than another (e.g. 劳动力人数 ≤ 家庭人口数); a blank passes. A warning
 * (DOMAIN §11): `action` says whether the smaller-should-be field is kept or nulled.
 */
export function notAboveRule(
  code: RuleCode,
  smaller: { key: string; label: string },
  larger: { key: string; label: string },
  { unit = "", hint = "", action = "keep" as WarnAction } = {},
): CrossRule {
  return {
    code,
    column: smaller.key,
    uses: [smaller.key, larger.key],
    severity: "warn",
    action,
    sql: {
      broken: (v) => `(${v(smaller.key)} is not null and ${v(larger.key)} is not null and ${v(smaller.key)} > ${v(larger.key)})`,
      message: (v) => `'${smaller.label} ' || dx_jsnum(${v(smaller.key)}) || '${unit || " "}大于${larger.label} ' || dx_jsnum(${v(larger.key)}) || '${unit}，请核对${hint}'`,
    },
    check(row) {
      const a = row[smaller.key] as number | null;
      const b = row[larger.key] as number | null;
      if (a === null || a === undefined || b === null || b === undefined || a <= b) return null;
      return `${smaller.label} ${a}${unit || " "}大于${larger.label} ${b}${unit}，请核对${hint}`;
    },
  };
}

