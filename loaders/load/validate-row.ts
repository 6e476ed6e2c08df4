import { compileContractChecks, type FieldCheck } from "../contracts/compile-checks.ts";
import type { Contract, CrossRule, RowContext, Severity, TypedRow, WarnAction } from "../contracts/contract.ts";
import { ENUM_ALIASES } from "../contracts/enums.ts";
import type { FieldSpec } from "../contracts/field.ts";
import type { RowIssue, RuleCode } from "../contracts/rules.ts";
import type { MappedColumn } from "../read/match-header.ts";
import {
  INVALID, cellText, parseBoolean, parseDate, parseInteger, parseList, parseNumber, parsePeriod, toHalfWidth, type Cell,
} from "../read/parse-values.ts";

/** Parses one cell of one field: the typed value, null for blank, or INVALID. */
type SlotParser = (cell: Cell) => unknown;

/** How a file's columns map to a contract, fixed once per file. */
export interface RowPlan {
  contract: Contract;
  /** One entry per contract field, in field order; column null when the file lacks it. */
  slots: { field: FieldSpec; column: MappedColumn | null }[];
  /** Period from the file name, used where 数据期 is absent or blank. */
  filePeriod: string | null;
  /** Makes a row with every field key set to null, as an object literal so all rows share one fast shape. */
  newRow: () => TypedRow;
  /** Per field: the cell index in the file's rows, or -1 when the file lacks the column. */
  indexes: Int32Array;
  /** Per field: the parser for its kind and unit, chosen once instead of per cell. */
  parsers: SlotParser[];
  /** Per field: zod's verdict on the parsed value, compiled from the contract's schema (null: run zod per row). */
  checks: FieldCheck[] | null;
  /** Index of the period field, or -1. */
  periodSlot: number;
  /** Builds the row from its values in field order, as one object literal (one shape for every row). */
  build: (values: unknown[]) => TypedRow;
  /** Scratch array for a row's values, reused from row to row. */
  values: unknown[];
}

export function makePlan(contract: Contract, columns: MappedColumn[], filePeriod: string | null): RowPlan {
  const byKey = new Map(columns.map((c) => [c.field.key, c]));
  const literal = contract.fields.map((field) => `${JSON.stringify(field.key)}: null`).join(", ");
  const newRow = new Function(`return () => ({ ${literal} });`)() as () => TypedRow;
  const fromValues = contract.fields.map((field, i) => `${JSON.stringify(field.key)}: v[${i}]`).join(", ");
  const build = new Function(`return (v) => ({ ${fromValues} });`)() as (values: unknown[]) => TypedRow;
  const slots = contract.fields.map((field) => ({ field, column: byKey.get(field.key) ?? null }));
  let checks = compileContractChecks(contract);
  // A field the file lacks stays null: if zod refuses null there, every row needs zod's own verdict.
  if (checks !== null && slots.some((s, i) => s.column === null && s.field.kind !== "period" && !checks![i](null))) checks = null;
  return {
    contract, slots, filePeriod, newRow, build, checks,
    indexes: Int32Array.from(slots, (s) => s.column?.index ?? -1),
    parsers: slots.map((s) => slotParser(s.field, s.column?.factor ?? 1)),
    periodSlot: contract.fields.findIndex((f) => f.kind === "period"),
    values: new Array<unknown>(slots.length).fill(null),
  };
}

/** A row's broken rule, with the raw value as the file holds it. */
export interface RowDefect extends RowIssue {
  value: string;
  fieldKey: string;
  /** `reject`: the row cannot be used; `warn`: the row is kept, with `action` applied to `fieldKey`. */
  severity: Severity;
  /** For warnings, what was done to the field: kept as written or nulled; null for rejections. */
  action: WarnAction | null;
}

export interface RowResult {
  row: TypedRow;
  defects: RowDefect[];
  /** Whether a defect rejects the row; false when it has none or only warnings. */
  rejected: boolean;
}

/**
 * A value that cannot be used in its column (unparseable, not on the list, out of range, a blank where one
 * is not allowed): the row is rejected when the column is required or must not be blank (DOMAIN §11), else
 * it is kept with the value nulled and a warning.
 */
export function fieldSeverity(field: FieldSpec): Severity {
  return field.required === true || field.notNull === true ? "reject" : "warn";
}

function ruleAction(rule: CrossRule, row: TypedRow): WarnAction | null {
  if (rule.severity === "reject") return null;
  const action = rule.action ?? "keep";
  return typeof action === "function" ? action(row) : action;
}

/** Applies the warnings' `null` actions once every rule has seen the row as written; says whether it is rejected. */
function settle(row: TypedRow, defects: RowDefect[]): boolean {
  let rejected = false;
  for (let i = 0; i < defects.length; i++) {
    const d = defects[i];
    if (d.severity === "reject") rejected = true;
    else if (d.action === "null") row[d.fieldKey] = null;
  }
  return rejected;
}

function enumValue(field: FieldSpec, text: string): string {
  const compact = toHalfWidth(text).replace(/\s/g, "");
  return ENUM_ALIASES[field.key]?.[compact] ?? compact;
}

