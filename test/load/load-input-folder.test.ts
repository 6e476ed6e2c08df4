import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadInputFolder, type LoadSummary } from "../../loaders/load/load-input-folder.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "extracts");

async function query(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

function outcome(summary: LoadSummary, file: string) {
  const found = summary.files.find((f) => f.file === file);
  if (!found) throw new Error(`no outcome for ${file}`);
  return found;
}

describe("loadInputFolder on the fixture folder", () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  let summary: LoadSummary;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "dixian-load-test-"));
    cpSync(FIXTURES, join(work, "input"), { recursive: true });
    rmSync(join(work, "input", "make-fixtures.ts"));
    instance = await DuckDBInstance.create(":memory:");
    conn = await instance.connect();
    summary = await loadInputFolder(conn, join(work, "input"), { reportsDir: join(work, "reports") });
  });
  afterAll(() => {
    conn.closeSync();
    instance.closeSync();
    rmSync(work, { recursive: true, force: true });
  });

  it("loads the villages reference first and ignores files that are not extracts", () => {
    expect(summary.files[0].file).toBe("villages.csv");
    expect(summary.files.map((f) => f.file)).not.toContain("refused/README.md");
    expect(summary.files).toHaveLength(15); // 9 loaded, 6 refused
  });

  it("creates the person-level roster table, empty when only canonical files were given", async () => {
    const [row] = await query(conn, "select count(*)::int as n from stg_household_members");
    expect(row.n).toBe(0);
    const columns = await query(conn, "select column_name, is_nullable from information_schema.columns where table_name = 'stg_household_members' order by ordinal_position");
    expect(columns.map((c) => c.column_name)).toEqual([
      "period", "household_id", "person_id", "id_number", "id_type", "relation", "sex", "birth_date", "labour_skill", "phone", "source_file", "source_row",
    ]);
  });

  it("counts every file: rows read = accepted + rejected, rows with warnings among the accepted, blank and 合计 rows not read", () => {
    const counts = Object.fromEntries(summary.files.filter((f) => f.status === "loaded").map((f) => [f.file, [f.rowsRead, f.rowsAccepted, f.rowsRejected, f.rowsWarned]]));
    expect(counts).toEqual({
      "villages.csv": [4, 3, 1, 0],
      "monitoring_lines.csv": [3, 2, 1, 0],
      "county_stats.csv": [1, 1, 0, 0],
      "households_2024-01.csv": [16, 9, 7, 6], // rows 4–7, 12 and 14 kept with a warning
      "gb18030/户信息202402.csv": [3, 2, 1, 0],
      "aliases/loans-2024-03.csv": [2, 2, 0, 0],
      "loans-bank.xlsx": [7, 5, 2, 3], // rows 6–8 kept with a warning
      "policies.csv": [4, 3, 1, 1],
      "claims.csv": [3, 3, 0, 1],
    });
    expect(summary.rowsRead).toBe(summary.rowsAccepted + summary.rowsRejected);
    expect(summary.rowsAccepted).toBe(30);
    expect(summary.rowsWarned).toBe(11);
    expect(outcome(summary, "households_2024-01.csv").message).toBe("7 行被拒绝，见拒绝报告；6 行已载入但有警告，见警告报告");
  });

  it("rejects only the household rows that cannot be used, with their Excel row and rule", async () => {
    const rows = await query(conn, "select \"row\", column_name, rule from rejections where file = 'households_2024-01.csv' order by \"row\"");
    expect(rows.map((r) => `${r.row}:${r.rule}`)).toEqual([
      "8:id_checksum", "9:village_unknown", "10:duplicate_key", "11:invalid_enum", "13:required", "15:invalid_integer", "16:invalid_code",
    ]);
    expect(rows.find((r) => r.rule === "id_checksum")?.column_name).toBe("证件号码");
  });

  it("keeps the household rows with secondary errors, warns, and keeps or nulls the field as each rule says", async () => {
    const rows = await query(conn, "select \"row\", column_name, rule, action from warnings where file = 'households_2024-01.csv' order by \"row\"");
    expect(rows.map((r) => `${r.row}:${r.column_name}:${r.rule}:${r.action}`)).toEqual([
      "4:监测对象类别:monitor_kind_mismatch:keep", // monitored without a kind: still counted as monitored
      "5:风险消除日期:elimination_before_identification:null",
      "6:劳动力人数:labour_exceeds_size:null",
      "7:人均纯收入:income_inconsistent:keep",
      "12:风险发现日期:invalid_date:null", // optional column: nulled
      "14:住房安全:invalid_boolean:null",
    ]);
    const kept = await query(conn, `
      select household_id, is_monitored, monitor_kind, elimination_date::varchar elim, labour_count, income_pc, risk_found_date::varchar found, housing_ok
      from stg_households where household_id in ('H003', 'H004', 'H005', 'H006', 'H011', 'H013') order by household_id`);
    expect(kept).toEqual([
      { household_id: "H003", is_monitored: true, monitor_kind: null, elim: null, labour_count: 2, income_pc: 6300, found: "2023-05-03", housing_ok: true },
      { household_id: "H004", is_monitored: true, monitor_kind: "边缘易致贫户", elim: null, labour_count: 2, income_pc: 6300, found: "2023-05-03", housing_ok: true },
      { household_id: "H005", is_monitored: false, monitor_kind: null, elim: null, labour_count: null, income_pc: 6300, found: null, housing_ok: true },
      { household_id: "H006", is_monitored: false, monitor_kind: null, elim: null, labour_count: 2, income_pc: 8000, found: null, housing_ok: true },
      { household_id: "H011", is_monitored: false, monitor_kind: null, elim: null, labour_count: 2, income_pc: 6300, found: null, housing_ok: true },
      { household_id: "H013", is_monitored: false, monitor_kind: null, elim: null, labour_count: 2, income_pc: 6300, found: null, housing_ok: null },
    ]);
  });

  it("reports the XLSX defects under the title row, with the sheet, and skips its 合计 row", async () => {
    const rows = await query(conn, "select sheet, \"row\", rule, source_key from rejections where file = 'loans-bank.xlsx' order by \"row\"");
    expect(rows.map((r) => `${r.row}:${r.rule}`)).toEqual(["9:duplicate_key", "10:invalid_number"]);
    expect(new Set(rows.map((r) => r.sheet))).toEqual(new Set(["贷款台账"]));
    expect(new Set(rows.map((r) => r.source_key))).toEqual(new Set(["农商银行"]));
    const warned = await query(conn, "select sheet, \"row\", rule, action, source_key from warnings where file = 'loans-bank.xlsx' order by \"row\"");
    expect(warned.map((r) => `${r.row}:${r.rule}:${r.action}`)).toEqual([
      "6:balance_exceeds_contract:keep", "7:maturity_not_after_issue:null", "8:invalid_enum:null",
    ]);
    expect(new Set(warned.map((r) => `${r.sheet}|${r.source_key}`))).toEqual(new Set(["贷款台账|农商银行"]));
  });

  it("stores typed, converted values: 万元 to yuan, Excel serial dates, lists, period from the file name", async () => {
    const loans = await query(conn, "select loan_id, period, contract_amount, balance, issue_date::varchar d, maturity_date::varchar m from stg_loans where period = '2024-01' and loan_id in ('L1', 'L2') order by loan_id");
    expect(loans).toEqual([
      { loan_id: "L1", period: "2024-01", contract_amount: 50000, balance: 40000, d: "2023-03-10", m: "2026-03-10" },
      { loan_id: "L2", period: "2024-01", contract_amount: 50000, balance: 40000, d: "2023-06-15", m: "2026-06-15" },
    ]);
    const gb = await query(conn, "select household_id, period, head_name from stg_households where source_file like 'gb18030/%' order by household_id");
    expect(gb).toEqual([
      { household_id: "G001", period: "2024-02", head_name: "张三" },
      { household_id: "G002", period: "2024-02", head_name: "欧阳娜娜" },
    ]);
    const h2 = await query(conn, "select risks, measures, income_pc, source_row from stg_households where household_id = 'H002'");
    expect(h2).toEqual([{ risks: ["因病", "因学"], measures: ["产业帮扶", "金融帮扶"], income_pc: 6300, source_row: 3 }]);
    const h16 = await query(conn, "select income_wage from stg_households where household_id = 'H016'");
    expect(h16).toEqual([{ income_wage: 12000 }]);
  });

  it("refuses unusable files with a message naming the file and what is wrong", () => {
    const refused = Object.fromEntries(summary.refused.map((f) => [f.file, f.message ?? ""]));
    expect(Object.keys(refused).sort()).toEqual([
      "refused/corrupt.xlsx", "refused/missing-id.csv", "refused/no-period.csv", "refused/policies-missing.xlsx",
      "refused/unknown-header.csv", "refused/utf16.csv",
    ]);
    expect(refused["refused/missing-id.csv"]).toMatch(/^refused\/missing-id\.csv：.*缺少必需列：「证件号码」.*身份证号.*户主证件号码/);
    expect(refused["refused/no-period.csv"]).toContain("缺少数据期");
    expect(refused["refused/policies-missing.xlsx"]).toContain("「起保日期」");
    expect(refused["refused/policies-missing.xlsx"]).toContain("「终止日期」");
    expect(outcome(summary, "refused/policies-missing.xlsx").sheet).toBe("保单");
    expect(refused["refused/unknown-header.csv"]).toContain("无法识别表头");
    expect(refused["refused/utf16.csv"]).toContain("无法识别文件编码");
    expect(refused["refused/corrupt.xlsx"]).toContain("XLSX 文件已损坏");
  });

  it("writes the load log and keeps personal values masked in the warehouse", async () => {
    const log = await query(conn, "select file, status, rows_read, rows_accepted, rows_rejected, rows_warned from load_log where file = 'households_2024-01.csv'");
    expect(log).toEqual([{ file: "households_2024-01.csv", status: "loaded", rows_read: 16, rows_accepted: 9, rows_rejected: 7, rows_warned: 6 }]);
    const id = await query(conn, "select value_masked from rejections where rule = 'id_checksum'");
    expect(id).toEqual([{ value_masked: "530101********0018" }]);
  });

  it("writes the county's report files with the raw values, CSV with BOM", () => {
    const csv = readFileSync(join(work, "reports", "rejections.csv"), "utf-8");
    expect(csv.startsWith("\uFEFF文件,工作表,行号,列,值,规则,说明")).toBe(true);
    expect(csv.trim().split("\r\n")).toHaveLength(1 + 13);
    const json = JSON.parse(readFileSync(join(work, "reports", "rejections.json"), "utf-8"));
    expect(json).toHaveLength(13);
    expect(json.find((r: { rule: string }) => r.rule === "id_checksum")).toMatchObject({
      file: "households_2024-01.csv", sheet: null, row: 8, column: "证件号码", value: "530101198001010018",
    });
    const files = JSON.parse(readFileSync(join(work, "reports", "load-summary.json"), "utf-8"));
    expect(files.refused).toHaveLength(6);
  });

  it("writes warnings.csv with BOM and the action taken, and warnings.json, beside rejections.csv", async () => {
    const csv = readFileSync(join(work, "reports", "warnings.csv"), "utf-8");
    expect(csv.startsWith("\uFEFF文件,工作表,行号,列,值,规则,说明,数据类型,数据期,来源,处理\r\n")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 11);
    expect(lines).toContain("households_2024-01.csv,,7,人均纯收入,8000,income_inconsistent,人均纯收入 8000 与收入构成算出的 6300 相差超过 1 元，请核对收入或人口数,households,2024-01,530101001,保留原值");
    expect(lines).toContain("households_2024-01.csv,,6,劳动力人数,4,labour_exceeds_size,劳动力人数 4 大于家庭人口数 3，请核对,households,2024-01,530101001,已置空");
    const json = JSON.parse(readFileSync(join(work, "reports", "warnings.json"), "utf-8"));
    expect(json).toHaveLength(11);
    expect(json.find((r: { rule: string }) => r.rule === "paid_before_report")).toMatchObject({ file: "claims.csv", row: 4, column: "赔付日期", action: "keep" });
    expect((await query(conn, "select count(*)::integer n from warnings"))[0].n).toBe(11);
  });

  it("changes nothing when the same files are loaded again", async () => {
    const before = await query(conn, "select (select count(*) from stg_households) h, (select count(*) from stg_loans) l, (select count(*) from rejections) r");
    const again = await loadInputFolder(conn, join(work, "input"), { reportsDir: join(work, "reports2") });
    expect(again.files.filter((f) => f.status === "skipped")).toHaveLength(9);
    expect(again.refused).toHaveLength(6);
    expect(again.rowsRead).toBe(0);
    const after = await query(conn, "select (select count(*) from stg_households) h, (select count(*) from stg_loans) l, (select count(*) from rejections) r");
    expect(after).toEqual(before);
  });
});

