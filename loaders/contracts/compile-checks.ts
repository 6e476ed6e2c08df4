// Per-field predicates compiled once from a contract's zod schema, so the loader need not run zod's
// object parser on every row. The zod definitions stay the single source of the rules: each predicate is
// read off the field's zod definition (nullable, number, int, min/max, boolean, enum, array, string,
// regex), and any definition this compiler does not know falls back to that field's own zod schema. A
// predicate says only "zod accepts this value"; a row that fails one goes through zod for its issues.
import type { z } from "zod";
import type { Contract } from "./contract.ts";

export type FieldCheck = (value: unknown) => boolean;

/** The parts of zod's internal definitions read here (zod 4 `_zod.def`). */
interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  format?: string;
  value?: number;
  inclusive?: boolean;
  pattern?: RegExp;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The zod schema itself as a predicate: always right, just slower. */
function viaZod(schema: z.ZodType): FieldCheck {
  return (value) => schema.safeParse(value).success;
}

/** One zod check on an already type-checked value, or null when it is not one this compiler knows. */
function compileCheck(def: CheckDef, base: "number" | "string"): FieldCheck | null {
  if (base === "number") {
    if (def.check === "number_format" && def.format === "safeint") return (v) => Number.isSafeInteger(v);
    if (def.check === "greater_than" && typeof def.value === "number") {
      const min = def.value;
      return def.inclusive ? (v) => (v as number) >= min : (v) => (v as number) > min;
    }
    if (def.check === "less_than" && typeof def.value === "number") {
      const max = def.value;
      return def.inclusive ? (v) => (v as number) <= max : (v) => (v as number) < max;
    }
    return null;
  }
  if (def.check === "string_format" && def.format === "regex" && def.pattern instanceof RegExp) {
    // A fresh copy: zod resets lastIndex before testing; a non-global, non-sticky copy never needs it.
    const pattern = new RegExp(def.pattern.source, def.pattern.flags.replace(/[gy]/g, ""));
    return (v) => pattern.test(v as string);
  }
  return null;
}

/** All of a scalar's checks in a row, or null when one is unknown. */
function compileChecks(def: Def, base: "number" | "string"): FieldCheck[] | null {
  const out: FieldCheck[] = [];
  for (const check of def.checks ?? []) {
    const compiled = compileCheck(check._zod.def, base);
    if (compiled === null) return null;
    out.push(compiled);
  }
  return out;
}

function allOf(typeCheck: FieldCheck, checks: FieldCheck[]): FieldCheck {
  if (checks.length === 0) return typeCheck;
  if (checks.length === 1) {
    const [a] = checks;
    return (v) => typeCheck(v) && a(v);
  }
  if (checks.length === 2) {
    const [a, b] = checks;
    return (v) => typeCheck(v) && a(v) && b(v);
  }
  return (v) => {
    if (!typeCheck(v)) return false;
    for (let i = 0; i < checks.length; i++) if (!checks[i](v)) return false;
    return true;
  };
}

/** A predicate equivalent to `schema.safeParse(value).success`. */
export function compileFieldCheck(schema: z.ZodType): FieldCheck {
  const def = defOf(schema);
  switch (def.type) {
    case "nullable": {
      const inner = compileFieldCheck(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case "number": {
      const checks = compileChecks(def, "number");
      // zod's number refuses NaN and ±Infinity before any check.
      return checks === null ? viaZod(schema) : allOf((v) => typeof v === "number" && Number.isFinite(v), checks);
    }
    case "string": {
      const checks = compileChecks(def, "string");
      return checks === null ? viaZod(schema) : allOf((v) => typeof v === "string", checks);
    }
    case "boolean":
      return def.checks?.length ? viaZod(schema) : (v) => typeof v === "boolean";
    case "enum": {
      if (def.checks?.length || !def.entries) return viaZod(schema);
      const values = new Set<unknown>(Object.values(def.entries));
      return (v) => values.has(v);
    }
    case "array": {
      if (def.checks?.length) return viaZod(schema);
      const element = compileFieldCheck(def.element!);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    default:
      return viaZod(schema);
  }
}

const cache = new WeakMap<Contract, FieldCheck[] | null>();

/**
 * One predicate per contract field, in field order; a row whose values all pass is exactly a row the
 * contract's zod object accepts. Null when the object schema has more than its fields (object-level
 * refinements, a catch-all), which only zod itself can judge: the caller then runs zod on every row.
 */
export function compileContractChecks(contract: Contract): FieldCheck[] | null {
  if (cache.has(contract)) return cache.get(contract)!;
  const object = contract.schema as unknown as { _zod: { def: Def & { shape?: Record<string, z.ZodType>; catchall?: unknown } } };
  const def = object._zod.def;
  let checks: FieldCheck[] | null = null;
  if (def.type === "object" && !def.checks?.length && def.catchall === undefined && def.shape) {
    const shape = def.shape;
    const keys = Object.keys(shape);
    if (keys.length === contract.fields.length && contract.fields.every((f) => f.key in shape)) {
      checks = contract.fields.map((field) => compileFieldCheck(shape[field.key]));
    }
  }
  cache.set(contract, checks);
  return checks;
}
