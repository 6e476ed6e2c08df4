// One text in, the personal values found in it out — each with its masked form and a masked snippet of
// the text around it, so the report that says "this leaked" does not leak it again.
import { findIdNumbers, type TextHit } from "./find-id-numbers.ts";
import { maskId, maskName, maskPhone } from "./mask.ts";
import { findNames, findPhones, findRosterIds, type PersonalIndex } from "./personal-index.ts";

export type PrivacyKind = "id" | "phone" | "name";

export interface TextFinding {
  kind: PrivacyKind;
  /** The value in clear: kept in memory only, never printed. */
  value: string;
  masked: string;
  context: string;
  start: number;
}

const CONTEXT_CHARS = 30;

export function maskOf(kind: PrivacyKind, value: string): string {
  if (kind === "id") return maskId(value);
  if (kind === "phone") return maskPhone(value);
  return maskName(value);
}

function hitsOf(text: string, index: PersonalIndex): { kind: PrivacyKind; hit: TextHit }[] {
  // A roster ID with a valid check digit is found by both searches: keep one hit per position.
  const ids = [...new Map([...findIdNumbers(text), ...findRosterIds(text, index)].map((hit) => [hit.start, hit])).values()];
  return [
    ...ids.map((hit) => ({ kind: "id" as const, hit })),
    ...findPhones(text, index).map((hit) => ({ kind: "phone" as const, hit })),
    ...findNames(text, index).map((hit) => ({ kind: "name" as const, hit })),
  ];
}

/**
 * Masks every personal value in a snippet. Digits cut at the snippet's edge no longer match a whole ID or
 * phone, so any remaining run of 7+ digits is starred too: a snippet only needs to say where, not what.
 */
export function redact(text: string, index: PersonalIndex): string {
  const hits = hitsOf(text, index).sort((a, b) => b.hit.start - a.hit.start);
  let out = text;
  let limit = Infinity;
  for (const { kind, hit } of hits) {
    if (hit.end > limit) continue; // overlaps a replacement already made
    out = out.slice(0, hit.start) + maskOf(kind, hit.value) + out.slice(hit.end);
    limit = hit.start;
  }
  return out.replace(/[0-9]{7,}[0-9Xx]?/g, (run) => `${run.slice(0, 3)}${"*".repeat(run.length - 3)}`);
}

export function scanText(text: string, index: PersonalIndex): TextFinding[] {
  return hitsOf(text, index).map(({ kind, hit }) => {
    const before = text.slice(Math.max(0, hit.start - CONTEXT_CHARS), hit.start);
    const after = text.slice(hit.end, hit.end + CONTEXT_CHARS);
    const masked = maskOf(kind, hit.value);
    const context = `${redact(before, index)}${masked}${redact(after, index)}`.replace(/\s+/g, " ");
    return { kind, value: hit.value, masked, context, start: hit.start };
  });
}
