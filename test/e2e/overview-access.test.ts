// What a county leader and any reader need (issue 16), in Chromium:
// - 规模性返贫风险研判 on 总览 at 1366 and 1024 px: on the sample county it is present for the latest month and names
//   its triggers (area, figure, threshold, link); on the small fixture roster, whose 绿水村 has six households
//   identified in March 2025, all 因自然灾害 (test/fixtures/privacy/roster), it is red and names the village;
// - every page of the sample site: <html lang="zh-CN">, no code path or file name in its text (loaders/,
//   data/config, .json), every chart labelled for screen readers with axis text of at least 12 px;
// - at 1024 px the sidebar starts folded and the page keeps its width.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { serveDist } from "../../loaders/serve/serve-dist.ts";
import { launchChromium } from "./browser.ts";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";
import { INIT_SCRIPT, waitForContent } from "./inspect-page.ts";
import { sitePages } from "./pages.ts";

const { distDir, smallDistDir } = inject("e2e");
let browser: Browser;
const servers: Server[] = [];

async function origin(root: string): Promise<string> {
  const { server, url } = await serveDist({ root, gzip: true, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } });
  servers.push(server);
  return url;
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

interface Panel { level: string | null; title: string; text: string; triggers: { trigger: string | null; text: string; href: string | null }[] }

async function readVerdict(page: Page): Promise<Panel[]> {
  await page.waitForSelector("section.verdict", { timeout: 30_000 });
  return page.$$eval("section.verdict", (sections) => sections.map((s) => ({
    level: s.getAttribute("data-level"),
    title: s.querySelector("h2")?.textContent ?? "",
    text: s.textContent ?? "",
    triggers: [...s.querySelectorAll("li.verdict-trigger")].map((li) => ({
      trigger: li.getAttribute("data-trigger"),
      text: li.textContent ?? "",
      href: li.querySelector("a")?.getAttribute("href") ?? null,
    })),
  })));
}

async function openOverview(root: string, width: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN", serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(INIT_SCRIPT);
  await page.goto(`${await origin(root)}/`, { waitUntil: "load" });
  expect(await waitForContent(page)).toBe(true);
  return { page, close: () => context.close() };
}

describe.each([1366, 1024])("总览 at %i px", (width) => {
  test("the sample county's verdict is at the top, for the latest month, and names its triggers", async () => {
    const { page, close } = await openOverview(distDir, width);
    try {
      const panels = await readVerdict(page);
      expect(panels.length).toBeGreaterThanOrEqual(1);
      expect(panels[0]!.title).toMatch(/^最近一个月：\d{4}年\d{1,2}月$/);
      for (const panel of panels) {
        expect(["green", "amber", "red"]).toContain(panel.level);
        if (panel.level !== "green") expect(panel.triggers.length).toBeGreaterThan(0);
        for (const trigger of panel.triggers) {
          // the area, the figure and the threshold it crossed, and a link to the page that shows it
          expect(trigger.text).toMatch(/(全县|村|乡|镇|街道)/);
          expect(trigger.text).toMatch(/达到(红|黄)色线（黄色线 [\d.,]+(%|户)、红色线 [\d.,]+(%|户)/);
          expect(trigger.href).toMatch(/^\.\/(monitoring|town\/\d{9})$/);
        }
      }
      // above the KPI cards
      const order = await page.evaluate(() => {
        const verdict = document.querySelector("section.verdict");
        const kpi = document.querySelector(".card.kpi");
        return verdict && kpi ? verdict.compareDocumentPosition(kpi) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      });
      expect(order).toBeTruthy();
      const box = await page.locator("section.verdict").first().boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    } finally {
      await close();
    }
  });

  test("a village cluster in the fixture roster turns it red and names the village", async () => {
    const { page, close } = await openOverview(smallDistDir, width);
    try {
      const [latest] = await readVerdict(page);
      expect(latest!.title).toBe("最近一个月：2025年3月");
      expect(latest!.level).toBe("red");
      const cluster = latest!.triggers.find((t) => t.trigger === "cluster_identified");
      expect(cluster?.text).toContain("绿水乡绿水村 2025年3月新识别监测对象 6户，达到红色线（黄色线 3户、红色线 5户）");
      expect(cluster?.href).toBe("./town/110105002");
      const risk = latest!.triggers.find((t) => t.trigger === "cluster_risk");
      expect(risk?.text).toContain("“因自然灾害” 6户");
      // the link leads to the town's page
      await page.locator("li.verdict-trigger[data-trigger=cluster_identified] a").first().click();
      await page.waitForURL(/\/town\/110105002$/);
      // the town page's title is filled in by its script
      await expect.poll(() => page.locator("h1").first().textContent(), { timeout: 30_000 }).toContain("绿水乡");
    } finally {
      await close();
    }
  });
});

describe("every page of the sample site", () => {
  const pages = sitePages(distDir);

  test("declares its language as zh-CN", () => {
    expect(pages.length).toBeGreaterThan(1);
    const without = pages.filter((p) => !/<html lang="zh-CN"[\s>]/.test(readFileSync(join(distDir, p.file), "utf-8"))).map((p) => p.file);
    expect(without).toEqual([]);
  });

  test("shows no code path or file name, labels every chart with its figures and draws axis text at 12 px or more", async () => {
    const root = await origin(distDir);
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN", serviceWorkers: "block" });
    const problems: string[] = [];
    try {
      for (const sitePage of pages) {
        const page = await context.newPage();
        await page.addInitScript(INIT_SCRIPT);
        await page.goto(root + sitePage.url, { waitUntil: "load" });
        await waitForContent(page);
        const found = await page.evaluate(() => {
          const text = document.body.innerText;
          const codes = ["loaders/", "data/config", ".json"].filter((needle) => text.includes(needle));
          const figures = [...document.querySelectorAll(".card.chart figure")];
          const unlabelled = figures.filter((f) => !(f.getAttribute("aria-label") ?? "").trim()).length;
          // a text alternative with the chart's figures (a number), not only its title
          const titleOnly = figures.filter((f) => !/\d/.test((f.getAttribute("aria-label") ?? "").replace(/（[^）]*）/g, ""))).map((f) => f.getAttribute("aria-label"));
          const small = [...document.querySelectorAll(".card.chart figure svg text")]
            .map((t) => parseFloat(getComputedStyle(t).fontSize))
            .filter((size) => size < 12).length;
          return { codes, unlabelled, titleOnly, small, charts: figures.length };
        });
        if (found.codes.length) problems.push(`${sitePage.url}: 页面文字含 ${found.codes.join("、")}`);
        if (found.unlabelled) problems.push(`${sitePage.url}: ${found.unlabelled} 个图表没有文字说明`);
        for (const label of found.titleOnly) problems.push(`${sitePage.url}: 图表的文字说明只有标题，没有数字：${label}`);
        if (found.small) problems.push(`${sitePage.url}: ${found.small} 处图表文字小于 12 px`);
        await page.close();
      }
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 600_000);

  test("at 1024 px the sidebar starts folded and the content keeps the width", async () => {
    const { page, close } = await openOverview(distDir, 1024);
    try {
      expect(await page.locator("#observablehq-sidebar").evaluate((el) => getComputedStyle(el).visibility)).toBe("hidden");
      const main = await page.locator("#observablehq-main").boundingBox();
      expect(main!.x).toBeLessThan(100);
      expect(main!.width).toBeGreaterThan(850);
    } finally {
      await close();
    }
  });
});
