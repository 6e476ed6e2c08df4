import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainCell, readXlsxSheets } from "../../loaders/read/read-xlsx.ts";
import { locateExtract } from "../../loaders/load/locate-extract.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "extracts");

describe("plainCell", () => {
  it("takes a formula's cached result and never evaluates it; a formula without one is blank", () => {
    expect(plainCell({ formula: "2+2", result: 4 })).toBe(4);
    expect(plainCell({ sharedFormula: "A2", result: "外部值" })).toBe("外部值");
    expect(plainCell({ formula: "WEBSERVICE(\"http://example.com\")" })).toBeNull();
    expect(plainCell({ formula: "1/0", result: { error: "#DIV/0!" } })).toBeNull();
  });
});

describe("readXlsxSheets", () => {
  it("streams every sheet with Excel row numbers, skipping nothing itself", async () => {
    const seen: { name: string | null; rows: number[] }[] = [];
    for await (const sheet of readXlsxSheets(join(FIXTURES, "loans-bank.xlsx"))) {
      const rows: number[] = [];
      for await (const batch of sheet.rows) rows.push(...batch.map((r) => r.row));
      seen.push({ name: sheet.name, rows });
    }
    expect(seen.map((s) => s.name)).toEqual(["填表说明", "贷款台账"]);
    // Row 2 and 11 are blank, so Excel does not store them.
    expect(seen[1].rows).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
  });
  it("finds the extract's sheet and the header row under the title", async () => {
    const located = await locateExtract(join(FIXTURES, "loans-bank.xlsx"));
    expect(located.sheet).toBe("贷款台账");
    expect(located.headerRow).toBe(3);
    expect(located.match.contract.extract).toBe("loans");
    const factor = located.match.columns.find((c) => c.field.key === "contract_amount")!.factor;
    expect(factor).toBe(10_000);
    const first = (await located.rows[Symbol.asyncIterator]().next()).value!;
    expect(first[0].row).toBe(4);
    expect(first[0].cells[10]).toBeInstanceOf(Date);
    expect(first[0].cells[11]).toBe(46091);
    await located.close();
  });
});

describe("readXlsxSheets on a large Chinese workbook", () => {
  it.each([false, true])("keeps characters that a zip chunk boundary cuts in two (shared strings: %s)", async (useSharedStrings) => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const ExcelJS = (await import("exceljs")).default;
    const dir = mkdtempSync(join(tmpdir(), "dixian-xlsx-"));
    const path = join(dir, "big.xlsx");
    try {
      // Inline strings put the text in the sheet entry, shared strings in their own entry: both are streamed in chunks.
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: false });
      const ws = wb.addWorksheet("台账");
      const words = ["脱贫人口小额信贷", "个人精准扶贫贷款", "正常", "关注", "是", "否", "青山农商银行"];
      for (let i = 0; i < 4000; i++) ws.addRow([`L${i}`, words[i % 7], words[(i + 3) % 7], `备注${"汉字".repeat(i % 11)}`]).commit();
      ws.commit();
      await wb.commit();
      let rows = 0;
      let broken = 0;
      for await (const sheet of readXlsxSheets(path)) {
        for await (const batch of sheet.rows) {
          for (const { row, cells } of batch) {
            rows++;
            const i = row - 1;
            if (cells[1] !== words[i % 7] || cells[2] !== words[(i + 3) % 7] || cells[3] !== `备注${"汉字".repeat(i % 11)}`) broken++;
          }
        }
      }
      expect(rows).toBe(4000);
      expect(broken).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
