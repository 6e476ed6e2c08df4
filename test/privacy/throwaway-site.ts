// A throwaway Framework site for the privacy tests: one page whose data loader reads the warehouse and
// prints the roster either in clear (a leaky page) or masked. It lives under test-output/ so its loaders
// resolve the project's node_modules; the build is offline like the real one.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fillOfflineNpmCache } from "../../loaders/build/offline-npm-cache.ts";

export const PROJECT_ROOT = resolve(import.meta.dirname, "..", "..");
const MASK_MODULE = join(PROJECT_ROOT, "loaders", "privacy", "mask.ts");

const PAGE = `---
title: 名单
---
# 青山镇名单

\`\`\`js
const rows = FileAttachment("data/roster.json").json();
\`\`\`

\`\`\`js
display(rows.map((row) => [row.head_name, row.id_number, row.phone].join(" ")).join("\\n"));
\`\`\`
`;

function loader(masked: boolean): string {
  const select = "select head_name, id_number, phone from stg_households order by household_id";
  return `import { DuckDBInstance } from "@duckdb/node-api";
import { maskId, maskName, maskPhone } from ${JSON.stringify(MASK_MODULE)};
const instance = await DuckDBInstance.create(process.env.DIXIAN_DB, { access_mode: "READ_ONLY" });
const connection = await instance.connect();
const rows = (await connection.runAndReadAll(${JSON.stringify(select)})).getRowObjectsJS();
const out = ${masked} ? rows.map((r) => ({ head_name: maskName(r.head_name), id_number: maskId(r.id_number), phone: maskPhone(r.phone) })) : rows;
process.stdout.write(JSON.stringify(out));
`;
}

/** Builds the site into `<dir>/dist` and returns that folder. */
export async function buildThrowawaySite(dir: string, options: { dbPath: string; masked: boolean }): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  const src = join(dir, "src");
  mkdirSync(join(src, "data"), { recursive: true });
  writeFileSync(join(src, "index.md"), PAGE);
  writeFileSync(join(src, "data", "roster.json.ts"), loader(options.masked));
  writeFileSync(join(dir, "observablehq.config.js"), `export default { root: "src", output: "dist", title: "隐私测试", globalStylesheets: [], search: false };\n`);
  fillOfflineNpmCache(PROJECT_ROOT, src);
  const require = createRequire(join(PROJECT_ROOT, "package.json"));
  const bin = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist", "bin", "observable.js");
  const env = {
    ...process.env,
    DIXIAN_DB: options.dbPath,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    PATH: `${join(PROJECT_ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
    NODE_OPTIONS: `--import=${join(PROJECT_ROOT, "scripts", "no-network.mjs")}`,
  };
  let stderr = "";
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [bin, "build"], { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", fail);
    child.on("exit", (code) => (code === 0 ? done() : fail(new Error(`Framework 构建失败（${code}）：${stderr}`))));
  });
  return join(dir, "dist");
}
