import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fillOfflineNpmCache } from "./offline-npm-cache.ts";

export interface FrameworkRunOptions {
  projectRoot: string;
  command: "build" | "preview";
  /** Absolute output folder (build only). */
  outDir?: string;
  env: Record<string, string>;
}

/**
 * Runs Observable Framework as a child process. The data-loader cache is cleared first: Framework would
 * otherwise serve marts cached from the previous warehouse, since it only watches the loaders' own source.
 */
export async function runFramework(options: FrameworkRunOptions): Promise<void> {
  const { projectRoot } = options;
  rmSync(join(projectRoot, "src", ".observablehq", "cache"), { recursive: true, force: true, maxRetries: 5 });
  fillOfflineNpmCache(projectRoot);
  const require = createRequire(join(projectRoot, "package.json"));
  const bin = join(dirname(require.resolve("@observablehq/framework/package.json")), "dist", "bin", "observable.js");
  const env = {
    ...process.env,
    ...options.env,
    OBSERVABLE_TELEMETRY_DISABLE: "true",
    ...(options.outDir ? { DIXIAN_OUT: options.outDir } : {}),
  };
  await new Promise<void>((resolve, reject) => {
    // Framework's progress goes to stderr so that stdout stays clean for callers that print results. Its
    // stderr is passed on and its tail kept, so that a full disk is named in the error (runCli's message).
    const child = spawn(process.execPath, [bin, options.command], {
      cwd: projectRoot,
      env,
      stdio: ["inherit", process.stderr, "pipe"],
    });
    let tail = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-8192);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) return resolve();
      const disk = /ENOSPC|No space left on device/i.exec(tail);
      reject(new Error(`Observable Framework ${options.command} 失败（退出码 ${code ?? signal}）${disk ? `：${disk[0]}` : ""}`));
    });
  });
}
