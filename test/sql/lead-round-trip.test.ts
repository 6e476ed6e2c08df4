// The closed loop's round trip (issue 12): a town downloads its lead list exactly as the 比对预警 page's
// download buttons produce it (the town page's columns, its loader's masked rows, csvBytes/xlsxBytes), fills in
// 核查日期/核查结论/说明 the way an office would (Excel for the XLSX, a text edit for the CSV), drops the files
// into the input folder and rebuilds: the leads close.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { LEAD_LIST_COLUMNS } from "../../src/components/lead-list.ts";
import { csvBytes, xlsxBytes } from "../../src/components/download.ts";
import { leadListRows } from "../../src/data/lead-rows.ts";
import { withWarehouse, type JsonRow } from "../../src/data/warehouse.ts";
import { LEADS } from "../fixtures/leads/make-fixtures.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "leads");
let dir: string;
const input = () => join(dir, "input");
const db = () => join(dir, "w.duckdb");

async function build(): Promise<void> {
  const result = await buildWarehouse({ inputDir: input(), dbPath: db(), reportsDir: join(dir, "reports"), configDir: join(FIXTURES, "config") });
  if (result.load.rowsRejected > 0 || result.load.refused.length > 0) throw new Error(JSON.stringify(result.load.files));
}

async function read<T>(work: Parameters<typeof withWarehouse<T>>[0]): Promise<T> {
  const saved = process.env.DIXIAN_DB;
  process.env.DIXIAN_DB = db();
  try {
    return await withWarehouse(work);
  } finally {
    if (saved === undefined) delete process.env.DIXIAN_DB;
    else process.env.DIXIAN_DB = saved;
  }
}

const statuses = () => read(async (w) => Object.fromEntries((await w.query("select lead_id, status from leads")).map((r) => [r.lead_id, r.status])));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-round-trip-"));
  cpSync(join(FIXTURES, "extracts"), input(), { recursive: true });
  rmSync(join(input(), "核查反馈.csv")); // no feedback yet
  await build();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a town's lead list, filled in and sent back", () => {
  let town1: JsonRow[];
  let town2: JsonRow[];

  it("lists the town's leads, masked, with empty feedback columns", async () => {
    // what src/data/leads/[town].json.ts gives each town's page
    town1 = await read((w) => leadListRows(w, "529901001"));
    town2 = await read((w) => leadListRows(w, "529901002"));
    expect(town1.map((r) => r.lead_id)).toEqual([LEADS.L7, LEADS.L8, LEADS.L1, LEADS.L4]);
    expect(town2.map((r) => r.lead_id)).toEqual([LEADS.L6, LEADS.L2, LEADS.L3, LEADS.L5]);
    const l7 = town1[0];
    expect(l7.head_name).toBe("测*");
    expect(l7.id_number).toMatch(/^529901\*{8}\d{3}[\dX]$/);
    expect([l7.check_date, l7.conclusion, l7.note]).toEqual([null, null, null]);
    expect(await statuses()).toMatchObject({ [LEADS.L4]: "逾期未核查", [LEADS.L7]: "逾期未核查", [LEADS.L3]: "逾期未核查", [LEADS.L8]: "逾期未核查" });
  });

  it("closes the leads once the filled-in XLSX and CSV are in the input folder", async () => {
    // 一镇 downloads Excel and fills it in Excel
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsxBytes(LEAD_LIST_COLUMNS, town1, { sheet: "线索清单" })) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col = (label: string) => header.indexOf(label);
    const answers: Record<string, [string, string, string]> = {
      [LEADS.L4]: ["2025-05-09", "不符合", "已列入危房改造，收入高于监测线"],
      [LEADS.L7]: ["2025-03-20", "不符合", "损失已由农业保险赔付"],
      [LEADS.L8]: ["2025-03-18", "纳入监测", "已报县级审定"],
    };
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const answer = answers[String(row.getCell(col("线索编号")).value)];
      if (!answer) return;
      row.getCell(col("核查日期")).value = answer[0];
      row.getCell(col("核查结论")).value = answer[1];
      row.getCell(col("说明")).value = answer[2];
    });
    await workbook.xlsx.writeFile(join(input(), "一镇线索核查反馈.xlsx"));

    // 二乡 downloads CSV and fills the last three columns
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csvBytes(LEAD_LIST_COLUMNS, town2)).split("\r\n");
    const filled = lines.map((line) => (line.replace(/^\uFEFF/, "").startsWith(LEADS.L3) ? line.replace(/,,,$/, ",2025-04-21,不符合,低保因家庭收入提高停发") : line));
    expect(filled).not.toEqual(lines);
    writeFileSync(join(input(), "二乡线索核查反馈.csv"), filled.join("\r\n"));

    await build();
    const after = await statuses();
    expect(after).toMatchObject({
      [LEADS.L4]: "核查不符合", [LEADS.L7]: "核查不符合", [LEADS.L8]: "已核查待办结", [LEADS.L3]: "核查不符合",
      [LEADS.L1]: "已纳入监测", [LEADS.L5]: "待核查",
    });
    const log = await read((w) => w.query("select file, extract, rows_read, rows_accepted from load_log where extract = 'lead_feedback' order by file"));
    expect(log).toEqual([
      { file: "一镇线索核查反馈.xlsx", extract: "lead_feedback", rows_read: 4, rows_accepted: 4 },
      { file: "二乡线索核查反馈.csv", extract: "lead_feedback", rows_read: 4, rows_accepted: 4 },
    ]);
    // L7 was checked on 03-20, within its deadline of 03-21; L3 on 04-21, within 04-22
    const timely = await read((w) => w.query(`select lead_id, checked_timely from leads where lead_id in ('${LEADS.L7}', '${LEADS.L3}') order by lead_id`));
    expect(timely.every((r) => r.checked_timely === true)).toBe(true);
    // the list downloaded again carries the answers, so a town can send it back whole
    const again = (await read((w) => leadListRows(w, "529901001"))).find((r) => r.lead_id === LEADS.L4)!;
    expect([again.check_date, again.conclusion]).toEqual(["2025-05-09", "不符合"]);
    expect(readFileSync(join(input(), "二乡线索核查反馈.csv"), "utf-8").startsWith("\uFEFF线索编号,部门,预警规则")).toBe(true);
  });
});
