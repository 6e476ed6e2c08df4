// npm run build [-- --in DIR] [--public] [--allow-partial] [--county CODE] [--db FILE] [--out DIR] [--reports DIR] [--memory-limit 4GB]
// npm run dev: the same warehouse build, then a live preview of the site.
import { parseArgs } from "node:util";
import { runBuild } from "../build/run-build.ts";
import { describeRefusals } from "../warehouse/build-warehouse.ts";
import { runCli } from "./run-cli.ts";

export { runBuild } from "../build/run-build.ts";

const { values } = parseArgs({
  options: {
    in: { type: "string" },
    db: { type: "string" },
    out: { type: "string" },
    reports: { type: "string" },
    public: { type: "boolean", default: false },
    "allow-partial": { type: "boolean", default: false },
    preview: { type: "boolean", default: false },
    county: { type: "string" },
    "memory-limit": { type: "string" },
  },
});

await runCli(async () => {
  const result = await runBuild({
    inputDir: values.in,
    dbPath: values.db,
    outDir: values.out,
    reportsDir: values.reports,
    public: values.public,
    allowPartial: values["allow-partial"],
    preview: values.preview,
    county: values.county,
    memoryLimit: values["memory-limit"],
  });
  // With --allow-partial the new warehouse and site are kept, but refused files still fail the command.
  if (result.warehouse.load.refused.length > 0) {
    process.stderr.write(`${describeRefusals(result.warehouse.load)}\n`);
    process.exitCode = 1;
  }
});
