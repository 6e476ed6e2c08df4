import type { Contract, RowContext, TypedRow } from "../contracts/contract.ts";
import { ENUM_ALIASES } from "../contracts/enums.ts";
import type { FieldSpec } from "../contracts/field.ts";
import type { RowIssue, RuleCode } from "../contracts/rules.ts";
import type { MappedColumn } from "../read/match-header.ts";
import {
  INVALID, cellText, parseBoolean, parseDate, parseInteger, parseList, parseNumber, parsePeriod, toHalfWidth, type Cell,
} from "../read/parse-values.ts";

/** How a file's columns map to a contract, fixed once per file. */
export interface RowPlan {
  contract: Contract;
  /** One entry per contract field, in field order; column null when the file lacks it. */
  slots: { field: FieldSpec; column: MappedColumn | null }[];
  /** Period from the file name, used where 数据期 is absent or blank. */
  filePeriod: string | null;
  /** Makes a row with every field key set to null, as an object literal so all rows share one fast shape. */
  newRow: () => TypedRow;
}

export function makePlan(contract: Contract, columns: MappedColumn[], filePeriod: string | null): RowPlan {
  const byKey = new Map(columns.map((c) => [c.field.key, c]));
  const literal = contract.fields.map((field) => `${JSON.stringify(field.key)}: null`).join(", ");
  const newRow = new Function(`return () => ({ ${literal} });`)() as () => TypedRow;
  return { contract, slots: contract.fields.map((field) => ({ field, column: byKey.get(field.key) ?? null })), filePeriod, newRow };
}

/** A rejected row's broken rule, with the raw value as the file holds it. */
export interface RowDefect extends RowIssue {
  value: string;
  fieldKey: string;
}

export interface RowResult {
  row: TypedRow;
  defects: RowDefect[];
}

function enumValue(field: FieldSpec, text: string): string {
  const compact = toHalfWidth(text).replace(/\s/g, "");
  return ENUM_ALIASES[field.key]?.[compact] ?? compact;
}

const PARSE_RULES: Partial<Record<FieldSpec["kind"], RuleCode>> = {
  int: "invalid_integer",
  year: "invalid_integer",
  amount: "invalid_number",
  rate: "invalid_number",
  date: "invalid_date",
  bool: "invalid_boolean",
  period: "invalid_period",
};

const PARSE_HINTS: Partial<Record<RuleCode, string>> = {
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
 */
export function validateRow(plan: RowPlan, cells: readonly Cell[], ctx: RowContext): RowResult {
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
      defects.push({ rule, column: headerText(plan, field.key), fieldKey: field.key, value: rawValue(plan, cells, field.key), message: `「${headerText(plan, field.key)}」${PARSE_HINTS[rule]}` });
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
      defects.push({ rule, column: headerText(plan, key), fieldKey: key, value: rawValue(plan, cells, key), message });
      markBad(key);
    }
  }
  for (const rule of plan.contract.rules) {
    if (bad !== NO_KEYS && rule.uses.some((key) => bad.has(key))) continue;
    const message = rule.check(row, ctx);
    if (message !== null) defects.push({ rule: rule.code, column: headerText(plan, rule.column), fieldKey: rule.column, value: rawValue(plan, cells, rule.column), message });
  }
  return { row, defects };
}
