import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { expect, test } from "vitest";
import { readPersonalValues } from "../../loaders/privacy/personal-values.ts";

test("protects every family member's ID and phone an export profile read, not only the head's", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dixian-personal-values-"));
  try {
    const db = join(dir, "w.duckdb");
    const instance = await DuckDBInstance.create(db);
    const conn = await instance.connect();
    await conn.run("create table stg_households (head_name varchar, id_number varchar, phone varchar)");
    await conn.run("insert into stg_households values ('王建国', '11010519491231002X', '13812345678')");
    await conn.run("create table stg_household_members (id_number varchar, phone varchar)");
    await conn.run("insert into stg_household_members values ('110105195001010015', '13900000000'), ('无', null), (null, '0')");
    conn.closeSync();
    instance.closeSync();
    const values = await readPersonalValues(db);
    expect(values.ids.sort()).toEqual(["11010519491231002X", "110105195001010015"]);
    expect(values.phones.sort()).toEqual(["13812345678", "13900000000"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
