// Hostile text end to end: the site built from the hostile fixture county (test/fixtures/hostile/roster:
// every village, town, county, household head, cadre, bank and insurer name holds markup, script,
// javascript: URLs, bidirectional overrides or spreadsheet formulas). On every page no script of theirs
// runs (no dialog, no injected global, no event-handler attribute, no javascript: link), no outside
// request is made, no bidirectional control reaches the text, and every downloaded cell is inert.
import type { Server } from "node:http";
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { serveDist } from "../../loaders/serve/serve-dist.ts";
import { launchChromium } from "./browser.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { parseCsv, parseXlsx } from "./downloads.ts";
import { INIT_SCRIPT, waitForContent, watchContext } from "./inspect-page.ts";
import { sitePages } from "./pages.ts";

const { hostileDistDir } = inject("e2e");
let server: Server;
let origin: string;
let browser: Browser;

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * What a spreadsheet may run as a formula: = + - @ first, even after leading tabs, CRs or spaces (the
 * download's leading tab that keeps a 12-digit code as text is harmless); a plain signed number is not.
 */
const runsAsFormula = (cell: string) => {
  const text = cell.replace(/^[\t\r ]+/, "");
  return /^[=+\-@]/.test(text) && !/^[+-]?\d+(\.\d+)?%?$/.test(text);
};

beforeAll(async () => {
  ({ server, url: origin } = await serveDist({ root: hostileDistDir, gzip: true, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
});

test("the hostile county's pages run none of its text and export it inert", async () => {
  const pages = sitePages(hostileDistDir);
  expect(pages.length).toBeGreaterThan(3);
  const problems: string[] = [];
  const shown: string[] = [];
  let downloads = 0;
  for (const { url } of pages) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, serviceWorkers: "block" });
    const page = await context.newPage();
    try {
      await page.addInitScript(INIT_SCRIPT);
      const log = await watchContext(context, page);
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(origin + url, { waitUntil: "load" });
      await waitForContent(page);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __dixianPwned?: unknown }).__dixianPwned ?? null,
        text: document.body.innerText,
        handlers: [...document.querySelectorAll("*")].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120)),
        jsLinks: [...document.querySelectorAll("[href], [src], [action]")]
          .map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action") ?? "")
          .filter((v) => /^\s*javascript:/i.test(v)),
      }));
      shown.push(state.text);
      if (state.pwned !== null) problems.push(`${url}：注入的脚本执行了`);
      if (dialogs.length) problems.push(`${url}：弹出了对话框 ${dialogs.join("、")}`);
      if (state.handlers.length) problems.push(`${url}：页面中有事件处理属性 ${state.handlers.join(" ")}`);
      if (state.jsLinks.length) problems.push(`${url}：页面中有 javascript: 链接 ${state.jsLinks.join(" ")}`);
      if (BIDI.test(state.text)) problems.push(`${url}：页面文字中有双向控制字符`);
      if (log.externalRequests.length) problems.push(`${url}：向外部发出请求 ${log.externalRequests.join(" ")}`);

      const cards = page.locator(".card:has(table[data-table-name]):has(button[data-download])");
      let downloadsHere = 0;
      for (let i = 0; i < (await cards.count()); i++) {
        // Chromium stops a page's automatic downloads after about ten: load the page afresh every eight.
        if (downloadsHere >= 8) {
          await page.goto(origin + url, { waitUntil: "load" });
          await waitForContent(page);
          downloadsHere = 0;
        }
        for (const kind of ["csv", "xlsx"] as const) {
          downloadsHere++;
          const button = cards.nth(i).locator(`button[data-download="${kind}"]`).first();
          if ((await button.count()) === 0) continue;
          const got = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), button.click()]).catch((error: Error) => error);
          if (got instanceof Error) {
            problems.push(`${url}：第 ${i + 1} 个表格的 ${kind} 下载没有开始（${got.message.split("\n")[0]}）`);
            continue;
          }
          const [download] = got;
          const bytes = readFileSync(await download.path());
          const name = download.suggestedFilename();
          downloads++;
          if (BIDI.test(name)) problems.push(`${url}：下载文件名中有双向控制字符`);
          const grid = kind === "csv" ? parseCsv(new TextDecoder("utf-8").decode(bytes)) : await parseXlsx(bytes);
          if (kind === "xlsx") {
            for (const [part, data] of Object.entries(unzipSync(bytes))) {
              if (part.startsWith("xl/worksheets/") && /<f[ >]/.test(strFromU8(data))) problems.push(`${url}：${name} 中有公式`);
            }
          }
          for (const cell of grid.flat()) {
            if (kind === "csv" && runsAsFormula(cell)) problems.push(`${url}：${name} 的单元格「${cell}」打开时会被当作公式`);
            if (BIDI.test(cell)) problems.push(`${url}：${name} 的单元格中有双向控制字符`);
          }
        }
      }
    } finally {
      await context.close();
    }
  }
  expect(problems, problems.join("\n")).toEqual([]);
  // The hostile text did reach the pages, as text.
  const all = shown.join("\n");
  expect(all).toContain("onerror=");
  expect(all).toContain("=HYPERLINK(");
  expect(downloads, "没有下载任何表格").toBeGreaterThan(0);
  process.stdout.write(`\n恶意文本：检查了 ${pages.length} 个页面、${downloads} 个下载文件\n`);
});
