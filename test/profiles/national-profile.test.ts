// Acceptance of issue 17: the same hand-made county in the canonical layout and as the national system's
// overlapping per-person exports gives the same warehouse: every indicator row, stock and flow, is equal.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWarehouse, type BuildResult } from "../../loaders/warehouse/build-warehouse.ts";
import { id, writeCanonical, writeNational } from "./hand-county.ts";

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
