// The personal values of the input, arranged for a fast scan: one pass over the text with a lookup table
// of first characters, then a Set lookup for each candidate length. Dist can be tens of MB of mostly
// ASCII JavaScript, where no roster name can start, so the scan costs little more than reading the text.
import type { TextHit } from "./find-id-numbers.ts";

export interface PersonalValues {
  /** Household heads' and personal borrowers' names. */
  names: Iterable<string>;
  /** ID numbers as stored (valid or not: an invalid one is still a person's number). */
  ids: Iterable<string>;
  phones: Iterable<string>;
  /**
   * Ordinary text a name may be part of without being a leak: village, town and county names, indicator
   * names. "青山" in "青山镇" is a place, not the head of household 青山.
   */
  benignPhrases: Iterable<string>;
}

export interface PersonalIndex {
  names: Set<string>;
  nameLengths: number[];
  firstChar: Uint8Array;
  /** For each name, the benign phrases that contain it and where. */
  benign: Map<string, { phrase: string; offset: number }[]>;
  ids: Set<string>;
  phones: Set<string>;
}

export const MIN_NAME_LENGTH = 2;

export function digitsOnly(value: string): string {
  return value.replace(/[^0-9]/g, "");
}

export function buildPersonalIndex(values: PersonalValues): PersonalIndex {
  const names = new Set<string>();
  for (const raw of values.names) {
    const name = raw.trim();
    if (name.length >= MIN_NAME_LENGTH) names.add(name);
  }
  const firstChar = new Uint8Array(0x10000);
  const lengths = new Set<number>();
  for (const name of names) {
    firstChar[name.charCodeAt(0)] = 1;
    lengths.add(name.length);
  }
  const benign = new Map<string, { phrase: string; offset: number }[]>();
  const phrases = [...new Set(values.benignPhrases)].filter((p) => p.length > 0);
  for (const phrase of phrases) {
    for (let i = 0; i < phrase.length; i++) {
      if (!firstChar[phrase.charCodeAt(i)]) continue;
      for (const length of lengths) {
        const candidate = phrase.slice(i, i + length);
        if (candidate.length !== length || !names.has(candidate)) continue;
        const list = benign.get(candidate) ?? [];
        list.push({ phrase, offset: i });
        benign.set(candidate, list);
      }
    }
  }
  const ids = new Set<string>();
  for (const raw of values.ids) {
    const id = raw.trim().toUpperCase();
    if (id.length >= 8) ids.add(id);
  }
  const phones = new Set<string>();
  for (const raw of values.phones) {
    const phone = digitsOnly(raw).replace(/^86(?=1\d{10}$)/, "");
    if (phone.length >= 7) phones.add(phone);
  }
  return { names, nameLengths: [...lengths].sort((a, b) => b - a), firstChar, benign, ids, phones };
}

function insideBenignPhrase(text: string, start: number, name: string, index: PersonalIndex): boolean {
  const places = index.benign.get(name);
  if (!places) return false;
  return places.some(({ phrase, offset }) => start - offset >= 0 && text.startsWith(phrase, start - offset));
}

export function findNames(text: string, index: PersonalIndex): TextHit[] {
  const hits: TextHit[] = [];
  if (index.names.size === 0) return hits;
  const { firstChar, names, nameLengths } = index;
  for (let i = 0; i < text.length; i++) {
    if (!firstChar[text.charCodeAt(i)]) continue;
    for (const length of nameLengths) {
      const candidate = text.slice(i, i + length);
      if (candidate.length === length && names.has(candidate) && !insideBenignPhrase(text, i, candidate, index)) {
        hits.push({ start: i, end: i + length, value: candidate });
      }
    }
  }
  return hits;
}

// Runs of digits with optional single spaces or hyphens between groups, as phone numbers are written.
const DIGIT_GROUPS = /(?<![0-9])\+?[0-9]+(?:[- ][0-9]+)*(?![0-9])/g;

export function findPhones(text: string, index: PersonalIndex): TextHit[] {
  const hits: TextHit[] = [];
  if (index.phones.size === 0) return hits;
  for (const match of text.matchAll(DIGIT_GROUPS)) {
    const run = match[0];
    if (digitsOnly(run).length < 7) continue;
    // Any contiguous groups may be the phone: "13812345678 5" or "电话 0851-1234567".
    const groups = [...run.matchAll(/[0-9]+/g)];
    let a = 0;
    while (a < groups.length) {
      let digits = "";
      let matched = -1;
      for (let b = a; b < groups.length && digits.length < 16; b++) {
        digits += groups[b][0];
        const phone = digits.replace(/^86(?=1\d{10}$)/, "");
        if (index.phones.has(phone)) {
          const start = match.index + (groups[a].index ?? 0);
          const end = match.index + (groups[b].index ?? 0) + groups[b][0].length;
          hits.push({ start, end, value: phone });
          matched = b;
          break;
        }
      }
      // Groups inside a found phone cannot start another: "+86 138…" is one phone, not two.
      a = matched >= 0 ? matched + 1 : a + 1;
    }
  }
  return hits;
}

/** Roster IDs written in clear, including ones whose check character is wrong. */
export function findRosterIds(text: string, index: PersonalIndex): TextHit[] {
  const hits: TextHit[] = [];
  if (index.ids.size === 0) return hits;
  for (const match of text.matchAll(/(?<![0-9A-Za-z])[0-9]{6,17}[0-9Xx](?![0-9A-Za-z])/g)) {
    const value = match[0].toUpperCase();
    if (index.ids.has(value)) hits.push({ start: match.index, end: match.index + value.length, value });
  }
  return hits;
}
