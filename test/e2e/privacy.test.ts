// The built sample-county sites against the privacy rules: the guard finds nothing in either; the full
// site carries masked work lists, the public one (--public) no household rows at all, masked or not;
// and the public site's pages load cleanly too.
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { walkFiles } from "../../loaders/privacy/dist-texts.ts";
import { checkDistPrivacy, formatPrivacyFindings } from "../../loaders/privacy/check-dist-privacy.ts";
import { serveDist } from "../../loaders/serve/serve-dist.ts";
import { launchChromium } from "./browser.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { loadProblems } from "./inspect-page.ts";
import { sitePages } from "./pages.ts";

const { distDir, publicDistDir, dbPath, publicDbPath } = inject("e2e");

// A masked ID as the work lists print it: first 6 and last 4 characters kept.
const MASKED_ID = /(?<![0-9])[1-9][0-9]{5}\*{8}[0-9]{3}[0-9X](?![0-9])/g;

function maskedIdsIn(dir: string): number {
  let count = 0;
  for (const file of walkFiles(dir)) {
    if (!/\.(html|js|json|csv|txt)$/.test(file)) continue;
    count += readFileSync(file, "utf-8").match(MASKED_ID)?.length ?? 0;
  }
  return count;
}

describe("privacy of the built sample county", () => {
  test("the guard finds no personal value in clear in the full site", async () => {
    const findings = await checkDistPrivacy({ distDir, dbPath });
    expect(findings, formatPrivacyFindings(findings)).toEqual([]);
  });

  test("the guard finds no personal value in clear in the public site", async () => {
    // the public site is built from the national-layout sample, with its own warehouse
    const findings = await checkDistPrivacy({ distDir: publicDistDir, dbPath: publicDbPath });
    expect(findings, formatPrivacyFindings(findings)).toEqual([]);
  });

  test("the full site's work lists are masked household rows; the public site has none", () => {
    const full = maskedIdsIn(distDir);
    const open = maskedIdsIn(publicDistDir);
    process.stdout.write(`脱敏证件号码出现次数：完整版 ${full}，公开版 ${open}\n`);
    expect(full, "完整版应含脱敏的户级工作清单").toBeGreaterThan(0);
    expect(open, "公开版不得含户级工作清单").toBe(0);
  });
});

describe("the public site in Chromium", () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, url: origin } = await serveDist({ root: publicDistDir, gzip: true, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
  });

  test.each(sitePages(publicDistDir))("公开版 $url loads without errors and only from 127.0.0.1", async (sitePage) => {
    expect(await loadProblems(browser, origin + sitePage.url)).toEqual({ csp: [], consoleErrors: [], failedRequests: [], externalRequests: [] });
  });
});
