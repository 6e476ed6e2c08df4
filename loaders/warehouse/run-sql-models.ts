import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { faultPoint } from "../build/fault-points.ts";

/** The model layers, run in this order; inside a layer, files run in file-name order. */
export const MODEL_LAYERS = ["intermediate", "marts"] as const;

export function listSqlModels(modelsDir: string): string[] {
  return MODEL_LAYERS.flatMap((layer) => {
    const dir = join(modelsDir, layer);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith(".sql"))
      .sort()
      .map((name) => join(dir, name));
  });
}

/** Runs every model file as one multi-statement script; a failing model names its file. */
export async function runSqlModels(conn: DuckDBConnection, modelsDir: string): Promise<string[]> {
  const files = listSqlModels(modelsDir);
  for (const file of files) {
    try {
      await conn.run(readFileSync(file, "utf-8"));
    } catch (error) {
      throw new Error(`SQL 模型 ${file} 执行失败：${(error as Error).message}`);
    }
    if (file === files[0]) await faultPoint("models");
  }
  return files;
}
