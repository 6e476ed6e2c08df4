import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { checkDistPrivacy, formatPrivacyFindings } from "../privacy/check-dist-privacy.ts";
import { faultPoint } from "./fault-points.ts";

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
  await swapInDir(freshDir, outDir);
  return formatPrivacyFindings(findings);
}

/** The live site's last good copy while a swap is under way. */
const oldDir = (target: string) => `${target}.old`;

/** Two renames: the live folder is missing only for the instant between them, never half-written. */
async function swapInDir(fresh: string, target: string): Promise<void> {
  const old = oldDir(target);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  await faultPoint("site-swap");
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Tidies what a killed build left beside the site; only called while holding the site's lock. A build
 * killed between the swap's two renames left the last good site in `<out>.old` and no `<out>`: it is put
 * back. Unfinished fresh sites (`<out>.tmp*`) are removed.
 */
export function removeSiteLeftovers(outDir: string): string[] {
  const notes: string[] = [];
  const old = oldDir(outDir);
  if (existsSync(old)) {
    if (existsSync(outDir)) rmSync(old, { recursive: true, force: true });
    else {
      renameSync(old, outDir);
      notes.push(`上一次构建在替换网站时中断，已恢复上一次的网站 ${outDir}`);
    }
  }
  const dir = dirname(outDir);
  const stem = basename(outDir);
  if (existsSync(dir)) {
    const removed = readdirSync(dir).filter((name) => name.startsWith(`${stem}.tmp`));
    for (const name of removed) rmSync(join(dir, name), { recursive: true, force: true });
    if (removed.length > 0) notes.push(`已清理上一次中断的构建留下的临时文件夹：${removed.join("、")}`);
  }
  return notes;
}
