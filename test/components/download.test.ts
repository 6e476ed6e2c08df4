import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { columnLetter, columnWidths, csvBytes, fileName, sheetName, toCsv, workbookBytes, xlsxBytes } from "../../src/components/download.ts";
import type { Column } from "../../src/components/table-model.ts";

const columns: Column[] = [
  { key: "name", label: "乡镇" },
  { key: "households", label: "户数", kind: "count" },
  { key: "rate", label: "达标率", kind: "rate" },
  { key: "income", label: "收入", kind: "amount" },
];
const rows = [
  { name: "城关镇", households: 1234, rate: 0.9876, income: 14300 },
  { name: "李家村, 二组", households: 3, rate: null, income: null, suppressed: true },
  { name: '=HYPERLINK("x")', households: null, rate: 0.5, income: 1e8 },
];

describe("CSV", () => {
  it("starts with a UTF-8 BOM and keeps Chinese intact", () => {
    const bytes = csvBytes(columns, rows, { threshold: 5 });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe("乡镇,户数,达标率,收入(元)");
  });
  it("quotes separators, marks suppressed cells and neutralises formulas", () => {
    const lines = toCsv(columns, rows, { threshold: 5 }).slice(1).split("\r\n");
    expect(lines[1]).toBe("城关镇,1234,98.76%,14300");
    expect(lines[2]).toBe('"李家村, 二组",<5,<5,<5');
    expect(lines[3]).toBe(`"'=HYPERLINK(""x"")",,50%,100000000`);
    expect(lines).toHaveLength(5);
  });
});

