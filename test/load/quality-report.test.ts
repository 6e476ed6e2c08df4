import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInputFolder } from "../../loaders/load/load-input-folder.ts";
import { qualityReport } from "../../loaders/load/quality-report.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "extracts");

describe("qualityReport", () => {
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  let work: string;
  let report: Record<string, any>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "dixian-quality-"));
    for (const name of ["villages.csv", "households_2024-01.csv", "loans-bank.xlsx", "refused"]) {
      cpSync(join(FIXTURES, name), join(work, "input", name), { recursive: true });
    }
    instance = await DuckDBInstance.create(":memory:");
    conn = await instance.connect();
    await loadInputFolder(conn, join(work, "input"), { reportsDir: join(work, "reports") });
    const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    report = await qualityReport(query);
  });
  afterAll(() => {
    conn.closeSync();
    instance.closeSync();
    rmSync(work, { recursive: true, force: true });
  });

  it("counts rows per extract and period", () => {
    const hh = report.byExtractPeriod.find((d: any) => d.extract === "households");
    expect(hh).toMatchObject({ period: "2024-01", files: 1, rows_read: 16, rows_accepted: 3, rows_rejected: 13 });
    expect(hh.reject_rate).toBeCloseTo(13 / 16);
  });

  it("lists refused files with their reasons", () => {
    const refused = report.files.filter((d: any) => d.status === "refused").map((d: any) => d.file);
    expect(refused).toHaveLength(6);
  });

  it("ranks rejection reasons per extract", () => {
    const loans = report.topRules.filter((d: any) => d.extract === "loans").map((d: any) => [d.rule, d.rows]);
    expect(loans).toHaveLength(5);
    expect(loans.every(([, rows]: [string, number]) => rows === 1)).toBe(true);
  });

  it("groups defects by source with accepted rows beside them", () => {
    const bank = report.bySource.find((d: any) => d.extract === "loans" && d.source_key === "农商银行");
    expect(bank).toMatchObject({ period: "2024-01", rejected: 5, accepted: 2 });
    const town = report.bySource.find((d: any) => d.extract === "households" && d.source_key === "530101009");
    expect(town).toMatchObject({ rejected: 1 });
  });

  it("carries the field documentation from the contracts", () => {
    const id = report.fields.find((d: any) => d.extract === "households" && d.column === "id_number");
    expect(id).toMatchObject({ header: "证件号码", required: true, type: "VARCHAR" });
    expect(id.aliases.split("、")).toContain("身份证号");
    expect(report.fields.filter((d: any) => d.extract === "monitoring_lines").map((d: any) => d.header)).toEqual(["年度", "区划代码", "监测线"]);
  });

  it("publishes masked values only, and no details when asked", async () => {
    const text = JSON.stringify(report);
    expect(text).not.toContain("530101198001010018");
    expect(text).toContain("530101********0018");
    const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    const publicReport = await qualityReport(query, { omitDetails: true });
    expect(publicReport.details).toBeNull();
    expect(publicReport.detailTotal).toBe(19); // 13 households + 5 loans + 1 village
  });
});
