import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { loadInputFolder } from "../../loaders/load/load-input-folder.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "extracts");

describe("loadFile keys across files", () => {
  it("forgets the keys of a file refused half-way, and still rejects repeats of a loaded file's keys", async () => {
    const work = mkdtempSync(join(tmpdir(), "dixian-load-file-test-"));
    const input = join(work, "input");
    mkdirSync(input, { recursive: true });
    const [header, row] = readFileSync(join(FIXTURES, "households_2024-01.csv"), "utf-8").split("\n");
    const lines = [header];
    for (let i = 0; i < 6000; i++) lines.push(row.replace("H001", `X${i}`));
    const text = lines.join("\n") + "\n";
    cpSync(join(FIXTURES, "villages.csv"), join(input, "villages.csv"));
    // Refused after its first parts were read (bytes that are not UTF-8 at the end), then the same rows whole,
    // then the first 10 of them again.
    writeFileSync(join(input, "a_broken_2024-01.csv"), Buffer.concat([Buffer.from(text), Buffer.from([0xd6, 0xd0, 0x0a])]));
    writeFileSync(join(input, "b_whole_2024-01.csv"), text);
    writeFileSync(join(input, "c_again_2024-01.csv"), lines.slice(0, 11).join("\n") + "\n");
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const summary = await loadInputFolder(conn, input, { reportsDir: join(work, "reports"), stagingPartRows: 500 });
      const counts = Object.fromEntries(summary.files.map((f) => [f.file, [f.status, f.rowsAccepted, f.rowsRejected]]));
      expect(counts["a_broken_2024-01.csv"]).toEqual(["refused", 0, 0]);
      expect(counts["b_whole_2024-01.csv"]).toEqual(["loaded", 6000, 0]);
      expect(counts["c_again_2024-01.csv"]).toEqual(["loaded", 0, 10]);
      const rules = (await conn.runAndReadAll("select distinct rule from rejections where extract = 'households'")).getRows();
      expect(rules).toEqual([["duplicate_key"]]);
    } finally {
      conn.closeSync();
      instance.closeSync();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("loadFile periods from file names", () => {
  it("takes the period from an export date YYYYMMDD in the name, and refuses a name with only a count", async () => {
    const work = mkdtempSync(join(tmpdir(), "dixian-load-file-test-"));
    const input = join(work, "input");
    mkdirSync(input, { recursive: true });
    const [header, ...rows] = readFileSync(join(FIXTURES, "households_2024-01.csv"), "utf-8").replace(/^\uFEFF/, "").split("\n");
    // drop the 数据期 column: the first field of the header and of the first good row (H001)
    const noPeriod = [header.split(",").slice(1).join(","), rows[0].split(",").slice(1).join(",")].join("\n") + "\n";
    cpSync(join(FIXTURES, "villages.csv"), join(input, "villages.csv"));
    writeFileSync(join(input, "防止返贫致贫监测对象信息_20250902-风险未消除608人.csv"), noPeriod);
    writeFileSync(join(input, "风险未消除608人.csv"), noPeriod);
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      const summary = await loadInputFolder(conn, input, { reportsDir: join(work, "reports") });
      const dated = summary.files.find((f) => f.file.startsWith("防止返贫"))!;
      expect([dated.status, dated.period, dated.rowsAccepted]).toEqual(["loaded", "2025-09", 1]);
      const staged = (await conn.runAndReadAll("select household_id, period from stg_households")).getRows();
      expect(staged).toEqual([["H001", "2025-09"]]);
      const counted = summary.files.find((f) => f.file === "风险未消除608人.csv")!;
      expect(counted.status).toBe("refused");
      expect(counted.message).toContain("文件名中也没有年月或日期（如 2025-03、202503、2025年3月 或导出日期 20250302）");
    } finally {
      conn.closeSync();
      instance.closeSync();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
