// The department extracts (DOMAIN.md §10) load like the others: header detection, aliases, GB18030 and XLSX,
// rejections with row, column and rule; 姓名 is personal; a disability certificate number of 20 or 22
// characters is accepted with its ID part checked. Fixtures: test/fixtures/department/make-fixtures.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInputFolder, type LoadSummary } from "../../loaders/load/load-input-folder.ts";
import { maskValue } from "../../loaders/privacy/mask.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "department", "extracts");

async function query(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

describe("loading the department extracts", () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  let summary: LoadSummary;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "dixian-dept-load-"));
    instance = await DuckDBInstance.create(":memory:");
    conn = await instance.connect();
    summary = await loadInputFolder(conn, FIXTURES, { reportsDir: join(work, "reports") });
  });
  afterAll(() => {
    conn.closeSync();
    instance.closeSync();
    rmSync(work, { recursive: true, force: true });
  });

  it("recognises each file's extract from its header and accounts for every row", () => {
    const byFile = Object.fromEntries(summary.files.map((f) => [f.file, `${f.extract} ${f.status} ${f.rowsRead}=${f.rowsAccepted}+${f.rowsRejected}`]));
    expect(byFile).toEqual({
      "villages.csv": "villages loaded 2=2+0",
      "医疗费用.csv": "medical_costs loaded 5=2+3",
      "社会救助_gb18030.csv": "social_aid loaded 4=2+2",
      "危房鉴定.xlsx": "dwelling_appraisals loaded 4=2+2",
      "控辍保学.csv": "school_dropouts loaded 2=1+1",
      "残疾人证.csv": "disability_certificates loaded 5=3+2",
      "灾情.csv": "disaster_losses loaded 3=2+1",
      "核查反馈.csv": "lead_feedback loaded 3=2+1",
    });
  });

  it("rejects what cannot be compared, naming row and rule", async () => {
    const rows = await query(conn, "select file, \"row\", rule from rejections order by file, \"row\"");
    expect(rows.map((r) => `${r.file}:${r.row}:${r.rule}`)).toEqual([
      "医疗费用.csv:4:id_checksum", "医疗费用.csv:5:self_paid_missing", "医疗费用.csv:6:invalid_date",
      "危房鉴定.xlsx:5:match_key_missing", "危房鉴定.xlsx:6:invalid_enum",
      "控辍保学.csv:3:village_unknown",
      "核查反馈.csv:4:invalid_enum",
      "残疾人证.csv:5:id_format", "残疾人证.csv:6:id_checksum",
      "灾情.csv:4:match_key_missing",
      "社会救助_gb18030.csv:4:invalid_enum", "社会救助_gb18030.csv:5:required",
    ]);
  });

  it("stores typed values: computed 个人自付, enum aliases, 万元, certificate numbers as given", async () => {
    expect(await query(conn, "select id_number, self_paid from stg_medical_costs order by source_row")).toEqual([
      { id_number: "530101198001010019", self_paid: 12000 }, { id_number: "530101197512120020", self_paid: 3000 },
    ]);
    expect(await query(conn, "select aid_type, start_date::varchar d, name from stg_social_aid order by source_row")).toEqual([
      { aid_type: "低保", d: "2024-03-01", name: "张三" }, { aid_type: "临时救助", d: "2024-04-10", name: "李四" },
    ]);
    expect(await query(conn, "select dwelling_grade, household_id, appraisal_date::varchar d from stg_dwelling_appraisals order by source_row")).toEqual([
      { dwelling_grade: "C", household_id: null, d: "2024-06-01" }, { dwelling_grade: "D", household_id: "H002", d: "2024-06-02" },
    ]);
    expect(await query(conn, "select id_number, disability_grade from stg_disability_certificates order by source_row")).toEqual([
      { id_number: "53010119751212002042", disability_grade: "二级" },
      { id_number: "5301011990050500395211", disability_grade: "一级" },
      { id_number: "530101196503030045", disability_grade: "三级" },
    ]);
    expect(await query(conn, "select area_code, loss_amount from stg_disaster_losses order by source_row")).toEqual([
      { area_code: "530101001001", loss_amount: 15000 }, { area_code: "530101002", loss_amount: 300000 },
    ]);
    expect(await query(conn, "select lead_id, conclusion, check_date::varchar d from stg_lead_feedback order by source_row")).toEqual([
      { lead_id: "YB-20240305-0000AAAA", conclusion: "不符合", d: "2024-03-08" }, { lead_id: "MZ-20240301-0000BBBB", conclusion: null, d: null },
    ]);
  });

  it("masks 姓名 and certificate numbers wherever a value leaves the county's reports", async () => {
    expect(maskValue("name", "张三")).toBe("张*");
    expect(maskValue("姓名", "欧阳娜娜")).toBe("欧*");
    const cert = await query(conn, "select value_masked from rejections where file = '残疾人证.csv' order by \"row\"");
    expect(cert).toEqual([{ value_masked: "530101*********0544" }, { value_masked: "530101**********1842" }]);
  });
});
