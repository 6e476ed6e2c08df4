// Hostile text from a county's file, short of the browser: the staff reports and the pages' data.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { loadInputFolder } from "../../loaders/load/load-input-folder.ts";
import { toJson } from "../../src/data/warehouse.ts";

const HOUSEHOLDS = readFileSync(join(import.meta.dirname, "..", "fixtures", "indicators", "extracts", "households_2025-06.csv"), "utf-8").split("\n");

describe("hostile text", () => {
  it("opens in the rejection report as text: formulas quoted, bidirectional controls written out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-hostile-text-"));
    mkdirSync(join(dir, "input"));
    const cells = HOUSEHOLDS[1].split(",");
    const bad = [
      ["=HYPERLINK(\"http://evil.example\",\"点击\")", "H01"],
      ["+cmd|' /C calc'!A0", "H02"],
      ["@SUM(1+1)", "H03"],
      ["\u202E1120563019910992", "H04"],
    ];
    // The 证件号码 column (index 3) carries the payload, so each row is rejected with its raw value.
    const rows = bad.map(([id, key]) => cells.map((c, i) => (i === 3 ? `"${id.replace(/"/g, '""')}"` : i === 1 ? key : c)).join(","));
    writeFileSync(join(dir, "input", "households_2025-06.csv"), `${HOUSEHOLDS[0]}\n${rows.join("\n")}\n`);
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const summary = await loadInputFolder(conn, join(dir, "input"), { reportsDir: join(dir, "reports") });
      expect(summary.rowsRejected).toBe(4);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    const report = readFileSync(join(dir, "reports", "rejections.csv"), "utf-8");
    expect(report).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")"`);
    expect(report).toContain("'+cmd|' /C calc'!A0");
    expect(report).toContain("'@SUM(1+1)");
    expect(report).toContain("‹U+202E›1120563019910992");
    expect(report).not.toMatch(/[\u202A-\u202E]/);
  });

  it("reaches the pages without bidirectional controls", () => {
    expect(toJson({ village: "\u202E村gpj.exe", names: ["\u2066张*\u2069"], n: 3n })).toEqual({ village: "村gpj.exe", names: ["张*"], n: 3 });
  });
});
