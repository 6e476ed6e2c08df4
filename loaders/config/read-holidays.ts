import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { INVALID, parseDate } from "../read/parse-values.ts";

/** Excel on a county PC saves CSV as GB18030 unless told otherwise; anything that is not valid UTF-8 is read as such. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/**
 * The optional holiday list (a CSV with a 日期 column; other columns such as 名称 are ignored) → sorted,
 * distinct 'YYYY-MM-DD'. Working days are Monday–Friday minus these dates.
 */
export function readHolidays(path: string): string[] {
  const lines = decode(readFileSync(path)).split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((cell) => cell.trim().replace(/^"|"$/g, ""));
  const column = header.indexOf("日期");
  if (column < 0) throw new Error(`节假日文件 ${path} 的第一行须有“日期”列（现为：${header.join(",") || "空"}）`);
  const days = new Set<string>();
  lines.slice(1).forEach((line, index) => {
    const cell = (line.split(",")[column] ?? "").trim().replace(/^"|"$/g, "");
    if (cell === "") return;
    const day = parseDate(cell);
    // A month alone ('202405') would parse as the 1st: a holiday list needs whole dates.
    if (day === null || day === INVALID || /^\d{6}$/.test(cell)) {
      throw new Error(`节假日文件 ${path} 第 ${index + 2} 行的日期“${cell}”无法识别，请写成 2025-10-01 这样的日期`);
    }
    days.add(day);
  });
  return [...days].sort();
}
