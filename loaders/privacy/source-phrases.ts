// The site's own wording: every run of Chinese characters written in the Framework source (pages,
// components, loaders under src/). A roster name inside such a run is ordinary text — the head of
// household 何文 in "还没有载入任何文件" — while a name that came from the data is not in the source.
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { walkFiles } from "./dist-texts.ts";

const SOURCE_EXTENSIONS = new Set([".md", ".ts", ".js", ".mjs", ".css", ".html", ".json", ".sql"]);
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;

export function sourcePhrases(dirs: string[]): string[] {
  const phrases = new Set<string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of walkFiles(dir)) {
      // Framework's cache holds loader output — data, not wording.
      if (file.includes(".observablehq") || !SOURCE_EXTENSIONS.has(extname(file))) continue;
      for (const [run] of readFileSync(file, "utf-8").matchAll(HAN_RUN)) phrases.add(run);
    }
  }
  return [...phrases];
}
