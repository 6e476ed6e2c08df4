import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_DB, DEFAULT_INPUT_DIR, DEFAULT_OUT_DIR, PROJECT_ROOT, SAMPLE_DIR } from "../paths.ts";
import { buildWarehouse, type BuildResult } from "../warehouse/build-warehouse.ts";
import { ensureSampleCounty, hasExtracts } from "./choose-input.ts";
import { runFramework } from "./framework-build.ts";
import { publishSite, removeSiteLeftovers } from "./publish-site.ts";
import { setHtmlLang } from "./set-html-lang.ts";
import { preloadPageData } from "./preload-data.ts";
import { acquireBuildLock, withBuildLocks } from "./build-lock.ts";
import { faultPoint } from "./fault-points.ts";

export interface RunBuildOptions {
  inputDir?: string;
  dbPath?: string;
  reportsDir?: string;
  outDir?: string;
  /** Leave household-level work lists out of the site entirely. */
  public?: boolean;
  allowPartial?: boolean;
  /** A site for one county (6 digits) of a multi-county input (buildWarehouse's county). */
  county?: string;
  /** DuckDB's memory limit for the warehouse build (buildWarehouse's memoryLimit), e.g. "6GB". */
  memoryLimit?: string;
  /** Serve a live preview instead of writing the site. */
  preview?: boolean;
  /**
   * Writes the site into `outDir`; default Observable Framework. Tests of the build's plumbing pass a
   * stand-in, since a real site build takes minutes.
   */
  buildSite?: (outDir: string, env: Record<string, string>) => Promise<void>;
}

export interface RunBuildResult {
  inputDir: string;
  usedSample: boolean;
  warehouse: BuildResult;
  outDir: string | null;
}

const log = (message: string) => process.stderr.write(`[dixian] ${message}\n`);

const frameworkSite = (outDir: string, env: Record<string, string>) =>
  runFramework({ projectRoot: PROJECT_ROOT, command: "build", outDir, env });

/**
 * extracts → warehouse → site. Each stage writes beside the live result and swaps only on success. One
 * build at a time: the locks beside the warehouse, the site and Framework's cache are held for the whole
 * build, so another build never swaps the warehouse while this one's pages read it. A preview holds the warehouse's lock
 * only while it rebuilds the warehouse.
 */
export async function runBuild(options: RunBuildOptions = {}): Promise<RunBuildResult> {
  const dbPath = resolve(options.dbPath ?? process.env.DIXIAN_DB ?? DEFAULT_DB);
  if (options.preview) {
    const lock = await acquireBuildLock(dbPath);
    let built: { inputDir: string; usedSample: boolean; warehouse: BuildResult };
    try {
      built = await buildStage(options, dbPath);
    } finally {
      lock.release();
    }
    await runFramework({ projectRoot: PROJECT_ROOT, command: "preview", env: siteEnv(options, dbPath) });
    return { ...built, outDir: null };
  }
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  // Framework's cache in src/ is cleared and filled by every site build, whatever its warehouse and folder.
  const frameworkCache = options.buildSite ? [] : [join(PROJECT_ROOT, "src", ".observablehq", "cache")];
  return withBuildLocks([dbPath, outDir, ...frameworkCache], async () => {
    for (const note of removeSiteLeftovers(outDir)) log(note);
    const built = await buildStage(options, dbPath);
    const freshDir = `${outDir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await (options.buildSite ?? frameworkSite)(freshDir, siteEnv(options, dbPath));
      // Framework ignores the config's lang: every page gets <html lang="zh-CN"> here.
      setHtmlLang(freshDir);
      // Each page's data files are asked for with its first requests, not after its sixty module files.
      preloadPageData(freshDir);
      await faultPoint("site");
    } catch (error) {
      rmSync(freshDir, { recursive: true, force: true });
      throw error;
    }
    log(await publishSite(freshDir, outDir, dbPath));
    log(`网站已生成：${outDir}/index.html`);
    return { ...built, outDir };
  });
}

function siteEnv(options: RunBuildOptions, dbPath: string): Record<string, string> {
  return { DIXIAN_DB: dbPath, DIXIAN_PUBLIC: options.public ? "1" : "0" };
}

async function buildStage(options: RunBuildOptions, dbPath: string): Promise<{ inputDir: string; usedSample: boolean; warehouse: BuildResult }> {
  let inputDir = resolve(options.inputDir ?? DEFAULT_INPUT_DIR);
  const usedSample = !hasExtracts(inputDir);
  if (usedSample) {
    log(`${inputDir} 中没有数据文件，使用内置示例县数据（${SAMPLE_DIR}）`);
    await ensureSampleCounty(SAMPLE_DIR, join(PROJECT_ROOT, "loaders", "sample"));
    inputDir = SAMPLE_DIR;
  }
  log(`读取 ${inputDir}，构建数据仓库 ${dbPath}`);
  const warehouse = await buildWarehouse({
    inputDir,
    dbPath,
    reportsDir: options.reportsDir,
    allowPartial: options.allowPartial,
    county: options.county,
    memoryLimit: options.memoryLimit,
  });
  const { rowsRead, rowsAccepted, rowsRejected, rowsWarned } = warehouse.load;
  log(`读取 ${rowsRead} 行：接受 ${rowsAccepted}（其中 ${rowsWarned} 行有警告），拒收 ${rowsRejected}；${warehouse.load.refused.length} 个文件无法使用`);
  return { inputDir, usedSample, warehouse };
}
