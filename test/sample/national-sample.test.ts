// The sample county in the national system's layout holds the same households as the canonical one: read
// through the export profile, every monitored and every 脱贫 household of each month comes back with the
// canonical sample's values, except what the national download does not carry (风险发现日期, 首次帮扶日期,
// 帮扶责任人) and the precision of its dates (month only).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInputFolder, type LoadSummary } from "../../loaders/load/load-input-folder.ts";
import { readProfiles } from "../../loaders/profiles/profile.ts";
import { generateSampleCounty, type SampleManifest } from "../../loaders/sample/generate-sample-county.ts";

const SIZE = { seed: 3, households: 300, months: 3, end: "2026-06", defectRate: 0 };
const PROFILES = readProfiles(join(import.meta.dirname, "..", "..", "data", "config"));

describe("the national-layout sample county", () => {
  let root: string;
  const dbs: { instance: DuckDBInstance; conn: DuckDBConnection }[] = [];
  let canonical: DuckDBConnection;
  let national: DuckDBConnection;
  let summary: LoadSummary;
  let manifest: SampleManifest;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "dixian-national-sample-"));
    await generateSampleCounty({ outDir: join(root, "canonical"), ...SIZE });
    manifest = await generateSampleCounty({ outDir: join(root, "national"), ...SIZE, format: "national" });
    for (const name of ["canonical", "national"]) {
      const instance = await DuckDBInstance.create(":memory:");
      const conn = await instance.connect();
      dbs.push({ instance, conn });
      const result = await loadInputFolder(conn, join(root, name), { reportsDir: join(root, `${name}-reports`), profiles: PROFILES });
      if (name === "national") summary = result;
    }
    [canonical, national] = dbs.map((d) => d.conn);
  }, 120_000);
  afterAll(() => {
    for (const d of dbs) {
      d.conn.closeSync();
      d.instance.closeSync();
    }
    rmSync(root, { recursive: true, force: true });
  });

  it("loads every person row of the downloads, none rejected or warned", () => {
    const roster = summary.files.filter((f) => f.extract === "households");
    expect(roster).toHaveLength(6);
    for (const f of roster) expect([f.file, f.status, f.rowsRejected, f.rowsWarned]).toEqual([f.file, "loaded", 0, 0]);
    const written = manifest.files.filter((f) => f.extract === "households");
    expect(written.every((f) => f.titleRows === 2 && f.headerRow === 3)).toBe(true);
    expect(roster.reduce((n, f) => n + f.rowsRead, 0)).toBe(written.reduce((n, f) => n + f.dataRows, 0));
  });

  it("gives back the canonical sample's 脱贫 and monitored households, dates to the month", async () => {
    const columns = `period, household_id, head_name, id_number, phone, area_code, household_size, labour_count, household_type, is_monitored,
      monitor_kind, strftime(identified_date, '%Y-%m') as identified_month, list_sort(risks) as risks, risk_eliminated, elimination_mode,
      strftime(elimination_date, '%Y-%m') as elimination_month, no_labour, list_sort(measures) as measures, income_wage, income_business, income_property,
      income_transfer, cost_business, income_pc, housing_ok, edu_ok, med_ok, water_ok`;
    const read = async (conn: DuckDBConnection, where: string) =>
      (await conn.runAndReadAll(`select ${columns} from stg_households where ${where} order by period, household_id`)).getRowObjectsJson();
    const a = await read(canonical, "household_type = '脱贫户' or is_monitored");
    const b = await read(national, "true");
    expect(b.length).toBeGreaterThan(300);
    expect(b).toEqual(a);
    const [flag] = (await national.runAndReadAll("select count(*) filter (where date_month_only)::int as month_only, count(*) filter (where is_monitored)::int as monitored from stg_households")).getRowObjectsJson();
    expect(flag.month_only).toBe(flag.monitored);
  });

  it("writes every member, a person in both downloads once, with certificate numbers cut to the ID", async () => {
    const [m] = (await national.runAndReadAll(`select count(*)::int as persons, count(distinct (period, household_id, person_id))::int as distinct_persons,
      count(*) filter (where id_type = '残疾人证' and length(id_number) <> 18)::int as long_certificates from stg_household_members`)).getRowObjectsJson();
    const [h] = (await national.runAndReadAll("select sum(household_size)::int as persons from stg_households")).getRowObjectsJson();
    expect(m.persons).toBe(h.persons);
    expect(m.distinct_persons).toBe(m.persons);
    expect(m.long_certificates).toBe(0);
  });
});
