// GB 11643-1999 citizen ID numbers: 17 digits plus an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** Sum of the 17 weighted digits, or -1 when id[0, 17) is not 17 ASCII digits. */
function weightedSum(id: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = id.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    sum += d * WEIGHTS[i];
  }
  return sum;
}

/** The check character ('0'–'9' or 'X') for the first 17 digits. */
export function gb11643CheckDigit(first17: string): string {
  const sum = first17.length === 17 ? weightedSum(first17) : -1;
  if (sum < 0) throw new Error(`需要17位数字，得到 ${first17.length} 位`);
  return CHECK[sum % 11];
}

// The two ID rules ask about the same number one after the other: remember the last answer.
let lastId = "";
let lastVerdict: "ok" | "format" | "checksum" = "format";

/** 'ok', or why the number is not a valid 18-character GB 11643 ID. */
export function checkIdNumber(id: string): "ok" | "format" | "checksum" {
  if (id === lastId) return lastVerdict;
  // /^\d{17}[\dX]$/ and the MOD 11-2 check in one pass.
  let verdict: "ok" | "format" | "checksum" = "format";
  const sum = id.length === 18 ? weightedSum(id) : -1;
  const last = id.charCodeAt(17);
  if (sum >= 0 && ((last >= 48 && last <= 57) || last === 88)) verdict = CHECK.charCodeAt(sum % 11) === last ? "ok" : "checksum";
  lastId = id;
  lastVerdict = verdict;
  return verdict;
}
