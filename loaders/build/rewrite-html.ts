import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Rewrites every `.html` file a build wrote below `dir` with `transform` (post-build steps Framework has no hook
 * for: the page language, data preloads). A file is written only when its text changed. Returns how many changed.
 */
export function rewriteHtmlPages(dir: string, transform: (html: string) => string): number {
  let changed = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, "utf-8");
    const next = transform(html);
    if (next !== html) {
      writeFileSync(path, next);
      changed++;
    }
  }
  return changed;
}
