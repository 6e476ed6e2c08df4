// The whole build (lock, warehouse, site swap, privacy guard) as `npm run build` runs it, with a stand-in
// for Observable Framework that writes a tiny site naming the build: the fault tests spawn this script and
// kill it at named points (DIXIAN_PAUSE_AT), which a real site build would make take minutes.
// node --import tsx test/reliability/plumbing-build.ts --in DIR --db FILE --out DIR --reports DIR --tag TEXT
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runBuild } from "../../loaders/build/run-build.ts";
import { runCli } from "../../loaders/cli/run-cli.ts";

const { values } = parseArgs({
  options: { in: { type: "string" }, db: { type: "string" }, out: { type: "string" }, reports: { type: "string" }, tag: { type: "string" } },
});

await runCli(async () => {
  await runBuild({
    inputDir: values.in,
    dbPath: values.db,
    outDir: values.out,
    reportsDir: values.reports,
    buildSite: async (outDir) => {
      mkdirSync(join(outDir, "town"), { recursive: true });
      writeFileSync(join(outDir, "index.html"), `<!doctype html><p>build ${values.tag}</p>\n`);
      writeFileSync(join(outDir, "town", "index.html"), `<!doctype html><p>town ${values.tag}</p>\n`);
    },
  });
  process.stdout.write(`built ${values.tag}\n`);
});
