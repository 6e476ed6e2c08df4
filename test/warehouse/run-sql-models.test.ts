import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { listSqlModels, runSqlModels } from "../../loaders/warehouse/run-sql-models.ts";

function modelsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dixian-models-"));
  for (const [path, sql] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), sql);
  }
  return dir;
}

describe("runSqlModels", () => {
  it("runs intermediate before marts and files in name order", async () => {
    const dir = modelsDir({
      "marts/20_b.sql": "create table b as select x * 10 as y from a;",
      "marts/10_a.sql": "create table a as select n + 1 as x from base;",
      "intermediate/10_base.sql": "create table base as select 1 as n; -- comment\ninsert into base values (2);",
      "marts/notes.txt": "not a model",
    });
    expect(listSqlModels(dir).map((f) => f.slice(dir.length + 1))).toEqual([
      "intermediate/10_base.sql",
      "marts/10_a.sql",
      "marts/20_b.sql",
    ]);
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    await runSqlModels(conn, dir);
    const rows = (await conn.runAndReadAll("select y from b order by y")).getRows();
    expect(rows).toEqual([[20], [30]]);
  });

  it("names the failing model file", async () => {
    const dir = modelsDir({ "marts/10_bad.sql": "select * from missing_table;" });
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    await expect(runSqlModels(conn, dir)).rejects.toThrow(/10_bad\.sql 执行失败/);
  });
});
