import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { listSqlModels, runSqlModels } from "../../loaders/warehouse/run-sql-models.ts";
import { planModels, readModel, splitStatements } from "../../loaders/warehouse/model-graph.ts";

function modelsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dixian-models-"));
  for (const [path, sql] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), sql);
  }
  return dir;
}

async function memory(): Promise<DuckDBConnection> {
  return (await DuckDBInstance.create(":memory:")).connect();
}

describe("runSqlModels", () => {
  it("runs each model after the models it reads, whatever the file names", async () => {
    const dir = modelsDir({
      // alphabetically the reverse of what the reads require
      "intermediate/10_b.sql": "create table b as select x * 10 as y from a;",
      "intermediate/20_a.sql": "create table a as select n + 1 as x from base;",
      "marts/00_base.sql": "create table base as select 1 as n; -- comment\ninsert into base values (2);",
      "marts/notes.txt": "not a model",
    });
    expect(listSqlModels(dir)).toEqual(["intermediate/10_b.sql", "intermediate/20_a.sql", "marts/00_base.sql"]);
    const conn = await memory();
    const ran = await runSqlModels(conn, dir);
    expect(ran.map((f) => f.slice(dir.length + 1))).toEqual(["marts/00_base.sql", "intermediate/20_a.sql", "intermediate/10_b.sql"]);
    const rows = (await conn.runAndReadAll("select y from b order by y")).getRows();
    expect(rows).toEqual([[20], [30]]);
  });

  it("reads tables the load created before the models", async () => {
    const dir = modelsDir({ "marts/m.sql": "create table m as select count(*) as n from stg_x;" });
    const conn = await memory();
    await conn.run("create table stg_x as select 1 as k");
    await runSqlModels(conn, dir);
    expect((await conn.runAndReadAll("select n from m")).getRows()).toEqual([[1n]]);
  });

  it("names the failing model file", async () => {
    const dir = modelsDir({ "marts/10_bad.sql": "create table bad as select 'x'::integer as n;" });
    await expect(runSqlModels(await memory(), dir)).rejects.toThrow(/10_bad\.sql 执行失败/);
  });

  it("refuses a model reading a table nobody creates, naming the model and the table, before running anything", async () => {
    const dir = modelsDir({
      "marts/fine.sql": "create table fine as select 1 as n;",
      "marts/reads_missing.sql": "create table r as with t as (select * from no_such_table) select * from t;",
    });
    const conn = await memory();
    const error = (await runSqlModels(conn, dir).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("模型 marts/reads_missing.sql 读取表 no_such_table，但没有任何模型或载入步骤创建它");
    expect((await conn.runAndReadAll("select count(*) from duckdb_tables() where table_name = 'fine'")).getRows()).toEqual([[0n]]);
  });

  it("refuses a cycle, naming the models in it", async () => {
    const dir = modelsDir({
      "intermediate/a.sql": "create table a as select * from c;",
      "intermediate/b.sql": "create table b as select * from a;",
      "intermediate/c.sql": "create table c as select * from b;",
      "marts/d.sql": "create table d as select * from a;",
    });
    await expect(runSqlModels(await memory(), dir)).rejects.toThrow(
      "SQL 模型之间存在循环依赖：intermediate/a.sql → intermediate/c.sql → intermediate/b.sql → intermediate/a.sql",
    );
  });

  it("refuses two models creating one table, and a file creating two", async () => {
    const twice = modelsDir({ "marts/x1.sql": "create table x as select 1 as n;", "marts/x2.sql": "create table x as select 2 as n;" });
    await expect(runSqlModels(await memory(), twice)).rejects.toThrow("表 x 由两个模型创建：marts/x1.sql 和 marts/x2.sql");
    const two = modelsDir({ "marts/two.sql": "create table p as select 1 as n; create view q as select * from p;" });
    await expect(runSqlModels(await memory(), two)).rejects.toThrow("marts/two.sql 创建了多个表：p、q");
    const macro = modelsDir({ "intermediate/helpers.sql": "create macro twice(x) as x * 2;" });
    await expect(runSqlModels(await memory(), macro)).rejects.toThrow(/宏放在文件名含 macros 的单独文件里/);
  });
});

describe("readModel", () => {
  it("finds the tables a model reads, not its CTE names, columns or built-in functions", async () => {
    const sql = `-- header; with a semicolon in a comment
      create or replace table out_t as
      with recent as (select * from stg_a where extract(year from day) = 2024 and note <> 'from fake; join fake2'),
      joined as (select r.*, b.v from recent r left join int_b b using (k))
      select j.*, ind_ratio(j.v, 2) as share, "from" from joined j, unnest([1, 2]) u(x)
      where exists (select 1 from int_c c where c.k = j.k)`;
    const model = await readModel(await memory(), "m.sql", "marts/out_t.sql", sql);
    expect(model.creates).toEqual(["out_t"]);
    expect(model.reads).toEqual(["int_b", "int_c", "stg_a"]);
    expect(model.calls).toContain("ind_ratio");
    expect(model.calls).not.toContain("recent");
  });

  it("makes a model that calls a macro depend on the macros file", async () => {
    const conn = await memory();
    const macros = await readModel(conn, "a", "intermediate/05_int_macros.sql", "create or replace macro ind_ratio(n, d) as case when d > 0 then n / d end;");
    const user = await readModel(conn, "b", "marts/r.sql", "create table r as select ind_ratio(1, 2) as v;");
    const plan = planModels([user, macros], new Set());
    expect(plan.order.map((m) => m.path)).toEqual(["intermediate/05_int_macros.sql", "marts/r.sql"]);
    expect(plan.inputs.get("marts/r.sql")).toEqual(["intermediate/05_int_macros.sql"]);
  });

  it("takes the tables from a '-- reads:' line when DuckDB cannot serialize the query, and asks for one otherwise", async () => {
    const conn = await memory();
    const pivot = "create table p as select * from (pivot stg_x on k using sum(v));";
    await expect(readModel(conn, "f", "marts/p.sql", pivot)).rejects.toThrow(/marts\/p\.sql：无法从 SQL 读出它读取的表.*-- reads:/);
    const model = await readModel(conn, "f", "marts/p.sql", `-- p — grain: one row.\n-- reads: stg_x\n${pivot}`);
    expect(model.reads).toEqual(["stg_x"]);
  });

  it("splits statements on semicolons outside strings, quoted names and comments", () => {
    expect(splitStatements("select ';' as \"a;b\"; -- x; y\nselect 2 /* ; */;")).toEqual(["select ';' as \"a;b\"", "select 2"]);
  });
});
