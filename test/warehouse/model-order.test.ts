// Acceptance for the model graph (issue 9): the models' file names do not decide anything. The fixture
// county is built once with the models as they are and once with every model file copied under a random
// name in an order that reverses the alphabetical one; every table and view must hold the same rows.
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { buildWarehouse } from "../../loaders/warehouse/build-warehouse.ts";
import { MODEL_LAYERS } from "../../loaders/warehouse/run-sql-models.ts";
import { DEFAULT_MODELS_DIR } from "../../loaders/paths.ts";
import { FIXTURE_DIR } from "../sql/fixture-warehouse.ts";

/** Every model file under a random name; the new names sort in the reverse of the old order. */
function shuffledModels(): string {
  const dir = mkdtempSync(join(tmpdir(), "dixian-shuffled-"));
  for (const layer of MODEL_LAYERS) {
    mkdirSync(join(dir, layer));
    const files = readdirSync(join(DEFAULT_MODELS_DIR, layer)).filter((f) => f.endsWith(".sql")).sort();
    files.forEach((file, i) => {
      // a macros file keeps "macros" in its name: the runner requires it
      const tag = file.includes("macros") ? "_macros" : "";
      const name = `${String(files.length - i).padStart(3, "0")}_${randomBytes(4).toString("hex")}${tag}.sql`;
      cpSync(join(DEFAULT_MODELS_DIR, layer, file), join(dir, layer, name));
    });
  }
  // the portable roll-up SQL is not a model (the build runs it after the models): copied as it is
  cpSync(join(DEFAULT_MODELS_DIR, "rollup"), join(dir, "rollup"), { recursive: true });
  return dir;
}

async function contents(dbPath: string): Promise<Map<string, unknown[][]>> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    const names = (
      await conn.runAndReadAll(
        "select table_name as name from duckdb_tables() union select view_name from duckdb_views() where not internal order by name",
      )
    ).getRowObjectsJS().map((r) => String(r.name));
    const tables = new Map<string, unknown[][]>();
    // loaded_at (load_log, and the marts that carry it on) records when each file was loaded: the one column that
    // differs between two builds
    const withLoadTime = new Set(
      (await conn.runAndReadAll("select distinct table_name from duckdb_columns() where column_name = 'loaded_at'")).getRowsJS().map((r) => String(r[0])),
    );
    for (const name of names) {
      const select = withLoadTime.has(name) ? "select * exclude (loaded_at)" : "select *";
      tables.set(name, (await conn.runAndReadAll(`${select} from "${name}" order by all`)).getRowsJS());
    }
    return tables;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("model order", () => {
  it("builds the same warehouse when the model files are renamed at random", async () => {
    const work = mkdtempSync(join(tmpdir(), "dixian-order-"));
    const build = (name: string, modelsDir?: string) =>
      buildWarehouse({
        inputDir: join(FIXTURE_DIR, "extracts"),
        dbPath: join(work, `${name}.duckdb`),
        reportsDir: join(work, `${name}-reports`),
        configDir: join(FIXTURE_DIR, "config"),
        modelsDir,
      });
    const models = shuffledModels();
    const plain = await build("plain");
    const shuffled = await build("shuffled", models);
    expect(shuffled.models.every((f) => f.startsWith(models))).toBe(true);
    const a = await contents(plain.dbPath);
    const b = await contents(shuffled.dbPath);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.get("indicators")!.length).toBeGreaterThan(100);
    for (const [name, rows] of a) expect(b.get(name), name).toEqual(rows);
  });
});
