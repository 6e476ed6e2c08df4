// Generation of identifiers that carry check characters. Validation lives in loaders/contracts/; only the
// GB 11643 check-digit function is shared so the two can never disagree.
import { gb11643CheckDigit } from "../contracts/gb11643.ts";
import { dayOf, isoDay } from "./dates.ts";
import type { Rng } from "./prng.ts";

/**
 * An 18-character citizen ID: the county's 6-digit code, birth date, a 3-digit sequence whose last digit is
 * odd for men and even for women, and the GB 11643 check character. `taken` keeps them unique.
 */
export function citizenId(rng: Rng, countyCode: string, birthYear: number, male: boolean, taken: Set<string>): string {
  for (;;) {
    const birth = isoDay(dayOf(birthYear, 1, 1) + rng.int(0, 364)).replaceAll("-", "");
    const seq = rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + (male ? 1 : 0);
    const first17 = countyCode + birth + String(seq).padStart(3, "0");
    const id = first17 + gb11643CheckDigit(first17);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The same ID with a wrong check character — a typo a loader must catch. */
export function breakIdChecksum(id: string): string {
  const good = id[17];
  const wrong = "0123456789X".replace(good, "");
  const index = (id.charCodeAt(16) + id.charCodeAt(15)) % wrong.length;
  return id.slice(0, 17) + wrong[index];
}

const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * An 18-character unified social credit code (GB 32100) for a company (91…) or a farmers' cooperative (93…),
 * with a valid check character, so firm borrowers look like real ledger rows.
 */
export function socialCreditCode(rng: Rng, countyCode: string, kind: "企业" | "合作社"): string {
  let body = (kind === "企业" ? "91" : "93") + countyCode;
  for (let i = 0; i < 9; i++) body += USCC_CHARS[rng.int(0, i < 8 ? 30 : 9)];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(body[i]) * USCC_WEIGHTS[i];
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}