/** The rule a value of each kind breaks when it cannot be parsed, and its hint: shared with the set-based path (validate-table.ts). */
export const PARSE_RULES: Partial<Record<FieldSpec["kind"], RuleCode>> = {
  int: "invalid_integer",
  year: "invalid_integer",
  amount: "invalid_number",
  rate: "invalid_number",
  date: "invalid_date",
  bool: "invalid_boolean",
  period: "invalid_period",
};

export const PARSE_HINTS: Partial<Record<RuleCode, string>> = {
  invalid_integer: "应为整数",
  invalid_number: "应为数字（可带千分位逗号）",
  invalid_date: "不是可识别的日期，请写成 2024-01-31、2024/1/31、2024年1月31日 或 20240131",
  invalid_boolean: "应填 是 或 否",
  invalid_period: "应写成 2024-01 这样的年月",
};

/** Cell → typed value for one field, or INVALID. */
function parseCell(field: FieldSpec, cell: Cell, factor: number): unknown {
  switch (field.kind) {
    case "int":
      return parseInteger(cell);
    case "year": {
      const text = typeof cell === "string" ? cell.replace(/年$/, "") : cell;
      return parseInteger(text);
    }
    case "amount": {
      const v = parseNumber(cell);
      return typeof v === "number" && factor !== 1 ? Math.round(v * factor * 1e6) / 1e6 : v;
    }
    case "rate":
      return parseNumber(cell);
    case "date":
      return parseDate(cell);
    case "bool":
      return parseBoolean(cell);
    case "period":
      return parsePeriod(cell);
    case "enum": {
      const text = cellText(cell);
      return text === null ? null : enumValue(field, text);
    }
    case "list": {
      const items = parseList(cell);
      return items === null ? null : items.map((item) => enumValue(field, item));
    }
    case "code": {
      const text = cellText(cell);
      return text === null ? null : toHalfWidth(text).replace(/\s/g, "");
    }
    case "id": {
      const text = cellText(cell);
      return text === null ? null : toHalfWidth(text).replace(/\s/g, "").toUpperCase();
    }
    default:
      return cellText(cell);
  }
}

/**
 * Texts that are already compact (no spaces, no full-width forms) and name an allowed value or an alias,
 * mapped to what enumValue gives for them; any other text goes through enumValue itself.
 */
function enumLookup(field: FieldSpec): Map<string, string> {
  const aliases = ENUM_ALIASES[field.key] ?? {};
  const out = new Map<string, string>();
  for (const text of [...(field.values ?? []), ...Object.keys(aliases)]) {
    if (toHalfWidth(text).replace(/\s/g, "") === text) out.set(text, enumValue(field, text));
  }
  return out;
}

/** Every character an ASCII digit, or (for IDs) an upper-case X: then the text is its own normal form. */
function isDigits(text: string, allowX: boolean): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && !(allowX && c === 88)) return false;
  }
  return true;
}

/**
 * The parser parseCell would run for this field, chosen once per file. The fast paths return exactly
 * what parseCell returns for the same cell; anything else goes to parseCell.
 */
function slotParser(field: FieldSpec, factor: number): SlotParser {
  switch (field.kind) {
    case "int":
      return parseInteger;
    case "amount":
      return factor === 1 ? parseNumber : (cell) => parseCell(field, cell, factor);
    case "rate":
      return parseNumber;
    case "date":
      return parseDate;
    case "bool":
      return parseBoolean;
    case "period":
      return parsePeriod;
    case "enum": {
      const known = enumLookup(field);
      return (cell) => {
        const text = cellText(cell);
        return text === null ? null : (known.get(text) ?? enumValue(field, text));
      };
    }
    case "list": {
      const known = enumLookup(field);
      return (cell) => {
        const items = parseList(cell);
        if (items === null) return null;
        for (let i = 0; i < items.length; i++) items[i] = known.get(items[i]) ?? enumValue(field, items[i]);
        return items;
      };
    }
    case "code":
    case "id": {
      const allowX = field.kind === "id";
      return (cell) => (typeof cell === "string" && isDigits(cell, allowX) ? cell : parseCell(field, cell, factor));
    }
    case "text":
      return cellText;
    default:
      return (cell) => parseCell(field, cell, factor);
  }
}

function zodRule(field: FieldSpec, code: string): { rule: RuleCode; hint: string } {
  if (code === "invalid_type") return { rule: "required", hint: "不能为空，请补填" };
  if (code === "invalid_value") return { rule: "invalid_enum", hint: `取值应为：${field.values?.join("、")}` };
  if (code === "too_small" || code === "too_big") {
    return { rule: "out_of_range", hint: field.kind === "year" ? "年度应在 1990–2100 之间" : `不能小于 ${field.min ?? 0}` };
  }
  if (field.kind === "period") return { rule: "invalid_period", hint: PARSE_HINTS.invalid_period! };
  return { rule: "invalid_code", hint: `应为 ${(field.codeLengths ?? [12]).join(" 或 ")} 位数字代码` };
}

