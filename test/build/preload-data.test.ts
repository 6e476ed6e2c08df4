import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { preloadPageData, withDataPreloads } from "../../loaders/build/preload-data.ts";

const page = (files: string[]) =>
  `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<link rel="modulepreload" href="./_observablehq/client.js">\n</head><body><script type="module">\n` +
  files.map((f) => `registerFile("./data/${f}.json", {"name":"./data/${f}.json","mimeType":"application/json","path":"./_file/data/${f}.1a2b3c4d.json","size":10});`).join("\n") +
  `\n</script></body></html>`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("withDataPreloads", () => {
  it("asks for each registered JSON file before the module preloads, once", () => {
    const html = withDataPreloads(page(["meta", "catalog", "meta"]));
    const links = [...html.matchAll(/<link rel="preload" as="fetch" crossorigin="anonymous" data-preload="data" href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(["./_file/data/meta.1a2b3c4d.json", "./_file/data/catalog.1a2b3c4d.json"]);
    expect(html.indexOf('data-preload="data"')).toBeLessThan(html.indexOf("modulepreload"));
    // run twice, still once
    expect(withDataPreloads(html)).toBe(html);
  });
  it("leaves a page without data alone", () => {
    expect(withDataPreloads(page([]))).toBe(page([]));
  });
});

describe("preloadPageData", () => {
  it("rewrites every page of a site, in subfolders too", () => {
    dir = mkdtempSync(join(tmpdir(), "dixian-preload-"));
    mkdirSync(join(dir, "town"));
    writeFileSync(join(dir, "index.html"), page(["meta"]));
    writeFileSync(join(dir, "town", "529901001.html"), page(["meta"]).replaceAll('"./_file/', '"../_file/'));
    writeFileSync(join(dir, "404.html"), page([]));
    expect(preloadPageData(dir)).toBe(2);
    expect(readFileSync(join(dir, "town", "529901001.html"), "utf-8")).toContain('href="../_file/data/meta.1a2b3c4d.json"');
  });
});
