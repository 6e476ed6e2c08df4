// Issue acceptance: the sample county's deliberate defects all show up on the data-quality page. The
// site under test was built from the sample county (global-setup.ts); its manifest lists every defect the
// generator planted. The page's 拒收明细 table is downloaded as CSV and read back.
import type { Server } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { SAMPLE_DIR } from "../../loaders/paths.ts";
import type { SampleManifest } from "../../loaders/sample/manifest.ts";
import { serveDist } from "../../loaders/serve/serve-dist.ts";
import { launchChromium } from "./browser.ts";
import { parseCsv } from "./downloads.ts";
import { waitForContent } from "./inspect-page.ts";

const { distDir } = inject("e2e");
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url: origin } = await serveDist({ root: distDir }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

test("every deliberate defect of the sample county is listed on the 数据质量 page", async () => {
  const manifest = JSON.parse(readFileSync(join(SAMPLE_DIR, "_manifest.json"), "utf-8")) as SampleManifest;
  expect(manifest.defects.length).toBeGreaterThan(0);

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/quality`, { waitUntil: "load" });
    expect(await waitForContent(page)).toBe(true);
    const card = page.locator('.card:has(table[data-table-name="拒收明细"])');
    const [download] = await Promise.all([page.waitForEvent("download"), card.locator('button[data-download="csv"]').click()]);
    const [header, ...rows] = parseCsv(readFileSync(await download.path(), "utf-8"));
    const fileColumn = header.indexOf("文件");
    const rowColumn = header.indexOf("行号");
    const listed = new Set(rows.map((cells) => `${cells[fileColumn]}#${cells[rowColumn].replace(/,/g, "")}`));
    const missing = manifest.defects.filter((d) => !listed.has(`${d.file}#${d.row}`));
    expect(missing, "页面上缺少的故意错误").toEqual([]);
  } finally {
    await context.close();
  }
});