describe("XLSX", () => {
  it("opens in a spreadsheet reader with numbers as numbers and Chinese intact", async () => {
    const bytes = xlsxBytes(columns, rows, { threshold: 5, sheet: "乡镇排名" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("乡镇排名");
    expect(sheet).toBeDefined();
    expect(sheet!.getRow(1).values).toEqual([undefined, "乡镇", "户数", "达标率", "收入(元)"]);
    expect(sheet!.getCell("A2").value).toBe("城关镇");
    expect(sheet!.getCell("B2").value).toBe(1234);
    expect(sheet!.getCell("C2").value).toBeCloseTo(0.9876);
    expect(sheet!.getCell("C2").numFmt).toBe("0.00%");
    expect(sheet!.getCell("B3").value).toBe("<5");
    expect(sheet!.getCell("B4").value).toBeNull();
    expect(sheet!.getCell("D4").value).toBe(100000000);
    expect(sheet!.rowCount).toBe(4);
  });
  it("puts a title and a notice above the header, with columns as wide as their longest text", async () => {
    const listColumns = [
      { key: "name", label: "户主" },
      { key: "village", label: "村" },
      { key: "check", label: "核实情况" },
    ];
    const listRows = [{ name: "张*", village: "青山镇清水河村第三村民小组", check: "" }];
    const bytes = xlsxBytes(listColumns, listRows, { sheet: "清单", title: "青山镇 干部工作清单（2025年6月）", notice: "内部资料 不得外传" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("清单")!;
    expect(sheet.getCell("A1").value).toBe("青山镇 干部工作清单（2025年6月）");
    expect(sheet.getCell("A2").value).toBe("内部资料 不得外传");
    expect(sheet.getRow(3).values).toEqual([undefined, "户主", "村", "核实情况"]);
    expect(sheet.getCell("B4").value).toBe("青山镇清水河村第三村民小组");
    // 13 CJK characters = 26 + 2; the header 核实情况 = 8 + 2; 户主 is 4 + 2, raised to the minimum 6
    expect([1, 2, 3].map((c) => sheet.getColumn(c).width)).toEqual([6, 28, 10]);
    expect(columnWidths(listColumns, listRows)).toEqual([6, 28, 10]);
  });
  it("escapes XML special characters", () => {
    const files = unzipSync(xlsxBytes([{ key: "a", label: "A&B" }], [{ a: "<x> & \u0001y" }]));
    const xml = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain("A&amp;B");
    expect(xml).toContain("&lt;x&gt; &amp; y");
  });
});

describe("names", () => {
  it("builds Chinese file names without path characters", () => {
    expect(fileName(["总览", "乡镇排名", "2025年上半年"], "xlsx")).toBe("总览_乡镇排名_2025年上半年.xlsx");
    expect(fileName(["a/b", undefined, "c:d"], "csv")).toBe("a_b_c_d.csv");
  });
  it("names columns and sheets as Excel expects", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(sheetName("a/b[c]")).toBe("a_b_c_");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    // a name cut after an apostrophe (a village named like a formula) must not end with it: Excel refuses the file
    expect(sheetName("保险保障缺口_@SUM(1+1)_cmd|' _C calc'!A0")).toBe("保险保障缺口_@SUM(1+1)_cmd|' _C calc");
    expect(sheetName("'a'")).toBe("a");
  });
});

describe("CSV long codes", () => {
  it("keeps 12-digit area codes as text in Excel with a leading tab, short numbers untouched", () => {
    const text = toCsv([{ key: "code", label: "村代码" }, { key: "n", label: "户数", kind: "count" }], [
      { code: "529931001201", n: 123456789012 },
      { code: "5299", n: 1 },
    ]);
    const lines = text.slice(1).split("\r\n");
    expect(lines[1]).toBe("\t529931001201,123456789012");
    expect(lines[2]).toBe("5299,1");
  });
});

describe("CSV formula guard", () => {
  it("leaves plain signed numbers in text cells alone but neutralises formulas", () => {
    const lines = toCsv([{ key: "v", label: "值" }], [{ v: "-3" }, { v: "+1.5" }, { v: "-2+3" }, { v: "@SUM(A1)" }]).slice(1).split("\r\n");
    expect(lines.slice(1, 5)).toEqual(["-3", "+1.5", "'-2+3", "'@SUM(A1)"]);
  });
});

describe("hostile text in downloads", () => {
  const hostile = [
    "=HYPERLINK(\"http://evil.example\",\"点击\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\u202E名单gpj.exe",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
  ];
  const column: Column[] = [{ key: "v", label: "名称" }];
  const rows = hostile.map((v) => ({ v }));

  it("CSV: every cell that a spreadsheet would run opens as text, bidirectional controls are dropped", () => {
    const text = toCsv(column, rows).slice(1);
    const cells = text.split("\r\n").slice(1, 1 + hostile.length).map((line) => (line.startsWith('"') ? line.slice(1, -1).replace(/""/g, '"') : line));
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells.slice(0, 6)).toEqual(hostile.slice(0, 6).map((v) => `'${v}`));
    expect(cells[6]).toBe("名单gpj.exe");
    expect(cells.slice(7)).toEqual(hostile.slice(7));
  });

  it("XLSX: inline strings only (never a formula), bidirectional controls dropped, markup escaped", async () => {
    const files = unzipSync(xlsxBytes(column, rows));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]);
    expect(sheet).not.toContain("<f>");
    expect(sheet).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(sheet).not.toContain("<script>");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxBytes(column, rows) as unknown as ArrayBuffer);
    const values = workbook.worksheets[0].getColumn(1).values.slice(2);
    // XML reads a bare CR as a line feed; the cell is still a string.
    expect(values).toEqual([...hostile.slice(0, 5), "\n=1+1", "名单gpj.exe", ...hostile.slice(7)]);
    expect(workbook.worksheets[0].getColumn(1).values.slice(2).every((v) => typeof v === "string")).toBe(true);
  });
});

describe("workbookBytes", () => {
  it("writes one sheet per table, in order, each with its title and notice rows, and repeated names made unique", async () => {
    const columns: Column[] = [{ key: "name", label: "指标" }, { key: "value", label: "本期", kind: "rate" }];
    const bytes = workbookBytes([
      { columns, rows: [{ name: "返贫率", value: 0.0086 }], options: { sheet: "防止返贫监测帮扶", title: "青山县 2025年上半年", notice: "数据构建于 2026年1月1日" } },
      { columns, rows: [{ name: "甲村", value: null, hidden: { value: "primary" } }], options: { sheet: "防止返贫监测帮扶", threshold: 5 } },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["防止返贫监测帮扶", "防止返贫监测帮扶(2)"]);
    const first = workbook.worksheets[0];
    expect(first.getCell("A1").value).toBe("青山县 2025年上半年");
    expect(first.getCell("A2").value).toBe("数据构建于 2026年1月1日");
    expect(first.getCell("A3").value).toBe("指标");
    expect(first.getCell("B4").value).toBe(0.0086);
    // a withheld village figure stays withheld in the workbook
    expect(workbook.worksheets[1].getCell("B2").value).toBe("<5");
  });
});
