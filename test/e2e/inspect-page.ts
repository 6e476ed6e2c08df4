// What a page shows, read from the live DOM: charts and whether they draw anything, tables and their
// rows, a content signature to tell that a selector changed the page, and the first-chart time.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";

/** Installed before any page script: CSP violations and the moment the first chart or table appears. */
export const INIT_SCRIPT = `(() => {
  window.__dixianCsp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__dixianCsp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
  const seen = () => document.querySelector("figure svg, .card svg, table");
  // The first view (issue 16): when the top cards (KPI cards or the verdict), the first chart and the first table
  // were first in the page, in ms from navigation start.
  const view = window.__dixianFirstView = {};
  const marks = { cards: ".card.kpi, section.verdict", chart: "figure svg, .card.chart svg", table: "table" };
  const observer = new MutationObserver(() => {
    if (window.__dixianFirstChart === undefined && seen()) window.__dixianFirstChart = performance.now();
    for (const [key, selector] of Object.entries(marks)) {
      if (view[key] === undefined && document.querySelector(selector)) view[key] = performance.now();
    }
    if (Object.keys(view).length === 3) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface NetworkLog {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
}

/** Blocks and records every request to a host other than 127.0.0.1; records console errors and failures. */
export async function watchContext(context: BrowserContext, page: Page): Promise<NetworkLog> {
  const log: NetworkLog = { consoleErrors: [], failedRequests: [], externalRequests: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:") && url.hostname !== "127.0.0.1") {
      log.externalRequests.push(url.href);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  page.on("console", (message) => {
    if (message.type() === "error") log.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => log.consoleErrors.push(`页面异常：${error.message}`));
  page.on("requestfailed", (request) => {
    // A blob: download revoked after saving is not a failed page request.
    if (!request.url().startsWith("blob:")) log.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ""}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) log.failedRequests.push(`${response.url()} HTTP ${response.status()}`);
  });
  return log;
}

export interface Transfer {
  /** Bytes on the wire (headers and gzip'd bodies), as Chromium's network stack counted them. */
  bytes(): number;
  requests(): number;
}

/** Counts what the page transfers, from Chromium's own network events (CDP), from now on. */
export async function measureTransfer(context: BrowserContext, page: Page): Promise<Transfer> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (event) => {
    bytes += event.encodedDataLength;
    requests++;
  });
  return { bytes: () => bytes, requests: () => requests };
}

/** Waits until cells stopped loading and at least one chart or table is on the page. */
export async function waitForContent(page: Page, timeout = 30_000): Promise<boolean> {
  try {
    await page.waitForFunction(
      () => document.querySelector("figure svg, .card svg, table") !== null && document.querySelector(".observablehq--loading") === null,
      undefined,
      { timeout, polling: 100 },
    );
    await page.waitForLoadState("networkidle");
    return true;
  } catch {
    return false;
  }
}

export interface ChartInfo {
  /** Marks drawn other than axes, grid and frame. */
  marks: number;
  label: string;
}

export interface TableInfo {
  name: string | null;
  header: string[];
  rows: string[][];
  /** Per row, whether each cell is a numeric one (class "num", as the table card marks them). */
  numeric: boolean[][];
}

export async function readCharts(page: Page): Promise<ChartInfo[]> {
  return page.$$eval("figure svg, .card svg", (svgs) =>
    svgs
      .filter((svg) => (svg as SVGSVGElement).getBoundingClientRect().width >= 60 && !svg.parentElement?.closest("svg"))
      .map((svg) => {
        const shapes = [...svg.querySelectorAll("rect, path, circle, line, polyline, polygon, text")].filter(
          (el) => !el.closest('[aria-label*="axis"], [aria-label*="grid"], [aria-label="frame"], [aria-label*="tick"]'),
        );
        const card = svg.closest("figure, .card");
        const title = card?.querySelector("h2, h3, figcaption")?.textContent?.trim() ?? svg.getAttribute("aria-label") ?? "";
        return { marks: shapes.length, label: title };
      }),
  );
}

// Runs in the page (serialised by Playwright), so it may not use anything from this module — nor name an
// inner function: the TypeScript transform would wrap it in a helper that does not exist in the page.
function tableInPage(table: Element): TableInfo {
  const headRow = table.querySelector("thead tr") ?? table.querySelector("tr");
  const bodyRows = [...table.querySelectorAll("tbody tr")].filter((row) => row !== headRow && row.querySelector("td"));
  return {
    name: table.getAttribute("data-table-name"),
    header: headRow ? [...headRow.querySelectorAll("th, td")].map((cell) => (cell as HTMLElement).innerText.trim()) : [],
    rows: bodyRows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => (cell as HTMLElement).innerText.trim())),
    numeric: bodyRows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.classList.contains("num"))),
  };
}

export async function readTable(table: Locator): Promise<TableInfo> {
  return table.evaluate(tableInPage);
}

export async function readTables(page: Page): Promise<TableInfo[]> {
  const tables = page.locator("table");
  const infos: TableInfo[] = [];
  for (let i = 0; i < (await tables.count()); i++) infos.push(await readTable(tables.nth(i)));
  return infos;
}

/** Text and drawings of the page's main area, without the selectors themselves. */
export async function contentSignature(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector("#observablehq-main") ?? document.body;
    const clone = main.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[data-role="period"], [data-role="filter"], select, input').forEach((el) => el.remove());
    const drawings = [...main.querySelectorAll("svg")].map((svg) => svg.innerHTML).join("|");
    return `${clone.textContent ?? ""}\u0000${drawings}`;
  });
}

/**
 * Picks another option in the first period selector (or filter) and reports whether the page changed.
 * Returns null when the page has no selector.
 */
export async function changePeriod(page: Page): Promise<{ from: string; to: string; changed: boolean } | null> {
  const holder = page.locator('[data-role="period"], [data-role="filter"]').first();
  if ((await holder.count()) === 0) return null;
  const before = await contentSignature(page);
  const select = holder.locator("select").first();
  let from: string;
  let to: string;
  if ((await select.count()) > 0) {
    const values = await select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    from = await select.inputValue();
    // Another period of the same kind when there is one (the next option), else any other.
    const next = values[values.indexOf(from) + 1] ?? values.find((v) => v !== from);
    if (next === undefined) return { from, to: from, changed: false };
    to = next;
    await select.selectOption(to);
  } else {
    const radios = holder.locator('input[type="radio"]');
    const count = await radios.count();
    let checked = 0;
    for (let i = 0; i < count; i++) if (await radios.nth(i).isChecked()) checked = i;
    from = (await radios.nth(checked).getAttribute("value")) ?? String(checked);
    const other = (checked + 1) % Math.max(count, 1);
    to = (await radios.nth(other).getAttribute("value")) ?? String(other);
    await radios.nth(other).check();
  }
  try {
    await page.waitForFunction((previous) => {
      const main = document.querySelector("#observablehq-main") ?? document.body;
      const clone = main.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[data-role="period"], [data-role="filter"], select, input').forEach((el) => el.remove());
      const drawings = [...main.querySelectorAll("svg")].map((svg) => svg.innerHTML).join("|");
      return `${clone.textContent ?? ""}\u0000${drawings}` !== previous;
    }, before, { timeout: 15_000, polling: 100 });
    await page.waitForLoadState("networkidle");
    return { from, to, changed: true };
  } catch {
    return { from, to, changed: false };
  }
}

/** CSP violations recorded by INIT_SCRIPT on the page. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __dixianCsp: string[] }).__dixianCsp);
}

/** Opens one page in a fresh context and returns what went wrong while it loaded (all lists empty when clean). */
export async function loadProblems(browser: Browser, url: string): Promise<NetworkLog & { csp: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN", serviceWorkers: "block" });
  const page = await context.newPage();
  try {
    await page.addInitScript(INIT_SCRIPT);
    const log = await watchContext(context, page);
    await page.goto(url, { waitUntil: "load" });
    await waitForContent(page, 15_000);
    return { csp: await cspViolations(page), ...log };
  } finally {
    await context.close();
  }
}

