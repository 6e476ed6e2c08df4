import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_DB, DEFAULT_INPUT_DIR, DEFAULT_OUT_DIR, PROJECT_ROOT, SAMPLE_DIR } from "../paths.ts";
import { buildWarehouse, type BuildResult } from "../warehouse/build-warehouse.ts";
import { ensureSampleCounty, hasExtracts } from "./choose-input.ts";
import { runFramework } from "./framework-build.ts";
import { publishSite } from "./publish-site.ts";

export interface RunBuildOptions {
  inputDir?: string;
  dbPath?: string;
  reportsDir?: string;
  outDir?: string;
  /** Leave household-level work lists out of the site entirely. */
  public?: boolean;
  allowPartial?: boolean;
  /** Serve a live preview instead of writing the site. */
  preview?: boolean;
}

export interface RunBuildResult {
  inputDir: string;
  usedSample: boolean;
  warehouse: BuildResult;
  outDir: string | null;
}

const log = (message: string) => process.stderr.write(`[dixian] ${message}\n`);

/** extracts → warehouse → site. Each stage writes beside the live result and swaps only on success. */
export async function runBuild(options: RunBuildOptions = {}): Promise<RunBuildResult> {
  let inputDir = resolve(options.inputDir ?? DEFAULT_INPUT_DIR);
  const usedSample = !hasExtracts(inputDir);
  if (usedSample) {
    log(`${inputDir} 中没有数据文件，使用内置示例县数据（${SAMPLE_DIR}）`);
    await ensureSampleCounty(SAMPLE_DIR, join(PROJECT_ROOT, "loaders", "sample"));
    inputDir = SAMPLE_DIR;
  }
  const dbPath = resolve(options.dbPath ?? process.env.DIXIAN_DB ?? DEFAULT_DB);
  log(`读取 ${inputDir}，构建数据仓库 ${dbPath}`);
  const warehouse = await buildWarehouse({
    inputDir,
    dbPath,
    reportsDir: options.reportsDir,
    allowPartial: options.allowPartial,
  });
  const { rowsRead, rowsAccepted, rowsRejected, rowsWarned } = warehouse.load;
  log(`读取 ${rowsRead} 行：接受 ${rowsAccepted}（其中 ${rowsWarned} 行有警告），拒收 ${rowsRejected}；${warehouse.load.refused.length} 个文件无法使用`);

  const env = { DIXIAN_DB: dbPath, DIXIAN_PUBLIC: options.public ? "1" : "0" };
  if (options.preview) {
    await runFramework({ projectRoot: PROJECT_ROOT, command: "preview", env });
    return { inputDir, usedSample, warehouse, outDir: null };
  }
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const freshDir = `${outDir}.tmp`;
  rmSync(freshDir, { recursive: true, force: true });
  try {
    await runFramework({ projectRoot: PROJECT_ROOT, command: "build", outDir: freshDir, env });
  } catch (error) {
    rmSync(freshDir, { recursive: true, force: true });
    throw error;
  }
  log(await publishSite(freshDir, outDir, dbPath));
  log(`网站已生成：${outDir}/index.html`);
  return { inputDir, usedSample, warehouse, outDir };
}