const NO_KEYS: Set<string> = new Set();

/** The cell as the file holds it, for the report. */
function rawValue(plan: RowPlan, cells: readonly Cell[], key: string): string {
  const slot = plan.slots.find((s) => s.field.key === key);
  const cell = slot?.column ? cells[slot.column.index] : null;
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : (cellText(cell) ?? "");
}

/** The header as the file writes it, else the canonical one. */
function headerText(plan: RowPlan, key: string): string {
  const slot = plan.slots.find((s) => s.field.key === key)!;
  return slot.column?.header ?? slot.field.header;
}

/**
 * Parses one source row against the plan and checks it: value parsing, then the zod schema (types,
 * enumerations, ranges, blanks), then the contract's cross-field rules on fields that passed.
 *
 * Fast path: each value is parsed by its slot's parser and judged by the predicates compiled from the
 * zod schema; when every value parses and passes, zod would find no issue, so only the cross-field rules
 * remain. Any other row goes through the full path below (zod on the whole row), which reports it.
 */
export function validateRow(plan: RowPlan, cells: readonly Cell[], ctx: RowContext): RowResult {
  const checks = plan.checks;
  if (checks === null) return validateRowFully(plan, cells, ctx);
  const { indexes, parsers, values, periodSlot } = plan;
  for (let i = 0; i < indexes.length; i++) {
    const index = indexes[i];
    let value = index < 0 ? null : parsers[i](cells[index]);
    if (i === periodSlot && value === null) value = plan.filePeriod;
    if (value === INVALID || !checks[i](value)) return validateRowFully(plan, cells, ctx);
    values[i] = value;
  }
  const row = plan.build(values);
  const rules = plan.contract.rules;
  let defects: RowDefect[] | null = null;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const message = rule.check(row, ctx);
    if (message !== null) (defects ??= []).push(crossDefect(plan, cells, rule, row, message));
  }
  if (defects === null) return { row, defects: NO_DEFECTS, rejected: false };
  return { row, defects, rejected: settle(row, defects) };
}

/** Shared by clean rows; never pushed to (a row with a defect gets its own array). */
const NO_DEFECTS: RowDefect[] = [];

function crossDefect(plan: RowPlan, cells: readonly Cell[], rule: CrossRule, row: TypedRow, message: string): RowDefect {
  return {
    rule: rule.code, column: headerText(plan, rule.column), fieldKey: rule.column, value: rawValue(plan, cells, rule.column), message,
    severity: rule.severity, action: ruleAction(rule, row),
  };
}

/** The full path: every parse error, every zod issue, and the cross-field rules on the fields that passed. */
function validateRowFully(plan: RowPlan, cells: readonly Cell[], ctx: RowContext): RowResult {
  const row = plan.newRow();
  const defects: RowDefect[] = [];
  // Most rows are clean: share one empty set and allocate a real one only on the first defect.
  let bad: Set<string> = NO_KEYS;
  const markBad = (key: string) => {
    if (bad === NO_KEYS) bad = new Set<string>();
    bad.add(key);
  };
  for (const { field, column } of plan.slots) {
    if (column === null && field.kind !== "period") continue;
    const cell = column ? cells[column.index] : null;
    let value = parseCell(field, cell, column?.factor ?? 1);
    if (field.kind === "period" && value === null) value = plan.filePeriod;
    if (value === INVALID) {
      const rule = PARSE_RULES[field.kind]!;
      const severity = fieldSeverity(field);
      defects.push({
        rule, column: headerText(plan, field.key), fieldKey: field.key, value: rawValue(plan, cells, field.key), message: `「${headerText(plan, field.key)}」${PARSE_HINTS[rule]}`,
        severity, action: severity === "warn" ? "null" : null,
      });
      markBad(field.key);
      row[field.key] = null;
    } else row[field.key] = value;
  }
  const parsed = plan.contract.schema.safeParse(row);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      if (bad.has(key)) continue;
      const field = plan.slots.find((s) => s.field.key === key)!.field;
      const { rule, hint } = zodRule(field, issue.code);
      // A blank period with no period in the file name: say where the period may come from.
      const message = field.kind === "period" && rule === "required" ? "数据期为空，文件名中也没有年月，请补填 数据期（如 2024-01）" : `「${headerText(plan, key)}」${hint}`;
      const severity = fieldSeverity(field);
      defects.push({ rule, column: headerText(plan, key), fieldKey: key, value: rawValue(plan, cells, key), message, severity, action: severity === "warn" ? "null" : null });
      markBad(key);
    }
  }
  // A field warned about is nulled before the cross-field rules; they skip it (it is in `bad`) all the same.
  for (const d of defects) if (d.severity === "warn") row[d.fieldKey] = null;
  for (const rule of plan.contract.rules) {
    if (bad !== NO_KEYS && rule.uses.some((key) => bad.has(key))) continue;
    const message = rule.check(row, ctx);
    if (message !== null) defects.push(crossDefect(plan, cells, rule, row, message));
  }
  return { row, defects, rejected: settle(row, defects) };
}
