import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { fixZipTimes } from "../../loaders/sample/zip-times.ts";

const root = mkdtempSync(join(tmpdir(), "dixian-zip-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** DOS dates of every central-directory entry, read with a plain scan (fine for this uncompressed-name test). */
function centralDates(path: string): number[] {
  const zip = readFileSync(path);
  const dates: number[] = [];
  for (let p = 0; p + 46 <= zip.length; p++) if (zip.readUInt32LE(p) === 0x02014b50) dates.push(zip.readUInt16LE(p + 14), zip.readUInt16LE(p + 12));
  return dates;
}

describe("fixZipTimes", () => {
  it("stamps every entry with the fixed date and keeps the workbook readable", async () => {
    const path = join(root, "t.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("表").addRow(["区划代码", "村名称"]);
    wb.getWorksheet("表")!.addRow(["529931001201", "杨柳坪村"]);
    await wb.xlsx.writeFile(path);
    fixZipTimes(path, new Date(Date.UTC(2026, 5, 30)));
    const dates = centralDates(path);
    expect(dates.length).toBeGreaterThan(4);
    const expected = ((2026 - 1980) << 9) | (6 << 5) | 30;
    for (let i = 0; i < dates.length; i += 2) expect([dates[i], dates[i + 1]]).toEqual([expected, 0]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    expect(back.getWorksheet("表")!.getRow(2).getCell(2).value).toBe("杨柳坪村");
  });
});
