import { existsSync, renameSync, rmSync } from "node:fs";
import { checkDistPrivacy, formatPrivacyFindings } from "../privacy/check-dist-privacy.ts";

/**
 * Puts a freshly built site live only if the privacy guard finds no personal value of the warehouse's
 * input in it; otherwise the fresh site is deleted and the last good site stays as it was.
 */
export async function publishSite(freshDir: string, outDir: string, dbPath: string): Promise<string> {
  const findings = await checkDistPrivacy({ distDir: freshDir, dbPath });
  if (findings.length > 0) {
    rmSync(freshDir, { recursive: true, force: true });
    throw new Error(`${formatPrivacyFindings(findings)}\n网站未更新，保留上一次的结果。`);
  }
  swapInDir(freshDir, outDir);
  return formatPrivacyFindings(findings);
}

/** Two renames: the live folder is missing only for the instant between them, never half-written. */
function swapInDir(fresh: string, target: string): void {
  const old = `${target}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
}
