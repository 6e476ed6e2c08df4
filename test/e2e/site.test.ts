// Every page of the sample county's site in headless Chromium, served from 127.0.0.1 with gzip and the
// Content-Security-Policy of docs/intranet-hosting.md: loads cleanly and only from 127.0.0.1, shows
// non-empty charts and tables, reacts to its period selector, and its downloads hold the table's rows.
// Leaves screenshots, the overview as an A4 PDF and the page weights in test-output/e2e/.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchChromium } from "./browser.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { compareGrid, parseCsv, parseXlsx, readNumber } from "./downloads.ts";
import { readSuppressedCells, type SuppressedCells } from "./suppressed-villages.ts";
import { serveDist } from "../../loaders/serve/serve-dist.ts";
import { INIT_SCRIPT, measureTransfer, changePeriod, readCharts, readTable, readTables, waitForContent, watchContext, cspViolations } from "./inspect-page.ts";
import { sitePages } from "./pages.ts";
import { DuckDBInstance } from "@duckdb/node-api";
import { bankSlug } from "../../src/data/bank-list.ts";
import { firstViewMs, formatFirstView, formatWeights, type PageWeight } from "./weights.ts";

const { distDir, outputDir, dbPath } = inject("e2e");
const pages = sitePages(distDir);
const screenshots = join(outputDir, "screenshots");
const MAX_PAGE_BYTES = 1_000_000;
const MAX_DOWNLOADS_PER_PAGE = 8;

let server: Server;
let origin: string;
let browser: Browser;
const weights: PageWeight[] = [];
let downloads = 0;
let suppressed: SuppressedCells;
let suppressedRowsChecked = 0;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  ({ server, url: origin } = await serveDist({ root: distDir, gzip: true, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } }));
  browser = await launchChromium();
  suppressed = await readSuppressedCells(dbPath);
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  weights.sort((a, b) => a.page.localeCompare(b.page));
  writeFileSync(join(outputDir, "weights.json"), JSON.stringify(weights, null, 2) + "\n");
  const table = formatWeights(weights, MAX_PAGE_BYTES);
  writeFileSync(join(outputDir, "weights.txt"), table + "\n");
  // Time to the first view per page (issue 16): reported, not asserted (no timed tests).
  const firstView = weights.map((w) => ({ page: w.page, cardsMs: w.cardsMs ?? null, figureMs: w.figureMs ?? null, tableMs: w.tableMs ?? null, firstViewMs: firstViewMs(w) }));
  writeFileSync(join(outputDir, "first-view.json"), JSON.stringify(firstView, null, 2) + "\n");
  const viewTable = formatFirstView(weights);
  writeFileSync(join(outputDir, "first-view.txt"), viewTable + "\n");
  process.stdout.write(`\n${table}\n\n${viewTable}\n已核对 ${downloads} 个下载文件与页面表格一致；核对低于阈值的村行 ${suppressedRowsChecked} 行。\n截图、overview-a4.pdf、weights.json 在 ${outputDir}\n`);
});

test("the site has pages, including the overview", () => {
  expect(pages.map((p) => p.url)).toContain("/");
  expect(pages.length).toBeGreaterThan(1);
});

