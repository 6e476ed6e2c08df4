import { describe, expect, it } from "vitest";
import { defineContract } from "../../loaders/contracts/contract.ts";
import { f } from "../../loaders/contracts/field.ts";
import { households } from "../../loaders/contracts/households.ts";
import { StagingLines } from "../../loaders/load/staging-lines.ts";

/** The line as the string path wrote it: String() for numbers and booleans, lists joined by |, RFC 4180 quotes. */
function referenceLine(values: unknown[], sourceRow: number): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return "";
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    const text = Array.isArray(value) ? value.join("|") : (value as string);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return values.map(cell).join(",") + `,${sourceRow}\n`;
}

const contract = defineContract({
  extract: "households", title: "t", table: "t", needsPeriod: false, key: ["a"], sourceKey: () => null, rules: [],
  fields: [
    f("a", "甲", "text", [], { doc: "" }), f("b", "乙", "amount", [], { doc: "" }), f("c", "丙", "bool", [], { doc: "" }),
    f("d", "丁", "list", [], { values: ["x"], doc: "" }), f("e", "戊", "date", [], { doc: "" }), f("g", "己", "int", [], { doc: "" }),
    f("h", "庚", "enum", [], { values: ["x"], doc: "" }),
  ],
});

const TEXTS = ["", "H001", "王某某", "a,b", 'say "hi"', "line\nbreak", "cr\rhere", "é ß", "𠀀 emoji 😀", "lone \ud800 high", "lone \udc00 low", "2024-01-31", "帮扶,消除"];
const NUMBERS = [0, -0, 1, -1, 7, 10, 99, 100, 12345, -98765, 0.5, 3456.78, -0.001, 1e21, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1 / 3, NaN, Infinity];

describe("StagingLines", () => {
  it("writes the same bytes as the string path for every kind of value", () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < Math.max(TEXTS.length, NUMBERS.length); i++) {
      const text = TEXTS[i % TEXTS.length];
      rows.push([text, NUMBERS[i % NUMBERS.length], i % 3 === 0 ? true : i % 3 === 1 ? false : null, i % 4 === 0 ? null : [text, "因病"].slice(0, 1 + (i % 2)), "2024-02-29", NUMBERS[(i + 5) % NUMBERS.length], i % 2 ? text : null]);
    }
    rows.push([null, null, null, null, null, null, null]);
    rows.push(["x", "not a number", "yes", "not a list", 5, true, ["x", "y"]]);
    const lines = new StagingLines(contract, 16);
    const keys = contract.fields.map((field) => field.key);
    let expected = "";
    rows.forEach((values, i) => {
      lines.add(Object.fromEntries(keys.map((k, j) => [k, values[j]])), i + 2);
      expected += referenceLine(values, i + 2);
    });
    const bytes = lines.take();
    // Compared as bytes: a lone surrogate must become the same U+FFFD bytes Node's encoder writes.
    expect(bytes.toString("utf-8")).toBe(Buffer.from(expected, "utf-8").toString("utf-8"));
    expect(Buffer.compare(bytes, Buffer.from(expected, "utf-8"))).toBe(0);
    expect(lines.length).toBe(0);
  });
  it("writes a households row as its fields and row number", () => {
    const lines = new StagingLines(households);
    const row = Object.fromEntries(households.fields.map((field) => [field.key, null])) as Record<string, unknown>;
    Object.assign(row, { period: "2024-01", household_id: "H1", household_size: 3, is_monitored: false, risks: ["因病", "因学"], income_pc: 6300.5 });
    lines.add(row, 7);
    const cells = lines.take().toString("utf-8").split(",");
    expect(cells.length).toBe(households.fields.length + 1);
    expect([cells[0], cells[1], cells[6], cells[9], cells[13], cells[25], cells.at(-1)]).toEqual(["2024-01", "H1", "3", "false", "因病|因学", "6300.5", "7\n"]);
  });
});
