// The sample county's department records (loaders/sample/department.ts) through the whole warehouse: bills and
// losses follow the simulated shocks, so leads come before the roster's identifications; some leads are false
// (checked and 不符合, from the towns' feedback file whose 线索编号 must be the ones the SQL makes), some are
// never picked up by the roster; bills in a family member's name match no household.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSampleCounty } from "../../loaders/sample/generate-sample-county.ts";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";

let dir: string;
let rows: (sql: string) => Promise<Record<string, unknown>[]>;
let close: () => void;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dixian-dept-sample-"));
  await generateSampleCounty({ outDir: join(dir, "input"), seed: 3, households: 1000, months: 12, defectRate: 0 });
  await buildWarehouse({ inputDir: join(dir, "input"), dbPath: join(dir, "w.duckdb"), reportsDir: join(dir, "reports"), configDir: join(dir, "no-config") });
  const instance = await DuckDBInstance.create(join(dir, "w.duckdb"), { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  rows = async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  close = () => {
    conn.closeSync();
    instance.closeSync();
  };
}, 120_000);
afterAll(() => {
  close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe("department records of the sample county", () => {
  it("raise medical and disaster leads that precede the roster's identifications", async () => {
    const [s] = await rows(`select
      count(*) filter (where department = '医保')::integer as medical,
      count(*) filter (where department = '应急')::integer as disaster,
      count(*) filter (where is_identified)::integer as identified,
      count(*) filter (where is_identified and identified_date < lead_date)::integer as identified_before
      from leads`);
    expect(s.medical).toBeGreaterThan(5);
    expect(s.disaster).toBeGreaterThan(0);
    expect(s.identified).toBeGreaterThan(2);
    expect(s.identified_before).toBe(0);
  });

  it("has false leads closed by the towns' feedback and leads the roster never picks up", async () => {
    const [s] = await rows(`select
      count(*) filter (where status = '核查不符合')::integer as not_qualifying,
      count(*) filter (where not is_closed and not is_identified)::integer as open
      from leads`);
    expect(s.not_qualifying).toBeGreaterThan(0);
    expect(s.open).toBeGreaterThan(0);
    const [feedback] = await rows("select records, unmatched from department_matches where department = '核查反馈'");
    expect(feedback.records).toBeGreaterThan(0);
    expect(feedback.unmatched).toBe(0);
  });

  it("counts bills in family members' names as matching no household", async () => {
    const [m] = await rows("select records, unmatched from department_matches where department = '医保'");
    expect(m.unmatched).toBeGreaterThan(0);
    expect(m.unmatched).toBeLessThan(m.records as number);
  });
});
