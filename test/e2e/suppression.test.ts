// Village figures below the suppression threshold, in pages and downloads alike. The sample county has
// no such village, so this runs on the site built from the two-household fixture roster, whose only
// village (青山村) is below the default threshold of 5 households. The same build proves the privacy guard
// passes a real site whose place names contain a household head's name (青山 in 青山镇, 青山村).
import type { Server } from "node:http";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { serveDist } from "../../loaders/serve/serve-dist.ts";
import { launchChromium } from "./browser.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { parseCsv, parseXlsx, readNumber } from "./downloads.ts";
import { INIT_SCRIPT, readTable, waitForContent, watchContext } from "./inspect-page.ts";
import { sitePages } from "./pages.ts";
import { readSuppressedVillages, type SuppressedVillages } from "./suppressed-villages.ts";

const { smallDistDir, smallDbPath } = inject("e2e");
let server: Server;
let origin: string;
let browser: Browser;
let suppressed: SuppressedVillages;

beforeAll(async () => {
  ({ server, url: origin } = await serveDist({ root: smallDistDir, gzip: true, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } }));
  browser = await launchChromium();
  suppressed = await readSuppressedVillages(smallDbPath);
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

test("the fixture's village is suppressed in the warehouse for every period", () => {
  expect(suppressed.size).toBeGreaterThan(0);
  for (const byTown of suppressed.values()) expect(byTown.get("110105001")).toEqual(new Set(["青山村"]));
});

test("the town page shows <N for the village and its downloads carry no figure for it", async () => {
  const town = sitePages(smallDistDir).find((page) => page.url === "/town/110105001");
  expect(town, "没有找到青山镇的乡镇页面").toBeDefined();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, serviceWorkers: "block" });
  const page = await context.newPage();
  try {
    await page.addInitScript(INIT_SCRIPT);
    const log = await watchContext(context, page);
    await page.goto(origin + (town?.url ?? ""), { waitUntil: "load" });
    expect(await waitForContent(page)).toBe(true);
    const cards = page.locator(".card:has(table[data-table-name]):has(button[data-download])");
    let villageRows = 0;
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i);
      const table = await readTable(card.locator("table[data-table-name]").first());
      const rows = table.rows.map((cells, r) => ({ cells, numeric: table.numeric[r] })).filter(({ cells }) => cells.includes("青山村"));
      if (rows.length === 0) continue;
      for (const { cells, numeric } of rows) {
        villageRows++;
        const shown = cells.filter((_, c) => numeric[c]);
        expect(shown.length).toBeGreaterThan(0);
        for (const cell of shown) expect(cell, `页面上青山村的数字未抑制：${cells.join(" | ")}`).toMatch(/^<\d+$/);
      }
      const numericColumns = rows[0].numeric.map((isNumber, c) => (isNumber ? c : -1)).filter((c) => c >= 0);
      for (const kind of ["csv", "xlsx"] as const) {
        const [download] = await Promise.all([page.waitForEvent("download"), card.locator(`button[data-download="${kind}"]`).first().click()]);
        const bytes = readFileSync(await download.path());
        const grid = kind === "csv" ? parseCsv(new TextDecoder().decode(bytes)) : await parseXlsx(bytes);
        const fileRows = grid.filter((cells) => cells.some((cell) => cell.trim() === "青山村"));
        expect(fileRows.length, `${kind} 中没有青山村`).toBe(rows.length);
        for (const cells of fileRows) {
          for (const c of numericColumns) {
            const cell = (cells[c] ?? "").trim();
            expect(readNumber(cell), `${kind.toUpperCase()} 下载中青山村的「${table.header[c]}」是数字 ${cell}`).toBeNull();
          }
        }
      }
    }
    expect(villageRows, "乡镇页面上没有青山村的行").toBeGreaterThan(0);
    expect(log).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
  } finally {
    await context.close();
  }
});
