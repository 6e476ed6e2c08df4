// The comparison the browser tests rely on: a downloaded file "is" the table when every cell denotes the
// value shown, to the precision shown — and is not when a row, a column or a figure differs.
import { describe, expect, test } from "vitest";
import { cellMatches, compareGrid, parseCsv } from "./downloads.ts";

describe("parseCsv", () => {
  test("reads BOM, quotes, doubled quotes, commas and CRLF", () => {
    expect(parseCsv('\uFEFF乡镇,"说明"\r\n青山镇,"含,逗号和""引号"""\r\n')).toEqual([["乡镇", "说明"], ["青山镇", '含,逗号和"引号"']]);
  });
});

describe("cellMatches", () => {
  test.each([
    ["1,234", "1234"],
    ["1234.5万元", "12345000"],
    ["3.21亿元", "321000000"],
    ["12.3%", "12.34%"],
    ["12.3%", "0.1234"],
    ["—", ""],
    ["<5", "<5"],
    ["2025年3月8日", "2025-03-08"],
    ["2025年上半年", "2025年上半年"],
  ])("shown %s matches exported %s", (shown, exported) => {
    expect(cellMatches(shown, exported)).toBe(true);
  });

  test.each([
    ["1,234", "1236"],
    ["1234.5万元", "12346000"],
    ["12.3%", "0.125"],
    ["<5", "3"],
    ["2025年3月8日", "2025-03-09"],
    ["青山镇", "白云镇"],
  ])("shown %s does not match exported %s", (shown, exported) => {
    expect(cellMatches(shown, exported)).toBe(false);
  });
});

describe("compareGrid", () => {
  const table = { header: ["乡镇", "贷款余额"], rows: [["青山镇", "1234.5万元"], ["白云镇", "<5"]] };

  test("accepts the same rows with the unit added to the header", () => {
    expect(compareGrid(table, [["乡镇", "贷款余额(元)"], ["青山镇", "12345000"], ["白云镇", "<5"]])).toBeNull();
  });

  test("names a missing row, a wrong header and a wrong figure", () => {
    expect(compareGrid(table, [["乡镇", "贷款余额(元)"], ["青山镇", "12345000"]])).toMatch(/行数不同/);
    expect(compareGrid(table, [["乡镇", "余额"], ["青山镇", "12345000"], ["白云镇", "<5"]])).toMatch(/表头不同/);
    expect(compareGrid(table, [["乡镇", "贷款余额(元)"], ["青山镇", "22345000"], ["白云镇", "<5"]])).toMatch(/第 1 行/);
  });
});
