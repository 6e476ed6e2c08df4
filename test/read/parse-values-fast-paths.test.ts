import { describe, expect, it } from "vitest";
import { INVALID, parseDate, parseNumber, parsePeriod } from "../../loaders/read/parse-values.ts";

// The fast paths of the value parsers must give what the regular-expression paths gave. These are those
// paths as they were, kept here as the reference.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
function referenceDay(y: number, m: number, d: number): string | typeof INVALID {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return INVALID;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` : INVALID;
}

const NUMBER_TEXTS = [
  "0", "-0", "00", "007", "1", "-1", "12", "123456789012345", "1234567890123456", "99999999999999999999", "-123456789012345",
  "1.5", "-1.5", "0.25", "1.", ".5", "-", "--1", "1-", "1.2.3", "1e5", "+1", " 1", "1 ", "１２", "1,234", "", "abc", "3.45%",
  "9007199254740993", "1".repeat(400), "12.000", "-0.0",
];

describe("parser fast paths against the regular-expression paths", () => {
  it("parseNumber reads plain numbers exactly as Number does", () => {
    for (const text of NUMBER_TEXTS) {
      const got = parseNumber(text);
      if (PLAIN_NUMBER.test(text)) expect([text, got]).toEqual([text, Number(text)]);
    }
    expect(Object.is(parseNumber("-0"), -0)).toBe(true);
    // Texts that are not plain still take the long way (half-width, separators, signs, units).
    expect(["1.", ".5", "+1", " 1", "１２", "1,234", "3.45%", "1e5", "--1", "-", ""].map(parseNumber)).toEqual([1, 0.5, 1, 1, 12, 1234, 3.45, INVALID, INVALID, null, null]);
  });
  it("parseDate and parsePeriod agree with the old day check on every day of 1899–2101 edges", () => {
    const texts: string[] = [];
    for (const y of [1899, 1900, 1999, 2000, 2023, 2024, 2100, 2101]) {
      for (let m = 0; m <= 13; m++) {
        for (const d of [0, 1, 28, 29, 30, 31, 32]) texts.push(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
        texts.push(`${y}-${String(m).padStart(2, "0")}`);
      }
    }
    texts.push("2024-1a-01", "2024-01-0a", "20a4-01-01", "2024/01/01", "2024-01", "0999-01-01", "2024-1-01x");
    for (const text of texts) {
      const day = ISO_DAY.exec(text);
      if (day) expect([text, parseDate(text)]).toEqual([text, referenceDay(Number(day[1]), Number(day[2]), Number(day[3]))]);
      const month = ISO_MONTH.exec(text);
      if (month) {
        const ref = referenceDay(Number(month[1]), Number(month[2]), 1);
        expect([text, parsePeriod(text)]).toEqual([text, ref === INVALID ? INVALID : ref.slice(0, 7)]);
      }
    }
    expect(texts.length).toBeGreaterThan(800);
  });
});
