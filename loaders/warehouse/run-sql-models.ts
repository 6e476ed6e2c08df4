import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { planModels, readModel, type ModelPlan, type SqlModel } from "./model-graph.ts";
import { faultPoint } from "../build/fault-points.ts";

/** The model folders. Their names say the layer; the run order comes from the model graph, not from them. */
export const MODEL_LAYERS = ["intermediate", "marts"] as const;

/** Every model file, as `layer/file.sql` paths under the models folder, sorted. */
export function listSqlModels(modelsDir: string): string[] {
  return MODEL_LAYERS.flatMap((layer) => {
    const dir = join(modelsDir, layer);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(".sql"))
      .sort()
      .map((name) => `${layer}/${name}`);
  });
}

/** Reads every model file of the folder: what each creates and reads. */
export async function readSqlModels(conn: DuckDBConnection, modelsDir: string): Promise<SqlModel[]> {
  const models: SqlModel[] = [];
  for (const path of listSqlModels(modelsDir)) models.push(await readModel(conn, join(modelsDir, path), path));
  return models;
}

/** The tables and views in the warehouse now: what the models can read besides each other's output. */
async function existingTables(conn: DuckDBConnection): Promise<Set<string>> {
  const reader = await conn.runAndReadAll(
    "select table_name as name from duckdb_tables() union select view_name from duckdb_views() where not internal",
  );
  return new Set(reader.getRowObjectsJS().map((r) => String(r.name).toLowerCase()));
}

/**
 * Runs every model file, each as one multi-statement script, in the order of the model graph: a model runs
 * after the models it reads. Refuses to start when a model reads a table that neither a model nor the
 * load (staging, load_log, rejections, cfg_*, indicator_catalog: whatever the warehouse holds already)
 * creates, or when models read each other in a cycle. A failing model names its file.
 * Returns the model files in the order they ran.
 */
export async function runSqlModels(conn: DuckDBConnection, modelsDir: string, timings?: { file: string; seconds: number }[]): Promise<string[]> {
  const plan: ModelPlan = planModels(await readSqlModels(conn, modelsDir), await existingTables(conn));
  for (const model of plan.order) {
    try {
      const start = performance.now();
      await conn.run(readFileSync(model.file, "utf-8"));
      timings?.push({ file: model.file, seconds: (performance.now() - start) / 1000 });
    } catch (error) {
      throw new Error(`SQL 模型 ${model.file} 执行失败：${(error as Error).message}`, { cause: error });
    }
    if (model === plan.order[0]) await faultPoint("models");
  }
  return plan.order.map((model) => model.file);
}
