import { describe, expect, it } from "vitest";
import { checkIdNumber, gb11643CheckDigit } from "../../loaders/contracts/gb11643.ts";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check as the regular expressions wrote it, for reference. */
function reference(id: string): "ok" | "format" | "checksum" {
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  return "10X98765432"[sum % 11] === id[17] ? "ok" : "checksum";
}

describe("checkIdNumber without regular expressions", () => {
  it("agrees with the regular-expression check, also when the same number is asked twice in a row", () => {
    const base = "11010519491231002";
    const ids = ["", "X", `${base}X`, `${base}x`, `${base}1`, `${base}0`, `${base}XX`, base, `${base}X `, `a${base.slice(1)}X`, `１${base.slice(1)}X`];
    for (let last = 0; last <= 10; last++) ids.push(base + "0123456789X"[last]);
    for (let i = 0; i < 200; i++) ids.push(String(100000000000000000n + BigInt(i) * 7919n));
    for (const id of ids) {
      expect([id, checkIdNumber(id)]).toEqual([id, reference(id)]);
      expect([id, checkIdNumber(id)]).toEqual([id, reference(id)]);
    }
    expect(ids.filter((id) => reference(id) === "ok").length).toBeGreaterThan(10);
  });
  it("refuses to compute a check digit for anything but 17 digits", () => {
    expect(gb11643CheckDigit("11010519491231002")).toBe("X");
    expect(() => gb11643CheckDigit("1101051949123100")).toThrow();
    expect(() => gb11643CheckDigit("1101051949123100a")).toThrow();
  });
});
