import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { loadInputFolder } from "../../loaders/load/load-input-folder.ts";
import { generateSampleCounty } from "../../loaders/sample/generate-sample-county.ts";

// The rule each of the sample generator's deliberate defect kinds must trip.
const EXPECTED_RULE: Record<string, string[]> = {
  bad_id_checksum: ["id_checksum"],
  unknown_village: ["village_unknown"],
  duplicate_household: ["duplicate_key"],
  negative_amount: ["out_of_range"],
  date_order: ["elimination_before_identification", "maturity_not_after_issue", "paid_before_report"],
  income_mismatch: ["income_inconsistent"],
};

describe("the sample county through the loader", () => {
  it("reports exactly the generator's deliberate defects, at their rows — rejected or kept with a warning as the manifest says — and accepts everything else", async () => {
    const work = mkdtempSync(join(tmpdir(), "dixian-sample-load-"));
    const manifest = await generateSampleCounty({ outDir: join(work, "input"), households: 300, months: 4, defectRate: 0.02 });
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const summary = await loadInputFolder(conn, join(work, "input"), { reportsDir: join(work, "reports") });
      expect(summary.refused).toEqual([]);
      expect(manifest.defects.length).toBeGreaterThan(10);
      const bySeverity = { reject: "rejections", warn: "warnings" } as const;
      for (const [severity, table] of Object.entries(bySeverity) as [keyof typeof bySeverity, string][]) {
        const defects = manifest.defects.filter((d) => d.severity === severity);
        expect(defects.length, severity).toBeGreaterThan(3);
        expect(manifest.summary.defectsBySeverity[severity]).toBe(defects.length);
        const rows = (await conn.runAndReadAll(`select file, sheet, "row", column_name, rule from ${table}`)).getRowObjectsJson();
        const found = new Map(rows.map((r) => [`${r.file}|${r.sheet ?? ""}|${r.row}`, r]));
        for (const defect of defects) {
          const hit = found.get(`${defect.file}|${defect.sheet ?? ""}|${defect.row}`);
          expect(hit, `${table}: ${defect.file} 第 ${defect.row} 行 ${defect.kind}`).toBeDefined();
          expect(EXPECTED_RULE[defect.kind]).toContain(hit!.rule);
          expect(hit!.column_name).toBe(defect.column);
        }
        // nothing else: the clean rows raise neither a rejection nor a warning
        expect(rows, table).toHaveLength(defects.length);
      }
      expect(summary.rowsRejected).toBe(manifest.summary.defectsBySeverity.reject);
      expect(summary.rowsWarned).toBe(manifest.summary.defectsBySeverity.warn);
      // Every data row of every file is read: title, header and 合计 rows are not.
      for (const file of manifest.files) {
        const outcome = summary.files.find((f) => f.file === file.name)!;
        expect(outcome.rowsRead, file.name).toBe(file.dataRows);
        expect(outcome.extract).toBe(file.extract);
        if (file.period) expect(outcome.period).toBe(file.period);
      }
    } finally {
      conn.closeSync();
      instance.closeSync();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
