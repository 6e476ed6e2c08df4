import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { swapInFile } from "../../loaders/warehouse/swap-file.ts";

describe("swapInFile", () => {
  it("replaces the live file and drops the live file's stale WAL", () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-swap-"));
    const live = join(dir, "w.duckdb");
    writeFileSync(live, "old");
    writeFileSync(`${live}.wal`, "stale");
    writeFileSync(`${live}.tmp`, "new");
    swapInFile(`${live}.tmp`, live);
    expect(readFileSync(live, "utf-8")).toBe("new");
    expect(existsSync(`${live}.wal`)).toBe(false);
    expect(existsSync(`${live}.tmp`)).toBe(false);
  });

  it("refuses a fresh file whose WAL was not checkpointed, leaving the live file", () => {
    const dir = mkdtempSync(join(tmpdir(), "dixian-swap-"));
    const live = join(dir, "w.duckdb");
    writeFileSync(live, "old");
    writeFileSync(`${live}.tmp`, "new");
    writeFileSync(`${live}.tmp.wal`, "pending");
    expect(() => swapInFile(`${live}.tmp`, live)).toThrow(/WAL/);
    expect(readFileSync(live, "utf-8")).toBe("old");
  });
});
