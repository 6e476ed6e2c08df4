// GB 11643-1999 citizen ID numbers: 17 digits plus an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** The check character ('0'–'9' or 'X') for the first 17 digits. */
export function gb11643CheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`需要17位数字，得到 ${first17.length} 位`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** 'ok', or why the number is not a valid 18-character GB 11643 ID. */
export function checkIdNumber(id: string): "ok" | "format" | "checksum" {
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  return gb11643CheckDigit(id.slice(0, 17)) === id[17] ? "ok" : "checksum";
}
