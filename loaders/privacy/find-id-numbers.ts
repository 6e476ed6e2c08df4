// Finds strings that look like resident ID numbers (GB 11643: 17 digits + a check character) in any text.
// Any 18-character run whose check character is right counts, whether or not it is in the roster: an ID
// that reached dist/ is a leak even if it came from a file we do not know about.
import { gb11643CheckDigit } from "../contracts/gb11643.ts";

export interface TextHit {
  start: number;
  end: number;
  value: string;
}

// Not preceded by a digit (so not the tail of a longer number) and not followed by one; a run that sits
// after "digit." is the fraction of a decimal number, never an ID.
const ID_RUN = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g;

export function isValidIdNumber(value: string): boolean {
  if (!/^[1-9][0-9]{16}[0-9Xx]$/.test(value)) return false;
  return gb11643CheckDigit(value.slice(0, 17)) === value[17].toUpperCase();
}

export function findIdNumbers(text: string): TextHit[] {
  const hits: TextHit[] = [];
  for (const match of text.matchAll(ID_RUN)) {
    const start = match.index;
    if (start >= 2 && text[start - 1] === "." && /[0-9]/.test(text[start - 2])) continue;
    if (isValidIdNumber(match[0])) hits.push({ start, end: start + 18, value: match[0].toUpperCase() });
  }
  return hits;
}
