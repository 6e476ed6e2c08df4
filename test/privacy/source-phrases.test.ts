// A roster name that happens to sit inside the site's own wording (何文 in "任何文件") is not a leak; the
// same name printed as data still is.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { checkDistPrivacy } from "../../loaders/privacy/check-dist-privacy.ts";
import { sourcePhrases } from "../../loaders/privacy/source-phrases.ts";
import { PROJECT_ROOT } from "./throwaway-site.ts";

const WORK = join(PROJECT_ROOT, "test-output", "privacy-wording");

test("the site's wording is read from its source, not from Framework's cache", () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(WORK, "src", ".observablehq", "cache"), { recursive: true });
  writeFileSync(join(WORK, "src", "quality.md"), `# 数据质量\n\nempty: "还没有载入任何文件"`);
  writeFileSync(join(WORK, "src", ".observablehq", "cache", "roster.json"), `["何文"]`);
  expect(sourcePhrases([join(WORK, "src")]).sort()).toEqual(["数据质量", "还没有载入任何文件"]);
});

test("a name inside the wording passes, the same name as data is found", async () => {
  const dist = join(WORK, "dist");
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "quality.html"), `<p>还没有载入任何文件</p>`);
  const personal = { names: ["何文"], ids: [], phones: [], benignPhrases: [] };
  const options = { distDir: dist, dbPath: "", personal, sourceDirs: [join(WORK, "src")] };
  expect(await checkDistPrivacy(options)).toEqual([]);
  writeFileSync(join(dist, "list.json"), `[{"head_name":"何文"}]`);
  expect((await checkDistPrivacy(options)).map((f) => [f.file, f.value])).toEqual([["list.json", "何*"]]);
  // Without the source, the wording would have been taken for a leak.
  expect(await checkDistPrivacy({ ...options, sourceDirs: [] })).toHaveLength(2);
});
