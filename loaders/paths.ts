import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Default locations, all relative to the project root so commands work from any working directory. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_INPUT_DIR = join(PROJECT_ROOT, "data", "input");
export const SAMPLE_DIR = join(PROJECT_ROOT, "data", "sample");
export const DEFAULT_DB = join(PROJECT_ROOT, "data", "warehouse", "dixian.duckdb");
export const DEFAULT_REPORTS_DIR = join(PROJECT_ROOT, "data", "reports");
export const DEFAULT_CONFIG_DIR = join(PROJECT_ROOT, "data", "config");
export const DEFAULT_MODELS_DIR = join(PROJECT_ROOT, "loaders", "sql");
export const DEFAULT_OUT_DIR = join(PROJECT_ROOT, "dist");
