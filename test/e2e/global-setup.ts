// Builds the full site from the sample county, the public one (--public) from the same sample county written
// in the national monitoring system's layout (npm run sample -- --format national: per-person downloads read
// through the export profile; smaller, so that it costs no more than the public build it replaces), once
// from a small fixture roster (test/fixtures/privacy/roster: 青山村's two households fall below the suppression
// threshold; 绿水村 in 绿水乡 has six households identified in March 2025, all 因自然灾害, a cluster that turns
// the 规模性返贫风险研判 red), and once from
// the hostile fixture county (markup, script, bidi overrides and formulas in every name) into
// test-output/e2e/, which the run leaves behind with its screenshots, PDF and weights for inspection.
// DIXIAN_E2E_REUSE=1 reuses builds already there (for working on the tests, never in CI).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

export interface E2eContext {
  outputDir: string;
  distDir: string;
  publicDistDir: string;
  /** The public site's warehouse, built from the national-layout sample. */
  publicDbPath: string;
  dbPath: string;
  /** A site built from the small fixture roster: 青山村 is below the suppression threshold, 绿水村 is a cluster. */
  smallDistDir: string;
  smallDbPath: string;
  /** A site built from the hostile fixture county (test/fixtures/hostile/roster). */
  hostileDistDir: string;
  /** stderr of the full build, run as `npm run build` does but with the network refused in every process. */
  offlineBuildLog: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export const OUTPUT_DIR = resolve("test-output", "e2e");

export default async function setup(project: TestProject): Promise<void> {
  const context: E2eContext = {
    outputDir: OUTPUT_DIR,
    distDir: join(OUTPUT_DIR, "dist"),
    publicDistDir: join(OUTPUT_DIR, "dist-public"),
    publicDbPath: join(OUTPUT_DIR, "public", "dixian.duckdb"),
    dbPath: join(OUTPUT_DIR, "warehouse", "dixian.duckdb"),
    smallDistDir: join(OUTPUT_DIR, "small", "dist"),
    smallDbPath: join(OUTPUT_DIR, "small", "dixian.duckdb"),
    hostileDistDir: join(OUTPUT_DIR, "hostile", "dist"),
    offlineBuildLog: join(OUTPUT_DIR, "offline-build.log"),
  };
  const reuse = process.env.DIXIAN_E2E_REUSE === "1" && existsSync(join(context.distDir, "index.html")) && existsSync(join(context.publicDistDir, "index.html")) && existsSync(context.dbPath) && existsSync(context.publicDbPath) && existsSync(join(context.smallDistDir, "index.html")) && existsSync(join(context.hostileDistDir, "index.html"));
  if (!reuse) {
    // An empty input folder makes the build use the sample county, whatever data/input holds on this machine.
    const noInput = join(OUTPUT_DIR, "no-input");
    rmSync(OUTPUT_DIR, { recursive: true, force: true });
    mkdirSync(noInput, { recursive: true });
    mkdirSync(join(OUTPUT_DIR, "warehouse"), { recursive: true });
    const common = { inputDir: noInput, dbPath: context.dbPath, reportsDir: join(OUTPUT_DIR, "reports") };
    const { runBuild } = await import("../../loaders/build/run-build.ts");
    const started = Date.now();
    offlineBuild(["--in", noInput, "--db", context.dbPath, "--reports", common.reportsDir, "--out", context.distDir], context.offlineBuildLog);
    const nationalInput = join(OUTPUT_DIR, "national-input");
    const { generateSampleCounty, NATIONAL_E2E_SIZE } = await import("../../loaders/sample/generate-sample-county.ts");
    await generateSampleCounty({ outDir: nationalInput, format: "national", ...NATIONAL_E2E_SIZE });
    await runBuild({ inputDir: nationalInput, dbPath: context.publicDbPath, reportsDir: join(OUTPUT_DIR, "public", "reports"), outDir: context.publicDistDir, public: true });
    await runBuild({
      inputDir: resolve("test", "fixtures", "privacy", "roster"),
      dbPath: context.smallDbPath,
      reportsDir: join(OUTPUT_DIR, "small", "reports"),
      outDir: context.smallDistDir,
    });
    await runBuild({
      inputDir: resolve("test", "fixtures", "hostile", "roster"),
      dbPath: join(OUTPUT_DIR, "hostile", "dixian.duckdb"),
      reportsDir: join(OUTPUT_DIR, "hostile", "reports"),
      outDir: context.hostileDistDir,
    });
    process.stderr.write(`[e2e] 四次构建用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒\n`);
  }
  project.provide("e2e", context);
}

/**
 * The build command itself (`npm run build` runs `tsx loaders/cli/build.ts`) with fetch, http(s) and outside
 * sockets refused by a preloaded module in this process and every child (Framework, its data loaders).
 */
function offlineBuild(args: string[], logFile: string): void {
  const preload = resolve("scripts", "no-network.mjs");
  const result = spawnSync(process.execPath, ["--import", "tsx", resolve("loaders", "cli", "build.ts"), ...args], {
    env: { ...process.env, NODE_OPTIONS: `--import=${preload}`, DIXIAN_NO_NETWORK_LOG: "1" },
    encoding: "utf-8",
    maxBuffer: 256 * 1024 * 1024,
  });
  writeFileSync(logFile, `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) {
    throw new Error(`无网络构建失败（退出码 ${result.status}），日志见 ${logFile}：\n${result.stderr.slice(-4000)}`);
  }
}
