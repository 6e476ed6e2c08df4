// Acceptance of issue 17: the same hand-made county in the canonical layout and as the national system's
// overlapping per-person exports gives the same warehouse: every indicator row, stock and flow, is equal.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse, type BuildResult } from "../../loaders/warehouse/build-warehouse.ts";
import ExcelJS from "exceljs";
import { loadInputFolder } from "../../loaders/load/load-input-folder.ts";
import { readProfiles } from "../../loaders/profiles/profile.ts";
import { id, writeCanonical, writeNational, writeReference } from "./hand-county.ts";

const CONFIG = join(import.meta.dirname, "..", "..", "data", "config");

async function rows(db: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("a county given in the canonical layout and as the national system's per-person exports", () => {
  let work: string;
  let canonical: BuildResult;
  let national: BuildResult;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "dixian-profile-"));
    for (const name of ["canonical", "national"]) mkdirSync(join(work, name));
    writeCanonical(join(work, "canonical"));
    await writeNational(join(work, "national"));
    canonical = await buildWarehouse({ inputDir: join(work, "canonical"), dbPath: join(work, "canonical.duckdb"), reportsDir: join(work, "r1"), configDir: CONFIG });
    national = await buildWarehouse({ inputDir: join(work, "national"), dbPath: join(work, "national.duckdb"), reportsDir: join(work, "r2"), configDir: CONFIG });
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("loads every person row of the exports, none rejected, without warnings", () => {
    expect(canonical.load.rowsRejected).toBe(0);
    expect(national.load.refused).toEqual([]);
    const exports = national.load.files.filter((f) => f.file.endsWith(".xlsx"));
    expect(exports.map((f) => [f.file, f.period, f.rowsRead, f.rowsAccepted, f.rowsRejected, f.rowsWarned])).toEqual([
      ["监测对象信息_20250531-共2户.xlsx", "2025-05", 3, 3, 0, 0],
      ["监测对象信息_20250630-共3户.xlsx", "2025-06", 7, 7, 0, 0],
      ["脱贫人口信息_20250531-共3户.xlsx", "2025-05", 7, 7, 0, 0],
      ["脱贫人口信息_20250630-共3户.xlsx", "2025-06", 7, 7, 0, 0],
    ]);
  });

  it("produces the same household rows as the canonical files", async () => {
    const sql = `select * exclude (source_file, source_row) from stg_households order by period, household_id`;
    const a = await rows(canonical.dbPath, sql);
    const b = await rows(national.dbPath, sql);
    expect(b).toEqual(a);
    expect(b.length).toBe(9);
  });

  it("gives identical indicators, stock and flow, for every period, area and code", async () => {
    const sql = `select code, period, area_code, area_level, value, numerator, denominator, complete from indicators order by all`;
    const a = await rows(canonical.dbPath, sql);
    const b = await rows(national.dbPath, sql);
    expect(a.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    // hand-worked: June end snapshot — 3 脱贫户 (H001, H002, H005) of 7 persons; active monitored H002, H003
    const june = (code: string) => b.find((r) => r.code === code && r.period === "2025-06" && r.area_level === "county");
    expect(june("hh_lifted")?.value).toBe(3);
    expect(june("pop_lifted")?.value).toBe(7);
    expect(june("mon_active")?.value).toBe(2);
    expect(june("mon_identified")?.value).toBe(1);
  });

  it("writes one person row per member and month, the person in both files once, certificate numbers cut to the ID", async () => {
    const members = await rows(national.dbPath, "select period, household_id, person_id, id_number, id_type, relation, sex, birth_date::varchar as birth_date, labour_skill, phone from stg_household_members order by all");
    expect(members.length).toBe(3 + 2 + 1 + 2 + (3 + 2 + 4 + 1 + 2));
    const wife = members.find((m) => m.person_id === "P00202" && m.period === "2025-06")!;
    expect(wife).toMatchObject({ id_number: id("42010119620505005"), id_type: "残疾人证", sex: "女", birth_date: "1962-05-05", labour_skill: "丧失劳动力" });
    expect(members.find((m) => m.person_id === "P00201" && m.period === "2025-05")?.phone).toBe("13800000002");
    expect(await rows(canonical.dbPath, "select * from stg_household_members")).toEqual([]);
  });

  it("keeps month-only dates apart: out of the timeliness rates, listed as 日期仅到月", async () => {
    const [flag] = await rows(national.dbPath, "select count(*) filter (where date_month_only)::int as n from stg_households");
    expect(flag.n).toBe(5); // H002 ×2, H003, H004 ×2
    const t = await rows(national.dbPath, "select stage, status, households from timeliness where period = '2025-05' and area_level = 'county' order by all");
    expect(t).toEqual([
      { stage: "assist", status: "month_only", households: 2 },
      { stage: "identification", status: "month_only", households: 2 },
    ]);
  });

  it("names the export files and their periods in the load summary", () => {
    const text = readFileSync(join(work, "r2", "load-summary.csv"), "utf-8");
    expect(text).toContain("脱贫人口信息_20250630-共3户.xlsx");
    expect(text).not.toContain("导出格式");
  });
});

