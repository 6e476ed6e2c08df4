// npm run docs:graph — rewrites the model graph block of docs/architecture.md from the SQL models.
import { join } from "node:path";
import { DEFAULT_MODELS_DIR, PROJECT_ROOT } from "../loaders/paths.ts";
import { writeGraphBlock } from "../loaders/warehouse/model-graph-doc.ts";

const doc = join(PROJECT_ROOT, "docs", "architecture.md");
writeGraphBlock(doc, DEFAULT_MODELS_DIR).then(
  (changed) => process.stderr.write(changed ? `已更新 ${doc} 中的模型依赖图\n` : "模型依赖图已是最新\n"),
  (error: unknown) => {
    process.stderr.write(`生成模型依赖图失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