test("金融帮扶: one page per bank of the ledgers, the finance pages, and the overview's 贷款余额 card links to the overview of loans", async () => {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  const banks = (await conn.runAndReadAll("select distinct institution from loan_banks")).getRowObjectsJS().map((r) => String(r.institution));
  conn.closeSync();
  instance.closeSync();
  expect(banks.length).toBeGreaterThanOrEqual(4);
  const urls = pages.map((p) => p.url);
  for (const bank of banks) expect(urls, bank).toContain(`/bank/${bankSlug(bank)}`);
  for (const url of ["/finance", "/policy", "/scorecard", "/risk-links"]) expect(urls).toContain(url);
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/`, { waitUntil: "load" });
    await waitForContent(page);
    const href = await page.locator('.card[data-code="loan_balance"] a').getAttribute("href");
    expect(href).toBe("./finance");
  } finally {
    await page.close();
  }
});

describe.each(pages)("页面 $url", (sitePage) => {
  test("loads only from 127.0.0.1 without errors, shows its charts and tables, reacts to its selector, downloads its tables", async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      acceptDownloads: true,
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    try {
      await page.addInitScript(INIT_SCRIPT);
      const log = await watchContext(context, page);

      const transfer = await measureTransfer(context, page);
      await page.goto(origin + sitePage.url, { waitUntil: "load" });
      const ready = await waitForContent(page);
      const transferred = transfer.bytes();
      const requests = transfer.requests();
      const firstChartMs = await page.evaluate(() => (window as unknown as { __dixianFirstChart?: number }).__dixianFirstChart ?? null);
      const view = await page.evaluate(() => (window as unknown as { __dixianFirstView?: Record<string, number> }).__dixianFirstView ?? {});
      const round = (v: number | undefined) => (typeof v === "number" ? Math.round(v) : null);
      weights.push({
        page: sitePage.url, bytes: transferred, requests, firstChartMs: firstChartMs === null ? null : Math.round(firstChartMs),
        cardsMs: round(view.cards), figureMs: round(view.chart), tableMs: round(view.table),
      });
      await page.screenshot({ path: join(screenshots, `${sitePage.slug}.png`), fullPage: true });
      let pdfProblem: string | null = null;
      if (sitePage.url === "/") {
        const pdf = await page.pdf({ path: join(outputDir, "overview-a4.pdf"), format: "A4", printBackground: true });
        // A4 is 595.28 × 841.89 points; Chromium rounds the page to whole CSS pixels (595.92 × 842.88).
        const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
        const a4 = box !== null && Math.abs(Number(box[1]) - 595.28) < 2 && Math.abs(Number(box[2]) - 841.89) < 2;
        if (!a4) pdfProblem = `总览的 PDF 不是 A4：${box?.[0] ?? "没有 MediaBox"}`;
      }

      // Every problem of the page is collected first, so one run names them all.
      const problems: string[] = [];
      if (pdfProblem) problems.push(pdfProblem);
      if (!ready) problems.push("30 秒内没有显示图表或表格（或仍有单元格在加载）");
      const charts = await readCharts(page);
      const tables = await readTables(page);
      if (charts.length + tables.length === 0) problems.push("页面没有图表（figure/.card 中的 svg）也没有表格");
      for (const chart of charts) if (chart.marks === 0) problems.push(`图表「${chart.label}」是空的`);
      for (const table of tables) {
        if (table.header.length === 0) problems.push(`表格 ${table.name ?? ""} 没有表头`);
        if (table.rows.length > 0) continue;
        // An empty work list is allowed only when its card says so.
        const note = page.locator(`.card:has(table[data-table-name="${table.name}"]) .table-empty`);
        if (table.name === null || (await note.count()) === 0) problems.push(`表格 ${table.name ?? ""} 没有数据行`);
      }

      // Village cells withheld in the shown period: "<N" or "×", never a figure.
      const town = /^\/town\/(\d{9})$/.exec(sitePage.url)?.[1];
      const selector = page.locator('[data-role="period"] select');
      const period = (await selector.count()) > 0 ? await selector.first().inputValue() : null;
      const hidden = town && period ? suppressed.get(`${period}|${town}`) : undefined;
      for (const table of hidden ? tables : []) {
        for (const [r, row] of table.rows.entries()) {
          const cells = row.map((cell) => hidden?.get(cell)).find(Boolean);
          if (!cells) continue;
          suppressedRowsChecked++;
          for (const [c, header] of table.header.entries()) {
            if (!cells.has(header)) continue;
            if (!table.numeric[r][c] || readNumber(row[c]) !== null || !/^(<\d+|×)$/.test(row[c])) {
              problems.push(`村「${row[0]}」的「${header}」应隐去，却显示为「${row[c]}」`);
            }
          }
        }
      }

      const change = await changePeriod(page);
      if (change && !change.changed) problems.push(`把统计期从 ${change.from} 改为 ${change.to} 后页面没有变化`);

      const cards = page.locator(".card:has(table[data-table-name]):has(button[data-download])");
      const cardCount = Math.min(await cards.count(), MAX_DOWNLOADS_PER_PAGE);
      let downloadsHere = 0;
      for (let i = 0; i < cardCount; i++) {
        // Chromium stops a page's automatic downloads after about ten: load the page afresh every eight (the
        // tables are read again after the reload, so each download is compared with what the page then shows).
        if (downloadsHere >= 8) {
          await page.goto(origin + sitePage.url, { waitUntil: "load" });
          await waitForContent(page);
          downloadsHere = 0;
        }
        const card = cards.nth(i);
        const shown = await readTable(card.locator("table[data-table-name]").first());
        for (const kind of ["csv", "xlsx"] as const) {
          downloadsHere++;
          const button = card.locator(`button[data-download="${kind}"]`).first();
          if ((await button.count()) === 0) continue;
          const [download] = await Promise.all([page.waitForEvent("download", { timeout: 15_000 }), button.click()]);
          const bytes = readFileSync(await download.path());
          const grid = kind === "csv" ? parseCsv(new TextDecoder("utf-8").decode(bytes)) : await parseXlsx(bytes);
          const label = `表格「${shown.name}」的 ${kind.toUpperCase()} 下载`;
          if (kind === "csv" && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) problems.push(`${label}没有 UTF-8 BOM（Excel/WPS 会乱码）`);
          if (!download.suggestedFilename().endsWith(`.${kind}`)) problems.push(`${label}文件名不对：${download.suggestedFilename()}`);
          const mismatch = compareGrid(shown, grid);
          if (mismatch) problems.push(`${label}与页面不一致：${mismatch}`);
          downloads++;
        }
      }

      const csp = await cspViolations(page);
      for (const violation of csp) problems.push(`违反内容安全策略：${violation}`);
      for (const url of log.externalRequests) problems.push(`访问了 127.0.0.1 以外的主机：${url}`);
      for (const failure of log.failedRequests) problems.push(`请求失败：${failure}`);
      for (const error of log.consoleErrors) problems.push(`控制台错误：${error}`);
      if (transferred >= MAX_PAGE_BYTES) problems.push(`页面传输 ${transferred} 字节，超过 1 MB`);
      weights[weights.length - 1].charts = charts.length;
      weights[weights.length - 1].tables = tables.length;
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