describe("loadInputFolder without a villages file", () => {
  it("skips the village-code rule and warns on stderr", async () => {
    const work = mkdtempSync(join(tmpdir(), "dixian-load-test-"));
    cpSync(join(FIXTURES, "households_2024-01.csv"), join(work, "input", "households_2024-01.csv"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const summary = await loadInputFolder(conn, join(work, "input"), { reportsDir: join(work, "reports") });
      expect([summary.rowsRead, summary.rowsAccepted, summary.rowsRejected, summary.rowsWarned]).toEqual([16, 10, 6, 6]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain("村级参考");
      // Every staging table exists even without a file of its extract.
      const tables = await query(conn, "select table_name from information_schema.tables order by table_name");
      expect(tables.map((t) => t.table_name)).toEqual([
        "load_log", "rejections", "stg_claims", "stg_county_stats", "stg_disability_certificates", "stg_disaster_losses",
        "stg_dwelling_appraisals", "stg_household_members", "stg_households", "stg_lead_feedback", "stg_loans", "stg_medical_costs", "stg_monitoring_lines",
        "stg_policies", "stg_school_dropouts", "stg_social_aid", "stg_villages", "warnings",
      ]);
    } finally {
      warn.mockRestore();
      conn.closeSync();
      instance.closeSync();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("loadInputFolder with a file that breaks half-way", () => {
  it("inserts nothing of a file refused after some of its parts were inserted", async () => {
    const work = mkdtempSync(join(tmpdir(), "dixian-load-test-"));
    const good = readFileSync(join(FIXTURES, "households_2024-01.csv"), "utf-8").split("\n");
    const header = good[0];
    const row = good[1];
    // Over 1 MB of valid UTF-8 rows (unique 户编号), then bytes that are not UTF-8: detection sees UTF-8.
    const lines = [header];
    for (let i = 0; i < 6000; i++) lines.push(row.replace("H001", `X${i}`));
    const bytes = Buffer.concat([Buffer.from(lines.join("\n") + "\n"), Buffer.from([0xd6, 0xd0, 0x0a])]);
    cpSync(join(FIXTURES, "villages.csv"), join(work, "input", "villages.csv"));
    const path = join(work, "input", "broken_2024-01.csv");
    writeFileSync(path, bytes);
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const summary = await loadInputFolder(conn, join(work, "input"), { reportsDir: join(work, "reports"), stagingPartRows: 500 });
      expect(summary.refused.map((f) => f.file)).toEqual(["broken_2024-01.csv"]);
      expect(summary.refused[0].message).toContain("UTF-8");
      expect(await query(conn, "select count(*)::integer n from stg_households")).toEqual([{ n: 0 }]);
      expect(await query(conn, "select count(*)::integer n from stg_villages")).toEqual([{ n: 3 }]);
      // The same content without the bad bytes loads whole, across many parts.
      writeFileSync(path, bytes.subarray(0, bytes.length - 3));
      const again = await loadInputFolder(conn, join(work, "input"), { reportsDir: join(work, "reports"), stagingPartRows: 500 });
      expect(again.refused).toEqual([]);
      expect(await query(conn, "select count(*)::integer n, count(distinct household_id)::integer d from stg_households")).toEqual([{ n: 6000, d: 6000 }]);
    } finally {
      conn.closeSync();
      instance.closeSync();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("loadInputFolder with a truncated workbook", () => {
  it("refuses it as damaged and still loads the other files", async () => {
    const work = mkdtempSync(join(tmpdir(), "dixian-load-test-"));
    const whole = readFileSync(join(FIXTURES, "loans-bank.xlsx"));
    cpSync(join(FIXTURES, "villages.csv"), join(work, "input", "villages.csv"));
    writeFileSync(join(work, "input", "cut.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const summary = await loadInputFolder(conn, join(work, "input"), { reportsDir: join(work, "reports") });
      expect(summary.refused.map((f) => [f.file, f.message])).toEqual([["cut.xlsx", expect.stringContaining("XLSX 文件已损坏")]]);
      expect(summary.files.find((f) => f.file === "villages.csv")?.rowsAccepted).toBe(3);
    } finally {
      conn.closeSync();
      instance.closeSync();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
