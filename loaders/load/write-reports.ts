import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { inertFormula, visibleBidiControls } from "../../src/components/inert-text.ts";
import type { Rejection } from "./bookkeeping.ts";
import type { LoadSummary } from "./load-input-folder.ts";

const BOM = "\uFEFF";

/**
 * The reports show the raw values the staff must fix, made inert: a value that Excel would run as a
 * formula opens as text, and bidirectional controls are written out as ‹U+202E›.
 */
function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? inertFormula(visibleBidiControls(value)) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Writes lines in chunks: a report of a million rejections never becomes one giant string. */
function writeLines(path: string, head: string, lines: Iterable<string>, tail = ""): void {
  const fd = openSync(path, "w");
  try {
    let chunk = head;
    for (const line of lines) {
      chunk += line;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk + tail);
  } finally {
    closeSync(fd);
  }
}

/** What a warning did to its value, in the words of the report. */
export const ACTION_TEXT = { keep: "保留原值", null: "已置空" } as const;

/** One report pair: `<name>.csv` (BOM, opens in Excel) and `<name>.json`, raw values, written in chunks. */
function writeIssueReport(dir: string, name: string, rows: readonly Rejection[], withAction: boolean): void {
  const header = ["文件", "工作表", "行号", "列", "值", "规则", "说明", "数据类型", "数据期", "来源", ...(withAction ? ["处理"] : [])];
  writeLines(
    join(dir, `${name}.csv`),
    BOM + header.join(",") + "\r\n",
    (function* () {
      for (const r of rows) {
        const cells: unknown[] = [r.file, r.sheet, r.row, r.column, r.value, r.rule, r.message, r.extract, r.period, r.sourceKey];
        if (withAction) cells.push(r.action ? ACTION_TEXT[r.action] : "");
        yield cells.map(csvCell).join(",") + "\r\n";
      }
    })(),
  );
  writeLines(
    join(dir, `${name}.json`),
    "[",
    (function* () {
      let first = true;
      for (const { valueMasked: _masked, action, ...r } of rows) {
        yield (first ? "\n " : ",\n ") + JSON.stringify(withAction ? { ...r, action } : r);
        first = false;
      }
    })(),
    "\n]\n",
  );
}

/**
 * Writes the county's own reports: rejections.csv and warnings.csv (BOM, open in Excel) with their .json,
 * and the per-file summary load-summary.csv/.json. They hold raw values, for the staff who fix the files.
 */
export function writeReports(dir: string, summary: LoadSummary, rejections: readonly Rejection[], warnings: readonly Rejection[] = []): void {
  mkdirSync(dir, { recursive: true });
  writeIssueReport(dir, "rejections", rejections, false);
  writeIssueReport(dir, "warnings", warnings, true);
  writeFileSync(
    join(dir, "load-summary.csv"),
    csv(
      ["文件", "工作表", "数据类型", "数据期", "状态", "读取行数", "接受行数", "拒绝行数", "其中有警告行数", "说明", "校验和"],
      summary.files.map((f) => [f.file, f.sheet, f.extract, f.period, f.status, f.rowsRead, f.rowsAccepted, f.rowsRejected, f.rowsWarned, f.message, f.checksum]),
    ),
  );
  writeFileSync(join(dir, "load-summary.json"), JSON.stringify(summary, null, 1));
}
