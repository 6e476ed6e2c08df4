// npm run report:pdf -- --period 2025-H1 [--dir dist] [--out data/report-pdf] [--town 乡镇代码 …]: the half-year
// report as PDF files, for the county and every town (or the towns named), from the built site.
import { parseArgs } from "node:util";
import { join } from "node:path";
import { DEFAULT_OUT_DIR, PROJECT_ROOT } from "../paths.ts";
import { printReports } from "../report/print-report.ts";
import { runCli } from "./run-cli.ts";

const { values } = parseArgs({
  options: {
    period: { type: "string" },
    dir: { type: "string" },
    out: { type: "string" },
    town: { type: "string", multiple: true },
  },
});

await runCli(async () => {
  if (!values.period) throw new Error("请用 --period 指定半年，例如：npm run report:pdf -- --period 2025-H1");
  const outDir = values.out ?? join(PROJECT_ROOT, "data", "report-pdf");
  const printed = await printReports({
    distDir: values.dir ?? DEFAULT_OUT_DIR,
    period: values.period,
    outDir,
    towns: values.town,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`共 ${printed.length} 个 PDF 文件，在 ${outDir}\n`);
});
