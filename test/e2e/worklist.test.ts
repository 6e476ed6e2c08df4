// Per-town work lists (/worklist/<town>) on the full sample-county site: each town's page, its print
// layout and both downloads hold only that town's households; the Excel file carries the title and the
// 内部资料 不得外传 notice; every household list has a page per town (PER_TOWN_LISTS), and the public site has
// none of them, pages or data.
import type { Server } from "node:http";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { serveDist } from "../../loaders/serve/serve-dist.ts";
import { PER_TOWN_LISTS } from "../../src/data/household-list.ts";
import { launchChromium } from "./browser.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { parseCsv, parseXlsx } from "./downloads.ts";
import { INIT_SCRIPT, readTable, waitForContent } from "./inspect-page.ts";

const { distDir, publicDistDir, dbPath } = inject("e2e");
let server: Server;
let origin: string;
let browser: Browser;
/** town code → its villages' names */
const villagesOf = new Map<string, Set<string>>();

beforeAll(async () => {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  for (const [town, name] of (await connection.runAndReadAll("select parent_code, name from areas where area_level = 'village'")).getRows()) {
    const set = villagesOf.get(String(town)) ?? new Set<string>();
    set.add(String(name));
    villagesOf.set(String(town), set);
  }
  connection.closeSync();
  instance.closeSync();
  ({ server, url: origin } = await serveDist({ root: distDir, gzip: true, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

const towns = () => readdirSync(join(distDir, "worklist")).map((f) => f.replace(/\.html$/, "")).sort();

test("every town has its own page of each household list, and the public site none", () => {
  expect(towns().length).toBeGreaterThan(1);
  for (const list of PER_TOWN_LISTS) {
    expect(readdirSync(join(distDir, list)).sort(), list).toEqual(towns().map((t) => `${t}.html`));
    expect(existsSync(join(publicDistDir, list)), list).toBe(false);
    expect(existsSync(join(publicDistDir, "_file", "data", list)), list).toBe(false);
  }
});

test.each(towns().slice(0, 2))("工作清单 %s: screen, print and downloads hold only the town's rows", async (town) => {
  const own = villagesOf.get(town) ?? new Set<string>();
  const others = new Set([...villagesOf].filter(([t]) => t !== town).flatMap(([, names]) => [...names]).filter((name) => !own.has(name)));
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, acceptDownloads: true, serviceWorkers: "block" });
  const page = await context.newPage();
  try {
    await page.addInitScript(INIT_SCRIPT);
    await page.goto(`${origin}/worklist/${town}`, { waitUntil: "load" });
    expect(await waitForContent(page)).toBe(true);
    const cards = page.locator(".card:has(table[data-table-name]):has(button[data-download])");
    expect(await cards.count()).toBe(4);
    let rows = 0;
    for (const media of ["screen", "print"] as const) {
      await page.emulateMedia({ media });
      for (let i = 0; i < (await cards.count()); i++) {
        const table = await readTable(cards.nth(i).locator("table[data-table-name]").first());
        expect(table.header.at(-1)).toBe("核实情况");
        for (const row of table.rows) {
          rows++;
          expect(own.has(row[0]), `${row[0]} 不是本乡镇的村`).toBe(true);
          expect(row.at(-1)).toBe("");
        }
      }
      if (media === "print") {
        const head = await page.locator(".worklist-head").innerText();
        expect(head).toContain("内部资料 不得外传");
        expect(head).toMatch(/打印日期 \d{4}年\d{1,2}月\d{1,2}日/);
      }
    }
    await page.emulateMedia({ media: "screen" });
    expect(rows, "该乡镇的工作清单没有一行").toBeGreaterThan(0);
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i);
      for (const kind of ["csv", "xlsx"] as const) {
        const [download] = await Promise.all([page.waitForEvent("download"), card.locator(`button[data-download="${kind}"]`).first().click()]);
        const bytes = readFileSync(await download.path());
        const grid = kind === "csv" ? parseCsv(new TextDecoder().decode(bytes)) : await parseXlsx(bytes);
        if (kind === "xlsx") {
          expect(grid[0]?.[0]).toMatch(/干部工作清单/);
          expect(grid[1]?.[0]).toBe("内部资料 不得外传");
        }
        for (const cells of grid) for (const cell of cells) expect(others.has(cell.trim()), `${kind} 中有其他乡镇的村 ${cell}`).toBe(false);
      }
    }
  } finally {
    await context.close();
  }
});
