// The PDF command's refusals, before any browser starts: a half-year the site has no report for, and a
// machine without Chromium (it says exactly what to install).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { pdfFileName, printReports } from "../../loaders/report/print-report.ts";

const made: string[] = [];
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "dixian-report-pdf-"));
  made.push(dir);
  mkdirSync(join(dir, "report"));
  writeFileSync(join(dir, "report", "2025-H1.html"), "<html></html>");
  writeFileSync(join(dir, "report", "2025-H2.html"), "<html></html>");
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  delete process.env.DIXIAN_CHROMIUM;
});

describe("printReports", () => {
  it("refuses a half-year the site has no report for, naming the ones it has", async () => {
    const distDir = fakeDist();
    await expect(printReports({ distDir, period: "2024-H2", outDir: join(distDir, "out") })).rejects.toThrow("已有的半年：2025-H1、2025-H2");
    await expect(printReports({ distDir, period: "2025", outDir: join(distDir, "out") })).rejects.toThrow("形如 2025-H1");
  });

  it("says what to install when Chromium is missing", async () => {
    const distDir = fakeDist();
    process.env.DIXIAN_CHROMIUM = join(distDir, "no-chromium");
    await expect(printReports({ distDir, period: "2025-H1", outDir: join(distDir, "out") })).rejects.toThrow("apt-get install chromium");
  });

  it("names files by area and half-year", () => {
    expect(pdfFileName("青山县", "2025-H1")).toBe("青山县-2025-H1.pdf");
    expect(pdfFileName("青山/镇", "2025-H2")).toBe("青山_镇-2025-H2.pdf");
  });
});
