// `npm run report:pdf`: prints the 半年考核报告 of one half-year from the built site to PDF files, one for the county
// and one per town (<区域名>-<YYYY-Hn>.pdf). It serves dist/ on 127.0.0.1, opens each report in Debian's headless
// Chromium (playwright-core drives it; never a downloaded browser) and prints A4 portrait with the report's title,
// the data's build date and page numbers in the footer. Only the built site is read, never the warehouse.
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import type { Page } from "playwright-core";
import { serveDist } from "../serve/serve-dist.ts";

/** Where Debian installs Chromium; DIXIAN_CHROMIUM points elsewhere. */
export function chromiumPath(): string {
  return process.env.DIXIAN_CHROMIUM ?? "/usr/bin/chromium";
}

export const MISSING_CHROMIUM =
  "生成 PDF 需要 Debian 的 chromium 软件包和中文字体。请以管理员身份运行：apt-get install chromium fonts-noto-cjk ，然后重试（Chromium 装在别处时用环境变量 DIXIAN_CHROMIUM 指定其路径）。";

export interface PrintOptions {
  /** The built site (dist/). */
  distDir: string;
  /** YYYY-H1 or YYYY-H2. */
  period: string;
  outDir: string;
  /** Town codes to print besides the county; default every town. A number prints the first n towns. */
  towns?: string[] | number;
  log?: (line: string) => void;
}

export interface PrintedReport {
  area_code: string;
  name: string;
  file: string;
}

/** 青山县 + 2025-H1 → 青山县-2025-H1.pdf; characters Windows refuses in file names become _. */
export function pdfFileName(areaName: string, period: string): string {
  return `${areaName.replace(/[\\/:*?"<>|\s]+/g, "_")}-${period}.pdf`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

async function openReport(page: Page, url: string, areaCode: string | null): Promise<void> {
  await page.goto(url, { waitUntil: "load" });
  // the page marks itself ready (with the area it shows) once every section is laid out
  await page.waitForFunction((code) => {
    const ready = document.documentElement.dataset.reportReady;
    return ready !== undefined && (code === null || ready === code);
  }, areaCode, { timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

export async function printReports(options: PrintOptions): Promise<PrintedReport[]> {
  const log = options.log ?? (() => undefined);
  const { period } = options;
  if (!/^\d{4}-H[12]$/.test(period)) throw new Error(`--period 应为半年，形如 2025-H1 或 2025-H2，收到「${period}」`);
  const distDir = resolve(options.distDir);
  const reportDir = join(distDir, "report");
  if (!existsSync(join(reportDir, `${period}.html`))) {
    const available = existsSync(reportDir)
      ? readdirSync(reportDir).filter((name) => /^\d{4}-H[12]\.html$/.test(name)).map((name) => name.slice(0, -5)).sort()
      : [];
    throw new Error(
      `网站 ${distDir} 中没有 ${period} 的半年考核报告。` +
        (available.length > 0 ? `已有的半年：${available.join("、")}。` : "网站中还没有任何半年考核报告。") +
        "请先运行 npm run build，或换一个 --period。",
    );
  }
  const executable = chromiumPath();
  if (!existsSync(executable)) throw new Error(`找不到 Chromium（${executable}）。${MISSING_CHROMIUM}`);

  mkdirSync(options.outDir, { recursive: true });
  const { server, url } = await serveDist({ root: distDir });
  const browser = await chromium.launch({
    executablePath: executable,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
  try {
    const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai", serviceWorkers: "block" });
    const page = await context.newPage();
    const base = `${url}/report/${period}`;
    await openReport(page, base, null);
    const areas = await page.$$eval("a[data-report-area]", (links) =>
      links.map((link) => ({ code: (link as HTMLElement).dataset.reportArea ?? "", name: (link as HTMLElement).dataset.reportName ?? "", town: (link.getAttribute("href") ?? "").includes("town=") })),
    );
    const county = areas.find((a) => !a.town);
    const towns = areas.filter((a) => a.town);
    const wanted = options.towns;
    const chosen = typeof wanted === "number" ? towns.slice(0, wanted) : wanted ? towns.filter((t) => wanted.includes(t.code)) : towns;
    if (Array.isArray(options.towns)) {
      const unknown = options.towns.filter((code) => !towns.some((t) => t.code === code));
      if (unknown.length > 0) throw new Error(`报告中没有这些乡镇代码：${unknown.join("、")}。可用的乡镇：${towns.map((t) => `${t.code} ${t.name}`).join("，")}`);
    }
    const printed: PrintedReport[] = [];
    for (const area of [...(county ? [county] : []), ...chosen]) {
      await openReport(page, area.town ? `${base}?town=${area.code}` : base, area.code);
      const title = (await page.locator("h1").first().textContent())?.trim() ?? `${area.name}${period}`;
      const footer = (await page.locator("#observablehq-footer").textContent()) ?? "";
      const built = /数据构建于[^\n]*/.exec(footer)?.[0]?.trim() ?? "";
      // the page's own footer boxes (for printing from the browser) give way to Chromium's footer here
      await page.evaluate(() => document.getElementById("report-print-style")?.remove());
      const file = join(options.outDir, pdfFileName(area.name, period));
      await page.pdf({
        path: file,
        format: "A4",
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<div></div>",
        footerTemplate:
          `<div style="width:100%;font-size:8px;color:#555;padding:0 14mm;display:flex;justify-content:space-between;font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;">` +
          `<span>${escapeHtml(title)}${built ? ` · ${escapeHtml(built)}` : ""}</span>` +
          `<span>第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</span></div>`,
        margin: { top: "14mm", bottom: "18mm", left: "14mm", right: "14mm" },
      });
      log(`已生成 ${file}`);
      printed.push({ area_code: area.code, name: area.name, file });
    }
    await context.close();
    return printed;
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}
