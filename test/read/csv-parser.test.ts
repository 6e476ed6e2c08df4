import { describe, expect, it } from "vitest";
import { CsvParser } from "../../loaders/read/csv-parser.ts";
import { MAX_CELL_CHARS, MAX_COLUMNS, SheetLimitError } from "../../loaders/read/limits.ts";

function parse(chunks: string[], delimiter = ","): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  const parser = new CsvParser((cells, row) => out.push({ row, cells }), delimiter);
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return out;
}

const TEXT = 'a,b,c\r\n"x, y","say ""hi""",\n"multi\nline",2,3\r\nlast,row,"end"';

describe("CsvParser", () => {
  it("parses quotes, doubled quotes, embedded newlines and mixed line ends", () => {
    expect(parse([TEXT]).map((r) => r.cells)).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', ""],
      ["multi\nline", "2", "3"],
      ["last", "row", "end"],
    ]);
  });
  it("numbers records as Excel rows even when a field spans lines", () => {
    expect(parse([TEXT]).map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });
  it("gives the same records whatever the chunk boundaries", () => {
    const whole = parse([TEXT]);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < TEXT.length; i += size) chunks.push(TEXT.slice(i, i + size));
      expect(parse(chunks)).toEqual(whole);
    }
  });
  it("supports another delimiter", () => {
    expect(parse(["a\tb\n1\t2\n"], "\t").map((r) => r.cells)).toEqual([["a", "b"], ["1", "2"]]);
  });
});

describe("CsvParser fast path for records without quotes", () => {
  /** Deterministic random CSV-ish text: delimiters, quotes, CR, LF, CRLF, blanks, Chinese, empty lines. */
  function randomText(seed: number, delimiter: string): string {
    let a = seed;
    const next = () => {
      a = (a * 1103515245 + 12345) & 0x7fffffff;
      return a / 0x7fffffff;
    };
    const pieces = ["a", "bc", "户", "1.5", " ", delimiter, delimiter, '"', '""', "\n", "\r", "\r\n", "\r\n", "x\"y", ","];
    let text = "";
    for (let i = 0; i < 400; i++) text += pieces[Math.floor(next() * pieces.length)];
    return text;
  }
  it("gives what the character state machine gives, whatever the chunk boundaries", () => {
    for (const delimiter of [",", "\t", ";"]) {
      for (let seed = 1; seed <= 40; seed++) {
        const text = randomText(seed, delimiter);
        const whole = parse([text], delimiter);
        // One-character chunks never hold a whole record with its line end past its first character, so they
        // go through the state machine almost everywhere; the whole text takes the fast path wherever it can.
        expect(parse([...text], delimiter)).toEqual(whole);
        for (const size of [2, 3, 5, 64]) {
          const chunks: string[] = [];
          for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
          expect(parse(chunks, delimiter)).toEqual(whole);
        }
      }
    }
  });
  it("cuts plain records at the delimiter, keeps blank cells and empty lines, joins CR LF split across chunks", () => {
    expect(parse(["a,,b\r", "\n\n1,2,\r3\n"])).toEqual([
      { row: 1, cells: ["a", "", "b"] },
      { row: 2, cells: [""] },
      { row: 3, cells: ["1", "2", ""] },
      { row: 4, cells: ["3"] },
    ]);
    expect(parse(["x,y\nlonger,row,here\ns\n"]).map((r) => r.cells)).toEqual([["x", "y"], ["longer", "row", "here"], ["s"]]);
  });
  it("stops at Excel's limits instead of holding the rest of the file: a cell, a quote that never closes, a row", () => {
    const long = "x".repeat(MAX_CELL_CHARS + 1);
    expect(parse(["a,", "x".repeat(MAX_CELL_CHARS), "\n"]).length).toBe(1);
    for (const chunks of [[`a,${long}\n`], ["h\n", "a,", long, "\n"], ['h\n"', long.slice(0, 40_000), long]]) {
      expect(() => parse(chunks)).toThrow(SheetLimitError);
    }
    expect(() => parse([`h\n${"q,".repeat(MAX_COLUMNS)}\n`])).toThrow(/第 2 行有 16385 列，超出 Excel 的上限 16384 列/);
    expect(() => parse(['h\n"unclosed', ",".repeat(70_000)])).toThrow(/第 2 行有超过 32767 个字符的单元格/);
  });
});
