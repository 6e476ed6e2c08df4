// npm run serve [-- --port 3000 --dir dist]: serves the built site on this machine for a quick look.
import { parseArgs } from "node:util";
import { DEFAULT_OUT_DIR } from "../paths.ts";
import { serveDist } from "../serve/serve-dist.ts";
import { runCli } from "./run-cli.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, dir: { type: "string" } } });

await runCli(async () => {
  const { url } = await serveDist({ root: values.dir ?? DEFAULT_OUT_DIR, port: Number(values.port), gzip: true });
  process.stdout.write(`网站已启动：${url}/ （按 Ctrl+C 停止）\n`);
});
