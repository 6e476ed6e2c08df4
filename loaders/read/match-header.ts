import { CONTRACTS, type Contract } from "../contracts/index.ts";
import type { FieldSpec } from "../contracts/field.ts";
import { cellText, toHalfWidth, type Cell } from "./parse-values.ts";

const UNIT = /[(（[【]\s*(万元|元|%|％|人|户|天|元\/人|元\/人·年)\s*[)）\]】]$/;

/** '合同金额（万元）' → { name: '合同金额', unit: '万元' }; spaces, '*' marks and full-width forms removed. */
export function normalizeHeader(raw: Cell): { name: string; unit: string | null } {
  const text = cellText(raw);
  if (text === null) return { name: "", unit: null };
  let name = toHalfWidth(text).replace(/^\uFEFF/, "").replace(/[\s*★]/g, "");
  let unit: string | null = null;
  const m = UNIT.exec(name);
  if (m) {
    unit = m[1] === "％" ? "%" : m[1];
    name = name.slice(0, m.index);
  }
  return { name: name.toLowerCase(), unit };
}

const indexes = new Map<Contract, Map<string, FieldSpec>>();

/** Normalized canonical header and aliases → field, per contract. */
function headerIndex(contract: Contract): Map<string, FieldSpec> {
  let index = indexes.get(contract);
  if (!index) {
    index = new Map();
    for (const field of contract.fields) {
      for (const name of [field.header, ...field.aliases]) {
        const key = normalizeHeader(name).name;
        if (!index.has(key)) index.set(key, field);
      }
    }
    indexes.set(contract, index);
  }
  return index;
}

/** One file column that maps to a contract field. */
export interface MappedColumn {
  field: FieldSpec;
  index: number;
  /** The header exactly as the file writes it. */
  header: string;
  /** Multiplier to the staging unit (1e4 for 万元 amounts). */
  factor: number;
}

export interface HeaderMatch {
  contract: Contract;
  columns: MappedColumn[];
  /** Required fields whose column is absent. */
  missing: FieldSpec[];
  /** Alternative column sets of which none is complete (households' income). */
  missingOneOf: FieldSpec[][] | null;
}

function unitFactor(field: FieldSpec, unit: string | null): number {
  if (field.kind !== "amount" || unit === null) return 1;
  const staged = field.unit ?? "yuan";
  if (unit === "万元" && staged === "yuan") return 1e4;
  if (unit === "元" && staged === "10k_yuan") return 1e-4;
  return 1;
}

export function matchContract(contract: Contract, cells: readonly Cell[]): HeaderMatch {
  const index = headerIndex(contract);
  const columns: MappedColumn[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, i) => {
    const { name, unit } = normalizeHeader(cell);
    const field = index.get(name) ?? (unit ? index.get(`${name}(${unit})`) : undefined);
    if (!field || seen.has(field.key)) return;
    seen.add(field.key);
    columns.push({ field, index: i, header: cellText(cell) ?? field.header, factor: unitFactor(field, unit) });
  });
  const missing = contract.fields.filter((field) => field.required && !seen.has(field.key));
  let missingOneOf: FieldSpec[][] | null = null;
  if (contract.requiredOneOf && !contract.requiredOneOf.some((set) => set.every((key) => seen.has(key)))) {
    missingOneOf = contract.requiredOneOf.map((set) => set.map((key) => contract.fields.find((x) => x.key === key)!));
  }
  return { contract, columns, missing, missingOneOf };
}

/** The contract whose headers this row matches best, with at least two matched columns, else null. */
export function identifyHeaderRow(cells: readonly Cell[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (const contract of CONTRACTS) {
    const match = matchContract(contract, cells);
    // More matched columns wins; on a tie, the contract missing fewer required columns.
    if (
      best === null ||
      match.columns.length > best.columns.length ||
      (match.columns.length === best.columns.length && match.missing.length < best.missing.length)
    ) best = match;
  }
  return best !== null && best.columns.length >= 2 ? best : null;
}

/** How a refusal names a column: its canonical header and every alias that would have been accepted. */
export function describeField(field: FieldSpec): string {
  return `「${field.header}」（可接受的列名：${[field.header, ...field.aliases].join("、")}）`;
}
