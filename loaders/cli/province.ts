// npm run province -- --in DIR [--work DIR] [--jobs N]
// A province or prefecture county by county (loaders/province/build-province.ts): one folder per county in DIR
// (named by its 6-digit code); each changed county is built into its own warehouse and exported as Parquet under
// WORK, unchanged counties are reused, and the roll-up above the county is computed from the additive marts.
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { buildProvince } from "../province/build-province.ts";
import { PROJECT_ROOT } from "../paths.ts";
import { runCli } from "./run-cli.ts";

const { values } = parseArgs({
  options: {
    in: { type: "string" },
    work: { type: "string" },
    jobs: { type: "string", default: "2" },
  },
});

await runCli(async () => {
  if (!values.in) throw new Error("请用 --in 指定省级输入文件夹（每个县一个以 6 位县级区划代码命名的文件夹）");
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs 应为正整数，得到 "${values.jobs}"`);
  const workDir = resolve(values.work ?? join(PROJECT_ROOT, "data", "province"));
  const result = await buildProvince({ inputDir: resolve(values.in), workDir, jobs });
  const refused = result.built.filter((b) => b.refused > 0);
  process.stdout.write(`完成：${result.counties.length} 个县，重建 ${result.built.length} 个、沿用 ${result.reused.length} 个；地区与省级汇总 ${result.rollupRows} 行（${join(workDir, "export", "rollup", "indicator_rollups.parquet")}）\n`);
  if (refused.length > 0) {
    process.stderr.write(`有县的文件无法使用，见各县报告（${join(workDir, "reports")}）：${refused.map((b) => `${b.county}（${b.refused} 个文件）`).join("、")}\n`);
    process.exitCode = 1;
  }
});
