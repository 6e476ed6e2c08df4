import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileContractChecks, compileFieldCheck } from "../../loaders/contracts/compile-checks.ts";
import { CONTRACTS } from "../../loaders/contracts/index.ts";

/** Values of every type and edge a parsed cell can take (and some it cannot), for each field. */
function probes(values: readonly string[] = []): unknown[] {
  const scalars: unknown[] = [
    null, undefined, true, false, 0, -0, 1, -1, 1.5, -0.5, 7, 1989, 1990, 2100, 2101, 1e6,
    Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -Number.MAX_SAFE_INTEGER - 2, NaN, Infinity, -Infinity,
    "", " ", "x", "0", "1", "12", "2024-01", "2024-1", "2024-13", "2024-00", "202401", "53", "5301", "530101", "530101001",
    "530101001001", "53010100100", "5301010010011", "５３０１０１", "530101001001\n", "11010519491231002X", "是", {}, [],
  ];
  const enums = values.flatMap((v) => [v, ` ${v}`, `${v}x`, [v], [v, v], [v, "x"], ["x"]]);
  return [...scalars, ...enums, [null], [1], ["a", 2]];
}

describe("compileFieldCheck", () => {
  it("agrees with zod on every field of every contract", () => {
    for (const contract of CONTRACTS) {
      const shape = (contract.schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      for (const field of contract.fields) {
        const check = compileFieldCheck(shape[field.key]);
        for (const value of probes(field.values)) {
          expect([contract.extract, field.key, value, check(value)]).toEqual([contract.extract, field.key, value, shape[field.key].safeParse(value).success]);
        }
      }
    }
  });
  it("falls back to zod for definitions it does not compile", () => {
    const email = compileFieldCheck(z.string().email().nullable());
    expect([email("a@b.cn"), email("ab"), email(null)]).toEqual([true, false, true]);
    const even = compileFieldCheck(z.number().multipleOf(2));
    expect([even(4), even(3)]).toEqual([true, false]);
    const refined = compileFieldCheck(z.string().refine((s) => s.startsWith("H")));
    expect([refined("H1"), refined("G1")]).toEqual([true, false]);
  });
  it("keeps exclusive bounds exclusive", () => {
    const check = compileFieldCheck(z.number().gt(0).lt(10));
    expect([0, 0.1, 9.9, 10].map(check)).toEqual([false, true, true, false]);
  });
});

describe("compileContractChecks", () => {
  it("compiles one check per field for every contract", () => {
    for (const contract of CONTRACTS) expect(compileContractChecks(contract)?.length).toBe(contract.fields.length);
  });
  it("gives up (zod on every row) when the object has its own refinement", () => {
    const base = CONTRACTS[0];
    const refined = { ...base, schema: (base.schema as unknown as z.ZodObject).refine(() => false) as unknown as typeof base.schema };
    expect(compileContractChecks(refined)).toBeNull();
  });
});
