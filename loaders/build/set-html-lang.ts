import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The site's language, for screen readers, fonts and hyphenation: Simplified Chinese as used in mainland China. */
export const SITE_LANG = "zh-CN";

/**
 * Puts `lang="zh-CN"` on the `<html>` element of every page a build wrote. Observable Framework writes a bare
 * `<html>` and ignores the config's `lang`, so the build sets it afterwards; an existing lang is replaced.
 * Returns how many files it changed.
 */
export function setHtmlLang(dir: string, lang: string = SITE_LANG): number {
  let changed = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, "utf-8");
    const next = html.replace(/<html(\s[^>]*)?>/i, (_, attributes: string | undefined) => {
      const rest = (attributes ?? "").replace(/\s+lang\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, "");
      return `<html lang="${lang}"${rest}>`;
    });
    if (next !== html) {
      writeFileSync(path, next);
      changed++;
    }
  }
  return changed;
}