describe("loading a national export with defects", () => {
  it("reports each household's defects at its head's row in the county's file, and counts every person row", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-profile-defects-"));
    try {
      mkdirSync(join(dir, "in"));
      writeReference(join(dir, "in"));
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Sheet1");
      sheet.addRow(["防止返贫监测对象信息"]);
      sheet.addRow(["导出单位：示例县"]);
      sheet.addRow(["县", "乡镇", "村", "户编号", "人编号", "姓名", "证件号码", "与户主关系", "劳动技能", "户类型", "人均纯收入（元）"]);
      const good = id("42010119700101001");
      const badChecksum = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
      sheet.addRow(["示例县", "城关镇", "青山村", "H1", "P1", "张三", good, "户主", "普通劳动力", "脱贫户", 9000]); // row 4
      sheet.addRow(["示例县", "城关镇", "青山村", "H1", "P2", "李四", id("42010119720202002"), "配偶", "普通劳动力", "脱贫户", 9100]); // row 5: conflict
      sheet.addRow(["示例县", "城关镇", "白云村", "H2", "P3", "王五", id("42010119600404004"), "户主", "普通劳动力", "脱贫户", 9000]); // row 6: unknown village
      sheet.addRow(["示例县", "城关镇", "白云村", "H2", "P4", "赵六", id("42010119620505005"), "配偶", "无劳动力", "脱贫户", 9000]); // row 7
      sheet.addRow(["示例县", "河口乡", "青山村", "H3", "P5", "钱七", badChecksum, "户主", "普通劳动力", "一般农户", 9000]); // row 8: bad ID
      await workbook.xlsx.writeFile(join(dir, "in", "监测对象信息_20250630-风险未消除3人.xlsx"));
      const instance = await DuckDBInstance.create(":memory:");
      const conn = await instance.connect();
      try {
        const summary = await loadInputFolder(conn, join(dir, "in"), { reportsDir: join(dir, "reports"), profiles: readProfiles(CONFIG) });
        const file = summary.files.find((f) => f.file.endsWith(".xlsx"))!;
        expect([file.status, file.period, file.rowsRead, file.rowsAccepted, file.rowsRejected, file.rowsWarned]).toEqual(["loaded", "2025-06", 5, 2, 3, 1]);
        const rejected = (await conn.runAndReadAll("select file, \"row\", rule from rejections order by \"row\"")).getRowObjectsJson();
        expect(rejected).toEqual([
          { file: "监测对象信息_20250630-风险未消除3人.xlsx", row: 6, rule: "area_name_unknown" },
          { file: "监测对象信息_20250630-风险未消除3人.xlsx", row: 8, rule: "id_checksum" },
        ]);
        const warned = (await conn.runAndReadAll("select \"row\", rule from warnings")).getRowObjectsJson();
        expect(warned).toEqual([{ row: 5, rule: "household_field_conflict" }]);
        const staged = (await conn.runAndReadAll("select household_id, source_file, source_row, household_size, labour_count, is_monitored from stg_households")).getRowObjectsJson();
        expect(staged).toEqual([{ household_id: "H1", source_file: "监测对象信息_20250630-风险未消除3人.xlsx", source_row: 4, household_size: 2, labour_count: 2, is_monitored: false }]);
        const members = (await conn.runAndReadAll("select person_id, source_row from stg_household_members order by person_id")).getRowObjectsJson();
        expect(members).toEqual([{ person_id: "P1", source_row: 4 }, { person_id: "P2", source_row: 5 }]);
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
