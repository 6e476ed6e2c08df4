// 半年考核报告 acceptance, on the sample county's site the global setup already built (no build of its own):
// every half-year with data has a report page (full and public builds), and `npm run report:pdf` prints one
// half-year for the county and one town; pdfinfo/pdftotext (poppler-utils) read the PDFs back: more than one
// page, no blank page, the seven section titles, and figures read from the warehouse's indicators mart; a town
// report's workbook has a sheet per table, and its village sheet holds what the page shows ("<N", "×" included).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, inject, test } from "vitest";
import ExcelJS from "exceljs";
import { REPORT_SECTIONS, formatReportValue } from "../../src/components/report-sentences.ts";
import { serveDist } from "../../loaders/serve/serve-dist.ts";
import { launchChromium } from "./browser.ts";
import { compareGrid } from "./downloads.ts";
import type { Grid } from "./downloads.ts";
import { readTable } from "./inspect-page.ts";

const { distDir, publicDistDir, dbPath, publicDbPath, outputDir } = inject("e2e");

async function query(sql: string, db = dbPath): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf-8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} 失败（${result.status}）：${result.stderr}`);
  return result.stdout;
}

/** A page's text without the footer Chromium prints on every page (title, build date, page numbers). */
function pageBody(text: string, footer: string): string {
  return text.replace(/第\s*\d+\s*页，共\s*\d+\s*页/g, "").split(/\r?\n/).filter((line) => !footer.includes(line.trim()) || line.trim() === "").join("").replace(/\s+/g, "");
}

describe("半年考核报告", () => {
  test("every half-year with data has a report page, in the full and the public build", async () => {
    // the public site is built from its own input (the national-layout sample, fewer months): each site against its warehouse
    for (const [dir, db] of [[distDir, dbPath], [publicDistDir, publicDbPath]]) {
      const halves = (await query("select period from periods where period_type = 'half' order by period", db)).map((r) => String(r.period));
      expect(halves.length).toBeGreaterThan(1);
      for (const period of halves) expect(existsSync(join(dir, "report", `${period}.html`)), `${dir} 缺少 report/${period}.html`).toBe(true);
      expect(existsSync(join(dir, "report", "index.html"))).toBe(true);
    }
  });

  test("npm run report:pdf prints the county's and a town's report; the PDFs hold the sections and the mart's figures", async () => {
    const [{ period }] = await query("select period from periods where period_type = 'half' and end_month = last_month order by period desc limit 1");
    const [county] = await query("select area_code, name from areas where area_level = 'county'");
    const [town] = await query("select area_code, name from areas where area_level = 'town' order by area_code limit 1");
    const outDir = join(outputDir, "report-pdf");
    rmSync(outDir, { recursive: true, force: true });
    const result = spawnSync(process.execPath, ["--import", "tsx", resolve("loaders", "cli", "report-pdf.ts"), "--period", String(period), "--dir", distDir, "--out", outDir, "--town", String(town.area_code)], { encoding: "utf-8" });
    expect(result.status, result.stderr).toBe(0);

    const mart = async (code: string, area: unknown) => {
      const [row] = await query(`select value from indicators_published where code = '${code}' and period = '${period}' and area_code = '${area}'`);
      return row?.value as number | null;
    };
    for (const area of [county, town]) {
      const file = join(outDir, `${area.name}-${period}.pdf`);
      expect(existsSync(file), `没有生成 ${file}`).toBe(true);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(run("pdfinfo", [file]))?.[1]);
      expect(pages).toBeGreaterThan(1);
      const text = run("pdftotext", ["-layout", file, "-"]);
      const flat = text.replace(/\s+/g, "");
      const footerLine = text.split(/\r?\n/).find((line) => /第\s*\d+\s*页，共/.test(line)) ?? "";
      const bodies: string[] = [];
      for (let p = 1; p <= pages; p++) {
        const body = pageBody(run("pdftotext", ["-layout", "-f", String(p), "-l", String(p), file, "-"]), footerLine);
        expect(body.length, `${file} 第 ${p} 页是空白页`).toBeGreaterThan(20);
        bodies.push(body);
      }
      // every section after the first starts a page; no area links or buttons on paper
      for (const [i, section] of REPORT_SECTIONS.entries()) {
        if (i > 0) expect(bodies.some((body) => body.startsWith(`${"一二三四五六七"[i]}、${section.title}`)), `「${section.title}」没有另起一页`).toBe(true);
      }
      expect(flat).not.toMatch(/选择区域|下载/);
      expect(footerLine, "页脚没有页码").toMatch(/第\s*1\s*页，共/);
      expect(flat).toContain("数据构建于");
      for (const section of REPORT_SECTIONS) expect(flat, `缺少「${section.title}」`).toContain(section.title);
      // figures from the indicators mart, formatted as the report writes them
      const active = await mart("mon_active", area.area_code);
      expect(active).not.toBeNull();
      expect(flat).toContain(formatReportValue(active, { code: "mon_active", unit: "households" }).replace(/\s+/g, ""));
      const returnRate = await mart("return_rate", area.area_code);
      if (returnRate != null) expect(flat).toContain(formatReportValue(returnRate, { code: "return_rate", unit: "ratio" }));
    }
  });
});

test("a town report's workbook: one sheet per table, the villages' withheld cells as on the page", async () => {
  const [{ period }] = await query("select period from periods where period_type = 'half' and end_month = last_month order by period desc limit 1");
  const [town] = await query("select area_code, name from areas where area_level = 'town' order by area_code limit 1");
  const { server, url } = await serveDist({ root: distDir });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${url}/report/${period}?town=${town.area_code}`, { waitUntil: "load" });
    await page.waitForFunction((code) => document.documentElement.dataset.reportReady === code, String(town.area_code), { timeout: 60_000 });
    const tables = await page.locator("table[data-table-name]").count();
    const shown = await readTable(page.locator('table[data-table-name="各村主要指标"]'));
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-download="report-xlsx"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.length).toBe(tables);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    for (const section of REPORT_SECTIONS) expect(names).toContain(section.title);
    const sheet = workbook.getWorksheet("各村主要指标");
    expect(sheet).toBeDefined();
    const grid: Grid = [];
    sheet!.eachRow({ includeEmpty: true }, (row, n) => {
      grid[n - 1] = Array.from({ length: sheet!.columnCount }, (_, c) => String(row.getCell(c + 1).value ?? ""));
    });
    // the title row names the town and the table, the notice row the build date and the withheld marks
    expect(String(grid[0]?.[0])).toContain(`${town.name}`);
    expect(String(grid[0]?.[0])).toContain("各村主要指标");
    expect(String(grid[1]?.[0])).toContain("数据构建于");
    expect(compareGrid(shown, Array.from(grid, (cells) => cells ?? []))).toBeNull();
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
});
