import { describe, expect, it } from "vitest";
import { CsvParser } from "../../loaders/read/csv-parser.ts";

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
