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
