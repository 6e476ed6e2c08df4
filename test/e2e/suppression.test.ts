// Withheld village cells (DOMAIN §9), in pages and downloads alike, on the site built from the two-household
// fixture roster: its only village (青山村) has 1 脱贫户 (H0001) of 3 persons, small counts shown "<5", while
// its zeros are shown. (The sample county's villages are checked cell by cell in site.test.ts, and the
// subtraction attack runs in test/disclosure/.) The same build proves the privacy guard passes a real site
// whose place names contain a household head's name (青山 in 青山镇, 青山村).
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
import { readSuppressedCells, type SuppressedCells } from "./suppressed-villages.ts";

const { smallDistDir, smallDbPath } = inject("e2e");
let server: Server;
let origin: string;
let browser: Browser;
let suppressed: SuppressedCells;

beforeAll(async () => {
  ({ server, url: origin } = await serveDist({ root: smallDistDir, gzip: true, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } }));
  browser = await launchChromium();
  suppressed = await readSuppressedCells(smallDbPath);
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

test("the fixture's small counts are withheld in the warehouse for every period, as \"<5\"", () => {
  expect(suppressed.size).toBeGreaterThan(0);
  for (const [key, villages] of suppressed) {
    expect(key).toMatch(/\|110105001$/);
    const cells = villages.get("青山村");
    expect(cells?.get("脱贫户数"), key).toBe("primary");
    expect(cells?.get("脱贫人口"), key).toBe("primary");
    // no household is monitored: 0 is shown, not withheld
    expect(cells?.has("风险未消除监测对象户数"), key).toBe(false);
  }
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
    const period = await page.locator('[data-role="period"] select').first().inputValue();
    const withheld = suppressed.get(`${period}|110105001`)?.get("青山村") ?? new Map();
    expect(withheld.size, `${period} 没有隐去的单元格`).toBeGreaterThan(0);
    const cards = page.locator(".card:has(table[data-table-name]):has(button[data-download])");
    let villageRows = 0;
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i);
      const table = await readTable(card.locator("table[data-table-name]").first());
      const rows = table.rows.map((cells, r) => ({ cells, numeric: table.numeric[r] })).filter(({ cells }) => cells.includes("青山村"));
      if (rows.length === 0) continue;
      const hiddenColumns = table.header.map((header, c) => (withheld.has(header) ? c : -1)).filter((c) => c >= 0);
      expect(hiddenColumns.length).toBeGreaterThan(0);
      for (const { cells } of rows) {
        villageRows++;
        for (const c of hiddenColumns) {
          const mark = withheld.get(table.header[c]) === "secondary" ? "×" : "<5";
          expect(cells[c], `页面上青山村的「${table.header[c]}」未隐去：${cells.join(" | ")}`).toBe(mark);
        }
      }
      for (const kind of ["csv", "xlsx"] as const) {
        const [download] = await Promise.all([page.waitForEvent("download"), card.locator(`button[data-download="${kind}"]`).first().click()]);
        const bytes = readFileSync(await download.path());
        const grid = kind === "csv" ? parseCsv(new TextDecoder().decode(bytes)) : await parseXlsx(bytes);
        const fileRows = grid.filter((cells) => cells.some((cell) => cell.trim() === "青山村"));
        expect(fileRows.length, `${kind} 中没有青山村`).toBe(rows.length);
        for (const cells of fileRows) {
          for (const c of hiddenColumns) {
            const cell = (cells[c] ?? "").trim();
            expect(readNumber(cell), `${kind.toUpperCase()} 下载中青山村的「${table.header[c]}」是数字 ${cell}`).toBeNull();
            expect(cell).toMatch(/^(<5|×)$/);
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
