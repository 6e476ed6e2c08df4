// Issue acceptance: the sample county's deliberate defects all show up on the data-quality page. The
// site under test was built from the sample county (global-setup.ts); its manifest lists every defect the
// generator planted and whether the loader must reject its row or keep it with a warning. The page's 拒收明细
// and 警告明细 tables are downloaded as CSV and read back.
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

test("every deliberate defect of the sample county is listed on the 数据质量 page, as a rejection or a warning", async () => {
  const manifest = JSON.parse(readFileSync(join(SAMPLE_DIR, "_manifest.json"), "utf-8")) as SampleManifest;
  expect(manifest.defects.length).toBeGreaterThan(0);

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/quality`, { waitUntil: "load" });
    expect(await waitForContent(page)).toBe(true);
    /** The file#row pairs of a table on the page, read back from its CSV download. */
    const listed = async (tableName: string) => {
      const card = page.locator(`.card:has(table[data-table-name="${tableName}"])`);
      const [download] = await Promise.all([page.waitForEvent("download"), card.locator('button[data-download="csv"]').click()]);
      const [header, ...rows] = parseCsv(readFileSync(await download.path(), "utf-8"));
      const fileColumn = header.indexOf("文件");
      const rowColumn = header.indexOf("行号");
      return new Set(rows.map((cells) => `${cells[fileColumn]}#${cells[rowColumn].replace(/,/g, "")}`));
    };
    // Rows that cannot be used are rejected; rows with a secondary error are kept and listed as warnings.
    for (const [severity, tableName] of [["reject", "拒收明细"], ["warn", "警告明细"]] as const) {
      const defects = manifest.defects.filter((d) => d.severity === severity);
      expect(defects.length, severity).toBeGreaterThan(0);
      const shown = await listed(tableName);
      const missing = defects.filter((d) => !shown.has(`${d.file}#${d.row}`));
      expect(missing, `${tableName}中缺少的故意错误`).toEqual([]);
    }
  } finally {
    await context.close();
  }
});
