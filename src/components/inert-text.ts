// Text from the county's files made inert where it is shown or exported: bidirectional controls that
// reorder what is displayed (an RLO turns "名单gpj.exe" into "名单exe.jpg"), and the leading characters
// that make a spreadsheet run a cell as a formula (CSV injection, after OWASP). Pure, for browser and Node.

/** Embedding, override and isolate controls, and the directional marks. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidirectional controls: what pages and downloads show. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** Each bidirectional control written out as ‹U+202E›, for the staff reports that must show what to fix. */
export function visibleBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (ch) => `‹U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}›`);
}

const FORMULA_START = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A text cell that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
 * single quote, so it opens as text; a plain signed number such as "-3" is harmless and stays as it is.
 */
export function inertFormula(text: string): string {
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}
