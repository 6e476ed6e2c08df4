import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR, PROJECT_ROOT } from "../../loaders/paths.ts";
import { modelGraphBlock, readModelPlan, replaceGraphBlock } from "../../loaders/warehouse/model-graph-doc.ts";

describe("the model graph in docs/architecture.md", () => {
  it("is the graph the SQL models give now (run `npm run docs:graph` after changing a model's inputs)", async () => {
    const doc = readFileSync(join(PROJECT_ROOT, "docs", "architecture.md"), "utf-8");
    const block = modelGraphBlock(await readModelPlan(DEFAULT_MODELS_DIR));
    expect(replaceGraphBlock(doc, block) === doc, "docs/architecture.md 的模型依赖图已过时：运行 npm run docs:graph").toBe(true);
    expect(block).toContain("int_roster --> int_household_snapshots");
    expect(block).toContain("stg_households[(stg_households)]");
  });
});

describe("the intermediate file numbers", () => {
  it("are unique and list the files in dependency order (each file after the intermediate files it reads)", async () => {
    const plan = await readModelPlan(DEFAULT_MODELS_DIR);
    const numberOf = (path: string) => Number(/^intermediate\/(\d+)_/.exec(path)?.[1]);
    const files = plan.order.map((m) => m.path).filter((p) => p.startsWith("intermediate/"));
    const seen = new Map<number, string>();
    for (const file of files) {
      expect(numberOf(file), `${file} 缺少数字前缀`).not.toBeNaN();
      expect(seen.get(numberOf(file)), `${file} 与 ${seen.get(numberOf(file))} 的数字前缀重复`).toBeUndefined();
      seen.set(numberOf(file), file);
    }
    for (const file of files) {
      for (const input of plan.inputs.get(file) ?? []) {
        if (input.startsWith("intermediate/")) expect(numberOf(input), `${file} 读取 ${input}，编号应更小`).toBeLessThan(numberOf(file));
      }
    }
  });
});
