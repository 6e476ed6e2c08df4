import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";

// XML namespace names look like URLs but are identifiers that no browser fetches (SVG, SpreadsheetML).
const NAMESPACE = /^http:\/\/(www\.w3\.org\/(2000\/svg|2000\/xmlns\/|1999\/xlink|1999\/xhtml|XML\/1998\/namespace)|schemas\.openxmlformats\.org\/)/;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

// The site under test was built by the real build command with the network refused (see global-setup.ts).
describe("offline build", () => {
  const log = readFileSync(inject("e2e").offlineBuildLog, "utf-8");

  it("ran with the no-network guard loaded in the build and in its child processes", () => {
    const pids = new Set([...log.matchAll(/\[no-network\] 已启用 pid (\d+)/g)].map((m) => m[1]));
    // the build command, Framework, and at least one data loader
    expect(pids.size).toBeGreaterThanOrEqual(3);
  });

  it("never tried to reach the network", () => {
    expect(log).not.toContain("已拒绝外部网络访问");
  });

  it("built the site", () => {
    expect(log).toContain("网站已生成");
  });

  it("left no outside URL in the site but XML namespace names", () => {
    const urls = new Set<string>();
    for (const file of files(inject("e2e").distDir)) {
      for (const [url] of readFileSync(file, "latin1").matchAll(/https?:\/\/[^\s"'`<>()\\]+/g)) {
        if (!NAMESPACE.test(url)) urls.add(`${file}: ${url}`);
      }
    }
    expect([...urls]).toEqual([]);
  });
});
