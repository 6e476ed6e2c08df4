// npm run warehouse -- --in DIR --db FILE [--reports DIR] [--allow-partial] [--county CODE] [--memory-limit 4GB]
// Loads a folder of extracts into a fresh warehouse and builds the marts; no site.
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { buildWarehouse, describeRefusals } from "../warehouse/build-warehouse.ts";
import { runCli } from "./run-cli.ts";

const { values } = parseArgs({
  options: {
    in: { type: "string" },
    db: { type: "string" },
    reports: { type: "string" },
    "allow-partial": { type: "boolean", default: false },
    county: { type: "string" },
    "memory-limit": { type: "string" },
  },
});

await runCli(async () => {
  if (!values.in) throw new Error("请用 --in 指定数据文件所在的文件夹");
  const result = await buildWarehouse({
    inputDir: resolve(values.in),
    dbPath: values.db ? resolve(values.db) : undefined,
    reportsDir: values.reports ? resolve(values.reports) : undefined,
    allowPartial: values["allow-partial"],
    county: values.county,
    memoryLimit: values["memory-limit"],
  });
  const { load } = result;
  for (const f of load.files) {
    const where = f.sheet ? `${f.file}（${f.sheet}）` : f.file;
    const status = f.status === "loaded" ? "已载入" : f.status === "skipped" ? "已跳过（重复文件）" : "无法使用";
    process.stdout.write(`${status}\t${where}\t${f.extract ?? "-"}\t${f.period ?? "-"}\t读取 ${f.rowsRead}\t接受 ${f.rowsAccepted}\t拒收 ${f.rowsRejected}${f.rowsWarned ? `（另有 ${f.rowsWarned} 行有警告，已载入）` : ""}${f.message ? `\t${f.message}` : ""}\n`);
  }
  process.stdout.write(`合计：读取 ${load.rowsRead} 行，接受 ${load.rowsAccepted}，拒收 ${load.rowsRejected}，有警告 ${load.rowsWarned}（已载入）；仓库 ${result.dbPath}\n`);
  // --allow-partial swaps the warehouse in, but refused files still make the command fail at the end.
  if (load.refused.length > 0) {
    process.stderr.write(`${describeRefusals(load)}\n`);
    process.exitCode = 1;
  }
});
