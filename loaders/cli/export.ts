// npm run export -- --out DIR [--db FILE] [--parts staging,marts,additive] [--county CODE]
// Writes the warehouse's staging tables and marts as Parquet, Hive-partitioned by county and period, plus the
// additive marts a roll-up above the county needs (loaders/export/export-parquet.ts).
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { DEFAULT_DB } from "../paths.ts";
import { EXPORT_PARTS, exportParquet, type ExportPart } from "../export/export-parquet.ts";
import { runCli } from "./run-cli.ts";

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    db: { type: "string" },
    parts: { type: "string" },
    county: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

await runCli(async () => {
  if (values.help) {
    process.stdout.write("用法: npm run export -- --out 目录 [--db 仓库文件] [--parts staging,marts,additive] [--county 县代码]\n");
    return;
  }
  if (!values.out) throw new Error("请用 --out 指定导出文件夹");
  const parts = (values.parts?.split(",").map((p) => p.trim()) ?? [...EXPORT_PARTS]) as ExportPart[];
  const unknown = parts.filter((p) => !EXPORT_PARTS.includes(p));
  if (unknown.length > 0) throw new Error(`--parts 只能是 staging、marts、additive，得到：${unknown.join("、")}`);
  const tables = await exportParquet({ dbPath: resolve(values.db ?? DEFAULT_DB), outDir: resolve(values.out), parts, county: values.county });
  for (const t of tables) process.stdout.write(`${t.path}\t${t.rows} 行\t分区：${t.partitionBy.join("、") || "无"}\n`);
  process.stdout.write(`已导出 ${tables.length} 张表到 ${resolve(values.out)}\n`);
});
