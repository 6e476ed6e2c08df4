// The pages of a built site, found from dist/ itself so the tests grow with the site: every .html outside
// Framework's asset folders (which start with "_"), with the clean URL Framework links it by.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface SitePage {
  /** e.g. "town/522700101.html" */
  file: string;
  /** e.g. "/town/522700101" */
  url: string;
  /** For file names of screenshots: "town_522700101". */
  slug: string;
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

export function sitePages(distDir: string): SitePage[] {
  return [...htmlFiles(distDir)]
    .map((path) => relative(distDir, path).split(sep).join("/"))
    .filter((file) => file !== "404.html")
    .sort()
    .map((file) => {
      const stem = file.slice(0, -".html".length);
      const url = stem === "index" ? "/" : stem.endsWith("/index") ? `/${stem.slice(0, -"index".length)}` : `/${stem}`;
      return { file, url, slug: stem.replace(/\//g, "_") };
    });
}
