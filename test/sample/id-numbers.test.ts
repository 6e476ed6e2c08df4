import { describe, expect, it } from "vitest";
import { checkIdNumber } from "../../loaders/contracts/gb11643.ts";
import { breakIdChecksum, citizenId, socialCreditCode } from "../../loaders/sample/id-numbers.ts";
import { rngFor } from "../../loaders/sample/prng.ts";

// GB 32100 check, written out here so the test does not trust the generator's own table.
function usccValid(code: string): boolean {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(code[i]) * weights[i];
  return chars[(31 - (sum % 31)) % 31] === code[17];
}

describe("citizenId", () => {
  it("writes unique valid IDs with the county code, the birth year and the sex digit", () => {
    const rng = rngFor(1, "ids");
    const taken = new Set<string>();
    let withX = 0;
    for (let i = 0; i < 3000; i++) {
      const male = i % 2 === 0;
      const id = citizenId(rng, "529931", 1970 + (i % 30), male, taken);
      expect(checkIdNumber(id)).toBe("ok");
      expect(id.slice(0, 6)).toBe("529931");
      expect(Number(id.slice(6, 10))).toBe(1970 + (i % 30));
      expect(Number(id[16]) % 2).toBe(male ? 1 : 0);
      if (id.endsWith("X")) withX++;
    }
    expect(taken.size).toBe(3000);
    expect(withX).toBeGreaterThan(0);
  });

  it("breaks only the check character", () => {
    const rng = rngFor(2, "ids");
    for (let i = 0; i < 200; i++) {
      const id = citizenId(rng, "529931", 1980, true, new Set());
      const bad = breakIdChecksum(id);
      expect(bad.slice(0, 17)).toBe(id.slice(0, 17));
      expect(checkIdNumber(bad)).toBe("checksum");
    }
  });
});

describe("socialCreditCode", () => {
  it("accepts real published codes in the test's own check, and generates valid codes", () => {
    expect(usccValid("91110000600037341L")).toBe(true);
    expect(usccValid("91110000600037341M")).toBe(false);
    const rng = rngFor(3, "uscc");
    for (let i = 0; i < 200; i++) {
      const code = socialCreditCode(rng, "529931", i % 2 ? "企业" : "合作社");
      expect(code).toMatch(/^9[13]529931[0-9A-Z]{10}$/);
      expect(usccValid(code)).toBe(true);
    }
  });
});
